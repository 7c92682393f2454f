import { RecursiveCharacterTextSplitter } from "@langchain/textsplitters";
import type { Chunk, SourceDocument } from "./types.js";
import { collectionOf } from "./collections.js";
import { sha256 } from "./hash.js";
import { passageLang } from "./language.js";
import { pageAt, sectionLabel, sectionOf, sectionsIn, SECTION_SEPARATOR } from "./structure.js";

/** Pieces of a stretch with no separator at all (a long run of one character, a giant "word"). */
const RUN_PIECE = 64;
/** Shortest piece handed to LangChain's merge, unless it is the last. */
const MIN_PIECE = 24;

/**
 * LangChain's splitter keeps a separator at the start of the next piece (". Next sentence").
 * Sentence punctuation belongs to the sentence it ends, so this one keeps it at the end.
 *
 * It also keeps the work per character small on text built to be slow. LangChain merges pieces
 * with an `await` per piece, so pieces are never tiny: a run of separators stays with its piece,
 * consecutive short pieces are joined until each has MIN_PIECE characters (a chunk still ends
 * only where a separator is), and a stretch without any separator is cut every RUN_PIECE
 * characters rather than into single characters. Scanned with indexOf, not a regex split, which
 * made a string per separator first.
 */
class SentenceAwareSplitter extends RecursiveCharacterTextSplitter {
  override splitOnSeparator(text: string, separator: string): string[] {
    const pieces: string[] = [];
    if (!separator) {
      for (let at = 0; at < text.length; at += RUN_PIECE) pieces.push(text.slice(at, at + RUN_PIECE));
      return pieces;
    }
    let start = 0;
    for (let at = text.indexOf(separator); at >= 0; at = text.indexOf(separator, at)) {
      at += separator.length;
      while (text.startsWith(separator, at)) at += separator.length;
      if (at - start >= MIN_PIECE) {
        pieces.push(text.slice(start, at));
        start = at;
      }
    }
    if (start < text.length) pieces.push(text.slice(start));
    return pieces;
  }
}

/** Paragraphs first, then lines, then sentences, then clauses, then words. */
const SEPARATORS = ["\n\n", "\n", ". ", "! ", "? ", "; ", ": ", ", ", " ", ""];

export interface SplitOptions {
  readonly chunkSize: number;
  readonly chunkOverlap: number;
}

/**
 * What is embedded and matched lexically for a chunk: where it stands (title and section path)
 * and its text. The quoted text stays `chunk.text` alone.
 */
export function indexedText(chunk: Pick<Chunk, "title" | "section" | "text">): string {
  return `${chunk.section ? `${chunk.title}${SECTION_SEPARATOR}${chunk.section}` : chunk.title}\n${chunk.text}`;
}

/** The pages a stretch [start, end) of a chunk lies on (document offsets). */
export function pagesWithin(
  chunk: Pick<Chunk, "page" | "pageBreaks" | "scanned">,
  start: number,
  end: number,
): { page: number | null; pageEnd: number | null; scanned?: true } {
  if (chunk.page === null) return { page: null, pageEnd: null };
  const breaks = chunk.pageBreaks ?? [];
  const pageOf = (offset: number) => chunk.page! + breaks.filter((b) => b <= offset).length;
  const page = pageOf(start);
  const pageEnd = pageOf(Math.max(start, end - 1));
  // The stretch was read from a scan when any of its pages was.
  const scanned = chunk.scanned?.some((p) => p >= page && p <= pageEnd);
  return { page, pageEnd, ...(scanned ? { scanned: true as const } : {}) };
}

/**
 * Sections a passage names at most (see Chunk.sections), and the characters of their heading
 * paths: one or two short sections joined to the next are what folders have (about 100-500
 * characters of paths). A passage over more keeps the section it covers most, as before: each
 * named section carries its whole path, and a planted file of 90,000 "### x" sections under two
 * long headings made every passage carry a hundred of them (50 MB); one of 20,000 sections under
 * five 300-character headings, four of 1,500 characters each (3.7 times the passages' size).
 */
const SECTIONS_NAMED = 4;
const SECTIONS_CHARS = 1_200;

