import { Composer } from "grammy";
import { replyBlocks, replyText } from "../reply.js";
import { langOf, TEXTS } from "../texts.js";
import type { BotContext, BotDeps } from "../context.js";

/** /start, /help, /sources and /stats. */
export function helpFeature(deps: BotDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const t = (ctx: BotContext) => TEXTS[langOf(ctx.from?.language_code)];

  composer.command(["start", "help"], (ctx) => {
    const help = t(ctx).help(deps.kb.index.manifest.documents.map((d) => d.title), ctx.chat.type !== "private");
    // An admin, in private, also reads what only they can do.
    const admin = ctx.chat.type === "private" && deps.access.isAdmin(ctx.from?.id);
    return replyText(ctx, admin ? `${help}\n\n${t(ctx).adminHelp}` : help);
  });
  // A long list goes out as several messages, cut at line ends, each under Telegram's limit.
  composer.command("sources", (ctx) => replyBlocks(ctx, [{ text: t(ctx).sources(deps.kb.index.manifest.documents) }], { log: deps.log }));
  composer.command("stats", (ctx) => {
    const m = deps.kb.index.manifest;
    return replyText(
      ctx,
      t(ctx).stats({
        documents: m.documents.length,
        chunks: m.chunkCount,
        embeddings: `${m.embeddings.provider} ${m.embeddings.model}`,
        answerer: deps.qa.answererName === "llm" ? "LLM" : "extractive (quotes)",
        builtAt: m.builtAt,
        seconds: m.buildMs / 1000,
      }),
    );
  });
  return composer;
}
