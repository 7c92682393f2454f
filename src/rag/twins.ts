/**
 * The same text in two documents of a folder: a manual shipped both as HTML pages and as a PDF, a
 * page saved twice ("index.html" and "index.en.html"), a file and its copy. Their passages are
 * cut at different places (a PDF's pages, an HTML page's sections) and written a little
 * differently (hyphenation at line ends, ligatures, spaces around marks), so they are compared
 * by their run of words, not character for character.
 *
 * Written here because what is needed is narrow: whether two passages, already retrieved, say
 * the same run of words (near-duplicate detection libraries index a whole corpus by MinHash, for
 * a question with a few dozen candidates that is more machinery than the comparison itself).
 */
import { fold, words } from "./text.js";

/** Words in a row that make one shingle: three- and four-word phrases recur across any manual ("for more information"); five rarely do by chance. */
const SHINGLE = 5;
/**
 * The share of the smaller passage's shingles the other must have to say the same text. The two
 * copies' passages are cut at different places, so a twin holds only part of its copy's
 * passage: half of it when one is cut in the other's middle.
 */
const TWIN_SHARE = 0.4;
/** Shingles a passage has at least for the comparison to mean anything (a heading alone is no text to share). */
const MIN_SHINGLES = 8;

/** A passage's five-word phrases, as one string each. */
export function shingles(text: string): Set<string> {
  const w = words(text);
  const out = new Set<string>();
  for (let i = 0; i + SHINGLE <= w.length; i++) out.add(w.slice(i, i + SHINGLE).join(" "));
  return out;
}

/**
 * Phrases two passages must share at least, whatever their length: a closing note, a licence line
 * or a warning that several pages end with is a sentence or two (a short page's half), a copy's
 * passage shares a paragraph or more.
 */
const MIN_SHARED = 20;

/**
 * Whether two passages (as `shingles`) say largely the same text: at least `share` of the smaller
 * one's phrases, and MIN_SHARED of them, not counting `boilerplate` ones.
 */
export function sameText(a: ReadonlySet<string>, b: ReadonlySet<string>, share = TWIN_SHARE, boilerplate: (s: string) => boolean = () => false): boolean {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  if (small.size < MIN_SHINGLES) return false;
  let shared = 0;
  for (const s of small) if (large.has(s) && !boilerplate(s)) shared++;
  return shared >= MIN_SHARED && shared >= share * small.size;
}

/**
 * Letters and digits only, folded, remembering where each came from: "pack-\nage" and "package",
 * "ﬁle" and "file", "the .LCK files" and "the.LCK files" read alike. A sign or separator before or
 * inside a number stays: "-5" is not "+5", nor "3.10" "31.0".
 */
function lettersWithMap(text: string): { letters: string; map: number[] } {
  let letters = "";
  const map: number[] = [];
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i)!;
    const ch = String.fromCodePoint(cp);
    if (/[-+−.,:/]/u.test(ch) && /\p{N}/u.test(text[i + 1] ?? "")) {
      letters += ch === "−" ? "-" : ch;
      map.push(i);
    } else if (/[\p{L}\p{N}]/u.test(ch)) {
      for (const f of fold(ch)) {
        if (/[\p{L}\p{N}]/u.test(f)) {
          letters += f;
          map.push(i);
        }
      }
    }
    i += ch.length;
  }
  return { letters, map };
}

/** A text's letters and digits only, folded: two copies of one text read alike (see `lettersWithMap`). */
export function lettersOf(text: string): string {
  return lettersWithMap(text).letters;
}

