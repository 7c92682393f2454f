/** Text as it is written inside HTML (a document the readers build, a Telegram message): `&`, `<` and `>` escaped. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
