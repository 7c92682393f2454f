/**
 * A site's banner heading and the site's name in its page titles, found by repetition across the
 * folder's pages. Some sites head every page with the site's name as the outermost heading
 * (`<h1><a href="…">Exim Internet Mailer</a></h1>` above each chapter's own): nothing in its shape
 * tells it from a page's title, but it heads every page of the site, so it names none of them. It
 * is left out of the section paths (the document's title still names each page), where it stood
 * first in every citation. Most sites also set their name beside each page's own in the page's
 * `<title>` ("prefork - Apache HTTP Server Version 2.4", "Wi-Fi — NordOS 4.2 documentation",
 * "Home | City Library"): it is left out of the titles, where it stood in every citation and was
 * searched with every passage (the title is indexed with its passages), so that "server" and
 * "version" were words of each of them.
 *
 * Found once every page is read (each is read alone, in isolation), per collection (a folder may
 * hold several sites, each with its own banner), over its web pages only. The passages stay cut
 * where the reader cut them: only their section labels and titles change, and with them their
 * hashes and ids; the page's hash names the banner and the site's name, so a page is indexed
 * again when either comes or goes.
 */
import path from "node:path";
import { collectionOf } from "./collections.js";
import { sha256 } from "./hash.js";
import { identified } from "./split.js";
import { SECTION_SEPARATOR } from "./structure.js";
import type { Chunk, SourceDocument } from "./types.js";

const PAGE_EXTENSIONS = new Set([".html", ".htm"]);
/** Pages a site has at least for a heading that heads them all to be its banner, or a name in all their titles to be its. */
const MIN_PAGES = 5;
/** The share of the collection's pages it heads, or whose titles have it, at least. */
const MIN_SHARE = 0.8;

const isPage = (doc: SourceDocument) => PAGE_EXTENSIONS.has(path.extname(doc.source).toLowerCase());

/** Each collection's web pages. */
function pagesByCollection(documents: readonly SourceDocument[]): Map<string, SourceDocument[]> {
  const pages = new Map<string, SourceDocument[]>();
  for (const doc of documents.filter(isPage)) {
    const collection = collectionOf(doc.source);
    const its = pages.get(collection);
    if (its) its.push(doc);
    else pages.set(collection, [doc]);
  }
  return pages;
}

/** The heading that opens every section path of a page and heads something below it, if one does. */
function outermost(doc: SourceDocument): string | undefined {
  const sections = doc.structure.sections;
  const first = sections[0]?.path[0];
  if (first === undefined || !sections.every((s) => s.path[0] === first) || !sections.some((s) => s.path.length > 1)) return undefined;
  return first;
}

/** The banner heading of each collection's web pages that have one. */
export function siteBanners(documents: readonly SourceDocument[]): Map<string, string> {
  const banners = new Map<string, string>();
  for (const [collection, its] of pagesByCollection(documents)) {
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

/**
 * What stands between a page's own title and the site's name: a dash (or two, "Debian --
 * Packages"), a bar, a middle dot, a guillemet or a colon with blanks around ("Wi-Fi — NordOS
 * docs", "Home | City Library").
 */
const TITLE_SEPARATOR = /\s+(?:[-–—|·»:]|::|--)\s+/g;

/** Where a site's name stands in its pages' titles, and what it is. */
interface SiteName {
  readonly at: "start" | "end";
  readonly name: string;
}

/** A title's first and last parts at a separator (`TITLE_SEPARATOR`), each with what stays of the title without it. */
function titleEnds(title: string): { at: SiteName["at"]; name: string; rest: string }[] {
  const cuts = [...title.matchAll(TITLE_SEPARATOR)];
  if (!cuts.length) return [];
  const first = cuts[0]!;
  const last = cuts.at(-1)!;
  return [
    { at: "end", name: title.slice(last.index + last[0].length), rest: title.slice(0, last.index) },
    { at: "start", name: title.slice(0, first.index), rest: title.slice(first.index + first[0].length) },
  ];
}

/** The title without the site's name, where it has it and something besides (a site's home page may be titled by the name alone). */
function ownTitle(title: string, site: SiteName): string {
  const end = titleEnds(title).find((e) => e.at === site.at && e.name === site.name);
  return end && end.rest.trim() ? end.rest.trim() : title;
}

/** The site's name in each collection's page titles, where MIN_SHARE of them (MIN_PAGES at least) set it at the same end. */
export function siteNames(documents: readonly SourceDocument[]): Map<string, SiteName> {
  const names = new Map<string, SiteName>();
  for (const [collection, its] of pagesByCollection(documents)) {
    if (its.length < MIN_PAGES) continue;
    const counts = new Map<string, { site: SiteName; count: number }>();
    for (const page of its) {
      for (const { at, name } of titleEnds(page.title)) {
        const key = `${at}\n${name}`;
        const c = counts.get(key);
        if (c) c.count++;
        else counts.set(key, { site: { at, name }, count: 1 });
      }
    }
    const best = [...counts.values()].sort((a, b) => b.count - a.count)[0];
    if (best && best.count >= MIN_SHARE * its.length) names.set(collection, best.site);
  }
  return names;
}

/** The documents and their passages without their collection's banner heading in the section paths, nor the site's name in their titles. */
export function withoutSiteBanner(documents: readonly SourceDocument[], chunksOf: ReadonlyMap<string, readonly Chunk[]>): { documents: SourceDocument[]; chunks: Chunk[] } {
  const banners = siteBanners(documents);
  const names = siteNames(documents);
  const out = { documents: [] as SourceDocument[], chunks: [] as Chunk[] };
  for (const doc of documents) {
    const collection = collectionOf(doc.source);
    const banner = isPage(doc) && outermost(doc) === banners.get(collection) ? banners.get(collection) : undefined;
    const site = isPage(doc) ? names.get(collection) : undefined;
    const title = site ? ownTitle(doc.title, site) : doc.title;
    const chunks = chunksOf.get(doc.source) ?? [];
    if (banner === undefined && title === doc.title) {
      out.documents.push(doc);
      for (const chunk of chunks) out.chunks.push(chunk);
      continue;
    }
    const below = (label: string | null) =>
      banner === undefined ? label : label === banner ? null : label?.startsWith(banner + SECTION_SEPARATOR) ? label.slice(banner.length + SECTION_SEPARATOR.length) : label ?? null;
    const sections = banner === undefined ? doc.structure.sections : doc.structure.sections.filter((s) => s.path.length > 1).map((s) => ({ ...s, path: s.path.slice(1) }));
    out.documents.push({ ...doc, title, structure: { ...doc.structure, sections }, hash: sha256(`${doc.hash}\n${banner ?? ""}\n${site ? `${site.at} ${site.name}` : ""}`) });
    const parts = chunks.map(({ id: _id, hash: _hash, ...part }) => ({
      ...part,
      title,
      section: below(part.section),
      ...(part.sections ? { sections: part.sections.map((x) => ({ ...x, section: below(x.section) })) } : {}),
    }));
    for (const chunk of identified(parts)) out.chunks.push(chunk);
  }
  return out;
}
