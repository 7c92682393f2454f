/**
 * British and American spellings of one English word ("colour"/"color", "organise"/"organize",
 * "centre"/"center", "cheque"/"check"): a question in one finds a folder written in the other.
 * Regular endings by rule, the rest from a short list. No package maps them both ways for single
 * words (the ones on npm convert whole texts, one way), hence this file. A variant is only of use
 * where the folder has it: retrieval adds it to the question's words as the same word.
 */

/** Spellings that no ending rule makes. */
const PAIRS: readonly (readonly [string, string])[] = [
  ["cheque", "check"],
  ["grey", "gray"],
  ["tyre", "tire"],
  ["programme", "program"],
  ["aluminium", "aluminum"],
  ["mould", "mold"],
  ["plough", "plow"],
  ["draught", "draft"],
  ["licence", "license"],
  ["defence", "defense"],
  ["offence", "offense"],
  ["judgement", "judgment"],
  ["ageing", "aging"],
  ["enrol", "enroll"],
  ["fulfil", "fulfill"],
  ["travelled", "traveled"],
  ["travelling", "traveling"],
  ["cancelled", "canceled"],
  ["cancelling", "canceling"],
  ["labelled", "labeled"],
  ["labelling", "labeling"],
  ["modelling", "modeling"],
  ["modelled", "modeled"],
];
/** Inflections a listed word may carry: "cheques" is "checks". */
const INFLECTIONS = ["", "s", "ed", "ing", "d"];
const IRREGULAR = new Map<string, string>();
for (const [british, american] of PAIRS) {
  for (const ending of INFLECTIONS) {
    IRREGULAR.set(british + ending, american + ending);
    IRREGULAR.set(american + ending, british + ending);
  }
}

/** Ending rules, each both ways: [British, American], with the endings a word may carry after them. */
const ENDINGS: readonly (readonly [string, string])[] = [
  ["our", "or"],
  ["ise", "ize"],
  ["isation", "ization"],
  ["yse", "yze"],
  ["tre", "ter"],
  ["ogue", "og"],
];
const AFTER = "(s|d|ed|ing|ite|ites|able|ful|er|ers|ations?)?";
/** Words shorter than this keep their spelling: "four" is not "for", "tour" not "tor". */
const MIN_LENGTH = 5;
const RULES = ENDINGS.flatMap(([british, american]) =>
  [[british, american], [american, british]].map(([from, to]) => ({ pattern: new RegExp(`^(\\p{L}{2,})${from}${AFTER}$`, "u"), to })),
);

/** The other spellings of an English word (lower case), or none. */
export function spellingVariants(word: string): string[] {
  const out = new Set<string>();
  const irregular = IRREGULAR.get(word);
  if (irregular) out.add(irregular);
  if (word.length >= MIN_LENGTH) {
    for (const { pattern, to } of RULES) {
      const m = pattern.exec(word);
      if (m) out.add(`${m[1]}${to}${m[2] ?? ""}`);
    }
  }
  out.delete(word);
  return [...out];
}
