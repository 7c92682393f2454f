/**
 * A site's banner heading, found by repetition across the folder's pages. Some sites head every
 * page with the site's name as the outermost heading (`<h1><a href="…">Exim Internet Mailer</a></h1>`
 * above each chapter's own): nothing in its shape tells it from a page's title, but it heads
 * every page of the site, so it names none of them. It is left out of the section paths (the
 * document's title still names each page), where it stood first in every citation.
 *
 * Found once every page is read (each is read alone, in isolation), per collection (a folder may
 * hold several sites, each with its own banner), over its web pages only. The passages stay cut
 * where the reader cut them: only their section labels change, and with them their hashes and
 * ids; the page's hash names the banner, so a page is indexed again when its banner comes or goes.
 */
import path from "node:path";
import { collectionOf } from "./collections.js";
import { sha256 } from "./hash.js";
import { identified } from "./split.js";
import { SECTION_SEPARATOR } from "./structure.js";
import type { Chunk, SourceDocument } from "./types.js";

const PAGE_EXTENSIONS = new Set([".html", ".htm"]);
/** Pages a site has at least for a heading that heads them all to be its banner. */
const MIN_PAGES = 5;
/** The share of the collection's pages it heads at least. */
const MIN_SHARE = 0.8;

const isPage = (doc: SourceDocument) => PAGE_EXTENSIONS.has(path.extname(doc.source).toLowerCase());

/** The heading that opens every section path of a page and heads something below it, if one does. */
function outermost(doc: SourceDocument): string | undefined {
  const sections = doc.structure.sections;
  const first = sections[0]?.path[0];
  if (first === undefined || !sections.every((s) => s.path[0] === first) || !sections.some((s) => s.path.length > 1)) return undefined;
  return first;
}

/** The banner heading of each collection's web pages that have one. */
export function siteBanners(documents: readonly SourceDocument[]): Map<string, string> {
  const pages = new Map<string, SourceDocument[]>();
  for (const doc of documents.filter(isPage)) {
    const collection = collectionOf(doc.source);
    const its = pages.get(collection);
    if (its) its.push(doc);
    else pages.set(collection, [doc]);
  }
  const banners = new Map<string, string>();
  for (const [collection, its] of pages) {
    if (its.length < MIN_PAGES) continue;
    const counts = new Map<string, number>();
    for (const page of its) {
      const heading = outermost(page);
      if (heading !== undefined) counts.set(heading, (counts.get(heading) ?? 0) + 1);
    }
    const [heading, count] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? [];
    if (heading !== undefined && count! >= MIN_SHARE * its.length) banners.set(collection, heading);
  }
  return banners;
}

/** The documents and their passages without their collection's banner heading in the section paths. */
export function withoutSiteBanner(documents: readonly SourceDocument[], chunksOf: ReadonlyMap<string, readonly Chunk[]>): { documents: SourceDocument[]; chunks: Chunk[] } {
  const banners = siteBanners(documents);
  const out = { documents: [] as SourceDocument[], chunks: [] as Chunk[] };
  for (const doc of documents) {
    const banner = banners.get(collectionOf(doc.source));
    const chunks = chunksOf.get(doc.source) ?? [];
    if (banner === undefined || !isPage(doc) || outermost(doc) !== banner) {
      out.documents.push(doc);
      for (const chunk of chunks) out.chunks.push(chunk);
      continue;
    }
    const below = (label: string | null) => (label === banner ? null : label?.startsWith(banner + SECTION_SEPARATOR) ? label.slice(banner.length + SECTION_SEPARATOR.length) : label ?? null);
    const sections = doc.structure.sections.filter((s) => s.path.length > 1).map((s) => ({ ...s, path: s.path.slice(1) }));
    out.documents.push({ ...doc, structure: { ...doc.structure, sections }, hash: sha256(`${doc.hash}\n${banner}`) });
    const parts = chunks.map(({ id: _id, hash: _hash, ...part }) => ({
      ...part,
      section: below(part.section),
      ...(part.sections ? { sections: part.sections.map((x) => ({ ...x, section: below(x.section) })) } : {}),
    }));
    for (const chunk of identified(parts)) out.chunks.push(chunk);
  }
  return out;
}
