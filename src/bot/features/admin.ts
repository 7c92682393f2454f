import { Composer } from "grammy";
import { AppError } from "../../errors.js";
import { redactSecrets } from "../../logger.js";
import type { IngestProgress } from "../../rag/ingest.js";
import { ProgressMessage } from "../progress.js";
import { replyText } from "../reply.js";
import { adminSay } from "../texts.js";
import { localeFor } from "../../i18n/index.js";
import type { BotContext, BotDeps } from "../context.js";

/**
 * /reindex for admins (by numeric user id, checked here: command scopes only hide commands).
 * The rebuild runs in the background while questions keep being answered from the old index;
 * one progress message is edited at most every `progressIntervalMs`.
 */
export function adminFeature(deps: BotDeps, secrets: readonly string[]): Composer<BotContext> {
  const { kb, settings, log } = deps;
  const admins = new Set(settings.adminUserIds);
  const composer = new Composer<BotContext>();

  composer.command("reindex", async (ctx) => {
    const t = adminSay(localeFor(ctx.from?.language_code));
    if (!ctx.from || !admins.has(ctx.from.id)) {
      log.warn({ userId: ctx.from?.id, chatId: ctx.chat.id }, "refused /reindex from a non-admin");
      if (ctx.chat.type === "private") await replyText(ctx, t.notAdmin);
      return;
    }
    // Its report names files of every collection: not for a group's members.
    if (ctx.chat.type !== "private") {
      await replyText(ctx, t.usePrivate);
      return;
    }
    // While the first build runs there is nothing to rebuild yet: this throws NotReadyError, and
    // the bot says it is still reading the documents.
    void kb.index;
    if (kb.isReindexing) {
      await replyText(ctx, t.reindexBusy);
      return;
    }
    const status = await ProgressMessage.send(ctx, t.reindexStart, { intervalMs: settings.progressIntervalMs, log });
    const onProgress = (p: IngestProgress) => status.update(t.reindexProgress(p));
    // Not awaited: the chat's other updates keep flowing while the index is rebuilt.
    void kb.reindex(onProgress).then(
      (summary) => {
        log.info({ summary: { ...summary, skipped: summary.skipped.length } }, "reindex done");
        return status.finish(t.reindexDone(summary));
      },
      (error: unknown) => {
        log.error({ err: error }, "reindex failed");
        const reason = error instanceof AppError ? error.message : t.internalError;
        return status.finish(t.reindexFailed(redactSecrets(reason, secrets)));
      },
    );
  });
  return composer;
}
