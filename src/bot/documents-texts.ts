/** What the bot says while admins manage the documents from the chat (uploads, /add, /docs, /remove). */
import { capText } from "../documents/structure.js";
import { perLocale, t } from "../i18n/index.js";
import { listed, stageProgress, type StageProgress } from "./texts.js";

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

/** What an added document holds ("12 pages, 3 sections, 40 passages": pages and sections where it has them). */
function addedReport(locale: string, d: AddedDocument, replaced: boolean): string {
  const counts = [d.pages ? t(locale, "doc-pages", { count: d.pages }) : undefined, d.sections ? t(locale, "doc-sections", { count: d.sections }) : undefined, t(locale, "doc-passages", { count: d.chunks })];
  return [
    t(locale, replaced ? "doc-replaced" : "doc-added", { title: d.title, source: d.source }),
    listed(locale, counts.filter((c) => c !== undefined)),
    ...(d.url ? [t(locale, "doc-url", { url: d.url })] : []),
    ...(d.warnings?.length ? [t(locale, "doc-note", { notes: d.warnings.join("; ") })] : []),
    t(locale, "doc-ready"),
  ].join("\n");
}

/** What admins read while they manage the documents, in their language (locales/*.ftl). */
export const docSay = perLocale((locale) => {
  return capped({
    notAdmin: t(locale, "doc-not-admin"),
    unsupported: (extensions: string) => t(locale, "doc-unsupported", { extensions }),
    tooLarge: (bytes: number, limit: number) => t(locale, "doc-too-large", { size: mb(bytes), limit: mb(limit) }),
    unreadable: (name: string, reason: string) => t(locale, "doc-unreadable", { name, reason }),
    downloading: t(locale, "doc-downloading"),
    downloadFailed: t(locale, "doc-download-failed"),
    readingScans: (done: number, total: number) =>
      t(locale, "doc-reading-scans", { progress: t(locale, "stage-count", { name: t(locale, "stage-scanned"), done, total }) }),
    photoHint: t(locale, "doc-photo-hint"),
    photoNoOcr: t(locale, "doc-photo-no-ocr"),
    exists: (name: string) => t(locale, "doc-exists", { name }),
    replace: t(locale, "doc-replace"),
    keepBoth: t(locale, "doc-keep-both"),
    cancel: t(locale, "doc-cancel"),
    cancelled: t(locale, "doc-cancelled"),
    expired: t(locale, "doc-expired"),
    internalError: t(locale, "admin-internal-error"),
    indexing: (name: string) => t(locale, "doc-indexing", { name }),
    progress: (name: string, p: StageProgress) => t(locale, "doc-progress", { name, progress: stageProgress(locale, p) }),
    added: (d: AddedDocument, replaced: boolean) => addedReport(locale, d, replaced),
    addFailed: (name: string, reason: string) => t(locale, "doc-add-failed", { name, reason }),
    /** The file could not be written into the documents folder (disk full, not writable): nothing was indexed. */
    saveFailed: (name: string, reason: string) => t(locale, "doc-save-failed", { name, reason }),
    addUsage: t(locale, "doc-add-usage"),
    fetching: (url: string) => t(locale, "doc-fetching", { url }),
    fetchFailed: (url: string, reason: string) => t(locale, "doc-fetch-failed", { url, reason }),
    fetchError: t(locale, "doc-fetch-error"),
    docsHeader: (count: number, page: number, pages: number, collection?: string) =>
      collection === undefined ? t(locale, "doc-docs-header", { count, page, pages }) : t(locale, "doc-docs-header-collection", { collection, count, page, pages }),
    docsLine: (title: string, source: string, chunks: number) => `• ${t(locale, "doc-docs-line", { title, source, count: chunks })}`,
    noDocs: t(locale, "doc-no-docs"),
    noSuchCollection: (name: string, names: readonly string[]) => t(locale, "doc-no-such-collection", { name: capText(name, 64), names: listed(locale, names) }),
    whichCollection: (name: string) => t(locale, "doc-which-collection", { name }),
    badCollection: (name: string) => t(locale, "doc-bad-collection", { name: capText(name, 64) }),
    previous: t(locale, "admin-previous"),
    next: t(locale, "admin-next"),
    removeWhich: (page: number, pages: number) => t(locale, "doc-remove-which", { page, pages }),
    removeConfirm: (title: string, source: string) => t(locale, "doc-remove-confirm", { title, source }),
    remove: t(locale, "doc-remove"),
    removing: (source: string) => t(locale, "doc-removing", { source }),
    removed: (source: string, documents: number) => t(locale, "doc-removed", { source, count: documents }),
    removeGone: t(locale, "doc-remove-gone"),
    removeFailed: (source: string, reason: string) => t(locale, "doc-remove-failed", { source, reason }),
    deleteFailed: t(locale, "doc-delete-failed"),
    notInFolder: t(locale, "doc-not-in-folder"),
    noMatch: (name: string) => t(locale, "doc-no-match", { name }),
  });
});
