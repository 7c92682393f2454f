import type { IngestSummary } from "../rag/ingest.js";
import { perLocale, t } from "../i18n/index.js";
import { plainLine } from "../unicode.js";

const list = (items: readonly string[]) => items.map((item) => `• ${item}`).join("\n");

/** Items in a line, with the language's separator ("hr, it"; "hr、it" in Japanese). */
export const listed = (locale: string, items: readonly string[]) => items.join(t(locale, "list-separator"));

const STAGE_KEYS: Record<string, string> = { model: "stage-model", load: "stage-load", embed: "stage-embed", write: "stage-write" };

/** A stage as the bot reports it: its counts, and the scanned pages OCR reads while files are read. */
export interface StageProgress {
  readonly stage: string;
  readonly done: number;
  readonly total: number;
  readonly scanned?: { readonly done: number; readonly total: number };
}

/**
 * How far a stage is, as a user reads it: counts only where they say something ("passages: 30 of
 * 120", not "writing the index: 0 of 1"); "reading scanned pages: 12 of 40" beside the files.
 */
export function stageProgress(locale: string, p: StageProgress): string {
  const name = STAGE_KEYS[p.stage] ? t(locale, STAGE_KEYS[p.stage]!) : p.stage;
  const counted = p.total > 1 ? t(locale, "stage-count", { name, done: p.done, total: p.total }) : name;
  return p.scanned ? `${counted} · ${t(locale, "stage-count", { name: t(locale, "stage-scanned"), done: p.scanned.done, total: p.scanned.total })}` : counted;
}

/** Titles shown by /start and /help; the rest are counted (and listed by /sources). */
const HELP_TITLES = 10;
/** Documents /sources lists (over several messages when needed); the rest are counted. */
const SOURCES_LISTED = 300;
/** Skipped files named in a reindex report; the rest are counted (all are in the log). */
const REPORT_SKIPPED = 10;

/** The first `max` items, then how many more, so a message stays far under Telegram's 4096 characters. */
function capped(items: readonly string[], max: number, more: (n: number) => string): string[] {
  return items.length <= max ? [...items] : [...items.slice(0, max), more(items.length - max)];
}

/**
 * What /start and /help say, in the asker's language (locales/*.ftl): what the bot answers from
 * (the first titles, then how many more), how to ask here, and the commands.
 */
export function helpText(locale: string, titles: readonly string[], group: boolean): string {
  const shown = capped(titles, HELP_TITLES, (n) => t(locale, "help-more", { count: n }));
  return `${t(locale, "help-intro")}\n${list(shown)}\n\n${t(locale, group ? "help-group" : "help-private")}\n\n${t(locale, "help-commands")}`;
}

/** What everyone who asks may read, in their language (locales/*.ftl). */
export const say = perLocale((locale) => {
  return {
    nonText: t(locale, "non-text"),
    voiceOff: t(locale, "voice-off"),
    voiceTooLong: (seconds: number) => t(locale, "voice-too-long", { seconds }),
    voiceFailed: t(locale, "voice-failed"),
    voiceEmpty: t(locale, "voice-empty"),
    voiceUnreadable: t(locale, "voice-unreadable"),
    unknownCommand: t(locale, "unknown-command"),
    tooLong: (max: number) => t(locale, "too-long", { max }),
    emptyAsk: t(locale, "empty-ask"),
    rateLimited: t(locale, "rate-limited"),
    slowDown: t(locale, "slow-down"),
    llmDown: t(locale, "llm-down"),
    failed: t(locale, "failed"),
    stopped: t(locale, "stopped"),
    thanks: t(locale, "thanks"),
    expired: t(locale, "expired"),
    passageGone: t(locale, "passage-gone"),
    stillReading: (p: StageProgress | undefined) => (p ? t(locale, "still-reading-progress", { progress: stageProgress(locale, p) }) : t(locale, "still-reading")),
    privateBot: t(locale, "private-bot"),
    privateButton: t(locale, "private-button"),
    buttonGone: t(locale, "button-gone"),
    privateBotFull: t(locale, "private-bot-full"),
    privateGroup: t(locale, "private-group"),
    groupAllowed: t(locale, "group-allowed"),
    sources: (docs: readonly { title: string; source: string; chunks: number }[]) =>
      `${t(locale, "sources-header", { count: docs.length })}\n${list(
        capped(docs.map((d) => t(locale, "sources-line", { title: d.title, source: plainLine(d.source), count: d.chunks })), SOURCES_LISTED, (n) => t(locale, "sources-more", { count: n })),
      )}`,
    stats: (x: { documents: number; chunks: number; embeddings: string; answerer: string; builtAt: string; seconds: number }) =>
      t(locale, "stats", { documents: x.documents, chunks: x.chunks, embeddings: x.embeddings, answerer: x.answerer, built: x.builtAt, seconds: x.seconds.toFixed(1) }),
  };
});

/** A reindex's skipped or warned-about files ("name (reason)"): the first REPORT_SKIPPED, then how many more. */
function reportFiles(locale: string, files: readonly string[]): string {
  return capped(files, REPORT_SKIPPED, (n) => t(locale, "admin-reindex-more", { count: n })).join("; ");
}

