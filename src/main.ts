/**
 * The composition root: config -> logger -> index -> answerer -> bot (or console chat) -> start/stop.
 */
import { run } from "@grammyjs/runner";
import os from "node:os";
import { GrammyError, type Bot } from "grammy";
import { checkDocsDir, closeDocumentReaders, createQuestionAnswerer, databasePool, documentLibrary, openKnowledgeBase, probeChatModel } from "./app.js";
import type { BotContext } from "./bot/context.js";
import { MemoryClaims, PgClaims } from "./server/claims.js";
import { startWebhookServer } from "./server/webhook.js";
import { ensureMigrated } from "./store/pg/schema.js";
import { PgAccessStore, PgFeedback, PgRateLimitClient } from "./store/pg/state.js";
import { PendingKnowledgeBase, type KnowledgeBase } from "./rag/knowledge-base.js";
import { loadQuestionLanguage } from "./rag/question-language.js";
import { dictionary } from "./rag/dictionary.js";
import { createBot, registerCommands } from "./bot/create-bot.js";
import { FeedbackLog } from "./state/feedback.js";
import { loadConfig, type Config } from "./config.js";
import { runConsoleChat } from "./console-chat.js";
import { ConfigError, describeError } from "./errors.js";
import { createLogger, maskConsole, redactSecrets, type Logger } from "./logger.js";
import { useProxyFromEnvironment } from "./proxy.js";
import { AccessList } from "./state/access.js";
import { collectionsOf } from "./documents/collections.js";
import { unknownCollections } from "./bot/scope.js";
import { databaseProblem, waitForDatabase } from "./store/pg/connect.js";
import { createTranscriber } from "./net/transcribe.js";
import { forTerminal } from "./terminal.js";

const NO_TOKEN = `TELEGRAM_BOT_TOKEN is not set.
Create a bot with @BotFather in Telegram (/newbot), put the token it gives you into .env as
TELEGRAM_BOT_TOKEN=123456789:AA..., and run \`npm start\` again. To try the bot without Telegram,
run \`npm run chat\` on a terminal.`;

/** How often the access list is read again (a small row or file). */
const ACCESS_REFRESH_MS = 2000;
/** How long a voice question may take to transcribe (a minute of speech takes seconds). */
const TRANSCRIBE_TIMEOUT_MS = 60_000;
/** When the first "still trying to reach the Bot API" is logged; then every twice as long, at most a minute. */
const STILL_TRYING_FIRST_MS = 5000;

/** The Bot API address for the log: its origin only (no credentials a URL may carry). */
function botApiAddress(apiRoot: string | undefined): string {
  if (!apiRoot) return "https://api.telegram.org";
  try {
    return new URL(apiRoot).origin;
  } catch {
    return "(TELEGRAM_API_ROOT is not a URL)";
  }
}

/** The first few titles, then how many more: a folder of hundreds stays one line. */
function listTitles(titles: readonly string[], shown: number): string {
  return titles.length <= shown ? titles.join("; ") : `${titles.slice(0, shown).join("; ")}; and ${titles.length - shown} more`;
}

/** Set once the config is read: the last-resort error message on stderr is masked with them too. */
let secrets: readonly string[] = [];

