import { InlineKeyboard } from "grammy";
import { headOf, tailFrom } from "../unicode.js";

/** One page of a list: the page shown (clamped), how many there are, and its items. */
export function pageOf<T>(items: readonly T[], page: number, size: number): { at: number; pages: number; shown: T[] } {
  const pages = Math.max(1, Math.ceil(items.length / size));
  const at = Math.min(Math.max(0, page), pages - 1);
  return { at, pages, shown: items.slice(at * size, (at + 1) * size) };
}

/** Previous/next buttons (callback `prefix:page` + `suffix`) in a row of their own; none for a single page. */
export function pager(keyboard: InlineKeyboard, prefix: string, at: number, pages: number, labels: { previous: string; next: string }, suffix = ""): InlineKeyboard {
  if (pages <= 1) return keyboard;
  if (keyboard.inline_keyboard.at(-1)?.length) keyboard.row();
  if (at > 0) keyboard.text(labels.previous, `${prefix}:${at - 1}${suffix}`);
  if (at < pages - 1) keyboard.text(labels.next, `${prefix}:${at + 1}${suffix}`);
  return keyboard;
}

/** The keyboard as reply options without empty rows, or nothing when it has no buttons. */
export function markup(keyboard: InlineKeyboard): { reply_markup?: InlineKeyboard } {
  const rows = keyboard.inline_keyboard.filter((row) => row.length);
  return rows.length ? { reply_markup: InlineKeyboard.from(rows) } : {};
}

/** A path of at most `max` characters, cut at the start and at a folder when it can ("…/guide/install.html"): the end of a path says most. */
export function tail(text: string, max: number): string {
  if (text.length <= max) return text;
  const kept = tailFrom(text, text.length - max + 1);
  const slash = kept.indexOf("/");
  return `…${slash >= 0 && slash < kept.length / 2 ? kept.slice(slash) : kept}`;
}

/** A button label of at most `max` characters, cut at a word when it can. */
export function head(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = headOf(text, max - 1);
  if (/\s/.test(text[max - 1]!)) return `${cut.trimEnd()}…`;
  const space = cut.lastIndexOf(" ");
  return `${space > max / 3 ? cut.slice(0, space) : cut}…`;
}
