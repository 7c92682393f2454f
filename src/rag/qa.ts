import type { Embeddings } from "@langchain/core/embeddings";
import type { Logger } from "../logger.js";
import { containsSecret, redactSecrets, secretForms } from "../logger.js";
import { supportedCitations, verifyCitations, withoutForeignAddresses } from "./answer/citations.js";
import { message } from "./answer/messages.js";
import { questionAsked } from "./answer/extractive.js";
import { ANSWER_SYSTEM_PROMPT } from "./answer/prompts.js";
import type { Answer, Answerer, PassagePlace } from "./answer/types.js";
import type { ConversationStore, QuotedSpan, Turn } from "./conversation.js";
import { commonWords } from "./general-words.js";
import type { Retrieval } from "./retrieve.js";
import { mergeRetrievals, type QuestionForms } from "./translate-query.js";
import { detectLang, fold, joinedSpellings, terms, toLang, words, type Lang } from "./text.js";
import { questionLanguage, type FolderWords } from "./question-language.js";
import { languageName, languageNames, localeFor } from "../i18n/index.js";
import { headOf, tailFrom } from "../unicode.js";
import { anySignal } from "../net/abort.js";

export interface AnswerResult extends Answer {
  readonly question: string;
  /** What was searched: the question, or a follow-up rewritten to stand on its own. */
  readonly standalone: string;
  readonly retrieval: Retrieval;
}

export interface Condenser {
  condense(history: readonly { question: string; answer: string }[], question: string, signal?: AbortSignal): Promise<string>;
}

/** Words that point back at something said before. */
const REFERRING = new Set([
  ..."it its that this these those he she they him her them his their there then such".split(" "),
  ..."es das dies diese dieser dieses er sie ihm ihn ihr ihre dort dann damals dazu davon darüber darin damit dabei".split(" "),
].map(fold));
/** A question pointing back with more content words than this stands on its own ("… pulls in its dependencies"). */
const MAX_OWN_TERMS = 4;
/** Openings of an elliptic question that continues the last one: "and in 2019?", "und was ist mit …?". */
const CONTINUATION = /^(?:and|also|or|but|what about|how about|und|auch|oder|aber|was ist mit|wie ist es mit)\b/i;

/**
 * A real follow-up: an elliptic continuation ("and in 2019?") or a question that points back
 * ("why is that?", "wer leitet sie?") with too few words of its own to be searched alone. A
 * question that stands on its own ("What is the capital of France and Germany?") is not one.
 */
export function looksLikeFollowUp(question: string): boolean {
  const w = words(question);
  if (!w.length) return false;
  const joined = joinedSpellings(question);
  const own = terms(question).filter((t) => !joined.has(t)).length;
  if (CONTINUATION.test(question.trim()) && own <= 2) return true;
  return w.some((x) => REFERRING.has(x)) && own <= MAX_OWN_TERMS;
}

/** Names taken from an answer for the follow-up after it. */
const MAX_NAMES = 6;
/**
 * How much of the turn before a follow-up is searched with it. Each turn's search text holds the
 * one before it, so a chain of follow-ups grew without end: 800 follow-ups of 900 characters made
 * a search text of 740 KB that held every chat's answers for 0.7 s (found by an attack review).
 */
export const CARRIED_CHARS = 1_000;

/** The turn before's search text within CARRIED_CHARS: where the chain began and what it asked last, the middle left out. */
export function carried(text: string): string {
  if (text.length <= CARRIED_CHARS) return text;
  const gap = " … ";
  const half = Math.floor((CARRIED_CHARS - gap.length) / 2);
  return `${headOf(text, half).trimEnd()}${gap}${tailFrom(text, text.length - half).trimStart()}`;
}

/**
 * Names in an answer's quotes: capitalised words inside a sentence that are not common words of
 * the quote's language ("Herman Gref", "Sberbank"), in order, each once.
 */
export function namesIn(answer: string): string[] {
  const quotes = [...answer.matchAll(/«([^»]*)»/g)].map((m) => m[1]!);
  const names: string[] = [];
  for (const quote of quotes) {
    const common = commonWords(detectLang(quote));
    for (const m of quote.matchAll(/(?<=[\p{L}\p{N},;:)]\s+)\p{Lu}[\p{L}\p{M}\p{N}-]*/gu)) {
      const word = m[0].replace(/-+$/, "");
      const folded = fold(word);
      if (word.length < 2 || names.some((n) => fold(n) === folded)) continue;
      if (common?.has(folded)) continue;
      names.push(word);
      if (names.length >= MAX_NAMES) return names;
    }
  }
  return names;
}

/** Passages shown when a question is not answered but comes close. */
const MAX_CLOSEST = 2;
/** Characters of a name an abstention repeats at most. */
const MAX_NAME_CHARS = 40;