async function main(): Promise<number> {
  const consoleMode = process.argv.includes("--console");
  const config = loadConfig();
  secrets = config.secrets;
  const token = config.telegram.token;
  // The console chat: log lines would land between the answers, so only warnings and errors
  // (unless LOG_LEVEL asks for more detail than the default), one readable line each.
  const chat = consoleMode || (!token && process.stdin.isTTY === true);
  const level = chat && config.logLevel === "info" ? "warn" : config.logLevel;
  const log = createLogger({ level, secrets: config.secrets, readable: chat });
  maskConsole(config.secrets);
  useProxyFromEnvironment(log);
  // A promise nobody awaited must not take the bot down, but it is a bug: log it loudly.
  process.on("unhandledRejection", (reason) => log.error({ err: reason }, "unhandled rejection"));
  if (!token && !consoleMode && !process.stdin.isTTY) {
    process.stderr.write(`${NO_TOKEN}\n`);
    return 1;
  }

  await checkDocsDir(config);
  // With a database, approvals, feedback, follow-ups and rate limits are shared by every instance
  // (and with VECTOR_STORE=pgvector, the index is there): wait for it, saying so, before anything uses it.
  const pool = databasePool(config);
  if (pool) await waitForDatabase(config.store.databaseUrl!, log);
  await probeChatModel(config, log);
  // The bot starts polling while the first index is still being built: users are told how far
  // the reading is instead of getting silence.
  const kb = new PendingKnowledgeBase((onProgress) =>
    openKnowledgeBase(config, log, onProgress).then(({ kb: opened, built }) => {
      if (built) log.info({ documents: built.documents, chunks: built.chunks, skipped: built.skipped }, "index built");
      log.info({ chunks: opened.index.corpus.size }, "index ready");
      watchDocsFolder(opened, !built, config.docsRescanMs, log);
      return opened;
    }),
  );
  const qa = createQuestionAnswerer(config, log, kb);
  // The question-language detector's data and the English word list (about 0.4 s each to load)
  // are read once the index is ready, so the first question does not wait for them and the start
  // does not either.
  void kb.ready.then(
    () => {
      dictionary("en");
      return loadQuestionLanguage().catch((err: unknown) => log.warn({ err }, "the question-language detector could not be loaded; it is tried again at the first question"));
    },
    () => undefined,
  );

  if (chat || !token) {
    if (!kb.isReady) process.stdout.write("Reading the documents (the first start builds the index; later starts reuse it)…\n");
    // (A database problem said as the bot says it: "… has no pgvector … install …", not the driver's words.)
    await kb.ready.catch((error: unknown) => {
      throw databaseProblem(error, config.store.databaseUrl) ?? error;
    });
    const intro = `${token ? "" : "No TELEGRAM_BOT_TOKEN set: starting a console chat instead of the bot.\n"}` +
      `Documents (${kb.index.manifest.documents.length}): ${listTitles(kb.index.manifest.documents.map((d) => d.title), 8)}`;
    await runConsoleChat(qa, kb, { input: process.stdin, output: process.stdout, log, intro, maxQuestionChars: config.telegram.maxQuestionChars });
    return 0;
  }

  const access = await AccessList.open(pool ? new PgAccessStore(pool, config.store.schema) : config.telegram.accessFile, {
    users: config.telegram.allowedUserIds,
    chats: config.telegram.allowedChatIds,
    admins: config.telegram.adminUserIds,
    maxPending: config.telegram.maxPendingRequests,
  });
  // Decisions taken on another instance, or edits of the access file, hold here within seconds.
  access.watch(ACCESS_REFRESH_MS, (err) => log.warn({ err }, "could not re-read who may ask; keeping the last list"));
  if (access.open) {
    // Admins alone do not make it private (they approve requests only once there is a list to be on).
    const keepPrivate = config.telegram.adminUserIds.length ? `; to keep it private and approve people from the chat, set ALLOWED_USER_IDS=${config.telegram.adminUserIds[0]}` : "";
    log.warn(`ALLOWED_USER_IDS and ALLOWED_CHAT_IDS are not set: the bot answers everyone who writes to it and quotes the documents to them${keepPrivate}`);
  }
  void kb.ready.then(
    (ready) => {
      for (const { variable, names } of unknownCollections(config.telegram, collectionsOf(ready.index.manifest.documents))) {
        log.warn({ setting: variable, collections: names }, `${variable} names collections the documents folder does not have (top-level folders of DOCS_DIR): chats limited to them get no answers`);
      }
    },
    () => {}, // a failed build is reported where the bot stops
  );
  let lastHandled = -1;
  const bot = createBot({
    ...(pool ? { rateLimitStore: new PgRateLimitClient(pool, config.store.schema, (err, what) => log.warn({ err }, `database failed ${what}; letting the message through`)) } : {}),
    access,
    library: documentLibrary(config),
    transcriber: config.telegram.voice ? createTranscriber({ ...config.telegram.voice, timeoutMs: TRANSCRIBE_TIMEOUT_MS }) : undefined,
    token,
    secrets: config.secrets,
    qa,
    kb,
    settings: config.telegram,
    feedback: pool
      ? await PgFeedback.open(pool, config.store.schema, { retentionDays: config.telegram.feedbackRetentionDays })
      : await FeedbackLog.open(config.telegram.feedbackLog, { retentionDays: config.telegram.feedbackRetentionDays }),
    log,
    onHandled: (id) => {
      lastHandled = Math.max(lastHandled, id);
    },
  });
  // Telegram may be unreachable for a while at start: keep trying instead of dying, and say so
  // (auto-retry retries a failed connection by itself, so getMe can wait a long time silently).
  const apiAddress = botApiAddress(config.telegram.apiRoot);
  let waitedMs = 0;
  let stillTrying: NodeJS.Timeout | undefined;
  const remind = (afterMs: number) => {
    stillTrying = setTimeout(() => {
      waitedMs += afterMs;
      log.warn({ apiRoot: apiAddress, setting: "TELEGRAM_API_ROOT", waitedSeconds: Math.round(waitedMs / 1000) }, "still trying to reach the Bot API (getMe); check the network or TELEGRAM_API_ROOT");
      remind(Math.min(afterMs * 2, 60_000));
    }, afterMs);
    stillTrying.unref();
  };
  remind(STILL_TRYING_FIRST_MS);
  // A first build that fails (no pgvector on the server, no documents) ends the start at once,
  // also while Telegram is still out of reach: waiting for it would only hide the reason.
  let buildError: { error: unknown } | undefined;
  const buildFailed = kb.ready.then(
    () => new Promise<never>(() => {}),
    (error: unknown) => {
      buildError = { error: databaseProblem(error, config.store.databaseUrl) ?? error };
      throw buildError.error;
    },
  );
  buildFailed.catch(() => {}); // raced below
  for (let delay = 1000; ; delay = Math.min(delay * 2, 60_000)) {
    try {
      await Promise.race([bot.init(), buildFailed]);
      clearTimeout(stillTrying);
      break;
    } catch (error) {
      if (buildError) {
        clearTimeout(stillTrying);
        throw buildError.error;
      }
      if (error instanceof GrammyError && error.error_code === 401) {
        clearTimeout(stillTrying);
        throw new ConfigError([{ variable: "TELEGRAM_BOT_TOKEN", message: "Telegram refused the token (401 Unauthorized); copy it again from @BotFather" }]);
      }
      log.warn({ err: error, retryInMs: delay }, "could not reach the Bot API (getMe); retrying");
      await Promise.race([new Promise((r) => setTimeout(r, delay)), buildFailed.catch(() => undefined)]);
    }
  }
  await registerCommands(bot.api, config.telegram.adminUserIds, log);
  const allowedUpdates = ["message", "callback_query", "my_chat_member", "stopped_message_generation"] as const;
  const webhook = config.telegram.webhook;
  if (webhook) return serveWebhook(config, log, bot, kb, allowedUpdates);

  // Polling while a webhook is set gets 409 from Telegram: remove it, keeping the updates it holds.
  await bot.api.deleteWebhook({ drop_pending_updates: false }).catch((err: unknown) => log.warn({ err }, "deleteWebhook failed; polling may get 409"));
  const runner = run(bot, {
    runner: { fetch: { allowed_updates: allowedUpdates }, silent: true },
  });
  log.info({ username: bot.botInfo.username, answerer: qa.answererName, indexReady: kb.isReady }, "bot started");

  const failed = await runUntilStopped(log, kb, config.store.databaseUrl, {
    stop: async () => {
      await runner.stop();
      // Let handlers in flight finish, then confirm their updates so none is handled twice.
      for (let waited = 0; runner.size() > 0 && waited < 15_000; waited += 100) await new Promise((r) => setTimeout(r, 100));
      if (lastHandled >= 0) {
        await bot.api.getUpdates({ offset: lastHandled + 1, limit: 1, timeout: 0 }).catch(() => {});
      }
    },
    halt: () => runner.stop(),
    // 401 (bad token) or 409 (another instance polls with this token): nothing to retry.
    failure: runner.task()?.then(
      () => false,
      (error: unknown) => {
        log.fatal({ err: error }, "polling stopped; check TELEGRAM_BOT_TOKEN and that no other instance runs");
        return true;
      },
    ),
  });
  return failed ? 1 : 0;
}

