/** What the bot says while admins manage the documents from the chat (uploads, /add, /docs, /remove). */
import { capText } from "../documents/structure.js";
import { stageProgress, type BotLang, type StageProgress } from "./texts.js";

export interface AddedDocument {
  readonly title: string;
  readonly source: string;
  readonly pages: number;
  readonly sections: number;
  readonly chunks: number;
  readonly url?: string | undefined;
  /** Things about the file worth knowing (front matter ignored…), in English as the reader says them. */
  readonly warnings?: readonly string[];
}

const en = {
  notAdmin: "Only the bot's admins can add or remove documents. Ask an admin to add this file.",
  unsupported: (exts: string) => `I cannot read this kind of file. I read: ${exts}.`,
  tooLarge: (bytes: number, limit: number) => `This file is too large (${mb(bytes)}); the limit is ${mb(limit)}.`,
  unreadable: (name: string, reason: string) => `I could not read ${name}: ${reason}. Nothing was added; the index is unchanged.`,
  downloading: "Reading the file…",
  readingScans: (done: number, total: number) => `Reading the file… reading scanned pages: ${done} of ${total}`,
  photoHint: "To add this photo to the documents, send it again with the caption /add (or /add followed by a collection).",
  photoNoOcr: "I cannot read photos: OCR is off (OCR=false in the bot's settings).",
  exists: (name: string) => `A document named ${name} already exists. Replace it, keep both, or cancel?`,
  replace: "Replace",
  keepBoth: "Keep both",
  cancel: "Cancel",
  cancelled: "Cancelled; nothing was changed.",
  expired: "This choice has expired; please send the file again.",
  indexing: (name: string) => `Adding ${name} to the index…`,
  progress: (name: string, p: StageProgress) => `Adding ${name} to the index… ${stageProgress("en", p)}`,
  added: (d: AddedDocument, replaced: boolean) =>
    `${replaced ? "Replaced" : "Added"}: ${d.title} (${d.source})\n` +
    [d.pages ? `${d.pages} pages` : undefined, d.sections ? `${d.sections} sections` : undefined, `${d.chunks} passages`].filter(Boolean).join(", ") +
    (d.url ? `\nSource: ${d.url}` : "") +
    (d.warnings?.length ? `\nNote: ${d.warnings.join("; ")}.` : "") +
    "\nIt can be asked about now.",
  addFailed: (name: string, reason: string) => `${name} could not be indexed, so it was not kept; the index is unchanged.\nReason: ${reason}`,
  addUsage: "Send /add followed by the address of a web page or PDF, and optionally the collection it goes into, e.g. /add https://example.org/manual.html hr",
  fetching: (url: string) => `Fetching ${url}…`,
  fetchFailed: (url: string, reason: string) => `I could not add ${url}: ${reason}. Nothing was added.`,
  docsHeader: (count: number, page: number, pages: number, collection?: string) =>
    `Documents${collection === undefined ? "" : ` of the collection ${collection}`} (${count}), page ${page} of ${pages}:`,
  noSuchCollection: (name: string, names: readonly string[]) => `There is no collection "${capText(name, 64)}". Collections: ${names.join(", ")}.`,
  whichCollection: (name: string) => `Which collection should ${name} go into? (Next time, a caption or a word after the address names it; a new name makes a new collection.)`,
  badCollection: (name: string) => `"${capText(name, 64)}" cannot be a collection name: letters, digits, ".", "-" and "_", at most 64, starting with a letter or digit.`,
  docsLine: (title: string, source: string, chunks: number) => `• ${title} (${source}): ${chunks} passages`,
  noDocs: "The index has no documents.",
  previous: "‹ Previous",
  next: "Next ›",
  removeWhich: (page: number, pages: number) => `Which document should I remove? (page ${page} of ${pages})`,
  removeConfirm: (title: string, source: string) => `Remove ${title} (${source}) from the documents and the index?`,
  remove: "Remove",
  removing: (source: string) => `Removing ${source}…`,
  removed: (source: string, documents: number) => `Removed ${source}. ${documents} documents remain; answers no longer cite it.`,
  removeGone: "That document is no longer in the index.",
  removeFailed: (source: string, reason: string) => `${source} could not be removed: ${reason}`,
  notInFolder: "Only documents inside the documents folder can be removed.",
  noMatch: (name: string) => `No document matches "${name}". Send /remove without a name to pick one.`,
};

