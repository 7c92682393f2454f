import { ChatOpenAI } from "@langchain/openai";
import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import { parseJsonMarkdown } from "@langchain/core/output_parsers";
import { z } from "zod";
import { AnswerError } from "../../errors.js";
import { cappedFetch, MAX_REPLY_BYTES } from "../../net/capped-fetch.js";
import type { Retrieval } from "../retrieve.js";
import type { QuestionForm, SearchLang } from "../translate-query.js";
import { message } from "./messages.js";
import {
  ANSWER_SYSTEM_PROMPT,
  answerUserMessage,
  CONDENSE_SYSTEM_PROMPT,
  condenseUserMessage,
  TRANSLATE_SYSTEM_PROMPT,
  translateUserMessage,
} from "./prompts.js";
import type { AnswerLanguage, Answerer, Draft, ProposedCitation } from "./types.js";
import type { Chunk } from "../../documents/types.js";
import { terms } from "../text.js";
import { claimsOf } from "./claims.js";
import { passageSentences, quoteFromSentenceIds } from "./sentences.js";

export interface LlmOptions {
  readonly baseURL: string | undefined;
  readonly apiKey: string | undefined;
  readonly model: string;
  readonly timeoutMs: number;
  readonly maxRetries: number;
  readonly temperature: number;
}

export function createChatModel(o: LlmOptions & { maxTokens?: number }): ChatOpenAI {
  return new ChatOpenAI({
    model: o.model,
    temperature: o.temperature,
    ...(o.maxTokens ? { maxTokens: o.maxTokens } : {}),
    apiKey: o.apiKey ?? "not-needed",
    timeout: o.timeoutMs,
    maxRetries: o.maxRetries,
    // The reply is read up to MAX_REPLY_BYTES, and not waited for past LLM_TIMEOUT_MS between its parts: the endpoint is outside, and the SDK reads it whole.
    configuration: { ...(o.baseURL ? { baseURL: o.baseURL } : {}), fetch: cappedFetch(MAX_REPLY_BYTES, globalThis.fetch, o.timeoutMs) },
  });
}

/**
 * Bounds on a model's reply. An answer is a few sentences with their citations; a reply past these
 * is no answer (a hostile or broken endpoint): one of 200 claims each citing 200 quotes made the
 * citation check embed 40,200 texts, and a reply streamed one character at a time was parsed
 * again at every character, a whole core for the answer's time (found by an attack review).
 */
const MAX_REPLY_CHARS = 32_000;
/** (Four messages: the bot splits a long answer, and the tests send one of 10,000 characters.) */
const MAX_ANSWER_CHARS = 16_000;
const MAX_CITATIONS = 20;
const MAX_SENTENCE_IDS = 8;
/** How much a streamed reply grows before its readable text is worked out again for the draft shown. */
const PARTIAL_EVERY_CHARS = 32;

const replySchema = z.object({
  answerable: z.boolean().default(true),
  answer: z.string().max(MAX_ANSWER_CHARS),
  citations: z
    .array(
      z.object({
        id: z.coerce.number().int(),
        // Sentence ids as asked ("2.3"); a lone id or numbers are accepted too.
        sentences: z
          .union([z.array(z.union([z.string(), z.number()])).max(MAX_SENTENCE_IDS), z.string(), z.number()])
          .optional()
          .transform((v) => (v === undefined ? undefined : (Array.isArray(v) ? v : [v]).map(String))),
        // Older replies: a passage number and a copied quote (verified against the passage).
        passage: z.coerce.number().int().optional(),
        quote: z.string().optional(),
      }),
    )
    .max(MAX_CITATIONS)
    .default([]),
});

/**
 * The JSON object in a reply, tolerating code fences and text around it; "invalid" for a JSON
 * object that is not the reply asked for (over the bounds above, or of another shape), which is
 * malformed as it is, not read again for citation markers.
 */
export function parseReply(content: string): z.infer<typeof replySchema> | "invalid" | undefined {
  const start = content.indexOf("{");
  if (start < 0) return undefined;
  // The object the reply opens with, to its matching brace: text after it may hold braces too
  // ("ids are {passage}.{sentence}"), and a second object may follow.
  const end = objectEnd(content, start);
  if (end < 0) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(content.slice(start, end + 1));
  } catch {
    return undefined;
  }
  const parsed = replySchema.safeParse(json);
  return parsed.success ? parsed.data : "invalid";
}

/** Where the JSON object opening at `start` closes (braces in strings aside), or -1: one pass, by hand (a pattern cannot count nesting). */
function objectEnd(text: string, start: number): number {
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === "\\") i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === "{") depth++;
    else if (c === "}" && --depth === 0) return i;
  }
  return -1;
}

