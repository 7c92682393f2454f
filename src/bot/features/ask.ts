import path from "node:path";
import { Composer, InlineKeyboard } from "grammy";
import { AnswerError } from "../../errors.js";
import { NotReadyError } from "../../rag/knowledge-base.js";
import { capText } from "../../documents/structure.js";
import { answerBlocks, passageBlocks, wordsAfter, wordsBefore } from "../format.js";
import { chatCollections, inScope } from "../scope.js";
import type { Citation } from "../../rag/answer/types.js";
import type { Tally } from "../../state/feedback.js";
import { DraftStream } from "../draft-stream.js";
import { groupQuestion, repliesToBot } from "../filters.js";
import { downloadTelegramFile, FetchRefusedError, TELEGRAM_DOWNLOAD_LIMIT } from "../../net/fetch-document.js";
import { measureRecording } from "../../net/recording-length-pool.js";
import { replyBlocks, replyText } from "../reply.js";
import { say } from "../texts.js";
import { localeFor, t as translate } from "../../i18n/index.js";
import { askerId, type BotContext, type BotDeps } from "../context.js";
import { redactSecrets } from "../../logger.js";

/** Passage buttons in a row under an answer at most. */
const PASSAGE_BUTTONS = 4;

/** Under an answer: a button per citation that shows its passage, then the rating with the votes so far. */
export function answerKeyboard(key: string, citations: readonly Citation[], tally: Tally, locale: string): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  // One button per number: a quote's copies in other files (same number) show the same text.
  // PASSAGE_BUTTONS a row: Telegram takes at most 8 a row, and a model may cite up to 20 passages.
  citations
    .filter((x, i) => citations.findIndex((y) => y.n === x.n) === i)
    .forEach((c, i) => {
      if (i > 0 && i % PASSAGE_BUTTONS === 0) keyboard.row();
      keyboard.text(`[${c.n}] ${translate(locale, "answer-passage-button")}`, `p:${key}:${c.n}`);
    });
  if (citations.length) keyboard.row();
  return keyboard.text(tally.up ? `👍 ${tally.up}` : "👍", `fb:${key}:up`).text(tally.down ? `👎 ${tally.down}` : "👎", `fb:${key}:down`);
}

/**
 * Answers being streamed, by chat and draft id, so that the user's stop button (an update of its
 * own, handled outside the per-chat queue) can abort the model call.
 */
export class AnswerStreams {
  private readonly open_ = new Map<string, AbortController>();
  private next = 0;

  /** A non-zero draft id, distinct for each answer. */
  draftIdFor(updateId: number): number {
    this.next = (this.next + 1) % 1000;
    return ((updateId % 2_000_000) * 1000 + this.next) % 2_147_483_647 || 1;
  }

  open(chatId: number, draftId: number): AbortController {
    const controller = new AbortController();
    this.open_.set(`${chatId}:${draftId}`, controller);
    return controller;
  }

  close(chatId: number, draftId: number): void {
    this.open_.delete(`${chatId}:${draftId}`);
  }

  /** The user pressed stop: true when that answer was still being written. */
  stop(chatId: number, draftId: number): boolean {
    const controller = this.open_.get(`${chatId}:${draftId}`);
    controller?.abort(new Error("stopped by the user"));
    return controller !== undefined;
  }
}

/**
 * Bytes a recording may have per second it says it lasts: 40 KB/s is 320 kbit/s, more than any
 * voice note or MP3 needs. Telegram passes on the duration the sender claims: this bounds the
 * download, and the length read from the file itself (`recordingSeconds`, off the event loop) bounds what the
 * transcription endpoint is sent (at a low bitrate, a few megabytes hold an hour).
 */
const VOICE_BYTES_PER_SECOND = 40_000;
/** Room an audio file (not a voice note) has besides its sound: ID3 or MP4 tags with cover art. */
const AUDIO_TAGS_BYTES = 2_000_000;
/** Telegram gives a recording's length in whole seconds: one read from the file may be this much longer. */
const CLAIM_ROUNDING_SECONDS = 1;

/** Characters of the text before and after a passage that its button shows. */
const CONTEXT_CHARS = 300;

const isGroup = (ctx: BotContext) => ctx.chat?.type === "group" || ctx.chat?.type === "supergroup";