/**
 * The report of a finished reindex: what the index holds now, what changed, then the files
 * skipped or read with a warning and the embeddings' fallback, each only when there is one.
 */
function reindexReport(locale: string, s: IngestSummary): string {
  const held = { documents: s.documents, chunks: s.chunks };
  const lines = [
    s.rebuilt ? t(locale, "admin-reindex-rebuilt", { seconds: s.seconds.toFixed(1), ...held }) : t(locale, "admin-reindex-unchanged", held),
    t(locale, "admin-reindex-documents", { added: s.added.length, changed: s.changed.length, removed: s.removed.length, unchanged: s.unchanged }),
    t(locale, "admin-reindex-chunks", { embedded: s.embedded, reused: s.reused }),
  ];
  if (s.skipped.length) lines.push(t(locale, "admin-reindex-skipped", { files: reportFiles(locale, s.skipped.map((f) => `${f.source} (${f.reason})`)) }));
  if (s.warnings.length) lines.push(t(locale, "admin-reindex-warnings", { files: reportFiles(locale, s.warnings.map((w) => `${w.source} (${w.warning})`)) }));
  if (s.fallbackReason) lines.push(t(locale, "admin-reindex-fallback", { reason: s.fallbackReason }));
  return lines.join("\n");
}

/** Which collections a chat searches: `chat` undefined for the chat the message is shown in, `current` undefined for all of them. */
function searchedCollections(locale: string, chat: string | undefined, current: readonly string[] | undefined, count: number): string {
  const who = chat === undefined ? t(locale, "collections-this-chat") : t(locale, "collections-that-chat", { chat });
  const searches = !current
    ? t(locale, "collections-all", { chat: who, count })
    : current.length
      ? t(locale, "collections-these", { chat: who, names: listed(locale, current) })
      : t(locale, "collections-none", { chat: who });
  return t(locale, "collections-of", { searches });
}

/** What only admins read (reindex, /access, /collections), in their language (locales/*.ftl). */
export const adminSay = perLocale((locale) => {
  return {
    adminHelp: t(locale, "admin-help"),
    notAdmin: t(locale, "admin-not-admin"),
    usePrivate: t(locale, "admin-use-private"),
    internalError: t(locale, "admin-internal-error"),
    previous: t(locale, "admin-previous"),
    next: t(locale, "admin-next"),
    reindexBusy: t(locale, "admin-reindex-busy"),
    reindexStart: t(locale, "admin-reindex-start"),
    reindexProgress: (p: StageProgress) => t(locale, "admin-reindex-progress", { progress: stageProgress(locale, p) }),
    reindexDone: (s: IngestSummary) => reindexReport(locale, s),
    reindexFailed: (reason: string) => t(locale, "admin-reindex-failed", { reason }),
    accessRequest: (who: string) => t(locale, "access-request", { who }),
    approve: t(locale, "access-approve"),
    deny: t(locale, "access-deny"),
    approved: (who: string, by: string) => t(locale, "access-approved", { who, by }),
    denied: (who: string, by: string) => t(locale, "access-denied", { who, by }),
    approvedToast: t(locale, "access-approved-toast"),
    deniedToast: t(locale, "access-denied-toast"),
    groupRevokedToast: t(locale, "access-group-revoked-toast"),
    accessNotSaved: t(locale, "access-not-saved"),
    notAdminAccess: t(locale, "access-not-admin"),
    accessOverflow: (count: number, max: number) => t(locale, "access-overflow", { count, max }),
    accessOpen: t(locale, "access-open"),
    accessHeader: (count: number, page: number, pages: number) =>
      pages > 1 ? t(locale, "access-header-paged", { count, page, pages }) : t(locale, "access-header", { count }),
    accessEmpty: t(locale, "access-empty"),
    accessKinds: {
      pending: t(locale, "access-kind-pending"),
      approved: t(locale, "access-kind-approved"),
      denied: t(locale, "access-kind-denied"),
      configured: t(locale, "access-kind-configured"),
      group: t(locale, "access-kind-group"),
      configuredGroup: t(locale, "access-kind-configured-group"),
    },
    revoke: t(locale, "access-revoke"),
    letIn: t(locale, "access-let-in"),
    collectionsAdminsOnly: t(locale, "collections-admins-only"),
    collectionsSentPrivately: t(locale, "collections-sent-privately"),
    // The id stays as it is typed, not a number of the language ("-1,001,234").
    collectionsOpenPrivate: (chatId: number) => t(locale, "collections-open-private", { chat: String(chatId) }),
    collectionsUsage: t(locale, "collections-usage"),
    collectionsChanged: t(locale, "collections-changed"),
    collectionsReset: t(locale, "collections-reset"),
    collectionsOf: (chat: string | undefined, current: readonly string[] | undefined, count: number) => searchedCollections(locale, chat, current, count),
  };
});

/**
 * Sent to a user an admin approved. Their language is not kept with their request (only their
 * name), so it is not known then: the notice comes in English and German.
 */
export function approvedNotice(): string {
  return ["en", "de"].map((locale) => t(locale, "access-approved-notice")).join(" / ");
}