/** A reply that set out to be the JSON asked for (an object, maybe in a code fence): when it does not parse, it is malformed, not prose with markers. */
const STARTS_JSON = /^\s*(?:```(?:json)?\s*)?\{/;

/**
 * For models that ignore the JSON format but cite like "… [2]" or "… [2.3]": a sentence id names
 * its sentence; a passage number names the sentence of that passage sharing the most words with
 * the claim, and nothing when no sentence shares any (the support check then has its say).
 * Undefined when the reply has no marker naming an existing passage.
 */
export function draftFromMarkers(content: string, passages: readonly Chunk[]): Draft | undefined {
  // (As long or as many citations as a JSON reply may have: more is no answer.)
  if (content.length > MAX_ANSWER_CHARS) return undefined;
  const citations: ProposedCitation[] = [];
  const rawOf: string[] = [];
  const idOf = new Map<string, number>();
  // Each distinct marker becomes a citation id; the text keeps plain [n] markers.
  const text = content.trim().replace(/\[(\d{1,3}(?:\.\d{1,4})?)\]/g, (_m, raw: string) => {
    let id = idOf.get(raw);
    if (id === undefined) idOf.set(raw, (id = rawOf.push(raw)));
    return `[${id}]`;
  });
  if (idOf.size > MAX_CITATIONS) return undefined;
  const sentencesOf = new Map<Chunk, ReturnType<typeof passageSentences>>();
  for (const claim of claimsOf(text)) {
    for (const m of claim.matchAll(/\[(\d{1,3})\]/g)) {
      const id = Number(m[1]);
      const raw = rawOf[id - 1];
      if (!raw || citations.some((c) => c.id === id)) continue;
      if (raw.includes(".")) {
        const found = quoteFromSentenceIds([raw], passages);
        if (found) citations.push({ id, ...found });
        continue;
      }
      const passage = passages[Number(raw) - 1];
      if (!passage) continue;
      const claimTerms = new Set(terms(claim));
      let sentences = sentencesOf.get(passage);
      if (!sentences) sentencesOf.set(passage, (sentences = passageSentences(passage)));
      const best = sentences
        .map((u) => ({ u, score: terms(u.text).filter((t) => claimTerms.has(t)).length }))
        .sort((a, b) => b.score - a.score)[0];
      if (best && best.score > 0) citations.push({ id, passage: Number(raw), quote: best.u.text });
    }
  }
  return citations.length ? { text, citations, abstained: false } : undefined;
}


/** Sorts an LLM client failure into the kinds the caller reports differently. */
export function classify(error: unknown): AnswerError {
  if (error instanceof AnswerError) return error;
  const e = error as { name?: string; status?: number; message?: string; code?: string };
  const name = `${e?.name ?? ""} ${e?.code ?? ""}`;
  if (/timeout|timedout|abort/i.test(name) || /timed? ?out|abort/i.test(e?.message ?? "")) {
    return new AnswerError("The language model did not answer in time.", "timeout", { cause: error });
  }
  if (typeof e?.status === "number") {
    // A refused key is the key's fault, not the address's or the model's.
    const hint = e.status === 401 || e.status === 403 ? "Check OPENAI_API_KEY: the endpoint refused it." : undefined;
    return new AnswerError(`The language model endpoint answered HTTP ${e.status}.`, "http", { cause: error, ...(hint ? { hint } : {}) });
  }
  return new AnswerError("The language model endpoint could not be reached.", "network", { cause: error });
}

function textOf(content: unknown): string {
  if (typeof content === "string") return content;
  if (Array.isArray(content)) return content.map((p) => (typeof p === "string" ? p : ((p as { text?: string }).text ?? ""))).join("");
  return "";
}

/**
 * What a reply streamed so far shows a reader: the "answer" of a JSON reply (parsed as partial
 * JSON), or the text itself, without sentence-id markers (the final message numbers its sources).
 */
export function readableSoFar(content: string): string {
  let text = content;
  if (STARTS_JSON.test(content)) {
    let partial: unknown;
    try {
      partial = parseJsonMarkdown(content);
    } catch {
      partial = undefined;
    }
    const answer = (partial as { answer?: unknown } | null | undefined)?.answer;
    text = typeof answer === "string" ? answer : "";
  }
  return text
    .replace(/\s?\[\d{1,3}(?:\.\d{1,4})?(?:\s*,\s*\d{1,3}(?:\.\d{1,4})?)*\]/g, "")
    .replace(/\s?\[[\d.,\s]*$/, "") // a marker still being written
    .trim();
}

/** Answers with a chat model through LangChain: JSON with an answer and, per citation, the exact quote. */
export class LlmAnswerer implements Answerer {
  readonly name = "llm" as const;

  constructor(
    private readonly model: BaseChatModel,
    private readonly options: { malformedRetries: number },
  ) {}

  private async call(system: string, user: string, signal?: AbortSignal, onPartial?: (text: string) => void): Promise<string> {
    const messages = [
      { role: "system", content: system },
      { role: "user", content: user },
    ];
    if (onPartial) {
      const streamed = await this.stream(messages, signal, onPartial);
      if (streamed !== undefined) return streamed;
    }
    try {
      const reply = await this.model.invoke(messages, signal ? { signal } : {});
      return textOf(reply.content);
    } catch (error) {
      throw classify(error);
    }
  }

  /**
   * The reply streamed, telling `onPartial` what it shows so far. Undefined when the model or
   * endpoint cannot stream (an error that is not the signal's, or a stream with no text): the
   * caller then asks again without streaming, and the user only waits longer.
   */
  private async stream(messages: { role: string; content: string }[], signal: AbortSignal | undefined, onPartial: (text: string) => void): Promise<string | undefined> {
    let content = "";
    let shown = "";
    let readAt = 0;
    try {
      const stream = await this.model.stream(messages, signal ? { signal } : {});
      for await (const chunk of stream) {
        content += textOf(chunk.content);
        // (Past the longest reply taken, the rest is not read: `draft` refuses it.)
        if (content.length > MAX_REPLY_CHARS) break;
        if (content.length - readAt < PARTIAL_EVERY_CHARS) continue;
        readAt = content.length;
        const readable = readableSoFar(content);
        if (readable !== shown) onPartial((shown = readable));
      }
      const readable = readableSoFar(content);
      if (content.length <= MAX_REPLY_CHARS && readable !== shown) onPartial(readable);
    } catch (error) {
      if (signal?.aborted) throw classify(error);
      return undefined;
    }
    return content.trim() ? content : undefined;
  }

  async draft(question: string, retrieval: Retrieval, language: AnswerLanguage, signal?: AbortSignal, onPartial?: (text: string) => void): Promise<Draft> {
    const lang = language.locale;
    if (!retrieval.answerable || retrieval.results.length === 0) {
      return { text: message("notInDocuments", lang), citations: [], abstained: true };
    }
    const system = ANSWER_SYSTEM_PROMPT.replace("{language}", language.name);
    const user = answerUserMessage(question, retrieval.results.map((r) => r.chunk));
    for (let attempt = 0; ; attempt++) {
      const content = await this.call(system, user, signal, onPartial);
      // A reply longer than any answer is malformed: not parsed, nor read for markers.
      const tooLong = content.length > MAX_REPLY_CHARS;
      const parsed = tooLong ? "invalid" : parseReply(content);
      // (A JSON reply cut short, at LLM_MAX_TOKENS, reached the chat as raw JSON this way.)
      if (parsed === undefined && !STARTS_JSON.test(content)) {
        const marked = draftFromMarkers(content, retrieval.results.map((r) => r.chunk));
        if (marked) return marked;
      }
      const reply = parsed === "invalid" ? undefined : parsed;
      if (reply) {
        if (!reply.answerable) return { text: message("notInDocuments", lang), citations: [], abstained: true };
        const passages = retrieval.results.map((r) => r.chunk);
        const citations: ProposedCitation[] = [];
        for (const c of reply.citations) {
          const fromIds = c.sentences && quoteFromSentenceIds(c.sentences, passages);
          if (fromIds) citations.push({ id: c.id, ...fromIds });
          else if (c.passage !== undefined && c.quote) citations.push({ id: c.id, passage: c.passage, quote: c.quote });
        }
        return { text: reply.answer, citations, abstained: false };
      }
      if (attempt >= this.options.malformedRetries) {
        throw new AnswerError("The language model's reply was not the JSON asked for.", "malformed");
      }
    }
  }

  /**
   * The question in each of `languages` (one call), for searching passages in those languages.
   * Forms that are missing, empty or far longer than the question are left out.
   */
  async translate(question: string, languages: readonly SearchLang[], signal?: AbortSignal): Promise<QuestionForm[]> {
    if (!languages.length) return [];
    const reply = await this.call(TRANSLATE_SYSTEM_PROMPT, translateUserMessage(question, languages), signal);
    let parsed: unknown;
    try {
      parsed = parseJsonMarkdown(reply);
    } catch {
      return [];
    }
    const forms = z.record(z.string(), z.unknown()).safeParse(parsed);
    if (!forms.success) return [];
    return languages.flatMap((lang) => {
      const text = forms.data[lang];
      return typeof text === "string" && text.trim().length > 0 && text.length <= question.length * 4 + 200 ? [{ lang, text: text.trim() }] : [];
    });
  }

  /** A follow-up rewritten as a standalone question (the original when the model fails). */
  async condense(history: readonly { question: string; answer: string }[], question: string, signal?: AbortSignal): Promise<string> {
    const rewritten = (await this.call(CONDENSE_SYSTEM_PROMPT, condenseUserMessage(history, question), signal)).trim();
    return rewritten && rewritten.length <= question.length * 4 + 200 ? rewritten : question;
  }
}