/**
 * Webhook mode: sets the webhook (with its secret) and serves updates over HTTP until SIGINT or
 * SIGTERM. With DATABASE_URL, updates are claimed in Postgres, so several instances behind one
 * address each handle an update once; without it, one instance claims in memory.
 */
async function serveWebhook(
  config: Config,
  log: Logger,
  bot: Bot<BotContext>,
  kb: PendingKnowledgeBase,
  allowedUpdates: readonly ("message" | "callback_query" | "my_chat_member" | "stopped_message_generation")[],
): Promise<number> {
  const webhook = config.telegram.webhook!;
  const pool = databasePool(config);
  if (pool) await ensureMigrated(pool, config.store.schema);
  else log.warn("TELEGRAM_WEBHOOK_URL without DATABASE_URL: updates are claimed in memory, so run one instance only");
  const claims = pool
    ? new PgClaims(pool, config.store.schema, `${os.hostname()}:${process.pid}`, webhook.leaseMs, (err, what) => log.warn({ err }, `database failed ${what}`))
    : new MemoryClaims();
  const server = await startWebhookServer({
    bot,
    port: webhook.port,
    path: new URL(webhook.url).pathname,
    secret: webhook.secret,
    claims,
    leaseMs: webhook.leaseMs,
    health: () => (kb.isReady ? { ready: true, index: kb.index.buildDir } : { ready: false }),
    healthDetail: webhook.healthDetail,
    log,
  });
  // Set after the server listens: Telegram may post at once. Every instance sets the same webhook.
  await bot.api.setWebhook(webhook.url, { secret_token: webhook.secret, allowed_updates: [...allowedUpdates], drop_pending_updates: false });
  log.info({ username: bot.botInfo.username, port: server.port }, "bot started (webhook)");

  const failed = await runUntilStopped(log, kb, config.store.databaseUrl, {
    // The webhook stays set: other instances keep serving. Updates in flight finish first.
    stop: () => server.close(),
    halt: () => server.close(),
  });
  return failed ? 1 : 0;
}

