/**
 * The bot's texts in every language it speaks: Fluent files in `locales/` (one per language),
 * read through grammY's i18n plugin. A text is asked for in a list of languages, best first (the
 * question's, then the asker's Telegram language, then English), and comes in the first one that
 * has the file. Languages are named for prompts by `Intl.DisplayNames`, which knows them all.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { I18n } from "@grammyjs/i18n";

/** Where the Fluent files are: `locales/<language>.ftl` at the project root (import.meta.dirname needs Node 20.11). */
export const LOCALES_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../locales");

export const DEFAULT_LOCALE = "en";

const i18n = new I18n({
  defaultLocale: DEFAULT_LOCALE,
  // No bidi isolation marks around values: they would show up in Telegram messages and quotes.
  fluentBundleOptions: { useIsolating: false },
});
i18n.loadLocalesDirSync(LOCALES_DIR);

/** The languages the bot's texts exist in ("en", "de", "ru", …). */
export const LOCALES: readonly string[] = [...i18n.locales].sort();

/**
 * Codes that name a language the texts have under another code: Norwegian Bokmål and Nynorsk,
 * which Telegram apps send as "nb" and "nn", have the texts of "no" (as the question's language is named).
 */
const SAME_TEXTS: Record<string, string> = { nb: "no", nn: "no" };

/** The primary language of a code ("pt-BR" -> "pt", "nb-NO" -> "no"), lower case; undefined for none. */
const primary = (code: string | undefined) => {
  const first = code?.trim().toLowerCase().split(/[-_]/)[0];
  return first ? (SAME_TEXTS[first] ?? first) : undefined;
};

/**
 * The first of these languages the texts exist in, else English: the question's language, then
 * the person's Telegram `language_code`, for instance.
 */
export function localeFor(...candidates: (string | undefined)[]): string {
  for (const c of candidates) {
    const code = primary(c);
    if (code && LOCALES.includes(code)) return code;
  }
  return DEFAULT_LOCALE;
}

/** A text in `locale` (English where that language lacks it). */
export function t(locale: string, key: string, variables?: Record<string, string | number>): string {
  return i18n.t(localeFor(locale), key, variables);
}

/** Languages written right to left, whose messages need their direction kept (Persian, Arabic, Hebrew, Urdu). */
const RIGHT_TO_LEFT = new Set(["fa", "ar", "he", "ur", "ps", "yi", "dv", "ckb"]);
export const isRightToLeft = (locale: string) => RIGHT_TO_LEFT.has(primary(locale) ?? "");

const names = new Intl.DisplayNames(["en"], { type: "language", fallback: "none" });

/** A language's English name, for a prompt ("es" -> "Spanish"); undefined for a code nobody knows. */
export function languageName(code: string): string | undefined {
  try {
    return names.of(code);
  } catch {
    return undefined;
  }
}

/**
 * Languages named in `locale`'s words and joined as it joins a list ("Englisch und Französisch",
 * "English or French"); a code nobody knows is left out.
 */
export function languageNames(codes: readonly string[], locale: string, type: "conjunction" | "disjunction"): string {
  const inLocale = new Intl.DisplayNames([localeFor(locale)], { type: "language", fallback: "none" });
  const named = codes.flatMap((c) => {
    try {
      const name = inLocale.of(c);
      return name ? [name] : [];
    } catch {
      return [];
    }
  });
  return new Intl.ListFormat(localeFor(locale), { type }).format(named);
}

/**
 * A table of texts made once per language and kept (there are a handful): what `say(locale)` and
 * the like return for every message, without formatting every text again for each one.
 */
export function perLocale<T>(make: (locale: string) => T): (locale: string) => T {
  const made = new Map<string, T>();
  return (locale) => {
    const key = localeFor(locale);
    let table = made.get(key);
    if (table === undefined) made.set(key, (table = make(key)));
    return table;
  };
}
