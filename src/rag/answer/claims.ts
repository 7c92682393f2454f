/** The sentences of an answer, each with the citation markers that follow it: the claims citations support. */
export function claimsOf(text: string): string[] {
  // "。", "！", "？" end a sentence with no space after them (Chinese, Japanese).
  return text.split(/(?<=[.!?…»](?:\s*\[\d{1,3}(?:\.\d{1,4})?\])*)\s+(?!\[\d)|(?<=[。！？](?:\s*\[\d{1,3}(?:\.\d{1,4})?\])*)\s*(?!\[\d)(?=[^\s»」』）)”\]])/);
}
