/** The sentences of an answer, each with the citation markers that follow it: the claims citations support. */
export function claimsOf(text: string): string[] {
  // "。", "！", "？" end a sentence with no space after them (Chinese, Japanese).
  const pieces = text.split(/(?<=[.!?…»«](?:\s*\[\d{1,3}(?:\.\d{1,4})?\])*)\s+(?!\[\d)|(?<=[。！？](?:\s*\[\d{1,3}(?:\.\d{1,4})?\])*)\s*(?!\[\d)(?=[^\s»」』）)”\]])/);
  // A piece without a word ("… exportieren... .» [1]" cut after "exportieren...") ends the claim
  // before it: alone, its marker would cite nothing the quote could support.
  // Nor does a quote end at a sentence's end inside it, or at an abbreviation («… (z. B.» ended
  // one whose marker then cited "B." alone, and was dropped as supporting nothing): a quote in
  // «…» (or German »…«, whichever the text opens with), a table's of several paragraphs too, is
  // one claim with its marker. An unclosed mark joins nothing.
  const german = text.indexOf("»") >= 0 && (text.indexOf("«") < 0 || text.indexOf("»") < text.indexOf("«"));
  const spans = [...text.matchAll(german ? /»[^«»]*«/g : /«[^«»]*»/g)].map((m) => [m.index, m.index + m[0].length] as const);
  const inQuote = (at: number) => spans.some(([from, to]) => at > from && at < to - 1);
  // (A claim joined so is the text as written between its ends, its line breaks kept.)
  const claims: string[] = [];
  const starts: number[] = [];
  let at = 0;
  for (const piece of pieces) {
    const start = text.indexOf(piece, at);
    if (start >= 0) at = start + piece.length;
    const last = claims.length - 1;
    if (last >= 0 && ((start >= 0 && inQuote(start)) || !/[\p{L}\p{N}]/u.test(piece.replace(/\[\d{1,3}(?:\.\d{1,4})?\]/g, "")))) {
      claims[last] = start >= 0 && starts[last]! >= 0 ? text.slice(starts[last], start + piece.length) : `${claims[last]} ${piece}`;
    } else {
      claims.push(piece);
      starts.push(start);
    }
  }
  return claims;
}
