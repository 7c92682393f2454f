import { ChatOpenAI } from "@langchain/openai";
import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import { z } from "zod";
import { AnswerError } from "../../errors.js";
import type { Retrieval } from "../retrieve.js";
import { message } from "./messages.js";
import { ANSWER_SYSTEM_PROMPT, answerUserMessage, CONDENSE_SYSTEM_PROMPT, condenseUserMessage, LANGUAGE_NAMES } from "./prompts.js";
import type { Answerer, Draft, ProposedCitation } from "./types.js";
import type { Chunk } from "../types.js";
import { sentences, terms } from "../text.js";

export interface LlmOptions {
  readonly baseURL: string | undefined;
  readonly apiKey: string | undefined;
  readonly model: string;
  readonly timeoutMs: number;
  readonly maxRetries: number;
  readonly temperature: number;
}

export function createChatModel(o: LlmOptions): ChatOpenAI {
  return new ChatOpenAI({
    model: o.model,
    temperature: o.temperature,
    apiKey: o.apiKey ?? "not-needed",
    timeout: o.timeoutMs,
    maxRetries: o.maxRetries,
    ...(o.baseURL ? { configuration: { baseURL: o.baseURL } } : {}),
  });
}

const replySchema = z.object({
  answerable: z.boolean().default(true),
  answer: z.string(),
  citations: z
    .array(z.object({ id: z.coerce.number().int(), passage: z.coerce.number().int(), quote: z.string() }))
    .default([]),
});

/** The JSON object in a reply, tolerating code fences and text around it. */
export function parseReply(content: string): z.infer<typeof replySchema> | undefined {
  const start = content.indexOf("{");
  const end = content.lastIndexOf("}");
  if (start < 0 || end <= start) return undefined;
  try {
    const parsed = replySchema.safeParse(JSON.parse(content.slice(start, end + 1)));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/**
 * For models that ignore the JSON format but cite like "… [2]": each marker names a passage, and
 * the quote is the sentence of that passage sharing the most words with the sentence the marker
 * ends. Undefined when the reply has no marker naming an existing passage.
 */
export function draftFromMarkers(content: string, passages: readonly Chunk[]): Draft | undefined {
  const text = content.trim();
  const citations: ProposedCitation[] = [];
  const claims = text.split(/(?<=[.!?…])\s+/);
  for (const claim of claims) {
    for (const m of claim.matchAll(/\[(\d{1,3})\]/g)) {
      const n = Number(m[1]);
      const passage = passages[n - 1];
      if (!passage || citations.some((c) => c.id === n)) continue;
      const claimTerms = new Set(terms(claim));
      const best = sentences(passage.text, passage.lang)
        .map((s) => ({ s, score: terms(s).filter((t) => claimTerms.has(t)).length }))
        .sort((a, b) => b.score - a.score)[0];
      if (best) citations.push({ id: n, passage: n, quote: best.s });
    }
  }
  return citations.length ? { text, citations, abstained: false } : undefined;
}

/** Sorts an LLM client failure into the kinds the caller reports differently. */
export function classify(error: unknown): AnswerError {
  if (error instanceof AnswerError) return error;
  const e = error as { name?: string; status?: number; message?: string; code?: string };
  const name = `${e?.name ?? ""} ${e?.code ?? ""}`;
  if (/timeout|timedout|abort/i.test(name) || /timed? ?out/i.test(e?.message ?? "")) {
    return new AnswerError("The language model did not answer in time.", "timeout", { cause: error });
  }
  if (typeof e?.status === "number") {
    return new AnswerError(`The language model endpoint answered HTTP ${e.status}.`, "http", { cause: error });
  }
  return new AnswerError("The language model endpoint could not be reached.", "network", { cause: error });
}

function textOf(content: unknown): string {
  if (typeof content === "string") return content;
  if (Array.isArray(content)) return content.map((p) => (typeof p === "string" ? p : ((p as { text?: string }).text ?? ""))).join("");
  return "";
}

/** Answers with a chat model through LangChain: JSON with an answer and, per citation, the exact quote. */
export class LlmAnswerer implements Answerer {
  readonly name = "llm" as const;

  constructor(
    private readonly model: BaseChatModel,
    private readonly options: { malformedRetries: number },
  ) {}

  private async call(system: string, user: string): Promise<string> {
    try {
      const reply = await this.model.invoke([
        { role: "system", content: system },
        { role: "user", content: user },
      ]);
      return textOf(reply.content);
    } catch (error) {
      throw classify(error);
    }
  }

  async draft(question: string, retrieval: Retrieval, lang: "en" | "de"): Promise<Draft> {
    if (!retrieval.answerable || retrieval.results.length === 0) {
      return { text: message("notInDocuments", lang), citations: [], abstained: true };
    }
    const system = ANSWER_SYSTEM_PROMPT.replace("{language}", LANGUAGE_NAMES[lang]);
    const user = answerUserMessage(question, retrieval.results.map((r) => r.chunk));
    for (let attempt = 0; ; attempt++) {
      const content = await this.call(system, user);
      const reply = parseReply(content);
      if (!reply) {
        const marked = draftFromMarkers(content, retrieval.results.map((r) => r.chunk));
        if (marked) return marked;
      }
      if (reply) {
        if (!reply.answerable) return { text: message("notInDocuments", lang), citations: [], abstained: true };
        return {
          text: reply.answer,
          citations: reply.citations.map((c) => ({ id: c.id, passage: c.passage, quote: c.quote })),
          abstained: false,
        };
      }
      if (attempt >= this.options.malformedRetries) {
        throw new AnswerError("The language model's reply was not the JSON asked for.", "malformed");
      }
    }
  }

  /** A follow-up rewritten as a standalone question (the original when the model fails). */
  async condense(history: readonly { question: string; answer: string }[], question: string): Promise<string> {
    const rewritten = (await this.call(CONDENSE_SYSTEM_PROMPT, condenseUserMessage(history, question))).trim();
    return rewritten && rewritten.length <= question.length * 4 + 200 ? rewritten : question;
  }
}
