import type { IngestSummary } from "../rag/ingest.js";
import { t } from "../i18n/index.js";

export type BotLang = "en" | "de";

/** The user's language from Telegram's language code: German for de*, English otherwise. */
export function langOf(code: string | undefined): BotLang {
  return code?.toLowerCase().startsWith("de") ? "de" : "en";
}

const list = (items: readonly string[]) => items.map((item) => `• ${item}`).join("\n");

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
export function say(locale: string) {
  return {
    nonText: t(locale, "non-text"),
    voiceOff: t(locale, "voice-off"),
    voiceTooLong: (seconds: number) => t(locale, "voice-too-long", { seconds }),
    voiceFailed: t(locale, "voice-failed"),
    voiceEmpty: t(locale, "voice-empty"),
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
    privateBotFull: t(locale, "private-bot-full"),
    privateGroup: t(locale, "private-group"),
    groupAllowed: t(locale, "group-allowed"),
    sources: (docs: readonly { title: string; source: string; chunks: number }[]) =>
      `${t(locale, "sources-header", { count: docs.length })}\n${list(
        capped(docs.map((d) => t(locale, "sources-line", { title: d.title, source: d.source, count: d.chunks })), SOURCES_LISTED, (n) => t(locale, "sources-more", { count: n })),
      )}`,
    stats: (x: { documents: number; chunks: number; embeddings: string; answerer: string; builtAt: string; seconds: number }) =>
      t(locale, "stats", { documents: x.documents, chunks: x.chunks, embeddings: x.embeddings, answerer: x.answerer, built: x.builtAt, seconds: x.seconds.toFixed(1) }),
  };
}

