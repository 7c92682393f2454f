import { t } from "../../i18n/index.js";

/** Fixed user-facing texts of the answer step (in locales/*.ftl). */
const KEYS = {
  notInDocuments: "answer-not-in-documents",
  neverMentioned: "answer-never-mentioned",
  unverified: "answer-unverified",
  closest: "answer-closest",
  otherLanguage: "answer-other-language",
  otherLanguageClosest: "answer-other-language-closest",
  extractiveLead: "answer-lead",
} as const;

export function message(key: keyof typeof KEYS, locale: string, variables?: Record<string, string>): string {
  return t(locale, KEYS[key], variables);
}