/** The section a stretch [start, end) of a chunk lies in most (document offsets): the chunk's own unless the chunk spans sections. */
export function sectionWithin(chunk: Pick<Chunk, "section" | "sections" | "end">, start: number, end: number): string | null {
  const sections = chunk.sections;
  if (!sections?.length) return chunk.section;
  let best = chunk.section;
  let bestCover = 0;
  sections.forEach(({ at, section }, i) => {
    const to = sections[i + 1]?.at ?? chunk.end;
    const cover = Math.min(end, to) - Math.max(start, at);
    if (cover > bestCover) {
      best = section;
      bestCover = cover;
    }
  });
  return best;
}

/**
 * Stretches of a document to split separately: one per section, where a section shorter than
 * `minLength` is joined to the next, so a chunk spans two sections only when they are tiny. Not
 * across the end of the section it is part of: a manual page's closing "See also" is not joined to
 * the next page's synopsis, nor a release's last short list of fixes to the notes of the release
 * before: such a section goes with the section before it instead, where that is in its part too.
 */
function spans(doc: Unhashed, minLength: number): { start: number; end: number }[] {
  const sections = doc.structure.sections;
  const starts = [0, ...sections.map((s) => s.start).filter((s) => s > 0)];
  // The heading path at each start (none before the first heading).
  const paths = [sections[0]?.start === 0 ? sections[0].path : [], ...sections.filter((s) => s.start > 0).map((s) => s.path)];
  const out: { start: number; end: number; path: readonly string[] }[] = [];
  starts.forEach((start, i) => {
    const end = starts[i + 1] ?? doc.text.length;
    const path = paths[i]!;
    const last = out.at(-1);
    if (last && last.end - last.start < minLength) {
      const before = out.at(-2);
      if (!staysUnder(last.path, path) && before && before.end === last.start && staysUnder(last.path, before.path)) {
        before.end = last.end;
        before.path = last.path;
        out.pop();
      } else {
        last.end = end;
        last.path = path;
        return;
      }
    }
    if (end > start) out.push({ start, end, path });
  });
  return out;
}

/** Whether a section at `next` is still under the heading that holds the section at `path`: a sibling of it or deeper in it. */
function staysUnder(path: readonly string[], next: readonly string[]): boolean {
  const parent = Math.max(0, path.length - 1);
  if (next.length < parent) return false;
  for (let i = 0; i < parent; i++) if (path[i] !== next[i]) return false;
  return true;
}

/** A document as read, before its hash (which covers its passages' languages) is known. */
export type Unhashed = Omit<SourceDocument, "hash"> & { readonly hash?: string };

/** A passage before its hash and id are known. */
export type Unidentified = Omit<Chunk, "id" | "hash">;

/**
 * One document's passages with their hashes and ids. The vector depends on what is embedded
 * alone (title, section path and text), and is reused by this hash. The id also names the
 * language, so a passage whose language is told differently is replaced where it is stored.
 * (Where it stands is not in it: a local build rewrites every passage, and Postgres compares what
 * it holds, see pg/backend.ts.) The same text twice in a document gets "-1", "-2" … in order.
 */
export function identified(parts: readonly Unidentified[]): Chunk[] {
  const seen = new Map<string, number>();
  return parts.map((part) => {
    const hash = sha256(indexedText(part));
    const key = sha256(`${part.lang}\n${hash}`);
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    return { id: `${part.source}#${key.slice(0, 12)}${n ? `-${n}` : ""}`, ...part, hash };
  });
}

/**
 * The parts of a document's tables (see Structure.tables, in order) that lie in [start, end), as
 * document offsets: found by halving, a long document of many tables stays linear.
 */
function tablesIn(tables: readonly (readonly [number, number])[], start: number, end: number): [number, number][] {
  let lo = 0;
  let hi = tables.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tables[mid]![1] <= start) lo = mid + 1;
    else hi = mid;
  }
  const out: [number, number][] = [];
  for (let i = lo; i < tables.length && tables[i]![0] < end; i++) out.push([Math.max(start, tables[i]![0]), Math.min(end, tables[i]![1])]);
  return out;
}

/**
 * Splits documents into chunks of at most `chunkSize` characters on sentence-friendly boundaries
 * inside sections, each with its exact offsets, its section path and, for PDFs, its pages.
 */
