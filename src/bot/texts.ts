import type { IngestSummary } from "../rag/ingest.js";
import { t } from "../i18n/index.js";

export type BotLang = "en" | "de";

/** The user's language from Telegram's language code: German for de*, English otherwise. */
export function langOf(code: string | undefined): BotLang {
  return code?.toLowerCase().startsWith("de") ? "de" : "en";
}

const list = (items: readonly string[]) => items.map((item) => `• ${item}`).join("\n");

/** The stages of a build as users read them. */
const READING_STAGES = {
  en: { model: "downloading the language model, MB", load: "reading files", embed: "passages", write: "writing the index" },
  de: { model: "Sprachmodell herunterladen, MB", load: "Dateien lesen", embed: "Abschnitte", write: "Index schreiben" },
} as const;

const SCANNED_PAGES = { en: "reading scanned pages", de: "gescannte Seiten lesen" } as const;

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
export function stageProgress(lang: BotLang, p: StageProgress): string {
  const stages: Record<string, string> = READING_STAGES[lang];
  const of = lang === "de" ? "von" : "of";
  const name = stages[p.stage] ?? p.stage;
  const counted = p.total > 1 ? `${name}: ${p.done} ${of} ${p.total}` : name;
  return p.scanned ? `${counted} · ${SCANNED_PAGES[lang]}: ${p.scanned.done} ${of} ${p.scanned.total}` : counted;
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

export const TEXTS = {
  en: {
    adminHelp:
      "You are an admin: /reindex rebuilds the index from the documents folder; send me a file (PDF, Word, HTML, Markdown, text) or /add <url> to add a document; /docs lists them, /remove takes one out; /access shows who may ask and lets you approve or revoke; /collections chooses which documents a chat searches.",
    nonText: "I can only read text messages. Please type your question.",
    voiceOff: "I cannot listen to voice messages: no transcription model is set up (the bot's admin can set TRANSCRIBE_MODEL). Please type your question.",
    voiceTooLong: (seconds: number) => `This recording is too long: I listen to at most ${seconds} seconds. Please ask in a shorter message or type your question.`,
    voiceFailed: "I could not transcribe the voice message: the transcription service is not responding. Please try again later or type your question.",
    voiceEmpty: "I could not make out any words in the voice message. Please try again or type your question.",
    unknownCommand: "I do not know that command. Commands: /ask <question>, /sources, /stats, /help",
    tooLong: (max: number) => `That question is too long: the limit is ${max} characters. Please shorten it.`,
    emptyAsk: "Please put the question after the command, e.g. /ask Who leads Sberbank?",
    rateLimited: "You are sending messages faster than I can answer. Please wait a moment and ask again.",
    slowDown: "Too many commands or button presses in a row: please wait a moment.",
    llmDown: "Sorry, the language model is not responding right now, so I cannot write an answer. Please try again in a few minutes.",
    failed: "Sorry, something went wrong while answering. Please try again.",
    stopped: "Stopped. Ask again whenever you like.",
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
    sources: (docs: readonly { title: string; source: string; chunks: number }[]) =>
      `Indexed documents (${docs.length}):\n${list(capped(docs.map((d) => `${d.title} (${d.source}, ${d.chunks} passages)`), SOURCES_LISTED, (n) => `and ${n} more`))}`,
    stats: (s: { documents: number; chunks: number; embeddings: string; answerer: string; builtAt: string; seconds: number }) =>
      `Documents: ${s.documents}\nChunks: ${s.chunks}\nEmbeddings: ${s.embeddings}\nAnswers: ${s.answerer}\nLast index build: ${s.builtAt} (${s.seconds.toFixed(1)} s)`,
    thanks: "Thanks for the feedback!",
    expired: "This answer is too old to rate.",
    passage: "passage",
    passageGone: "This passage is no longer in the index (the documents changed); ask again.",
    stillReading: (p: StageProgress | undefined) =>
      `I am still reading the documents${p ? ` (${stageProgress("en", p)})` : ""}. Please ask again in a moment.`,
    privateBot: "This bot is private. I have asked its admins to let you in; you will get a message when they do.",
    privateButton: "This bot is private.",
    privateGroup: "This bot is private and only answers in groups its admins allowed, so I am leaving. An admin can add me again.",
    groupAllowed: "Hello! An admin added me, so this group may ask me about the documents: mention me or reply to one of my messages.",
    accessRequest: (who: string) => `${who} asks to use the bot.`,
    approve: "Approve",
    deny: "Deny",
    approved: (who: string, by: string) => `${who}: approved by ${by}.`,
    denied: (who: string, by: string) => `${who}: denied by ${by}.`,
    notAdminAccess: "Only the bot's admins can see or change who may ask.",
    privateBotFull: "This bot is private, and too many requests are waiting for its admins right now. Please ask them directly.",
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
    nonText: "Ich kann nur Textnachrichten lesen. Bitte tippe deine Frage.",
    voiceOff: "Sprachnachrichten kann ich nicht anhören: Es ist kein Transkriptionsmodell eingerichtet (der Admin des Bots kann TRANSCRIBE_MODEL setzen). Bitte tippe deine Frage.",
    voiceTooLong: (seconds: number) => `Diese Aufnahme ist zu lang: Ich höre höchstens ${seconds} Sekunden. Bitte frag kürzer oder tippe deine Frage.`,
    voiceFailed: "Ich konnte die Sprachnachricht nicht umwandeln: Der Transkriptionsdienst antwortet nicht. Bitte versuch es später noch einmal oder tippe deine Frage.",
    voiceEmpty: "In der Sprachnachricht konnte ich keine Worte verstehen. Bitte versuch es noch einmal oder tippe deine Frage.",
    unknownCommand: "Diesen Befehl kenne ich nicht. Befehle: /ask <Frage>, /sources, /stats, /help",
    tooLong: (max: number) => `Die Frage ist zu lang: erlaubt sind ${max} Zeichen. Bitte kürze sie.`,
    emptyAsk: "Bitte schreib die Frage hinter den Befehl, z. B. /ask Wer leitet die Sberbank?",
    rateLimited: "Du schickst Nachrichten schneller, als ich antworten kann. Bitte warte kurz und frag dann noch einmal.",
    slowDown: "Zu viele Befehle oder Klicks hintereinander: bitte warte einen Moment.",
    llmDown: "Entschuldigung, das Sprachmodell antwortet gerade nicht, daher kann ich keine Antwort schreiben. Bitte versuch es in ein paar Minuten noch einmal.",
    failed: "Entschuldigung, beim Antworten ist etwas schiefgegangen. Bitte versuch es noch einmal.",
    stopped: "Angehalten. Frag gern jederzeit noch einmal.",
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
    sources: (docs: readonly { title: string; source: string; chunks: number }[]) =>
      `Indizierte Dokumente (${docs.length}):\n${list(capped(docs.map((d) => `${d.title} (${d.source}, ${d.chunks} Abschnitte)`), SOURCES_LISTED, (n) => `und ${n} weitere`))}`,
    stats: (s: { documents: number; chunks: number; embeddings: string; answerer: string; builtAt: string; seconds: number }) =>
      `Dokumente: ${s.documents}\nAbschnitte: ${s.chunks}\nEmbeddings: ${s.embeddings}\nAntworten: ${s.answerer}\nLetzter Indexaufbau: ${s.builtAt} (${s.seconds.toFixed(1)} s)`,
    thanks: "Danke für die Rückmeldung!",
    expired: "Diese Antwort ist zu alt zum Bewerten.",
    passage: "Stelle",
    passageGone: "Diese Stelle ist nicht mehr im Index (die Dokumente haben sich geändert); fragen Sie bitte neu.",
    stillReading: (p: StageProgress | undefined) =>
      `Ich lese die Dokumente noch${p ? ` (${stageProgress("de", p)})` : ""}. Bitte fragen Sie gleich noch einmal.`,
    privateBot: "Dieser Bot ist privat. Ich habe seine Admins gebeten, Sie freizuschalten; Sie bekommen eine Nachricht, sobald das geschehen ist.",
    privateButton: "Dieser Bot ist privat.",
    privateGroup: "Dieser Bot ist privat und antwortet nur in Gruppen, die seine Admins freigegeben haben; ich verlasse die Gruppe. Ein Admin kann mich wieder hinzufügen.",
    groupAllowed: "Hallo! Ein Admin hat mich hinzugefügt, also darf diese Gruppe mich zu den Dokumenten fragen: erwähnen Sie mich oder antworten Sie auf eine meiner Nachrichten.",
    accessRequest: (who: string) => `${who} möchte den Bot nutzen.`,
    approve: "Freischalten",
    deny: "Ablehnen",
    approved: (who: string, by: string) => `${who}: freigeschaltet von ${by}.`,
    denied: (who: string, by: string) => `${who}: abgelehnt von ${by}.`,
    notAdminAccess: "Nur die Admins des Bots können sehen und ändern, wer fragen darf.",
    privateBotFull: "Dieser Bot ist privat, und gerade warten zu viele Anfragen auf seine Admins. Bitte wenden Sie sich direkt an sie.",
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
