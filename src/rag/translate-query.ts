/**
 * With an LLM: a question is also searched in the other languages of the folder. The local
 * embeddings and the lexical search match words, so an English question finds a German passage
 * only through names and shared words; one short model call turns it into a German search too.
 * Without a model nothing changes.
 */
import type { Logger } from "../logger.js";
import type { Retrieval } from "./retrieve.js";
import { questionLanguage } from "./question-language.js";
import type { Lang } from "./text.js";

/** The languages a question can be put into (those the prompts name). */
export type SearchLang = "en" | "de";

export interface QuestionTranslator {
  /** The question in each of `languages`; fewer when some cannot be made. */
  translate(question: string, languages: readonly SearchLang[], signal?: AbortSignal): Promise<string[]>;
}

/** Translations kept: the same question asked again (a retry, a group) costs no second call. */
const CACHE_SIZE = 1000;

/**
 * Translations of questions into the folder's other languages, cached (least recently used out).
 * A failing model is logged and the question is searched as asked.
 */
export class QuestionForms {
  private readonly cache = new Map<string, string[]>();

  constructor(
    private readonly translator: QuestionTranslator,
    /** The languages of the folder's passages now (the folder can change). */
    private readonly folderLanguages: () => readonly Lang[],
    private readonly log: Logger,
  ) {}

  /** The question in every language of the folder other than its own (none for a one-language folder). */
  async forms(question: string, signal?: AbortSignal): Promise<string[]> {
    const asked = (await questionLanguage(question)).lang;
    const wanted = this.folderLanguages().filter((l): l is SearchLang => (l === "en" || l === "de") && l !== asked);
    if (!wanted.length) return [];
    const key = `${wanted.join(",")}\n${question}`;
    const cached = this.cache.get(key);
    if (cached) {
      this.cache.delete(key);
      this.cache.set(key, cached);
      return cached;
    }
    let forms: string[];
    try {
      forms = (await this.translator.translate(question, wanted, signal)).filter((f) => f !== question);
    } catch (error) {
      if (signal?.aborted) throw error;
      this.log.warn({ err: error }, "could not put the question into the folder's other languages; searching it as asked");
      return [];
    }
    this.cache.set(key, forms);
    if (this.cache.size > CACHE_SIZE) this.cache.delete(this.cache.keys().next().value!);
    return forms;
  }
}

/**
 * One retrieval from the searches of a question and its translations: every passage found, at
 * its best score, best first, as many as the question's own search returned. Answerable when any
 * search is (a German passage answers the German form); the rest (the words the question
 * weighs, its language) is the question's own.
 */
export function mergeRetrievals(primary: Retrieval, others: readonly Retrieval[]): Retrieval {
  if (!others.length) return primary;
  const best = new Map<string, Retrieval["results"][number]>();
  for (const r of [primary, ...others]) {
    for (const result of r.results) {
      const seen = best.get(result.chunk.id);
      if (!seen || result.score > seen.score) best.set(result.chunk.id, result);
    }
  }
  const k = Math.max(primary.results.length, ...others.map((o) => o.results.length));
  const answerableOnes = [primary, ...others].filter((r) => r.answerable);
  return {
    ...primary,
    results: [...best.values()].sort((a, b) => b.score - a.score).slice(0, k),
    answerability: Math.max(primary.answerability, ...others.map((o) => o.answerability)),
    answerable: answerableOnes.length > 0,
    specificMissing: answerableOnes.length > 0 ? [] : primary.specificMissing,
    denseTop: Math.max(primary.denseTop, ...others.map((o) => o.denseTop)),
  };
}