const de: typeof en = {
  notAdmin: "Nur die Admins des Bots können Dokumente hinzufügen oder entfernen. Bitten Sie einen Admin, diese Datei hinzuzufügen.",
  unsupported: (exts: string) => `Diese Dateiart kann ich nicht lesen. Ich lese: ${exts}.`,
  tooLarge: (bytes: number, limit: number) => `Diese Datei ist zu groß (${mb(bytes)}); die Grenze ist ${mb(limit)}.`,
  unreadable: (name: string, reason: string) => `Ich konnte ${name} nicht lesen: ${reason}. Es wurde nichts hinzugefügt; der Index ist unverändert.`,
  downloading: "Ich lese die Datei…",
  readingScans: (done: number, total: number) => `Ich lese die Datei… gescannte Seiten lesen: ${done} von ${total}`,
  photoHint: "Um dieses Foto zu den Dokumenten hinzuzufügen, senden Sie es noch einmal mit der Bildunterschrift /add (oder /add und einer Sammlung).",
  photoNoOcr: "Fotos kann ich nicht lesen: OCR ist ausgeschaltet (OCR=false in den Einstellungen des Bots).",
  exists: (name: string) => `Ein Dokument namens ${name} gibt es schon. Ersetzen, beide behalten oder abbrechen?`,
  replace: "Ersetzen",
  keepBoth: "Beide behalten",
  cancel: "Abbrechen",
  cancelled: "Abgebrochen; es wurde nichts geändert.",
  expired: "Diese Auswahl ist abgelaufen; bitte schicken Sie die Datei noch einmal.",
  indexing: (name: string) => `${name} wird in den Index aufgenommen…`,
  progress: (name: string, p: StageProgress) => `${name} wird in den Index aufgenommen… ${stageProgress("de", p)}`,
  added: (d: AddedDocument, replaced: boolean) =>
    `${replaced ? "Ersetzt" : "Hinzugefügt"}: ${d.title} (${d.source})\n` +
    [d.pages ? `${d.pages} Seiten` : undefined, d.sections ? `${d.sections} Abschnitte` : undefined, `${d.chunks} Passagen`].filter(Boolean).join(", ") +
    (d.url ? `\nQuelle: ${d.url}` : "") +
    (d.warnings?.length ? `\nHinweis: ${d.warnings.join("; ")}.` : "") +
    "\nFragen dazu werden ab jetzt beantwortet.",
  addFailed: (name: string, reason: string) => `${name} konnte nicht indiziert werden und wurde daher nicht behalten; der Index ist unverändert.\nGrund: ${reason}`,
  addUsage: "Schicken Sie /add mit der Adresse einer Webseite oder PDF und, wenn gewünscht, der Sammlung, z. B. /add https://example.org/handbuch.html hr",
  fetching: (url: string) => `Ich lade ${url}…`,
  fetchFailed: (url: string, reason: string) => `Ich konnte ${url} nicht hinzufügen: ${reason}. Es wurde nichts hinzugefügt.`,
  docsHeader: (count: number, page: number, pages: number, collection?: string) =>
    `Dokumente${collection === undefined ? "" : ` der Sammlung ${collection}`} (${count}), Seite ${page} von ${pages}:`,
  noSuchCollection: (name: string, names: readonly string[]) => `Es gibt keine Sammlung „${capText(name, 64)}“. Sammlungen: ${names.join(", ")}.`,
  whichCollection: (name: string) => `In welche Sammlung soll ${name}? (Nächstes Mal nennt eine Bildunterschrift oder ein Wort nach der Adresse sie; ein neuer Name legt eine neue Sammlung an.)`,
  badCollection: (name: string) => `„${capText(name, 64)}“ kann kein Sammlungsname sein: Buchstaben, Ziffern, „.“, „-“ und „_“, höchstens 64, am Anfang ein Buchstabe oder eine Ziffer.`,
  docsLine: (title: string, source: string, chunks: number) => `• ${title} (${source}): ${chunks} Passagen`,
  noDocs: "Der Index enthält keine Dokumente.",
  previous: "‹ Zurück",
  next: "Weiter ›",
  removeWhich: (page: number, pages: number) => `Welches Dokument soll ich entfernen? (Seite ${page} von ${pages})`,
  removeConfirm: (title: string, source: string) => `${title} (${source}) aus den Dokumenten und dem Index entfernen?`,
  remove: "Entfernen",
  removing: (source: string) => `${source} wird entfernt…`,
  removed: (source: string, documents: number) => `${source} wurde entfernt. ${documents} Dokumente bleiben; Antworten zitieren es nicht mehr.`,
  removeGone: "Dieses Dokument ist nicht mehr im Index.",
  removeFailed: (source: string, reason: string) => `${source} konnte nicht entfernt werden: ${reason}`,
  notInFolder: "Nur Dokumente im Dokumentenordner können entfernt werden.",
  noMatch: (name: string) => `Kein Dokument passt zu „${name}“. Schicken Sie /remove ohne Namen, um eines auszuwählen.`,
};

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(bytes < 1024 * 1024 ? 2 : 1)} MB`;
}

/** Longest name, title, address or reason put into a reply (a redirect's reason can be 20,000 characters). */
const MAX_PART = 300;
/** Notes about one file shown at most. */
const MAX_WARNINGS = 5;

function capPart(value: unknown): unknown {
  if (typeof value === "string") return capText(value, MAX_PART);
  if (Array.isArray(value)) return value.slice(0, MAX_WARNINGS).map(capPart);
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, capPart(v)]));
  return value;
}

/**
 * The texts with every value that came from outside (file names, titles, addresses, reasons)
 * shortened: one reply stays readable and within Telegram's 4,096 characters.
 */
function capped<T extends object>(texts: T): T {
  return Object.fromEntries(
    Object.entries(texts).map(([key, value]) => [key, typeof value === "function" ? (...args: unknown[]) => (value as (...a: unknown[]) => unknown)(...args.map(capPart)) : value]),
  ) as T;
}

export const DOC_TEXTS: Record<BotLang, typeof en> = { en: capped(en), de: capped(de) };