/**
 * The name an abstention says the folder never mentions ("zpool"), so the asker knows why: the
 * first of `unknown` that the asker typed in this message (not one from the turn a follow-up was
 * searched with, nor an LLM's rewrite), short, with no control or format characters (a
 * right-to-left override would turn the sentence around), and no address (a URL may carry a
 * token). None when no name qualifies: the plain "not in the documents" is said then.
 */
function mentionableName(unknown: readonly string[], question: string): string | undefined {
  return unknown.find((n) => n.length <= MAX_NAME_CHARS && question.includes(n) && !/[\p{Cc}\p{Cf}]/u.test(n) && !/:\/\/|@|^www\./i.test(n));
}

/** The best passages of a near miss, one per section of a document. */
export function closestPassages(retrieval: Pick<Retrieval, "results">): PassagePlace[] {
  const places: PassagePlace[] = [];
  let passages = 0;
  // The numbers of the copies named so far by the passage they are copies of: a search of the
  // question's translation may list the copy before the passage it names (its own language's copy first).
  const namedBy = new Map<string, number>();
  for (const { chunk, twinOf } of retrieval.results) {
    if (places.some((p) => p.source === chunk.source && p.section === chunk.section)) continue;
    // The same text in another file is another place of the same passage: listed under its number.
    const n = (twinOf ? places.find((p) => p.chunkId === twinOf)?.n : undefined) ?? namedBy.get(chunk.id);
    if (n === undefined && passages >= MAX_CLOSEST) break;
    const number = n ?? ++passages;
    if (twinOf) namedBy.set(twinOf, number);
    places.push({
      n: number,
      source: chunk.source,
      title: chunk.title,
      chunkId: chunk.id,
      section: chunk.section,
      page: chunk.page,
      pageEnd: chunk.pageEnd,
      ...(chunk.scanned?.length ? { scanned: true as const } : {}),
      ...(chunk.url ? { url: chunk.url } : {}),
    });
  }
  return places;
}

/** The scope of a turn asked over every document. */
const ALL_SCOPE = "*";

/** Distinctive lines of the system prompt: an answer that repeats one is leaking it. */
const PROMPT_FINGERPRINTS = ANSWER_SYSTEM_PROMPT.split("\n")
  .map((l) => plainForMatch(l.replace(/^- /, "").trim()))
  .filter((l) => l.length > 40)
  .map((l) => l.slice(0, 40).toLowerCase());

/**
 * Text as it reads: compatibility forms folded (NFKC), invisible format characters dropped and
 * every run of white space one space. The prompt with its spaces made non-breaking, or a key with
 * zero-width spaces between its characters, passed the guard as written (found by an attack review).
 */
function plainForMatch(text: string): string {
  return asItReads(text).replace(/\s+/g, " ");
}

/** Text with compatibility forms folded (NFKC) and invisible format characters dropped; its lines kept. */
function asItReads(text: string): string {
  return text.normalize("NFKC").replace(/\p{Cf}/gu, "");
}

function leaks(text: string, secrets: readonly string[]): boolean {
  const plain = plainForMatch(text);
  const lower = plain.toLowerCase();
  return containsSecret(text, secrets) || containsSecret(plain, secrets) || PROMPT_FINGERPRINTS.some((f) => lower.includes(f));
}

/** Shortest start of a secret or prompt line held back at the end of a draft: shorter ones are common words. */
const HELD_PREFIX = 6;

/**
 * The same guard for the drafts a reader sees while the answer is written: secrets are masked,
 * the end of a draft that could be the start of a secret or of a prompt line waits for the next
 * piece, and once a draft repeats the prompt or a secret no further draft is shown (the final
 * message is then withheld too).
 */
function guardedPartials(onPartial: (text: string) => void, secrets: readonly string[]): (text: string) => void {
  const watched = [...secretForms(secrets).filter((s) => s.length >= HELD_PREFIX), ...PROMPT_FINGERPRINTS].map((w) => w.toLowerCase());
  let leaked = false;
  return (written) => {
    if (leaked) return;
    if (leaks(written, secrets)) {
      leaked = true;
      onPartial("");
      return;
    }
    // What is shown is the draft as it reads (no invisible characters, compatibility spaces
    // folded), so that the start of a key with zero-width spaces in it is held back like any other.
    const text = asItReads(written);
    const lower = text.toLowerCase();
    let keep = text.length;
    for (const w of watched) {
      for (let k = Math.min(w.length - 1, lower.length); k >= HELD_PREFIX; k--) {
        if (lower.endsWith(w.slice(0, k))) {
          keep = Math.min(keep, text.length - k);
          break;
        }
      }
    }
    onPartial(redactSecrets(text.slice(0, keep), secrets));
  };
}

