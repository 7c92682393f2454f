import type { Logger } from "../logger.js";
import { redactSecrets } from "../logger.js";
import { verifyCitations } from "./answer/citations.js";
import { message } from "./answer/messages.js";
import { ANSWER_SYSTEM_PROMPT } from "./answer/prompts.js";
import type { Answer, Answerer } from "./answer/types.js";
import type { ConversationStore } from "./conversation.js";
import type { Retrieval } from "./retrieve.js";
import { detectLang, words } from "./text.js";

export interface AnswerResult extends Answer {
  readonly question: string;
  /** What was searched: the question, or a follow-up rewritten to stand on its own. */
  readonly standalone: string;
  readonly retrieval: Retrieval;
}

export interface Condenser {
  condense(history: readonly { question: string; answer: string }[], question: string): Promise<string>;
}

const FOLLOW_UP_WORDS = new Set([
  ..."and also it its that this these those he she they him her them his their there then".split(" "),
  ..."und auch es das dies diese dieser er sie ihm ihn ihr ihre dort dann damals dazu davon darüber".split(" "),
]);

/** Short questions that lean on the previous turn: "and when was that?", "und wer leitet sie?". */
export function looksLikeFollowUp(question: string): boolean {
  const w = words(question);
  return w.length > 0 && w.length <= 8 && w.some((x) => FOLLOW_UP_WORDS.has(x));
}

/** Distinctive lines of the system prompt: an answer that repeats one is leaking it. */
const PROMPT_FINGERPRINTS = ANSWER_SYSTEM_PROMPT.split("\n")
  .map((l) => l.replace(/^- /, "").trim())
  .filter((l) => l.length > 40)
  .map((l) => l.slice(0, 40).toLowerCase());

function leaks(text: string, secrets: readonly string[]): boolean {
  const lower = text.toLowerCase();
  return secrets.some((s) => text.includes(s)) || PROMPT_FINGERPRINTS.some((f) => lower.includes(f));
}

/**
 * The question-answering pipeline: follow-up rewriting, retrieval, an answerer, citation
 * verification and the last guard against leaks. Knows nothing of Telegram.
 */
export class QuestionAnswerer {
  constructor(
    private readonly deps: {
      retrieve: (question: string) => Promise<Retrieval>;
      answerer: Answerer;
      condenser?: Condenser;
      conversations: ConversationStore;
      secrets: readonly string[];
      log: Logger;
    },
  ) {}

  get answererName(): Answer["answerer"] {
    return this.deps.answerer.name;
  }

  private async standalone(question: string, conversation: string | undefined): Promise<string> {
    if (!conversation || !looksLikeFollowUp(question)) return question;
    const history = await this.deps.conversations.recent(conversation);
    const last = history.at(-1);
    if (!last) return question;
    if (this.deps.condenser) {
      try {
        return await this.deps.condenser.condense(history.map((t) => ({ question: t.standalone, answer: t.answer })), question);
      } catch (error) {
        this.deps.log.warn({ err: error }, "could not rewrite a follow-up; searching it as asked");
      }
    }
    // Without a model: search the follow-up together with the question it follows.
    return `${last.standalone} ${question}`;
  }

  /** Answers one question. Throws AnswerError when the answerer fails (the caller tells the user). */
  async ask(question: string, options: { conversation?: string } = {}): Promise<AnswerResult> {
    const detected = detectLang(question);
    const lang = detected === "de" ? "de" : "en";
    const standalone = await this.standalone(question, options.conversation);
    const retrieval = await this.deps.retrieve(standalone);
    const draft = await this.deps.answerer.draft(standalone, retrieval, lang);
    const base = { question, standalone, retrieval, answerer: this.deps.answerer.name, lang } as const;

    let result: AnswerResult;
    if (draft.abstained) {
      result = { ...base, text: draft.text, citations: [], abstained: true };
    } else {
      const verified = verifyCitations(draft, retrieval.results.map((r) => r.chunk));
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
      await this.deps.conversations.add(options.conversation, { question, standalone, answer: result.text, at: Date.now() });
    }
    return result;
  }
}