/** Words that turn a statement round. */
const NEGATIONS = /^(?:not|no|never|cannot|nicht|kein\p{L}*|nie|niemals|ne|pas|jamais|nunca|non|niet|geen|\p{L}+n['’]t)$/iu;
/** Two-word phrases a quote has at least to be compared phrase by phrase with another (a short one shares its few by chance). */
const NEAR_PAIRS = 6;
/** The share of a quote's two-word phrases another must have for the quote to add nothing to it. */
const NEAR_SHARE = 0.75;

/**
 * Whether a quote adds nothing to one already chosen: nearly all its words in the same order, as
 * a paragraph a manual repeats in another chapter with a word changed ("Most DNS administrators
 * use dig …" and "Most seasoned DNS administrators use dig …"). Not when it says more (the same
 * rule "… unless the account uses a hardware security key") or gives a number the other does not
 * (another version's "… per client is 250.").
 */
export function addsNothingTo(quote: string, chosen: string): boolean {
  const w = words(quote);
  const other = words(chosen);
  const theirWords = new Set(other);
  // Nor when a word it has in place of one of the other's names a thing, is a number or says
  // "not": "On Windows" for "On Linux", "SERVFAIL" for "NXDOMAIN", "250" for "25", "cannot".
  for (const m of quote.matchAll(/[\p{L}\p{N}][\p{L}\p{N}_.-]*/gu)) {
    const token = m[0];
    if (words(token).every((x) => theirWords.has(x))) continue;
    const before = quote.slice(0, m.index).trimEnd();
    const midSentence = before !== "" && !/[.!?:]$/u.test(before);
    if (/\d|[_.-]\p{L}/u.test(token) || (midSentence && /\p{Lu}/u.test(token)) || NEGATIONS.test(token)) return false;
  }
  const pairs = (list: readonly string[]) => {
    const out = new Set<string>();
    for (let i = 0; i + 1 < list.length; i++) out.add(`${list[i]} ${list[i + 1]}`);
    return out;
  };
  const own = pairs(w);
  if (own.size < NEAR_PAIRS) return false;
  const theirs = pairs(other);
  let shared = 0;
  for (const p of own) if (theirs.has(p)) shared++;
  return shared >= NEAR_SHARE * own.size;
}

/** Letters a quote has at least to be looked for in a twin: a short one ("Yes.") occurs anywhere. */
const MIN_LETTERS = 30;

/**
 * Where a quote of one copy stands in the other copy's passage, as that passage writes it (its
 * exact text and offsets in its document); undefined when the passage does not say it all.
 */
export function locateInTwin(quote: string, twin: { text: string; start: number }): { quote: string; start: number; end: number } | undefined {
  const wanted = lettersWithMap(quote).letters;
  if (wanted.length < MIN_LETTERS) return undefined;
  const { letters, map } = lettersWithMap(twin.text);
  // The quote's words whole, at both ends: "… per client is 25." is not in "… is 250.".
  const whole = (from: number, to: number) => !/[\p{L}\p{N}\p{M}]$/u.test(twin.text.slice(0, from)) && !/^[\p{L}\p{N}]/u.test(twin.text.slice(to));
  // And what closes it there too: a quote that ends a sentence ("… every 90 days.") is not the start
  // of a longer one ("… every 90 days unless …"). The copy's closing marks are quoted as well, as it
  // writes them (”yes”. in a PDF is "yes". on the page).
  const closing = /[^\p{L}\p{N}\p{M}\s]*$/u.exec(quote.trimEnd())![0];
  const endsSentence = /[.!?…]/u.test(closing);
  for (let at = letters.indexOf(wanted); at >= 0; at = letters.indexOf(wanted, at + 1)) {
    const from = map[at]!;
    let to = map[at + wanted.length - 1]! + String.fromCodePoint(twin.text.codePointAt(map[at + wanted.length - 1]!)!).length;
    // (A letter's marks, as a script writes its vowels: "है" is "ह" and a sign.)
    while (/^\p{M}/u.test(twin.text.slice(to))) to++;
    if (!whole(from, to)) continue;
    // (Up to the next word: "sudo aptitude …”." may close as `aptitude …".`.)
    const tail = /^[^\p{L}\p{N}\p{M}]*/u.exec(twin.text.slice(to))![0];
    if (endsSentence) {
      const end = Math.max(...[...".!?…"].map((m) => tail.lastIndexOf(m)));
      if (end < 0) continue;
      to += end + 1;
    } else if (closing && tail === closing) to += closing.length;
    return { quote: twin.text.slice(from, to), start: twin.start + from, end: twin.start + to };
  }
  return undefined;
}

/**
 * A passage from beyond the list is brought in as a twin only when it shares this much: it takes
 * the place of a passage retrieval ranked, so it must be the same text, not a page made from the
 * same template (two security modules' introductions with the name changed).
 */
const PULLED_TWIN_SHARE = 0.7;
/** Files among the candidates that hold a phrase, from which on it is their boilerplate (a closing note, a licence), not a copy: a manual's copies are a few files (HTML, PDF, a page saved twice). */
const BOILERPLATE_FILES = 4;

/**
 * A ranked list with each passage's twins (the same text in another document, in the same
 * language) right after it, at most `k` in all: from the list itself, or from `pool` (the ranked
 * candidates beyond it) when nearly all of the text is the same. Without this, a folder holding a
 * manual as HTML and as PDF listed the PDF's passage first and the HTML page's fourth, after the
 * other language's copies: the reader saw one file of the two that hold the answer, and a quote's
 * second place went to the same text again. A twin takes its original's score (it says the same),
 * so the list stays in score order, and names it (`twinOf`). `preferred`: a copy from a document
 * the reader asked in the language of ("gnucash-help-en.pdf" for an English question, where the
 * German manual left the same chapter untranslated) goes first among its twins, and the others
 * name it.
 */
export function withTwinsAdjacent<T extends { chunk: { id: string; source: string; lang: string; text: string }; rank: number }>(
  ranked: readonly T[],
  pool: readonly T[],
  k: number,
  preferred: (chunk: T["chunk"]) => boolean = () => false,
): (T & { twinOf?: string })[] {
  const shingled = new Map<string, Set<string>>();
  const of = (x: T) => {
    let s = shingled.get(x.chunk.id);
    if (!s) shingled.set(x.chunk.id, (s = shingles(x.chunk.text)));
    return s;
  };
  const listed = new Set(ranked.map((x) => x.chunk.id));
  const candidates = [...ranked, ...pool.filter((y) => !listed.has(y.chunk.id))];
  const files = new Map<string, Set<string>>();
  for (const x of candidates) for (const s of of(x)) (files.get(s) ?? files.set(s, new Set()).get(s)!).add(x.chunk.source);
  const boilerplate = (s: string) => (files.get(s)?.size ?? 0) >= BOILERPLATE_FILES;
  const out: (T & { twinOf?: string })[] = [];
  const placed = new Set<string>();
  for (const x of ranked) {
    if (out.length >= k) break;
    if (placed.has(x.chunk.id)) continue;
    placed.add(x.chunk.id);
    const twins = candidates.filter(
      (y) =>
        !placed.has(y.chunk.id) &&
        y.chunk.source !== x.chunk.source &&
        y.chunk.lang === x.chunk.lang &&
        sameText(of(x), of(y), listed.has(y.chunk.id) ? TWIN_SHARE : PULLED_TWIN_SHARE, boilerplate),
    );
    for (const y of twins) placed.add(y.chunk.id);
    // The copy in a document of the asker's language first (where the list has room for one
    // passage only, instead of the others), with the score retrieval gave the group.
    const lead = (!preferred(x.chunk) && twins.find((y) => preferred(y.chunk))) || x;
    const group = [lead, ...[x, ...twins].filter((y) => y !== lead)].slice(0, k - out.length);
    group.forEach((y, i) => out.push(i === 0 ? { ...y, rank: x.rank } : { ...y, rank: x.rank, twinOf: lead.chunk.id }));
  }
  return out;
}
