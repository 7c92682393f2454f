import type { QuotedSpan } from "../conversation.js";
import type { Retrieval } from "../retrieve.js";

export interface Citation {
  /** The number used by the `[n]` markers in the answer text. */
  readonly n: number;
  readonly source: string;
  /** The collection of the cited document (answers stored before collections lack it: see collectionOf). */
  readonly collection?: string;
  readonly title: string;
  readonly chunkId: string;
  /** Heading path of the cited passage, or null. */
  readonly section: string | null;
  /** Physical PDF pages of the quote, or null. */
  readonly page: number | null;
  readonly pageEnd: number | null;
  /** The quote's text was read from a scan or photo by OCR: a reader checks it against the page. */
  readonly scanned?: true;
  /** The document's original address, when it names one. */
  readonly url?: string;
  /** Exact text of the document (its own language), found in the cited chunk. */
  readonly quote: string;
  /** Offsets of the quote in the document's text. */
  readonly start: number;
  readonly end: number;
}

/** Where a passage is, without a quote: the closest passages of a question the documents do not answer. */
export type PassagePlace = Pick<Citation, "n" | "source" | "title" | "chunkId" | "section" | "page" | "pageEnd" | "scanned"> & { readonly url?: string };

/** The language an answer is given in: the locale of its fixed texts, and the language the model writes in. */
export interface AnswerLanguage {
  /** A locale of `locales/` ("en", "es", …): the answer's fixed texts ("The documents say:"). */
  readonly locale: string;
  /** What the model is told to write in: the question's language by its English name ("Spanish"). */
  readonly name: string;
}

export interface Answer {
  readonly text: string;
  readonly citations: readonly Citation[];
  readonly abstained: boolean;
  /** Abstained, but these passages come close: shown for the reader to judge, not as an answer. */
  readonly closest?: readonly PassagePlace[];
  readonly answerer: "llm" | "extractive";
  /** The language of the texts around the answer (a locale of `locales/`: the question's, else the asker's, else English). */
  readonly lang: string;
}

/** A citation as an answerer proposes it, before verification. */
export interface ProposedCitation {
  /** The marker number the proposed text uses. */
  readonly id: number;
  /** 1-based position of the passage in the retrieval results. */
  readonly passage: number;
  readonly quote: string;
}

export interface Draft {
  readonly text: string;
  readonly citations: readonly ProposedCitation[];
  /** The answerer judged that the passages do not answer the question. */
  readonly abstained: boolean;
}

/** A follow-up searched together with the turn before it: what it asks on its own, and what was quoted then. */
export interface FollowUp {
  readonly asked: string;
  /** What the question it follows asked for, in that question's words (`Turn.asks`). */
  readonly before?: string;
  readonly quoted: readonly QuotedSpan[];
}

export interface Answerer {
  readonly name: Answer["answerer"];
  /**
   * Turns retrieved passages into a draft answer; throws AnswerError when it cannot. `signal`
   * ends the work (the time budget is spent, or the user pressed stop). `onPartial`, when the
   * answerer writes as it goes (an LLM streaming), gets the readable answer so far.
   */
  draft(question: string, retrieval: Retrieval, language: AnswerLanguage, signal?: AbortSignal, onPartial?: (text: string) => void, followUp?: FollowUp): Promise<Draft>;
}
