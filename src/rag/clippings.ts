/**
 * Words people clip in speech that documents write out: "my uni card" where a library's pages say
 * "university card", "the repo" where a manual says "repository", "ein Kita-Platz" where a city's
 * page says "Kindertagesstätte". The clipped word shares too few trigrams with the full one to be
 * found as a close spelling ("uni" and "university"), and is a word of its own in the language's
 * lists, so the question was taken to ask for a word the folder never says. Written by hand: no
 * library at hand lists clippings, and they are few; only those whose full word is the only
 * reading (not "sub", "pub", "ad", "min").
 */
import type { Lang } from "./text.js";

/** Clipped word -> the full words it stands for, folded, per language. */
const CLIPPINGS: Partial<Record<Lang, Readonly<Record<string, readonly string[]>>>> = {
  en: {
    uni: ["university"],
    undergrad: ["undergraduate"],
    undergrads: ["undergraduates"],
    postgrad: ["postgraduate"],
    postgrads: ["postgraduates"],
    repo: ["repository"],
    repos: ["repositories"],
    config: ["configuration"],
    configs: ["configurations"],
    info: ["information"],
    admin: ["administrator", "administration"],
    admins: ["administrators"],
    docs: ["documentation", "documents"],
    app: ["application"],
    apps: ["applications"],
    auth: ["authentication", "authorization", "authorisation"],
    env: ["environment"],
    dir: ["directory"],
    dirs: ["directories"],
    pic: ["picture"],
    pics: ["pictures"],
    approx: ["approximately"],
    spec: ["specification"],
    specs: ["specifications"],
    prefs: ["preferences"],
    dept: ["department"],
    msg: ["message"],
    stats: ["statistics"],
    appt: ["appointment"],
    vet: ["veterinarian", "veterinary"],
    exam: ["examination"],
    exams: ["examinations"],
    fridge: ["refrigerator"],
    intro: ["introduction"],
    hrs: ["hours"],
    mins: ["minutes"],
  },
  de: {
    uni: ["universitat"],
    kita: ["kindertagesstatte"],
    azubi: ["auszubildende", "auszubildender"],
    azubis: ["auszubildende"],
    info: ["information"],
    infos: ["informationen"],
    abi: ["abitur"],
  },
  fr: {
    appart: ["appartement"],
    resto: ["restaurant"],
    ordi: ["ordinateur"],
    info: ["information"],
    infos: ["informations"],
    dispo: ["disponible"],
    fac: ["faculte", "universite"],
  },
  es: {
    uni: ["universidad"],
    profe: ["profesor", "profesora"],
    cole: ["colegio"],
    info: ["informacion"],
    bici: ["bicicleta"],
  },
  it: {
    bici: ["bicicletta"],
    frigo: ["frigorifero"],
    prof: ["professore", "professoressa"],
    info: ["informazioni"],
  },
  pt: {
    facul: ["faculdade"],
    info: ["informacao", "informacoes"],
    bici: ["bicicleta"],
  },
  nl: {
    uni: ["universiteit"],
    info: ["informatie"],
  },
};

const BY_LANGUAGE = new Map(Object.entries(CLIPPINGS).map(([lang, words]) => [lang, new Map(Object.entries(words))]));

/** The full words a clipped word (folded) stands for in `lang`; none for any other word. */
export function clippedFrom(term: string, lang: Lang | undefined): readonly string[] {
  return (lang && BY_LANGUAGE.get(lang)?.get(term)) || [];
}