export const TEXTS = {
  en: {
    adminHelp:
      "You are an admin: /reindex rebuilds the index from the documents folder; send me a file (PDF, Word, HTML, Markdown, text) or /add <url> to add a document; /docs lists them, /remove takes one out; /access shows who may ask and lets you approve or revoke; /collections chooses which documents a chat searches.",
    notAdmin: "Only the bot's admins can rebuild the index.",
    reindexBusy: "A reindex is already running; I will report here when it is done.",
    reindexStart: "Rebuilding the index… (questions keep being answered from the current one)",
    reindexProgress: (p: StageProgress) => `Rebuilding the index… ${stageProgress("en", p)}`,
    reindexDone: (s: IngestSummary) =>
      (s.rebuilt
        ? `Index rebuilt in ${s.seconds.toFixed(1)} s: ${s.documents} documents, ${s.chunks} chunks.\n`
        : `The documents have not changed since the last build; now serving it: ${s.documents} documents, ${s.chunks} chunks.\n`) +
      `Documents added ${s.added.length}, changed ${s.changed.length}, removed ${s.removed.length}, unchanged ${s.unchanged}.\n` +
      `Chunks embedded ${s.embedded}, reused ${s.reused}.` +
      (s.skipped.length ? `\nSkipped: ${capped(s.skipped.map((f) => `${f.source} (${f.reason})`), REPORT_SKIPPED, (n) => `and ${n} more (see the log)`).join("; ")}` : "") +
      (s.warnings.length ? `\nRead with a warning: ${capped(s.warnings.map((w) => `${w.source} (${w.warning})`), REPORT_SKIPPED, (n) => `and ${n} more (see the log)`).join("; ")}` : "") +
      (s.fallbackReason ? `\nWarning: ${s.fallbackReason}` : ""),
    reindexFailed: (reason: string) => `The reindex failed; the previous index keeps serving.\nReason: ${reason}`,
    accessRequest: (who: string) => `${who} asks to use the bot.`,
    approve: "Approve",
    deny: "Deny",
    approved: (who: string, by: string) => `${who}: approved by ${by}.`,
    denied: (who: string, by: string) => `${who}: denied by ${by}.`,
    notAdminAccess: "Only the bot's admins can see or change who may ask.",
    accessOverflow: (n: number, max: number) =>
      `${n} more ${n === 1 ? "person" : "people"} asked to use the bot while ${max} requests were already waiting; they were told it is private, and no request was made. /access lists those waiting (this note comes at most once an hour).`,
    accessOpen: "Open: everyone may ask (ALLOWED_USER_IDS and ALLOWED_CHAT_IDS are not set).",
    accessHeader: (n: number, page: number, pages: number) => `Who may ask (${n}${pages > 1 ? `, page ${page} of ${pages}` : ""}), newest first:`,
    accessEmpty: "Nobody yet besides the admins.",
    accessKinds: {
      pending: "Waiting",
      approved: "Approved here",
      denied: "Denied",
      configured: "Users in ALLOWED_USER_IDS",
      group: "Groups added by an admin",
      configuredGroup: "Groups in ALLOWED_CHAT_IDS",
    },
    previous: "‹ Previous",
    next: "Next ›",
    revoke: "Revoke",
    letIn: "Let in",
    collectionsAdminsOnly: "Only the bot's admins can choose which documents a chat searches.",
    usePrivate: "Please use this command in our private chat: here every member would read the answer.",
    collectionsSentPrivately: "I sent you the choice for this group in our private chat.",
    collectionsOpenPrivate: (chatId: number) => `Open a private chat with me (press Start there), then send /collections ${chatId}.`,
    collectionsUsage: "Usage: /collections in a group or private chat, or /collections <user id> for that person's private chat.",
    collectionsChanged: "The documents changed since this message; send /collections again.",
    collectionsReset: "↩ As in the settings",
    collectionsOf: (chat: string | undefined, current: string[] | undefined, count: number) =>
      `${chat === undefined ? "This chat" : `The chat ${chat}`} searches ${current ? (current.length ? `these collections: ${current.join(", ")}` : "no collection (it gets no answers)") : `every collection (${count})`}. Press one to switch it on or off.`,
    approvedToast: "Approved.",
    accessNotSaved: "This could not be saved (the store of access decisions failed); nothing changed. Please try again.",
    deniedToast: "Refused: this person can no longer ask.",
  },
  de: {
    adminHelp:
      "Sie sind Admin: /reindex baut den Index aus dem Dokumentenordner neu auf; schicken Sie mir eine Datei (PDF, Word, HTML, Markdown, Text) oder /add <URL>, um ein Dokument hinzuzufügen; /docs listet sie, /remove nimmt eines heraus; /access zeigt, wer fragen darf, zum Freischalten oder Entziehen; /collections legt fest, welche Dokumente ein Chat durchsucht.",
    notAdmin: "Nur die Admins des Bots können den Index neu aufbauen.",
    reindexBusy: "Ein Neuaufbau läuft bereits; ich melde mich hier, wenn er fertig ist.",
    reindexStart: "Der Index wird neu aufgebaut… (Fragen werden weiter aus dem aktuellen beantwortet)",
    reindexProgress: (p: StageProgress) => `Der Index wird neu aufgebaut… ${stageProgress("de", p)}`,
    reindexDone: (s: IngestSummary) =>
      (s.rebuilt
        ? `Index in ${s.seconds.toFixed(1)} s neu aufgebaut: ${s.documents} Dokumente, ${s.chunks} Abschnitte.\n`
        : `Die Dokumente sind seit dem letzten Aufbau unverändert; dieser wird jetzt verwendet: ${s.documents} Dokumente, ${s.chunks} Abschnitte.\n`) +
      `Dokumente neu ${s.added.length}, geändert ${s.changed.length}, entfernt ${s.removed.length}, unverändert ${s.unchanged}.\n` +
      `Abschnitte eingebettet ${s.embedded}, wiederverwendet ${s.reused}.` +
      (s.skipped.length ? `\nÜbersprungen: ${capped(s.skipped.map((f) => `${f.source} (${f.reason})`), REPORT_SKIPPED, (n) => `und ${n} weitere (siehe Log)`).join("; ")}` : "") +
      (s.warnings.length ? `\nMit Warnung gelesen: ${capped(s.warnings.map((w) => `${w.source} (${w.warning})`), REPORT_SKIPPED, (n) => `und ${n} weitere (siehe Log)`).join("; ")}` : "") +
      (s.fallbackReason ? `\nWarnung: ${s.fallbackReason}` : ""),
    reindexFailed: (reason: string) => `Der Neuaufbau ist fehlgeschlagen; der bisherige Index bleibt in Betrieb.\nGrund: ${reason}`,
    accessRequest: (who: string) => `${who} möchte den Bot nutzen.`,
    approve: "Freischalten",
    deny: "Ablehnen",
    approved: (who: string, by: string) => `${who}: freigeschaltet von ${by}.`,
    denied: (who: string, by: string) => `${who}: abgelehnt von ${by}.`,
    notAdminAccess: "Nur die Admins des Bots können sehen und ändern, wer fragen darf.",
    accessOverflow: (n: number, max: number) =>
      `${n} weitere ${n === 1 ? "Person wollte" : "Personen wollten"} den Bot nutzen, während schon ${max} Anfragen warteten; ihnen wurde gesagt, dass er privat ist, eine Anfrage gab es nicht. /access zeigt die Wartenden (dieser Hinweis kommt höchstens einmal pro Stunde).`,
    accessOpen: "Offen: alle dürfen fragen (ALLOWED_USER_IDS und ALLOWED_CHAT_IDS sind nicht gesetzt).",
    accessHeader: (n: number, page: number, pages: number) => `Wer fragen darf (${n}${pages > 1 ? `, Seite ${page} von ${pages}` : ""}), neueste zuerst:`,
    accessEmpty: "Außer den Admins noch niemand.",
    accessKinds: {
      pending: "Wartend",
      approved: "Hier freigeschaltet",
      denied: "Abgelehnt",
      configured: "Nutzer in ALLOWED_USER_IDS",
      group: "Von einem Admin hinzugefügte Gruppen",
      configuredGroup: "Gruppen in ALLOWED_CHAT_IDS",
    },
    previous: "‹ Zurück",
    next: "Weiter ›",
    revoke: "Entziehen",
    letIn: "Zulassen",
    collectionsAdminsOnly: "Nur die Admins des Bots können festlegen, welche Dokumente ein Chat durchsucht.",
    usePrivate: "Bitte nutzen Sie diesen Befehl in unserem privaten Chat: hier würden alle Mitglieder die Antwort lesen.",
    collectionsSentPrivately: "Ich habe Ihnen die Auswahl für diese Gruppe in unserem privaten Chat geschickt.",
    collectionsOpenPrivate: (chatId: number) => `Öffnen Sie einen privaten Chat mit mir (dort auf Start drücken) und senden Sie dann /collections ${chatId}.`,
    collectionsUsage: "So geht es: /collections in einer Gruppe oder einem privaten Chat, oder /collections <Nutzer-ID> für den privaten Chat dieser Person.",
    collectionsChanged: "Die Dokumente haben sich seit dieser Nachricht geändert; bitte /collections neu senden.",
    collectionsReset: "↩ Wie in den Einstellungen",
    collectionsOf: (chat: string | undefined, current: string[] | undefined, count: number) =>
      `${chat === undefined ? "Dieser Chat" : `Der Chat ${chat}`} durchsucht ${current ? (current.length ? `diese Sammlungen: ${current.join(", ")}` : "keine Sammlung (er bekommt keine Antworten)") : `alle Sammlungen (${count})`}. Drücken Sie eine, um sie ein- oder auszuschalten.`,
    approvedToast: "Freigeschaltet.",
    accessNotSaved: "Das konnte nicht gespeichert werden (der Speicher der Zugriffsentscheidungen ist ausgefallen); nichts wurde geändert. Bitte noch einmal versuchen.",
    deniedToast: "Abgelehnt: diese Person kann nicht mehr fragen.",
  },
} as const;

/** Sent to a user an admin approved; their language is not known then, so both. */
export const APPROVED_NOTICE = "You may ask me now. / Sie können mir jetzt Fragen stellen.";
