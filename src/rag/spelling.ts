/**
 * British and American spellings of one English word ("colour"/"color", "organise"/"organize",
 * "centre"/"center", "cheque"/"check"): a question in one finds a folder written in the other.
 * No package maps single words both ways (the ones on npm convert whole texts, one way), hence
 * this file. Open ending rules make other words ("scored" -> "scoured", "enter" -> "entre",
 * "prize" -> "prise"), so the -our, -tre and -ogue words are listed, -ise/-ize and -yse/-yze go by
 * rule with the words that are only ever one way left out, and a word whose other spelling means
 * something else in one variety ("check", "program", "tire", "draft") maps one way only.
 * Retrieval uses a variant only where the folder lacks the question's own spelling and its
 * English passages have the variant.
 */

/** Stems of words in -our (British) / -or (American). */
const OUR = [
  "arb", "ard", "arm", "behavi", "cand", "clam", "col", "endeav", "fav", "ferv", "flav", "harb", "hon", "hum", "lab", "neighb",
  "od", "parl", "rig", "rum", "sav", "savi", "splend", "tum", "val", "vap", "vig",
];
/** Stems of words in -tre (British) / -ter (American). */
const TRE = ["cent", "met", "lit", "theat", "fib", "calib", "sab", "somb", "spect", "lust", "meag", "mit", "scept", "manoeuv"];
/** Stems of words in -ogue (British) / -og (American). */
const OGUE = ["catal", "dial", "anal", "epil", "monol", "pedag", "demag"];
/** Words in -ize that are never -ise, and in -ise that are never -ize. */
const ONLY_IZE = new Set(["size", "prize", "seize", "capsize", "maize", "baize", "assize"]);
const ONLY_ISE = new Set([
  "advertise", "advise", "apprise", "arise", "chastise", "circumcise", "comprise", "compromise", "concise", "demise", "despise",
  "devise", "disguise", "enterprise", "excise", "exercise", "expertise", "franchise", "improvise", "incise", "merchandise",
  "noise", "otherwise", "likewise", "clockwise", "poise", "praise", "precise", "premise", "promise", "raise", "revise", "rise",
  "supervise", "surmise", "surprise", "televise", "treatise", "wise", "cruise", "bruise", "anise", "paradise", "reprise",
]);
/** Pairs no rule makes, with their inflections; `oneWay`: only British -> American. */
const PAIRS: readonly { british: readonly string[]; american: readonly string[]; oneWay?: boolean }[] = [
  { british: ["cheque", "cheques"], american: ["check", "checks"], oneWay: true },
  { british: ["tyre", "tyres"], american: ["tire", "tires"], oneWay: true },
  { british: ["programme", "programmes"], american: ["program", "programs"], oneWay: true },
  { british: ["draught", "draughts"], american: ["draft", "drafts"], oneWay: true },
  { british: ["grey", "greys", "greyed", "greying", "greyish"], american: ["gray", "grays", "grayed", "graying", "grayish"] },
  { british: ["aluminium"], american: ["aluminum"] },
  { british: ["mould", "moulds", "moulded", "moulding"], american: ["mold", "molds", "molded", "molding"] },
  { british: ["plough", "ploughs", "ploughed", "ploughing"], american: ["plow", "plows", "plowed", "plowing"] },
  { british: ["licence", "licences"], american: ["license", "licenses"] },
  { british: ["defence", "defences"], american: ["defense", "defenses"] },
  { british: ["offence", "offences"], american: ["offense", "offenses"] },
  { british: ["judgement", "judgements"], american: ["judgment", "judgments"] },
  { british: ["ageing"], american: ["aging"] },
  { british: ["enquiry", "enquiries", "enquire", "enquired"], american: ["inquiry", "inquiries", "inquire", "inquired"] },
  { british: ["artefact", "artefacts"], american: ["artifact", "artifacts"] },
  { british: ["enrol", "enrols", "enrolment", "enrolments"], american: ["enroll", "enrolls", "enrollment", "enrollments"] },
  { british: ["fulfil", "fulfils", "fulfilment"], american: ["fulfill", "fulfills", "fulfillment"] },
  { british: ["travelled", "travelling", "traveller", "travellers"], american: ["traveled", "traveling", "traveler", "travelers"] },
  { british: ["cancelled", "cancelling"], american: ["canceled", "canceling"] },
  { british: ["labelled", "labelling"], american: ["labeled", "labeling"] },
  { british: ["modelled", "modelling"], american: ["modeled", "modeling"] },
];

