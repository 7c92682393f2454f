import type { Answer } from "./types.js";

type Lang = Answer["lang"];

/** Fixed user-facing texts of the answer step, per language. */
export const MESSAGES = {
  notInDocuments: {
    en: "The documents do not answer this question.",
    de: "Die Dokumente beantworten diese Frage nicht.",
  },
  unverified: {
    en: "I found related passages, but could not verify an answer against them, so I will not give one.",
    de: "Ich habe verwandte Stellen gefunden, konnte aber keine Antwort daran belegen und gebe deshalb keine.",
  },
  closest: {
    en: "The documents do not seem to answer this. These passages come closest:",
    de: "Die Dokumente scheinen das nicht zu beantworten. Am nächsten kommen diese Stellen:",
  },
  extractiveLead: {
    en: "The documents say:",
    de: "Die Dokumente sagen:",
  },
} as const satisfies Record<string, Record<Lang, string>>;

export function message(key: keyof typeof MESSAGES, lang: Lang): string {
  return MESSAGES[key][lang];
}
