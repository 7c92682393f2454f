/** The sentences of an answer, each with the citation markers that follow it: the claims citations support. */
export function claimsOf(text: string): string[] {
  // "。", "！", "？" end a sentence with no space after them (Chinese, Japanese).
  const pieces = text.split(/(?<=[.!?…»](?:\s*\[\d{1,3}(?:\.\d{1,4})?\])*)\s+(?!\[\d)|(?<=[。！？](?:\s*\[\d{1,3}(?:\.\d{1,4})?\])*)\s*(?!\[\d)(?=[^\s»」』）)”\]])/);
  // A piece without a word ("… exportieren... .» [1]" cut after "exportieren...") ends the claim
  // before it: alone, its marker would cite nothing the quote could support.
  // Nor does a quote end at a sentence's end inside it, or at an abbreviation («… (z. B.» ended
  // one whose marker then cited "B." alone, and was dropped as supporting nothing): a quote in
  // «…» is one claim with its marker.
  const claims: string[] = [];
  let open = 0;
  for (const piece of pieces) {
    if (claims.length && (open > 0 || !/[\p{L}\p{N}]/u.test(piece.replace(/\[\d{1,3}(?:\.\d{1,4})?\]/g, "")))) claims[claims.length - 1] += ` ${piece}`;
    else {
      claims.push(piece);
      open = 0;
    }
    open = Math.max(0, open + (piece.match(/«/g)?.length ?? 0) - (piece.match(/»/g)?.length ?? 0));
  }
  return claims;
}
