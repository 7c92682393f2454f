/**
 * A site's banner heading, found by repetition across the folder's pages. Some sites head every
 * page with the site's name as the outermost heading (`<h1><a href="…">Exim Internet Mailer</a></h1>`
 * above each chapter's own): nothing in its shape tells it from a page's title, but it heads
 * every page of the site, so it names none of them. It is left out of the section paths (the
 * document's title still names each page), where it stood first in every citation.
 *
 * Found over the whole folder after every page is read (each page is read alone, in isolation),
 * so a page's passages are split again here without it; its hash then names the banner, so that a
 * page whose banner is dropped or kept again (more pages, fewer) is indexed again.
 */
import path from "node:path";
import { yieldToEventLoop } from "../event-loop.js";
import { sha256 } from "./hash.js";
import { splitDocuments, type SplitOptions } from "./split.js";
import type { Chunk, SourceDocument } from "./types.js";

const PAGE_EXTENSIONS = new Set([".html", ".htm"]);
/** Pages a site has at least for a heading that heads them all to be its banner. */
const MIN_PAGES = 5;
/** The share of the folder's pages it heads at least. */
const MIN_SHARE = 0.8;

/** The heading that opens every section path of a page and heads something below it, if one does. */
function outermost(doc: SourceDocument): string | undefined {
  const sections = doc.structure.sections;
  const first = sections[0]?.path[0];
  if (first === undefined || !sections.every((s) => s.path[0] === first) || !sections.some((s) => s.path.length > 1)) return undefined;
  return first;
}

/** The banner heading of the folder's web pages, if they have one. */
export function siteBanner(documents: readonly SourceDocument[]): string | undefined {
  const pages = documents.filter((d) => PAGE_EXTENSIONS.has(path.extname(d.source).toLowerCase()));
  if (pages.length < MIN_PAGES) return undefined;
  const counts = new Map<string, number>();
  for (const page of pages) {
    const heading = outermost(page);
    if (heading !== undefined) counts.set(heading, (counts.get(heading) ?? 0) + 1);
  }
  const [heading, count] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? [];
  return heading !== undefined && count! >= MIN_SHARE * pages.length ? heading : undefined;
}

/**
 * The documents and their passages without the folder's banner heading: each page it heads is
 * split again with its sections' paths below the banner. Others are returned as they are.
 */
export async function withoutSiteBanner(
  documents: readonly SourceDocument[],
  chunksOf: ReadonlyMap<string, readonly Chunk[]>,
  chunking: SplitOptions,
): Promise<{ documents: SourceDocument[]; chunks: Chunk[] }> {
  const banner = siteBanner(documents);
  const out = { documents: [] as SourceDocument[], chunks: [] as Chunk[] };
  for (const doc of documents) {
    if (banner === undefined || outermost(doc) !== banner) {
      out.documents.push(doc);
      for (const chunk of chunksOf.get(doc.source) ?? []) out.chunks.push(chunk);
      continue;
    }
    const sections = doc.structure.sections.filter((s) => s.path.length > 1).map((s) => ({ ...s, path: s.path.slice(1) }));
    const read = { ...doc, structure: { ...doc.structure, sections }, hash: sha256(`${doc.hash}\n${banner}`) };
    out.documents.push(read);
    for (const chunk of await splitDocuments([read], chunking, [banner])) out.chunks.push(chunk);
    // Split on the bot's thread: a site of thousands of pages does not hold it up in one go.
    await yieldToEventLoop();
  }
  return out;
}
