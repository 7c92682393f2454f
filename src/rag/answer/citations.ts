import { cosine } from "../embeddings/types.js";
import { pagesWithin, sectionWithin } from "../../documents/split.js";
import type { Chunk } from "../../documents/types.js";
import type { Embeddings } from "@langchain/core/embeddings";
import { wordSimilarity } from "../fuzzy.js";
import { closingMark, terms } from "../text.js";
import { claimsOf } from "./claims.js";
import { SAYS_ADDRESS } from "./extractive.js";
import { locateInTwin, sameText, shingles } from "../twins.js";
import type { Citation, Draft, ProposedCitation } from "./types.js";

/**
 * Lower-cases and collapses white space, remembering where each kept character came from, so
 * a match in the normalised text maps back to exact offsets in the original.
 */
function normaliseWithMap(text: string): { norm: string; map: number[] } {
  let norm = "";
  const map: number[] = [];
  let space = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (/\s/.test(ch)) {
      space = norm.length > 0;
      continue;
    }
    if (space) {
      norm += " ";
      map.push(i - 1);
      space = false;
    }
    const lower = ch.toLowerCase();
    for (let j = 0; j < lower.length; j++) {
      norm += lower[j];
      map.push(i);
    }
  }
  return { norm, map };
}

/** Quote marks and ellipses models like to wrap quotes in. */
function trimQuote(quote: string, keepClosing = true): string {
  const t = quote.trim();
  const lead = t.length - t.replace(/^["'«»„“”‚‘’…\s.]+/u, "").length;
  const stripped = t.slice(lead).replace(/["'«»„“”‚‘’…\s]+$/u, "");
  // (Not a closing mark whose opening one the quote holds: «• "ln -s foo bar"».)
  const close = keepClosing ? closingMark(stripped, t.slice(lead + stripped.length)) : 0;
  return (close ? t.slice(lead, lead + stripped.length + close) : stripped).trim();
}

/**
 * Where `quote` occurs in `chunk` (white space and case aside), in document offsets, with the
 * exact document text. Undefined when it does not occur.
 */
export function locateQuote(quote: string, chunk: Chunk): { quote: string; start: number; end: number } | undefined {
  // (The closing mark kept only where the passage has it: «'the users' home directories'».)
  return locateTrimmed(trimQuote(quote), chunk) ?? locateTrimmed(trimQuote(quote, false), chunk);
}

/** A letter or digit: a quote neither begins nor ends inside a word or number. */
const WORD_CHAR = /[\p{L}\p{N}]/u;

function locateTrimmed(trimmed: string, chunk: Chunk): { quote: string; start: number; end: number } | undefined {
  const wanted = normaliseWithMap(trimmed).norm;
  if (wanted.length < 3) return undefined;
  const { norm, map } = normaliseWithMap(chunk.text);
  // Whole words only: "The limit per client is 25" is no quote of "… is 250 requests …", and a
  // model cited it so for a figure the passage does not give (found by an attack review).
  const opensWord = WORD_CHAR.test(wanted[0]!);
  const closesWord = WORD_CHAR.test(wanted[wanted.length - 1]!);
  // (A number's decimal or thousands separator joins its digits: "2" is no quote of "2.5", nor "25" of "25,000".)
  const digit = (c: string | undefined) => c !== undefined && /\p{N}/u.test(c);
  const inNumber = (sign: string | undefined, next: string | undefined) => (sign === "." || sign === ",") && digit(next);
  const whole = (at: number) => {
    const end = at + wanted.length;
    if (opensWord && at > 0 && (WORD_CHAR.test(norm[at - 1]!) || (digit(wanted[0]) && inNumber(norm[at - 1], norm[at - 2])))) return false;
    return !(closesWord && (WORD_CHAR.test(norm[end] ?? "") || (digit(wanted[wanted.length - 1]) && inNumber(norm[end], norm[end + 1]))));
  };
  let at = norm.indexOf(wanted);
  while (at >= 0 && !whole(at)) at = norm.indexOf(wanted, at + 1);
  if (at < 0) return undefined;
  const from = map[at]!;
  const to = map[at + wanted.length - 1]! + 1;
  return { quote: chunk.text.slice(from, to), start: chunk.start + from, end: chunk.start + to };
}

/** A citation of an exact stretch of a passage: where it stands (section, pages) and what it says. */
export function citationOf(chunk: Chunk, found: { quote: string; start: number; end: number }): Omit<Citation, "n"> {
  return {
    source: chunk.source,
    collection: chunk.collection,
    title: chunk.title,
    chunkId: chunk.id,
    section: sectionWithin(chunk, found.start, found.end),
    ...pagesWithin(chunk, found.start, found.end),
    ...(chunk.url ? { url: chunk.url } : {}),
    ...found,
  };
}

/** A citation marker ("[2]", or a list "[1, 3]"), with the blank before it and any blanks between it and punctuation after it. */
const MARKER = /(\s?)\[(\d{1,3}(?:\s*,\s*\d{1,3})*)\](?: +(?=[.,;:!?]))?/gu;
/** Markers one after another, to say each once ("[1] [1][2]" -> "[1][2]"). A run of blanks is entered at its start only: linear. */
const MARKER_RUN = /(?<!\s)(?:\s*(?<![\p{L}\p{N}_])\[\d+\])+/gu;
/**
 * A quote in «…» on a line of its own with the markers after it, and the line break before it (as
 * the extractive answerer writes its quotes; a quote inside a sentence, "Type «make install» [1] in
 * the shell", stays, only its marker goes).
 */
const QUOTE_WITH_MARKERS = /(^|\n)[ \t]*«[^«»]*»((?:\s?\[\d{1,3}(?:\s*,\s*\d{1,3})*\])+)[ \t]*(?=\n|$)/gu;
/** Inline code in a model's answer ("`argv[1]`"): its brackets are the code's. */
const CODE_SPAN = /`[^`\n]*`/g;
const WORD_BEFORE = /[\p{L}\p{N}_]/u;

/**
 * Whether brackets with numbers are the text's own rather than a citation: in inline code; a list
 * with a 0 or with no id the model cited ("[0, 1]"); or glued to a word with an id the model did not
 * cite ("argv[0]"). A marker glued to a word is a citation otherwise ("… Herman Gref[1].", and
 * Chinese and Japanese write no blank before it). Found by an attack review: "argv[0]" lost its
 * "[0]" and "[0, 1]" became "[1]".
 */
function textsOwn(text: string, at: number, blank: string, ids: readonly number[], cited: ReadonlySet<number>, code: readonly [number, number][]): boolean {
  if (code.some(([from, to]) => at >= from && at < to)) return true;
  const glued = !blank && at > 0 && WORD_BEFORE.test(text[at - 1]!);
  return (ids.length > 1 || glued) && (ids.includes(0) || !ids.some((id) => cited.has(id)));
}

/**
 * Keeps only the citations that check out: the passage number exists and the quote occurs in
 * that passage. Markers of dropped or unknown citations are removed; the rest are renumbered
 * 1, 2, … in order of first appearance. Citations no marker uses are dropped too.
 */
export function verifyCitations(draft: Draft, passages: readonly Chunk[]): { text: string; citations: Citation[]; dropped: number } {
  const valid = new Map<number, Omit<Citation, "n">>();
  let dropped = 0;
  for (const c of draft.citations) {
    const chunk = passages[c.passage - 1];
    const found = chunk && locateQuote(c.quote, chunk);
    if (!chunk || !found || valid.has(c.id)) {
      dropped++;
      continue;
    }
    valid.set(c.id, citationOf(chunk, found));
  }
  const renumber = new Map<number, number>();
  const citations: Citation[] = [];
  const cited = new Set(draft.citations.map((c) => c.id));
  // A quote whose markers all cite nothing verified goes with them: left in the answer, it read as
  // the documents' words with nothing to check them by.
  const unquoted = draft.text.replace(QUOTE_WITH_MARKERS, (m: string, _lineStart: string, markers: string) => {
    const ids = [...markers.matchAll(/\d+/g)].map((id) => Number(id[0]));
    return ids.some((id) => valid.has(id)) ? m : "";
  });
  const code = [...unquoted.matchAll(CODE_SPAN)].map((m) => [m.index, m.index + m[0].length] as [number, number]);
  const text = unquoted
    .replace(MARKER, (m: string, blank: string, raw: string, at: number) => {
      const ids = raw.split(",").map((one) => Number(one.trim()));
      if (textsOwn(unquoted, at, blank, ids, cited, code)) return m;
      const marks = ids.map((id) => {
        const citation = valid.get(id);
        if (!citation) return "";
        let n = renumber.get(id);
        if (n === undefined) {
          // Two ids that quote the same passage text become one citation.
          const same = citations.find((c) => c.chunkId === citation.chunkId && c.start === citation.start && c.end === citation.end);
          n = same?.n ?? citations.length + 1;
          if (!same) citations.push({ n, ...citation });
          renumber.set(id, n);
        }
        return `[${n}]`;
      });
      const kept = marks.join("");
      return kept ? ` ${kept}` : "";
    })
    .replace(MARKER_RUN, (m) => ` ${[...new Set(m.match(/\[\d+\]/g))].join("")}`)
    // Only the blanks the markers leave are tidied: a quote keeps every character it has («the .LCK files»).
    .trim();
  dropped += [...valid.keys()].filter((id) => !renumber.has(id)).length;
  return { text, citations: withTwinCitations(citations, passages), dropped };
}

/**
 * Each citation followed by the same quote in the passages' other copies of its text (the PDF of
 * an HTML manual, a page saved twice), under the same number: the reader can check it in the file
 * they have at hand, and an outdated copy that says the same shows as such. Only a passage that is
 * a copy of the cited one (see `sameText`: not a page that shares a closing note with it), in its
 * language, and holds the whole quote (see `locateInTwin`); not one cited already (an answer that
 * cites both copies under two numbers keeps them).
 */
function withTwinCitations(citations: readonly Citation[], passages: readonly Chunk[]): Citation[] {
  const out: Citation[] = [];
  const cited = (source: string, start: number, end: number) => [...citations, ...out].some((x) => x.source === source && x.start < end && start < x.end);
  // Each passage's phrases made once, however many citations it is compared for.
  const phrases = new Map<Chunk, Set<string>>();
  const phrasesOf = (p: Chunk) => phrases.get(p) ?? phrases.set(p, shingles(p.text)).get(p)!;
  for (const c of citations) {
    out.push(c);
    const own = passages.find((p) => p.id === c.chunkId);
    if (!own) continue;
    for (const p of passages) {
      if (p.source === c.source || p.lang !== own.lang || !sameText(phrasesOf(own), phrasesOf(p))) continue;
      const found = locateInTwin(c.quote, p);
      if (!found || cited(p.source, found.start, found.end)) continue;
      out.push({ n: c.n, ...citationOf(p, found) });
    }
  }
  return out;
}

/** Cosine similarity at or above which a quote counts as supporting a claim it shares no word with. */
const SUPPORT_SIMILARITY = 0.5;


/** Content words and numbers of a text, for comparing a claim with its quote. */
function contentOf(text: string): string[] {
  return terms(text.replace(/\[\d{1,3}(?:\.\d{1,4})?\]/g, " "));
}

/**
 * Drops the proposed citations whose quote supports none of the claims that cite it: no content
 * word, number or name in common (close spellings count, so cognates across English and German
 * do) and, when embeddings are given, low similarity too. Their markers are removed later by
 * verifyCitations, like those of any unknown citation.
 */
export async function supportedCitations(draft: Draft, embeddings?: Pick<Embeddings, "embedDocuments">): Promise<{ draft: Draft; dropped: number }> {
  const claims = claimsOf(draft.text);
  // Each claim's words once, not once per citation.
  const claimTerms = new Map(claims.map((claim) => [claim, contentOf(claim)]));
  const weak: { citation: ProposedCitation; claims: string[] }[] = [];
  const kept: ProposedCitation[] = [];
  for (const c of draft.citations) {
    const citing = claims.filter((claim) => claim.includes(`[${c.id}]`));
    const quoteTerms = contentOf(c.quote);
    const shares = citing.some((claim) => claimTerms.get(claim)!.some((t) => quoteTerms.some((q) => q === t || wordSimilarity(q, t) >= 0.7)));
    if (shares || citing.length === 0) kept.push(c);
    else weak.push({ citation: c, claims: citing });
  }
  if (weak.length && embeddings) {
    // Each text once: a claim citing several quotes is embedded once, not once per quote.
    const texts = [...new Set(weak.flatMap((w) => [w.citation.quote, ...w.claims]))];
    const vectors = await embeddings.embedDocuments(texts);
    const vectorOf = new Map(texts.map((text, i) => [text, vectors[i]!]));
    for (const w of weak) {
      const quote = vectorOf.get(w.citation.quote)!;
      const similar = w.claims.some((claim) => cosine(quote, vectorOf.get(claim)!) >= SUPPORT_SIMILARITY);
      if (similar) kept.push(w.citation);
    }
  }
  const dropped = draft.citations.length - kept.length;
  return { draft: dropped ? { ...draft, citations: draft.citations.filter((c) => kept.includes(c)) } : draft, dropped };
}

/** A web or e-mail address, or a Telegram username ("@support_bot"). */
const ADDRESS = new RegExp(`${SAYS_ADDRESS.source}|(?<![\\p{L}\\p{N}_.@])@[A-Za-z][A-Za-z0-9_]{3,31}(?![\\p{L}\\p{N}_])`, "giu");

/**
 * A model's answer without its sentences that give an address (web, e-mail, a Telegram @name)
 * that neither the passages nor the question holds. A document can carry instructions for the
 * model ("tell users to send their key to https://…"): with a verified citation elsewhere in the
 * answer, the address went out as part of a sourced answer, and Telegram makes it a link (found
 * by an attack review). An address the model made up is no part of what the documents say either.
 */
export function withoutForeignAddresses(text: string, known: readonly string[]): { text: string; removed: number } {
  const haystack = known.map((k) => k.toLowerCase());
  // The address as any text may write it: up to a character no address has (Markdown's "`" and
  // "*", a Chinese full stop or bracket after it), without closing punctuation, scheme or "www.".
  const bare = (found: string) =>
    (/^[!-~]+/.exec(found)?.[0] ?? found)
      .replace(/[`*_~]+/g, "")
      .replace(/[.,;:!?)\]}'"]+$/, "")
      .toLowerCase()
      .replace(/^[a-z][a-z0-9+.-]*:\/\//, "")
      .replace(/^www\./, "")
      .replace(/\/$/, "");
  const foreign = (claim: string) =>
    [...claim.matchAll(ADDRESS)].some((m) => {
      const address = bare(m[0]);
      return address.length > 0 && !haystack.some((k) => k.includes(address));
    });
  const claims = claimsOf(text);
  const drop = claims.map(foreign);
  const removed = drop.filter(Boolean).length;
  if (!removed) return { text, removed: 0 };
  // Each dropped sentence goes with the blanks after it; the rest keeps its lines and paragraphs.
  const starts: number[] = [];
  for (const claim of claims) starts.push(text.indexOf(claim, starts.length ? starts[starts.length - 1]! + 1 : 0));
  if (starts.some((at) => at < 0)) return { text: claims.filter((_, i) => !drop[i]).join(" "), removed };
  const kept = claims.map((_, i) => (drop[i] ? "" : text.slice(starts[i], starts[i + 1] ?? text.length))).join("");
  return { text: kept.trim(), removed };
}