const VARIANTS = new Map<string, Set<string>>();
const add = (from: string, to: string) => {
  if (from === to) return;
  const set = VARIANTS.get(from) ?? new Set<string>();
  set.add(to);
  VARIANTS.set(from, set);
};
const both = (british: string, american: string) => {
  add(british, american);
  add(american, british);
};
for (const { british, american, oneWay } of PAIRS) {
  british.forEach((b, i) => {
    add(b, american[i]!);
    if (!oneWay) add(american[i]!, b);
  });
}
for (const stem of OUR) for (const ending of ["", "s", "ed", "ing", "ite", "ites", "able", "ful", "er", "ers"]) both(`${stem}our${ending}`, `${stem}or${ending}`);
for (const stem of TRE) {
  both(`${stem}re`, `${stem}er`);
  both(`${stem}res`, `${stem}ers`);
  both(`${stem}red`, `${stem}ered`);
  both(`${stem}ring`, `${stem}ering`);
}
for (const stem of OGUE) {
  both(`${stem}ogue`, `${stem}og`);
  both(`${stem}ogues`, `${stem}ogs`);
  both(`${stem}ogued`, `${stem}oged`);
  both(`${stem}oguing`, `${stem}oging`);
}

/**
 * The American spellings that map one way only ("check", "tire", "program", "draft"): each is also
 * another word of its own ("you will tire of …"), so finding one is less sure than finding "colour"
 * as "color".
 */
const OTHER_WORD_TOO = new Set(PAIRS.filter((p) => p.oneWay).flatMap((p) => p.american));

/**
 * How sure a variant is the question's word: 1, or for a word that is another word too as sure as
 * a strong close spelling (0.7): it still says the folder has the word, but weighs less in how
 * much of a question a passage covers. "How do I change a flat tyre?" over an accounting manual
 * was answered from "… you will tire of having to update their prices"; at 0.5 the manual's
 * "cheque" question, which its "check" answers, fell under the bar.
 */
export function variantCertainty(variant: string): number {
  return OTHER_WORD_TOO.has(variant) ? 0.7 : 1;
}

/** -ise/-ize and -yse/-yze by rule, on the stem before the e ("organis|ing" is "organiz|ing"). */
const S_Z = /^(\p{L}{3,}?)(i|y)(s|z)(e|es|ed|ing|er|ers|able|ation|ations)$/u;

/** The other spellings of an English word (lower case, folded), or none. */
export function spellingVariants(word: string): string[] {
  const out = new Set(VARIANTS.get(word) ?? []);
  const m = S_Z.exec(word);
  if (m) {
    const [, stem, vowel, letter, ending] = m as unknown as [string, string, string, string, string];
    const base = `${stem}${vowel}${letter}e`;
    const other = letter === "s" ? "z" : "s";
    const otherBase = `${stem}${vowel}${other}e`;
    const only = letter === "s" ? ONLY_ISE : ONLY_IZE;
    const otherOnly = letter === "s" ? ONLY_IZE : ONLY_ISE;
    // A stem ending in a vowel makes a diphthong, not the suffix ("cruise", "praise").
    if (!only.has(base) && !otherOnly.has(otherBase) && !/[aeiou]$/.test(stem)) out.add(`${stem}${vowel}${other}${ending}`);
  }
  out.delete(word);
  return [...out];
}
