import { Composer } from "grammy";
import { replyText } from "../reply.js";
import { langOf, TEXTS } from "../texts.js";
import type { BotContext, BotDeps } from "../context.js";

/** /start, /help, /sources and /stats. */
export function helpFeature(deps: BotDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const t = (ctx: BotContext) => TEXTS[langOf(ctx.from?.language_code)];

  composer.command(["start", "help"], (ctx) =>
    replyText(ctx, t(ctx).help(deps.kb.index.manifest.documents.map((d) => d.title), ctx.chat.type !== "private")),
  );
  composer.command("sources", (ctx) => replyText(ctx, t(ctx).sources(deps.kb.index.manifest.documents)));
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