export async function splitDocuments(documents: readonly Unhashed[], options: SplitOptions): Promise<Chunk[]> {
  const splitter = new SentenceAwareSplitter({
    chunkSize: options.chunkSize,
    chunkOverlap: options.chunkOverlap,
    separators: SEPARATORS,
  });
  const chunks: Chunk[] = [];
  for (const doc of documents) {
    const pieces: { text: string; start: number; end: number; path: readonly string[]; headingAt?: number }[] = [];
    for (const span of spans(doc, Math.floor(options.chunkSize / 4))) {
      const spanText = doc.text.slice(span.start, span.end);
      let cursor = 0;
      for (const text of await splitter.splitText(spanText)) {
        // Pieces come in order and overlap by at most chunkOverlap characters.
        let at = spanText.indexOf(text, Math.max(0, cursor - options.chunkOverlap - 1));
        if (at < 0) at = spanText.indexOf(text);
        if (at < 0) throw new Error(`splitter produced text not found in ${doc.source}`);
        cursor = at + text.length;
        const start = span.start + at;
        const end = start + text.length;
        const section = sectionOf(doc.structure, start, end, doc.text.length);
        pieces.push({ text, start, end, path: section?.path ?? [], ...(section ? { headingAt: section.start } : {}) });
      }
    }
    // A heading alone (the splitter flushes it when the block after it is too long to join it)
    // matches a question's words and has nothing to quote. The heading of the next passage's own
    // section opens that passage (which may so exceed chunkSize by a heading's length); a heading
    // over several sections (a chapter's, before its first subsection) is in their section paths
    // already and is left out, as is one at the very end, unless the document has nothing else.
    const content: typeof pieces = [];
    for (let i = 0; i < pieces.length; i++) {
      const piece = pieces[i]!;
      const next = pieces[i + 1];
      if (!headingsOnly(piece.text, [doc.title, ...piece.path])) content.push(piece);
      else if (next?.headingAt !== undefined && next.headingAt >= piece.start && next.headingAt < Math.min(piece.end, next.start)) {
        pieces[i + 1] = { ...next, start: next.headingAt, text: doc.text.slice(next.headingAt, next.end) };
      }
    }
    const parts: Unidentified[] = [];
    for (const { text, start, end, path } of content.length ? content : pieces.slice(-1)) {
      const section = sectionLabel(path);
      const page = pageAt(doc.structure, start);
      const pageEnd = page === null ? null : pageAt(doc.structure, end - 1);
      const pageBreaks = doc.structure.pages.filter((p) => p > start && p < end);
      const tables = tablesIn(doc.structure.tables ?? [], start, end);
      const sections = sectionsIn(doc.structure, start, end).map(({ at, path }) => ({ at, section: sectionLabel(path) }));
      const scanned = page === null ? [] : (doc.structure.scanned ?? []).filter((p) => p >= page && p <= pageEnd!);
      parts.push({
        source: doc.source,
        collection: collectionOf(doc.source),
        title: doc.title,
        lang: passageLang(text, doc.lang),
        text,
        section,
        page,
        pageEnd,
        ...(pageBreaks.length ? { pageBreaks } : {}),
        ...(sections.length > 1 && sections.length <= SECTIONS_NAMED && sections.reduce((n, x) => n + (x.section?.length ?? 0), 0) <= SECTIONS_CHARS ? { sections } : {}),
        ...(scanned.length ? { scanned } : {}),
        ...(doc.structure.links ? { links: true as const } : {}),
        ...(tables.length ? { tables } : {}),
        ...(doc.url ? { url: doc.url } : {}),
        start,
        end,
      });
    }
    for (const chunk of identified(parts)) chunks.push(chunk);
  }
  return chunks;
}

/** A text's lines without blank lines, spacing and Markdown's "#". */
function headingLines(text: string): string[] {
  return text.split("\n").map((line) => normHeading(line.replace(/^\s*#{1,6}\s+/, ""))).filter(Boolean);
}

const normHeading = (s: string) => s.replace(/\s+/g, " ").trim();

/** Whether every line of a text is one of these headings. */
function headingsOnly(text: string, headings: readonly string[]): boolean {
  const known = new Set(headings.map(normHeading));
  const lines = headingLines(text);
  return lines.length > 0 && lines.every((line) => known.has(line));
}
