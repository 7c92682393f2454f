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

/** The languages a question can be put into: those passages are told by (not "other", which is no one language). */
export type SearchLang = Exclude<Lang, "other">;

/** A question put into one of the folder's languages. */
export interface QuestionForm {
  readonly lang: SearchLang;
  readonly text: string;
}

export interface QuestionTranslator {
  /** The question in each of `languages`; fewer when some cannot be made. */
  translate(question: string, languages: readonly SearchLang[], signal?: AbortSignal): Promise<QuestionForm[]>;
}

/** Translations kept: the same question asked again (a retry, a group) costs no second call. */
const CACHE_SIZE = 1000;

/**
 * Translations of questions into the folder's other languages, cached (least recently used out).
 * A failing model is logged and the question is searched as asked.
 */
export class QuestionForms {
  private readonly cache = new Map<string, QuestionForm[]>();

  constructor(
    private readonly translator: QuestionTranslator,
    /** The languages of the folder's passages now (the folder can change). */
    private readonly folderLanguages: () => readonly Lang[],
    private readonly log: Logger,
  ) {}

  /** The question in every language of the folder other than its own (none for a one-language folder). */
  async forms(question: string, signal?: AbortSignal): Promise<QuestionForm[]> {
    const asked = (await questionLanguage(question)).lang;
    const wanted = this.folderLanguages().filter((l): l is SearchLang => l !== "other" && l !== asked);
    if (!wanted.length) return [];
    const key = `${wanted.join(",")}\n${question}`;
    const cached = this.cache.get(key);
    if (cached) {
      this.cache.delete(key);
      this.cache.set(key, cached);
      return cached;
    }
    let forms: QuestionForm[];
    try {
      forms = (await this.translator.translate(question, wanted, signal)).filter((f) => f.text !== question);
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
 * One retrieval from the searches of a question (in `asked`) and its translations: every passage
 * the question found, and from each translation's search the passages in that translation's
 * language, the question's own, or none told (a French passage that keeps the English terms the
 * English form found it by). Not passages in a third language, which that language's form
 * searches for: a French question's English form otherwise brought the Spanish copy of the page
 * as well. Each at its best score, best first, as many as the longest search returned.
 * Answerable when any search is (a German passage answers the German form); the rest (the words
 * the question weighs, its language) is the question's own.
 */
export function mergeRetrievals(primary: Retrieval, others: readonly { lang: Lang; retrieval: Retrieval }[], asked: Lang): Retrieval {
  if (!others.length) return primary;
  const best = new Map<string, Retrieval["results"][number]>();
  const kept = (form: Lang) => (r: Retrieval["results"][number]) => r.chunk.lang === form || r.chunk.lang === asked || r.chunk.lang === "other";
  // A translation's search marks passages below its own language's (`belowOwnLanguage`): in the
  // asker's language that would be the wrong way round, so its marks are dropped.
  const unmarked = ({ belowOwnLanguage: _, ...r }: Retrieval["results"][number]) => r;
  const found = [primary.results, ...others.map(({ lang, retrieval }) => retrieval.results.filter(kept(lang)).map(unmarked))];
  for (const results of found) {
    for (const result of results) {
      const seen = best.get(result.chunk.id);
      if (!seen || result.score > seen.score) best.set(result.chunk.id, result);
    }
  }
  const searches = [primary, ...others.map((o) => o.retrieval)];
  const k = Math.max(...searches.map((r) => r.results.length));
  const answerableOnes = searches.filter((r) => r.answerable);
  return {
    ...primary,
    results: [...best.values()].sort((a, b) => b.score - a.score).slice(0, k),
    answerability: Math.max(...searches.map((r) => r.answerability)),
    answerable: answerableOnes.length > 0,
    specificMissing: answerableOnes.length > 0 ? [] : primary.specificMissing,
    denseTop: Math.max(...searches.map((r) => r.denseTop)),
  };
}