/**
 * Files added, edited or removed in DOCS_DIR by hand are indexed without a /reindex: looked for
 * at start (a folder changed while the bot was down; not after a start that built the index) and
 * every DOCS_RESCAN_MINUTES, by the files' names, sizes and times, without reading one.
 */
function watchDocsFolder(kb: KnowledgeBase, atStart: boolean, everyMs: number, log: Logger): void {
  let looking = false;
  const look = (settleMs: number) => {
    if (looking) return;
    looking = true;
    kb.refreshIfFolderChanged(settleMs)
      .catch((err: unknown) => log.warn({ err }, "the documents folder changed, but could not be read again; the current index keeps answering"))
      .finally(() => (looking = false));
  };
  if (atStart) look(0);
  // While the bot runs, a change is read once the folder has held still for a while: a folder
  // being copied into is not indexed half copied (and its missing documents embedded again later).
  if (everyMs > 0) setInterval(() => look(FOLDER_SETTLE_MS), everyMs).unref();
}

/** How long the documents folder must hold still before a change found while the bot runs is read. */
const FOLDER_SETTLE_MS = 10_000;

/**
 * Serves until SIGINT or SIGTERM (then `stop`: finish what is in flight), a first index build that
 * fails (then `halt`: no documents or an embeddings error end the bot, as before it served), or
 * `failure` resolving true. True when it ended by failing.
 */
async function runUntilStopped(
  log: Logger,
  kb: PendingKnowledgeBase,
  /** DATABASE_URL, for saying where a database that fails the build is. */
  databaseUrl: string | undefined,
  o: { stop: () => Promise<void>; halt: () => Promise<void>; failure?: Promise<boolean> | undefined },
): Promise<boolean> {
  let failed = false;
  await new Promise<void>((resolve) => {
    const stop = async (signal: string) => {
      log.info({ signal }, "stopping");
      await o.stop();
      resolve();
    };
    process.once("SIGINT", () => void stop("SIGINT"));
    process.once("SIGTERM", () => void stop("SIGTERM"));
    kb.ready.catch((error: unknown) => {
      const problem = databaseProblem(error, databaseUrl);
      log.fatal({ err: error }, `the index could not be built: ${problem ? describeError(problem).replace("\n", " ") : describeError(error).split("\n")[0]}`);
      failed = true;
      void o.halt().then(resolve);
    });
    void o.failure?.then((f) => {
      if (!f) return;
      failed = true;
      resolve();
    });
  });
  log.info("stopped");
  return failed;
}

main().then(
  // The reader processes would end by themselves once the bot is gone; ended here, none is left reading.
  (code) => void closeDocumentReaders().finally(() => process.exit(code)),
  (error: unknown) => {
    process.stderr.write(`Error: ${forTerminal(redactSecrets(describeError(error), secrets))}\n`);
    process.exit(1);
  },
);