/**
 * The question-answering pipeline: follow-up rewriting, retrieval, an answerer, citation
 * verification and the last guard against leaks. Knows nothing of Telegram.
 */
export class QuestionAnswerer {
  constructor(
    private readonly deps: {
      /** `alsoCover`: words the best passages must cover too for the question to count as answerable. */
      retrieve: (question: string, options?: { alsoCover?: string; collections?: readonly string[] }) => Promise<Retrieval>;
      answerer: Answerer;
      condenser?: Condenser;
      conversations: ConversationStore;
      /** With an LLM: the question in the folder's other languages, each searched too. */
      forms?: Pick<QuestionForms, "forms">;
      /**
       * The languages of the folder's passages now, and whether retrieval finds passages by their
       * words only (hashing embeddings, no translations): then a question in none of those
       * languages finds little but names, and an abstention says so.
       */
      languages?: (collections?: readonly string[]) => { readonly folder: readonly Lang[]; readonly wordsOnly: boolean };
      /** The folder's words per language, which tell the language of a question typed without its accents (see `questionLanguage`). */
      folderWords?: () => FolderWords | undefined;
      /** Compares a claim with the quote that supports it when they share no word. */
      embeddings?: Pick<Embeddings, "embedDocuments">;
      secrets: readonly string[];
      log: Logger;
      /** Time for one whole answer (rewrite, answer, retries); then AnswerError "timeout". */
      answerTimeoutMs?: number;
    },
  ) {}

  get answererName(): Answer["answerer"] {
    return this.deps.answerer.name;
  }

  /** The question as it is searched, and for a follow-up searched with the turn before it, that turn. */
  private async standalone(
    question: string,
    conversation: string | undefined,
    scope: string,
    signal?: AbortSignal,
  ): Promise<{ text: string; previous?: Turn; quoted?: readonly QuotedSpan[] }> {
    if (!conversation || !looksLikeFollowUp(question)) return { text: question };
    // Only turns asked over the same collections: after a chat's collections change, what earlier
    // answers quoted from the others is not carried into its follow-ups.
    const history = (await this.deps.conversations.recent(conversation)).filter((t) => (t.scope ?? ALL_SCOPE) === scope);
    const last = history.at(-1);
    if (!last) return { text: question };
    if (this.deps.condenser) {
      try {
        return { text: await this.deps.condenser.condense(history.map((t) => ({ question: t.standalone, answer: t.answer })), question, signal) };
      } catch (error) {
        this.deps.log.warn({ err: error }, "could not rewrite a follow-up; searching it as asked");
      }
    }
    // Without a model: search the follow-up together with the question it follows and the names
    // its answer gave ("he" after "Who leads Sberbank?" is most likely the Herman Gref it quoted).
    const names = namesIn(last.answer).filter((n) => !fold(last.standalone).includes(fold(n)));
    return { text: [carried(last.standalone), ...names, question].join(" "), previous: last, quoted: history.flatMap((t) => t.quoted ?? []) };
  }

  /**
   * The folder's languages (of the documents in `collections`, the ones the chat searches), when a
   * question in `spoken` finds its passages by their words only and they have none in that
   * language: asked in one of them, it may find what it did not. None when the folder has that
   * language, its languages are not known or not all named, or retrieval finds passages across
   * languages (a multilingual model, translated questions).
   */
  private otherLanguages(spoken: string | undefined, collections: readonly string[] | undefined): string[] {
    const known = this.deps.languages?.(collections);
    if (!spoken || !known?.wordsOnly) return [];
    // "Other" is every language the list does not name: a folder with such passages may have the
    // question's, and its languages cannot all be named.
    if (known.folder.includes(toLang(spoken)) || known.folder.includes("other")) return [];
    return [...known.folder];
  }