/** Questions: any text in private chats, addressed messages in groups, and /ask everywhere. */
export function askFeature(deps: BotDeps, streams: AnswerStreams, secrets: readonly string[] = []): Composer<BotContext> {
  const { qa, settings, feedback, log } = deps;
  const composer = new Composer<BotContext>();

  /** Private chats with a model that writes: the answer is shown as drafts while it is written. */
  const streamed = (ctx: BotContext) => settings.streamAnswers && qa.answererName === "llm" && ctx.chat?.type === "private";

  async function answer(ctx: BotContext, question: string): Promise<void> {
    const t = say(localeFor(ctx.from?.language_code));
    if (!question.trim()) {
      await replyText(ctx, t.emptyAsk);
      return;
    }
    if (question.length > settings.maxQuestionChars) {
      await replyText(ctx, t.tooLong(settings.maxQuestionChars));
      return;
    }
    const chatId = ctx.chat!.id;
    const drafts = streamed(ctx) ? new DraftStream(ctx.api, chatId, streams.draftIdFor(ctx.update.update_id), { intervalMs: settings.streamIntervalMs, log }) : undefined;
    const stop = drafts ? streams.open(chatId, drafts.draftId) : undefined;
    if (drafts) drafts.start();
    else ctx.chatAction = "typing";
    let result;
    try {
      // Follow-ups belong to one person's thread of questions in a chat.
      const collections = chatCollections(deps.settings, deps.access, ctx);
      result = await qa.ask(question, {
        conversation: `${chatId}:${askerId(ctx) ?? 0}`,
        ...(ctx.from?.language_code ? { userLanguage: ctx.from.language_code } : {}),
        ...(collections ? { collections } : {}),
        ...(drafts && stop ? { signal: stop.signal, onPartial: (text: string) => drafts.push(text) } : {}),
      });
    } catch (error) {
      if (error instanceof NotReadyError) throw error; // answered by the bot: "still reading the documents"
      await drafts?.close();
      if (stop?.signal.aborted) {
        log.info({ chatId }, "the user stopped the answer");
        await replyText(ctx, t.stopped);
        return;
      }
      log.error({ err: error, chatId }, "answering failed");
      await replyText(ctx, error instanceof AnswerError ? t.llmDown : t.failed);
      return;
    } finally {
      if (drafts) streams.close(chatId, drafts.draftId);
    }
    await drafts?.close();
    if (result.abstained) {
      await replyBlocks(ctx, answerBlocks(result), { log });
      await feedback.abstained(chatId, ctx.from?.id, result.question, result.text).catch((err) => log.error({ err }, "feedback log"));
      return;
    }
    // The buttons name the stored answer, so they keep working after a restart.
    const key = await feedback.remember(chatId, ctx.from?.id, result).catch((err) => {
      log.error({ err }, "feedback log: the answer goes out without buttons");
      return undefined;
    });
    const keyboard = key ? answerKeyboard(key, result.citations, { up: 0, down: 0 }, result.lang) : undefined;
    await replyBlocks(ctx, answerBlocks(result), { log, ...(keyboard ? { keyboard } : {}) });
  }

  /**
   * A voice message or audio file: downloaded, transcribed, shown as understood ("🎤 …"), then
   * answered as if it had been typed (in the language it was spoken in).
   */
  async function answerVoice(ctx: BotContext): Promise<void> {
    const t = say(localeFor(ctx.from?.language_code));
    const media = ctx.msg?.voice ?? ctx.msg?.audio;
    if (!media) return;
    const { transcriber } = deps;
    if (!transcriber || !settings.voice) {
      await replyText(ctx, t.voiceOff);
      return;
    }
    // At most the bytes a recording of the length it claims may have (a claim of 0 says nothing:
    // then the limit's; an audio file carries tags and cover art besides); what it really plays
    // for is read from the download (the claim is the sender's).
    const claimed = media.duration > 0 ? Math.ceil(media.duration) : settings.voice.maxSeconds;
    const maxBytes = Math.min(TELEGRAM_DOWNLOAD_LIMIT, claimed * VOICE_BYTES_PER_SECOND + (ctx.msg?.audio ? AUDIO_TAGS_BYTES : 0));
    if (media.duration > settings.voice.maxSeconds || (media.file_size ?? 0) > maxBytes) {
      await replyText(ctx, t.voiceTooLong(settings.voice.maxSeconds));
      return;
    }
    ctx.chatAction = "typing";
    let transcript: string;
    try {
      const file = await ctx.api.getFile(media.file_id);
      if (!file.file_path) throw new FetchRefusedError("Telegram gave no download path for the recording");
      const bytes = await downloadTelegramFile(file.file_path, {
        apiRoot: settings.apiRoot ?? "https://api.telegram.org",
        token: settings.token ?? "",
        maxBytes,
        timeoutMs: settings.fetchTimeoutMs,
      });
      // The endpoint tells formats by the file name: Telegram's voice notes are OGG/Opus.
      const name = ctx.msg?.voice ? "voice.ogg" : (ctx.msg?.audio?.file_name ?? `audio${path.extname(file.file_path) || ".mp3"}`);
      const seconds = await measureRecording(bytes, media.mime_type);
      if (seconds === undefined || seconds > settings.voice.maxSeconds + CLAIM_ROUNDING_SECONDS) {
        log.info({ chatId: ctx.chat?.id, claimed: media.duration, seconds }, "a voice question was not sent for transcription: its length is unreadable or over the limit");
        await replyText(ctx, seconds === undefined ? t.voiceUnreadable : t.voiceTooLong(settings.voice.maxSeconds));
        return;
      }
      transcript = (await transcriber.transcribe(bytes, name)).text;
    } catch (error) {
      log.warn({ err: error, chatId: ctx.chat?.id }, "a voice question could not be transcribed");
      // Over the size a recording of its length may have: as long as a recording over the time limit.
      await replyText(ctx, error instanceof FetchRefusedError && /too large|larger/i.test(error.message) ? t.voiceTooLong(settings.voice.maxSeconds) : t.voiceFailed);
      return;
    }
    if (!transcript) {
      await replyText(ctx, t.voiceEmpty);
      return;
    }
    // What was understood, within one message; a transcript over MAX_QUESTION_CHARS is then refused with the limit.
    // (Masked as an answer is: an endpoint that echoes its key would show it here.)
    await replyText(ctx, `🎤 ${redactSecrets(capText(transcript, settings.maxQuestionChars + 1), secrets)}`);
    await answer(ctx, transcript);
  }

  composer.command("ask", (ctx) => answer(ctx, ctx.match));

  composer.callbackQuery(/^fb:([\w-]+):(up|down)$/, async (ctx) => {
    const t = say(localeFor(ctx.from.language_code));
    const key = ctx.match[1]!;
    // The buttons of an answer given in another chat (copied callback data) count nothing here.
    const remembered = await feedback.recall(key);
    const scope = chatCollections(deps.settings, deps.access, ctx);
    const here = remembered && remembered.chatId === ctx.callbackQuery.message?.chat.id && remembered.answer.citations.every((c) => inScope(scope, c.source));
    const tally = here ? await feedback.vote(key, ctx.from.id, ctx.match[2] as "up" | "down") : undefined;
    if (!tally || !remembered) {
      await ctx.answerCallbackQuery({ text: t.expired });
      return;
    }
    await ctx.answerCallbackQuery({ text: t.thanks });
    // The buttons show the votes so far; a second press by the same person changes their vote.
    const keyboard = answerKeyboard(key, remembered.answer.citations, tally, remembered.answer.lang);
    await ctx.editMessageReplyMarkup({ reply_markup: keyboard }).catch((err) => log.debug({ err }, "vote buttons not updated"));
  });

  composer.callbackQuery(/^p:([\w-]+):(\d{1,3})$/, async (ctx) => {
    const t = say(localeFor(ctx.from.language_code));
    const remembered = await feedback.recall(ctx.match[1]!);
    const named = remembered?.answer.citations.find((c) => c.n === Number(ctx.match[2]));
    // Only under the answer in its own chat (as votes): callback data copied from another chat, or an
    // answer forwarded there, shows nothing; nor does a passage outside this chat's collections.
    const here = remembered?.chatId === ctx.chat?.id;
    const citation = named && here && inScope(chatCollections(deps.settings, deps.access, ctx), named.source) ? named : undefined;
    const found = citation ? await deps.kb.index.corpus.around(citation.chunkId) : undefined;
    if (!remembered || !citation || !found) {
      // The answer is older than the bot's memory, or the passage left the index with a reindex.
      await ctx.answerCallbackQuery({ text: t.passageGone, show_alert: true });
      return;
    }
    await ctx.answerCallbackQuery();
    // Neighbouring chunks overlap the passage: only what lies outside it is context.
    const { chunk: passage, prev, next } = found;
    const context = {
      before: prev ? wordsBefore(prev.text.slice(0, Math.max(0, passage.start - prev.start)), CONTEXT_CHARS) : "",
      after: next ? wordsAfter(next.text.slice(Math.max(0, passage.end - next.start)), CONTEXT_CHARS) : "",
    };
    await replyBlocks(ctx, passageBlocks(citation, remembered.answer.lang, passage, context), { log });
  });

  // Groups: only messages that mention the bot or reply to it; everything else is ignored.
  const group = composer.filter(isGroup);
  group.on("message:text", async (ctx, next) => {
    if (ctx.msg.text.startsWith("/")) return next();
    const question = groupQuestion(ctx.msg, ctx.me);
    if (question === undefined) return;
    await answer(ctx, question);
  });
  // A voice question in a group is one that replies to the bot (a recording cannot @mention it).
  group.on(["message:voice", "message:audio"], async (ctx) => {
    if (repliesToBot(ctx.msg, ctx.me)) await answerVoice(ctx);
  });

  const priv = composer.chatType("private");
  priv.on("message:text", async (ctx, next) => {
    if (ctx.msg.text.startsWith("/")) return next();
    await answer(ctx, ctx.msg.text);
  });
  priv.on(["message:voice", "message:audio"], answerVoice);
  priv.on("message", (ctx) => {
    const t = say(localeFor(ctx.from.language_code));
    return replyText(ctx, ctx.msg.text?.startsWith("/") ? t.unknownCommand : t.nonText);
  });
  return composer;
}
