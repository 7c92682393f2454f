/**
 * Collections: a top-level subfolder of the documents folder is a collection of its own
 * ("hr/policies.pdf" is in "hr"); files directly in the folder form the collection "main".
 * A chat searches only the collections meant for it.
 */
export const MAIN_COLLECTION = "main";

/**
 * A collection name an admin types (a caption, /add, the settings): letters, digits, "-", "_" and
 * "." (not at the start), at most 64; it becomes a folder name.
 */
export const COLLECTION_NAME = /^[\p{L}\p{N}][\p{L}\p{N}._-]{0,63}$/u;

/** Any folder name a collection can have on disk (an existing folder may hold spaces): what stored choices may name. */
export function isFolderName(name: string): boolean {
  return name.length > 0 && name.length <= 255 && name !== "." && name !== ".." && !/[/\\\u0000-\u001f]/.test(name);
}

/** The collections of some documents, each once, sorted: buttons name one by its place in this list. */
export function collectionsOf(documents: readonly { readonly source: string }[]): string[] {
  return [...new Set(documents.map((d) => collectionOf(d.source)))].sort();
}

/** The collection of a document, from its path relative to the documents folder (forward slashes). */
export function collectionOf(source: string): string {
  const slash = source.indexOf("/");
  return slash > 0 ? source.slice(0, slash) : MAIN_COLLECTION;
}
