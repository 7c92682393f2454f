import { Composer } from "grammy";
import { replyBlocks, replyText } from "../reply.js";
import { chatCollections, inScope } from "../scope.js";
import { adminSay, helpText, say } from "../texts.js";
import { localeFor } from "../../i18n/index.js";
import type { BotContext, BotDeps } from "../context.js";

/** /start, /help, /sources and /stats. */
export function helpFeature(deps: BotDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  /** The documents this chat searches: the others do not exist here, not even by title. */
  const documents = (ctx: BotContext) => {
    const scope = chatCollections(deps.settings, deps.access, ctx);
    return deps.kb.index.manifest.documents.filter((d) => inScope(scope, d.source));
  };

  composer.command(["start", "help"], (ctx) => {
    const locale = localeFor(ctx.from?.language_code);
    const help = helpText(locale, documents(ctx).map((d) => d.title), ctx.chat.type !== "private");
    // An admin, in private, also reads what only they can do.
    const admin = ctx.chat.type === "private" && deps.access.isAdmin(ctx.from?.id);
    return replyText(ctx, admin ? `${help}\n\n${adminSay(locale).adminHelp}` : help);
  });
  // A long list goes out as several messages, cut at line ends, each under Telegram's limit.
  composer.command("sources", (ctx) => replyBlocks(ctx, [{ text: say(localeFor(ctx.from?.language_code)).sources(documents(ctx)) }], { log: deps.log }));
  composer.command("stats", (ctx) => {
    const m = deps.kb.index.manifest;
    const docs = documents(ctx);
    return replyText(
      ctx,
      say(localeFor(ctx.from?.language_code)).stats({
        documents: docs.length,
        chunks: docs.length === m.documents.length ? m.chunkCount : docs.reduce((n, d) => n + d.chunks, 0),
        embeddings: `${m.embeddings.provider} ${m.embeddings.model}`,
        answerer: deps.qa.answererName === "llm" ? "LLM" : "extractive (quotes)",
        builtAt: m.builtAt,
        seconds: m.buildMs / 1000,
      }),
    );
  });
  return composer;
}