  /** Answers one question. Throws AnswerError when the answerer fails (the caller tells the user). */
  async ask(
    question: string,
    options: {
      conversation?: string;
      /** Ends the answer early (the user pressed stop): AnswerError, as for a timeout. */
      signal?: AbortSignal;
      /** The answer as it is written (LLM streaming), before its citations are checked. */
      onPartial?: (text: string) => void;
      /** Only these collections are searched (the asking chat's); unset: every document. */
      collections?: readonly string[];
      /** The asker's Telegram language: the answer's texts fall back to it when the question's language has none. */
      userLanguage?: string;
    } = {},
  ): Promise<AnswerResult> {
    // Answered in the question's language, whatever it is; the texts around the answer in the
    // first of the question's and the asker's languages that has them, else English.
    const folderWords = this.deps.folderWords?.();
    const { spoken } = await questionLanguage(question, options.userLanguage, folderWords);
    const lang = localeFor(spoken, options.userLanguage);
    const language = { locale: lang, name: (spoken && languageName(spoken)) ?? languageName(lang) ?? "English" };
    // One time budget for the whole answer: rewriting, answering and every retry.
    const signal = anySignal([options.signal, this.deps.answerTimeoutMs ? AbortSignal.timeout(this.deps.answerTimeoutMs) : undefined]);
    const scopeKey = options.collections ? [...new Set(options.collections)].sort().join(",") : ALL_SCOPE;
    const { text: standalone, previous, quoted: quotedBefore } = await this.standalone(question, options.conversation, scopeKey, signal);
    // A follow-up is searched with the turn it follows, but must still be answerable on its own words.
    const scope = options.collections ? { collections: options.collections } : {};
    const own = await this.deps.retrieve(standalone, standalone === question ? scope : { ...scope, alsoCover: question });
    // A name the folder never uses is the same in every language: no translation finds it.
    const forms = this.deps.forms && own.unknownNames.length === 0 ? await this.deps.forms.forms(standalone, signal) : [];
    const searches = await Promise.all(forms.map(async (f) => ({ lang: f.lang, retrieval: await this.deps.retrieve(f.text, scope) })));
    const retrieval = forms.length ? mergeRetrievals(own, searches, (await questionLanguage(standalone)).lang) : own;
    const before = previous ? (previous.asks ?? previous.question) : undefined;
    const followUp = previous ? { asked: question, ...(before !== undefined ? { before } : {}), quoted: quotedBefore ?? [] } : undefined;
    const onPartial = options.onPartial && guardedPartials(options.onPartial, this.deps.secrets);
    const draft = await this.deps.answerer.draft(standalone, retrieval, language, signal, onPartial, followUp);
    const base = { question, standalone, retrieval, answerer: this.deps.answerer.name, lang } as const;

    let result: AnswerResult;
    if (draft.abstained) {
      const closest = retrieval.nearMiss ? closestPassages(retrieval) : [];
      const name = mentionableName(own.unknownNames, question);
      // The language its words are in, not the asker's Telegram language ("password reset" from a
      // German user is no German question); not for a follow-up, searched with the turn before.
      // (Told by its words: keywords, "best dishwasher 2025", are no language's, whatever a guess says.)
      const asWritten = forms.length || previous ? undefined : await questionLanguage(question, undefined, folderWords);
      const written = asWritten?.told ? asWritten.spoken : undefined;
      const elsewhere = this.otherLanguages(written, options.collections);
      const languages = elsewhere.length ? { languages: languageNames(elsewhere, lang, "conjunction"), language: languageNames(elsewhere, lang, "disjunction") } : undefined;
      result = closest.length
        ? { ...base, text: languages ? message("otherLanguageClosest", lang, languages) : message("closest", lang), citations: [], abstained: true, closest }
        : name
          ? { ...base, text: redactSecrets(message("neverMentioned", lang, { name }), this.deps.secrets), citations: [], abstained: true }
          : { ...base, text: languages ? message("otherLanguage", lang, languages) : draft.text, citations: [], abstained: true };
    } else {
      // A model's answer gives no address the documents (or the asker) did not give.
      const addresses = this.deps.answerer.name === "llm" ? withoutForeignAddresses(draft.text, [question, ...retrieval.results.map((r) => r.chunk.text)]) : undefined;
      if (addresses?.removed) this.deps.log.warn({ removed: addresses.removed }, "sentences giving an address no passage gives left out of a model's answer");
      const checked = addresses?.removed ? { ...draft, text: addresses.text } : draft;
      const supported = await supportedCitations(checked, this.deps.embeddings);
      if (supported.dropped) this.deps.log.info({ dropped: supported.dropped }, "citations that do not support their claim dropped");
      const verified = verifyCitations(supported.draft, retrieval.results.map((r) => r.chunk));
      if (verified.dropped) this.deps.log.info({ dropped: verified.dropped }, "unverifiable citations dropped");
      if (verified.citations.length === 0) {
        result = { ...base, text: message("unverified", lang), citations: [], abstained: true };
      } else if (leaks(verified.text, this.deps.secrets)) {
        this.deps.log.warn("an answer repeated the system prompt or a secret; withheld");
        result = { ...base, text: message("notInDocuments", lang), citations: [], abstained: true };
      } else {
        result = { ...base, text: redactSecrets(verified.text, this.deps.secrets), citations: verified.citations, abstained: false };
      }
    }
    if (options.conversation) {
      const quoted = result.citations.map((c) => ({ source: c.source, start: c.start, end: c.end }));
      const asks = questionAsked(question, before);
      await this.deps.conversations.add(options.conversation, { question, standalone, answer: result.text, asks, ...(quoted.length ? { quoted } : {}), scope: scopeKey, at: Date.now() });
    }
    return result;
  }
}
