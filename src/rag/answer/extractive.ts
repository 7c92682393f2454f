import { cosine } from "../embeddings/types.js";
import type { Embeddings } from "@langchain/core/embeddings";
import { wordSimilarity } from "../fuzzy.js";
import { expectedIn, MIN_EXPECTED_SHARE, type Retrieval } from "../retrieve.js";
import { addsNothingTo, lettersOf, locateInTwin } from "../twins.js";
import { fold, normalizeForMatch, sentenceSpans, terms, words, type Lang, type SentenceSpan } from "../text.js";
import { everydayAnywhere } from "../general-words.js";
import { isContentsListing } from "../contents-listing.js";
import { NOTE_LABEL, NOTE_WORDS } from "../../documents/note-labels.js";
import { amountAsked, amountDimensionWords, ASKING_VERB, ASKS_HOW, ASKS_SHORTCUT, ASKS_WHY, asksYesNo, definitionOf, isPriceWord, measureAsked, paysAsked, priceAsked, SAYS_NO, saysNoPrice, sumAsked, SAYS_SHORTCUT, SAYS_WHY, saysNewNumber } from "../asked.js";
import { message } from "./messages.js";
import { passageSentences, tableRowsOf } from "./sentences.js";
import type { AnswerLanguage, Answerer, Draft, FollowUp, ProposedCitation } from "./types.js";
import type { Chunk } from "../../documents/types.js";
import { sectionPath } from "../../documents/structure.js";
import { sectionWithin } from "../../documents/split.js";
import { isNewerHeading, isNewerVersion, namesVersion } from "./versions.js";

/**
 * Whether a text says the question's name `q` only as another numbered thing of that name: for
 * "How many disks can fail in a RAID-6 array?" (terms "raid", "raid6"), a sentence on RAID-1
 * ("raid", "raid1") and not RAID-6 is about something else, and its "RAID" is no match.
 */
function namesSibling(q: string, asked: ReadonlyMap<string, number>, words: ReadonlySet<string>, withNumber = false): boolean {
  // A name written with its number ("RAID6": the term "raid6" alone): a text with another number
  // of the name ("raid5", "raid1") and not this one is about something else as well. (Not for a
  // question whether something is so: "Does it run on Python2?" is answered by "Python3 only".)
  const name = withNumber ? /^(\p{L}{2,})\d+$/u.exec(q)?.[1] : undefined;
  if (name) {
    if (words.has(q)) return false;
    for (const x of words) if (x !== q && x.startsWith(name) && /^\d+$/.test(x.slice(name.length))) return true;
    return false;
  }
  if (/\d/.test(q)) return false;
  const numbered = (t: string) => t.length > q.length && t.startsWith(q) && /^\d+$/.test(t.slice(q.length));
  const own = [...asked.keys()].filter(numbered);
  if (!own.length || own.some((t) => words.has(t))) return false;
  for (const x of words) if (numbered(x)) return true;
  return false;
}

/** What a text that names only another numbered thing of the question's name keeps of its match. */
const SIBLING_SHARE = 0;

/** How well a text's words say a question word: 1 as written, else its best match retrieval made or its closest spelling (at least 0.5). */
function bestMatch(retrieval: Pick<Retrieval, "expansions">, q: string, words: ReadonlySet<string>): number {
  let best = words.has(q) ? 1 : 0;
  for (const e of retrieval.expansions.get(q) ?? []) if (words.has(e.term)) best = Math.max(best, e.weight);
  for (const x of words) {
    if (best === 1) break;
    const s = wordSimilarity(q, x);
    if (s >= 0.5 && s > best) best = s;
  }
  return best;
}

/**
 * Share of the question's content a text's words hold: each question word counts with its weight
 * (rare words more), said as well as `best` finds it (`bestMatch` of the words: matched exactly
 * (1), through one of the documents' words retrieval matched it to (a similar spelling or a
 * compound part, at that match's weight), or by a close spelling).
 */
function overlapOf(
  retrieval: Pick<Retrieval, "termWeights" | "expansions" | "wordLanguages">,
  words: ReadonlySet<string>,
  lang: Lang,
  writtenSiblings: boolean,
  best: (q: string) => number,
): number {
  let total = 0;
  let all = 0;
  let sum = 0;
  let sibling = false;
  for (const [q, w] of retrieval.termWeights) {
    all += w;
    // A word passages in this language never use is not held against its text (as in ranking).
    if (!expectedIn(retrieval.wordLanguages, q, lang)) continue;
    total += w;
    if (namesSibling(q, retrieval.termWeights, words, writtenSiblings)) {
      sibling = true;
      continue;
    }
    sum += w * best(q);
  }
  // …but held to at least half the question, as in ranking: an English window that says only the
  // one name a German question shares with it ("pbuilder") is no full answer to it.
  total = Math.max(total, MIN_EXPECTED_SHARE * all);
  return total ? (sum / total) * (sibling ? SIBLING_SHARE : 1) : 0;
}


/**
 * How much more a word of a question's asking sentence counts in choosing its quote than a word of
 * the sentences before it that set the scene. (At 1.5 and at 2, 34 folders' questions gained 4
 * quotes and lost 1 whose new quote answers in other words than expected; at 1.25 3 and none.)
 */
const ASKING_WEIGHT = 1.5;

/** The words of the sentences of a question that ask, when others only set the scene ("My calls print nothing. Is that the default?"). */
export function askingTerms(question: string): ReadonlySet<string> {
  const units = sentenceSpans(question, "en");
  // (Not a question the scene quotes: 'The installer prints "Overwrite the partition table?"'.)
  const asks = units.filter((u) => /[?？؟][)\]]*\s*$/u.test(u.text));
  if (!asks.length || asks.length === units.length) return new Set();
  return new Set(asks.flatMap((u) => terms(u.text)));
}

/** The words for a command ("the command line", "riga di comando", "la orden"): they say a step is near, but name none. */
const COMMAND_WORD = String.raw`\b(?:commands?|befehls?|kommandos?)\b|(?<![\p{L}\p{N}])(?:commandes?|comandos?|órdenes|(?:la|una|esta|esa|cada|su|por|con) orden)(?![\p{L}\p{N}])`;
const COMMAND_WORDS = new RegExp(COMMAND_WORD, "giu");
/**
 * A step: a command-like token (an option, not German's "Zeilen oder -spalten"; a path, KEY=value,
 * a setting's name with an underscore or a dot, in parts of two letters or more, given a value
 * with blanks around "=" as configuration files write them, "auth_advertise_hosts = !
 * 10.9.8.0/24", "log.level = debug", not "x_i = 0"; a man page reference, a prompt), a word that
 * names a command, or a menu path ("Edit → Preferences", "Bearbeiten --> Steueroptionen").
 */
const COMMAND_LIKE = new RegExp(String.raw`(?:^|\s)(?:--|(?<!(?:\b(?:und|oder|bzw\.|sowie|bis)|,)\s)-)\p{L}[\p{L}-]*|\p{L}\/\p{L}|\/\p{L}+\/|\w=\S|(?<![\p{L}\p{N}_.])\p{L}[\p{L}\p{N}]+(?:[_.][\p{L}\p{N}]{2,})+[ \t]+=[ \t]+\S|\p{L}\(\d\)|^[^\S\n\r\u2028\u2029]*[$#] |${COMMAND_WORD}`, "imu");
/** A menu path: capitalised menu names around an arrow with spaces ("Edit → Preferences"; not "x -> y" nor "JPY->EUR"). Case matters, so it is apart from COMMAND_LIKE. */
// (Looked for from the arrow back, in a lookbehind: tried at every capital of a run, it took time as the run's square.)
const MENU_PATH = /(?=\s)(?<=\p{Lu}[\p{L}\p{N}]*)\s+(?:-->|->|→|⇒)\s+\p{Lu}/u;
/** Either case of a word's first letter ("click", "Click"): the rest of INSTRUCTS is case-sensitive. */
const anyCase = (words: readonly string[]) => words.map((w) => `[${w[0]}${w[0]!.toUpperCase()}]${w.slice(1)}`).join("|");
/**
 * A step a manual tells the reader to take: a sentence that opens with an instruction ("Choose
 * View - Freeze Cells.", "Then click OK.", a setting's "Set to 0 to disable …"), the verb followed by what it acts on (an article, a number, a
 * name, a quote: not "Open source software", "Select statements", nor a name the sentence goes on
 * to describe, "Open Source Software is …", "Type Aliases are …"), or a German one in the polite
 * imperative ("Wählen Sie …", "Dann klicken Sie …"; not "Können Sie …", "Sehen Sie dazu …", nor
 * "sie", nor a question). The verbs are those of instructions for programs. Not a step for a
 * purpose of its own ("To download the data, click Export.", "Um … zu …, wählen Sie …"): whether
 * that purpose is the one asked is not known here (a command or menu path still counts).
 */
const INSTRUCTION = String.raw`(?:${anyCase(["click", "double-click", "right-click", "choose", "select", "press", "open", "enter", "type", "drag", "tick", "check", "uncheck", "navigate", "go", "hold down", "run", "execute", "insert", "install", "edit", "add", "put", "copy", "save", "set", "enable", "disable", "turn", "switch"])})\s+` + String.raw`(?:(?:on|off|to|in|into|from)\s+)?(?:(?:the|a|an|your|this|that|these|those|all|each|every|one|it|them|its|any|both|whether|if)\s|(?<=(?:to|from)\s+)\d|\p{Lu}(?!\p{L}*(?:\s+\p{Lu}\p{L}*)*\s+(?:is|are|was|were|has|have|had|can|may|will|lets|allows|means)\b)|["'“‘«(<\[])`;
const INSTRUCTS = new RegExp(String.raw`(?:^|[.!?:]\s+)(?:\d+\.\s+|[-•*–]\s+)?(?:(?:${anyCase(["then", "now", "next", "first", "finally", "afterwards"])})\W+)?${INSTRUCTION}`, "u");
/**
 * The step a condition names ("If you set the disable_ipv6 option true, no IPv6 activities take
 * place."): a how-question's quote runs on to it only where no instruction follows, as it may as
 * well be a warning ("If you select the wrong disk, all data on it is lost. Select the target disk …").
 */
const INSTRUCTS_IF = new RegExp(String.raw`(?:^|[.!?:]\s+)(?:\d+\.\s+|[-•*–]\s+)?(?:${anyCase(["if", "once"])})\s+you\s+${INSTRUCTION}`, "u");
const INSTRUCTS_DE = new RegExp(
  String.raw`(?:(?:^|[.!?:]\s+)(?:(?:${anyCase(["dann", "anschließend", "danach", "nun", "zuerst", "bitte"])})\s+)?|\s(?:dann|anschließend|danach|nun|zuerst|bitte)\s+)(?:\d+\.\s+|[-•*–]\s+)?` +
    String.raw`(?!(?:${anyCase(["denen", "welchen", "können", "müssen", "sollten", "wollen", "haben", "werden", "dürfen", "möchten", "würden", "wenn", "ob", "sehen", "lesen", "beachten", "erfahren", "finden", "erhalten", "wenden"])})\s)\p{L}+(?:en|ern|eln)\s+Sie\s[^?]*$`,
  "u",
);
const saysCommand = (text: string) => COMMAND_LIKE.test(text) || MENU_PATH.test(text);
const saysHow = (text: string) => saysCommand(text) || INSTRUCTS.test(text) || INSTRUCTS_DE.test(text);
/** Sentences a how-question's quote may run on to reach its step. */
const STEP_REACH = 3;
/** Characters a quote may run to, to reach a how-question's step or the answer to a question the document asks (other quotes: WINDOW_MAX). */
const STEP_WINDOW_MAX = 800;

/** What a window that says no or only so far gains for a yes-no question (as AMOUNT_BONUS). */
const YES_NO_BONUS = 0.1;

/**
 * A question that asks for a file or a place on disk ("Which file decides …?", "Which folder in my
 * home directory …?", "In welcher Datei …?", "Where are the settings stored?", "Wo liegen …?";
 * "Quel fichier …?", "¿En qué archivo …?", "Dove vengono salvati …?", "Onde ficam guardados …?"):
 * its answer names a path.
 */
export const ASKS_PLACE =
  /\b(?:which|what)\s+(?:\p{L}+\s+)?(?:files?|director(?:y|ies)|folders?|paths?)\b(?!\s+(?:formats?|types?|names?|sizes?|systems?|extensions?|managers?|services?))|\bwhere\b[^?]*\b(?:stored|saved|kept|located|placed|store|save|keep|put|files?|director(?:y|ies)|folders?|logs?|config\w*|settings)\b|\bwelche[rnms]?\s+(?:\p{L}+\s+)?(?:datei(?:en)?|verzeichnis(?:se)?|ordner|pfade?)(?![\p{L}\p{N}])|\bwo(?:hin)?\b[^?]*(?:gespeichert|abgelegt|befinde[nt]|speicher[nt]|datei|verzeichnis|ordner|einstellungen|konfiguration|logs?(?![\p{L}]))|(?<![\p{L}\p{N}])(?:quale|quali|che)\s+(?:file|directory)(?![\p{L}\p{N}])|(?<![\p{L}\p{N}])(?:quel(?:le)?s?|qu[ée]|quale|quali|qual|quais|che)\s+(?:fichier|r[ée]pertoire|dossier|chemin|archivo|fichero|directorio|carpeta|ruta|cartella|percorso|ficheiro|arquivo|diret[óo]rio|pasta|caminho)s?(?![\p{L}\p{N}])|(?<![\p{L}\p{N}])(?:où|d[óo]nde|dove(?= (?:si|sono|è|viene|vengono|va|vanno|trovo|metto|salvo|posso|devo|ha|hanno)(?![\p{L}\p{N}]))|onde)\s[^?]*(?:stock|enregistr|sauvegard|fichier|r[ée]pertoire|dossier|config|indiqu|guard|almacen|archivo|fichero|directorio|carpeta|salvat|memorizz|cartella|armazen|ficheiro|arquivo|diret[óo]rio|pasta)/iu;
/** A path ("/etc/nsswitch.conf", "~/.local/share/app", "C:\\Users", a registry key "HKEY_…"). */
export const SAYS_PLACE = /(?:^|[^\w/\-€$£%])(?:~|\.{1,2})?\/[\w.-]+\/?[\w.*-]*|\b[A-Z]:\\|\bHKEY_/u;
/**
 * A question that asks where a program has something in its menus ("… and where is it in the
 * menus?", "Which menu …?", "Über welchen Menüpunkt …?", "Wo finde ich … in der Symbolleiste?"):
 * its answer is a menu path ("Tools → Loan Repayment Calculator").
 */
export const ASKS_MENU =
  /\b(?:which|what)\s+menus?\b|\bwhere\b[^?]*\b(?:menus?|toolbars?|menu bar)\b|\bwelche[mnrs]?\s+menü\p{L}*|\bwo\b[^?]*(?:menü|symbolleiste)/iu;
/**
 * A question where in a program something is found, seen or changed ("Where can I look at
 * them?", "Where do I turn off …?", "Wo stelle ich ein, …?", "Wo kann ich … umstellen?", "Où puis-je
 * modifier …?", "¿Dónde puedo cambiar …?"): in a manual of a program with menus its answer is one;
 * in any other there is no menu path to favour.
 */
export const ASKS_WHERE_IN_PROGRAM =
  /\bwhere(?:['’]s|\s+is|\s+are)\s+the\s+(?:\p{L}+\s+)?(?:option|setting|switch|button|checkbox|field|tab|dialog|window)s?\b|\bwhere\s+(?:can|do|should|would|could|must)\s+(?:i|we|you|one)\s+(?:\p{L}+\s+)?(?:find|see|look|view|open|change|set|switch|turn|adjust|configure|enable|disable|show|get to|access|select|choose|edit|define|enter)\b(?!\s+(?:for|out|more|further|additional|details|information|help)\b)|\bwo(?:\s+\p{L}+){0,6}?\s+(?:finde|sehe|stelle|ändere|schalte|aktiviere|deaktiviere|öffne|wähle|lege|gebe|trage|definiere|bearbeite)\s+(?:ich|man|wir)\b|\bwo\s+(?:ändert|stellt|findet|schaltet|aktiviert|wählt|legt|öffnet)\s+man\b|\bwo\s+(?:kann|muss|soll|könnte|lässt)\s+(?:ich|man|wir|sich)\b[^?]*(?<![\p{L}\p{N}])(?:finden|sehen|einstellen|umstellen|ändern|anzeigen|öffnen|auswählen|wählen|festlegen|eingeben|eintragen|aktivieren|deaktivieren|abschalten|ausschalten|einschalten|anpassen|bearbeiten|definieren)(?![\p{L}\p{N}])|(?<![\p{L}\p{N}])(?:où|d[óo]nde|dove|onde)\s+(?:puis-je|peut-on|dois-je|faut-il|puedo|se puede|debo|posso|si può|devo|se pode)\s+(?:\p{L}+\s+)?(?:trouver|voir|modifier|changer|régler|activer|désactiver|configurer|définir|choisir|ouvrir|encontrar|ver|cambiar|modificar|ajustar|activar|desactivar|configurar|elegir|abrir|trovare|vedere|cambiare|modificare|impostare|attivare|disattivare|configurare|scegliere|aprire|alterar|mudar|ativar|desativar|escolher)(?![\p{L}\p{N}])/iu;
/**
 * What a window with a menu path gains for such a question: as much as a definition for a what-is
 * question (DEFINITION_BONUS), for the same reason. The path's words are the menu's, not the
 * question's, so the words alone favour a worked example that repeats the question ("How long will
 * you be paying back a loan …") over the sentence that says where the calculator is.
 */
const MENU_BONUS = 0.2;
/** What a window with a path gains for a question that asks for a file or place (as AMOUNT_BONUS). */
const PLACE_BONUS = 0.1;
/** What may follow an address's noun in a question that asks for one: its end, a verb or a preposition; not a second noun ("URL parameters", "website builder"). */
const ADDRESS_NOUN_ENDS = String.raw`(?=\s*(?:[?,.;:!]|$)|\s+(?:is|are|was|were|do|does|did|can|could|should|must|will|would|has|have|lists?|shows?|gives?|hosts?|describes?|documents?|explains?|for|of|to|on|at|about|with|from|where|that|which|i|we|you|one|hat|ist|sind|listet|zeigt|nennt|für|von|zu|zum|zur|auf|mit|über|soll|kann|muss|gibt|finde)(?![\p{L}\p{N}]))`;
/** Where one writes to or goes to: a URL, a web page or site, a mailing list. */
const ADDRESS_NOUN = String.raw`(?:urls?|web ?pages?|web ?sites?|home ?pages?|mailing lists?|webseiten?|websites?|homepages?|internetseiten?|mailinglisten?)`;
/** Not the asker's own ("my e-mail address"): a question about changing it asks for no address. */
const OWN = String.raw`(?<!\b(?:my|your|our|meine[rnms]?|deine[rnms]?|unsere[rnms]?)\s+)`;
/** What one reports to someone: a bug, a problem, a security hole, feedback, a patch. */
const REPORTED = String.raw`(?:bugs?|issues?|problems?|errors?|defects?|crash(?:es)?|vulnerabilit(?:y|ies)|security|feedback|patch(?:es)?|fehler\p{L}*|probleme?|sicherheitsl(?:ü|ue)cken?|schwachstellen?)`;
/**
 * A question that asks for an address to write to or visit ("Is there an e-mail address I can use
 * to contact …?", "What is the URL of …?", "Where do I send bug reports?", "How can I contact the
 * developers?", "An welche E-Mail-Adresse …?", "Wo melde ich einen Fehler?"): its answer gives one.
 * Not an IP address, the asker's own address, a form's address field, nor "Where do I report my
 * working hours?".
 */
export const ASKS_ADDRESS = new RegExp(
  [
    // (Not the asker's own address, "How do I change my e-mail address?", nor a form's field.)
    String.raw`(?=[cekmpw])${OWN}(?<![\p{L}\p{N}-])(?:e-?mail|mail|web|contact|postal)[ -]?address(?:es)?(?![\p{L}\p{N}])(?!\s+(?:formats?|fields?|bars?|syntax|validation)\b)`,
    String.raw`\b(?:which|what|welche[rnms]?)\s+(?:\p{L}+\s+)?${ADDRESS_NOUN}${ADDRESS_NOUN_ENDS}`,
    String.raw`\b(?:what|where)(?:'s|’s|\s+is|\s+are)\s+(?:the\s+|its\s+|their\s+)?(?:\p{L}+(?:'s|’s)?\s+)?(?:${ADDRESS_NOUN}|e-?mail)${ADDRESS_NOUN_ENDS}`,
    String.raw`\b(?:is|are)\s+there\s+(?:an?\s+|any\s+)?(?:\p{L}+\s+)?${ADDRESS_NOUN}${ADDRESS_NOUN_ENDS}|\bgibt\s+es\s+(?:eine?n?\s+)?(?:\p{L}+\s+)?${ADDRESS_NOUN}${ADDRESS_NOUN_ENDS}`,
    // (Not "Where do I report my working hours?", "Where do I write the config file?".)
    String.raw`\bwhere\s+(?:can|do|should|must|could|would)\s+(?:i|we|you|one)\s+(?:\p{L}+\s+)?(?:(?:report|file|submit|send)\s+(?:(?:a|an|the|this|these|my|our|such)\s+)?(?:\p{L}+\s+)?${REPORTED}|contact|subscribe|write\s+to|reach\s+(?:the\s+)?(?:maintainers?|developers?|authors?|support|team|admins?|administrators?|people|someone|us|them))\b`,
    String.raw`\bhow\s+(?:can|do|should|could)\s+(?:i|we|you|one)\s+(?:contact|reach|e-?mail|subscribe)\b`,
    String.raw`(?=[cekmpw])${OWN}(?<![\p{L}\p{N}-])(?:e-?mail|mail|web|kontakt)[ -]?adressen?(?![\p{L}\p{N}])`,
    String.raw`\bwie\s+lautet\s+(?:die|deren|dessen|seine|ihre)\s+(?:urls?|e-?mail|adresse|webseite|homepage)(?![\p{L}\p{N}])|\bwie\s+erreiche\s+(?:ich|man)\b`,
    // (Not "Wo muss ich die Stunden melden?": a bug is reported, hours are not written to anyone.)
    String.raw`\bwo(?:hin)?\s+(?:(?:kann|soll|muss|könnte)\s+(?:ich|man|wir)\s+(?:\p{L}+\s+){0,4}?(?:${REPORTED}\s+(?:\p{L}+\s+){0,3}?melden|abonnieren|erreichen|kontaktieren|schicken|senden)|melde\s+(?:ich|man)|schicke\s+ich|sende\s+ich)(?![\p{L}\p{N}])`,
  ].join("|"),
  "iu",
);
/** An e-mail address (its domain ends in letters: not a package's version, "frob@2.4.1") or a web address. */
export const SAYS_ADDRESS = /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+@(?:[\p{L}\p{N}-]+\.)+\p{L}{2,}(?![\p{L}\p{N}-]|\.[\p{L}\p{N}])|(?<![a-z0-9+.-])(?:[a-z][a-z0-9+.-]*:\/\/|www\.)[^\s<>"'»”)\]]+/iu;

/**
 * A question that asks for a package, tool or command by name ("Which package am I missing?",
 * "Welches Paket brauche ich …?", "Mit welchem Befehl …?", "Is there a tool that …?", "Gibt es ein
 * Werkzeug, das …?"; "Quelle commande …?", "¿Qué orden …?", "Qual è il comando …?", "Existe alguma
 * ferramenta …?"): its answer names one.
 */
export const ASKS_NAME =
  /\b(?:which|what)\s+(?:\p{L}+\s+)?(?:packages?|tools?|programs?|commands?|utilit(?:y|ies)|librar(?:y|ies)|modules?)\b|\bwhat (?:can|could|should|do) (?:i|we|you) use (?:to|for|instead|against)\b|\b(?:is|are) there (?:a|an|any|some)\s+(?:\p{L}+\s+)?(?:packages?|tools?|programs?|commands?|utilit(?:y|ies)|librar(?:y|ies)|modules?|scripts?|helpers?|plugins?|plug-ins?)(?=\s*(?:[?!.,;:]|$|(?:that|which|who|to|for|i|we|you|in|on|of|with|like|called|named|available)\b))|\bwelche[rnms]?\s+(?:\p{L}+\s+)?(?:pakete?|programme?|befehle?|werkzeuge?|kommandos?|bibliothek(?:en)?|module?)(?![\p{L}\p{N}])|\bgibt es\s+(?:(?:ein|eine|einen|irgendein(?:e|en|er|es|em)?|irgendwelche)\s+)?(?!(?:im|in|beim|bei|für|mit|am|an|auf|aus|zum|zur|vom|von|unter|nach|über)\s)(?:\p{L}+\s+)?(?:pakete?|programme?|befehle?|werkzeuge?|kommandos?|bibliothek(?:en)?|module?|skripte?|hilfsprogramme?|tools?|plugins?)(?![\p{L}\p{N}-])|\bwas (?:kann|könnte|sollte) (?:ich|man|wir)(?:\s+(?:dafür|dazu|hierfür|stattdessen|dagegen))?\s+(?:verwenden|benutzen|nutzen|einsetzen)(?![\p{L}\p{N}])|(?<![\p{L}\p{N}])(?:quel(?:le)?s?|qu[ée]|quale|quali|qual|quais)\s+(?:(?:est|es|è|é)\s+)?(?:(?:le|la|el|il|lo|o|a)\s+)?(?:commande|outil|programme|paquet|logiciel|orden|comando|herramienta|programa|paquete|strumento|programma|pacchetto|ferramenta|pacote)s?(?![\p{L}\p{N}])|(?<![\p{L}\p{N}])(?:y a-t-il|existe-t-il|hay|c['’]è|esiste|há|existe)\s+(?:un|une|des|alg[úu]n[oa]?|un[oa]?|qualche|alg[uú]ma?|uma?)\s+(?:\p{L}+\s+)?(?:commande|outil|programme|paquet|logiciel|orden|comando|herramienta|programa|paquete|strumento|programma|pacchetto|ferramenta|pacote)s?(?![\p{L}\p{N}])/iu;
/** A name as packages, tools and commands have them: lower case, in parts joined by "-", "_", "." or "+" ("build-essential", "libfoo-dev", "dpkg-depcheck"). */
const NAME_LIKE = /(?<![\p{L}\p{N}/.-])\p{Ll}[\p{Ll}\p{N}]*(?:[-_.+][\p{Ll}\p{N}]+)+(?![\p{L}\p{N}/])/gu;
/** A word a sentence calls a tool, program or command ("the htcacheclean tool", "das Programm dupload"): a name when it is no common word. */
const CALLED_TOOL = /(?<![\p{L}\p{N}])(\p{Ll}[\p{Ll}\p{N}]{2,})\s+(?:tool|utility|program|command|daemon|werkzeug|programm|befehl|kommando)(?![\p{L}\p{N}])|(?<![\p{L}\p{N}])(?:tool|utility|program|command|werkzeug|programm|befehl|kommando|commande|outil|programme|orden|comando|herramienta|programa|strumento|programma|ferramenta)\s+(\p{Ll}[\p{Ll}\p{N}]{2,})(?![\p{L}\p{N}])/giu;
/** Words that make a hyphenated word a phrase, not a name ("cut-and-paste", "up-to-date", "plug-in"). */
const PHRASE_PARTS = new Set(["a", "an", "and", "by", "for", "in", "of", "on", "or", "the", "to", "up", "auf", "oder", "und", "von", "zu"]);
/** What a window gains that names one the question does not, for a question that asks for a name (as AMOUNT_BONUS). */
const NAME_BONUS = 0.1;

/**
 * What a window of code alone loses for a question that wants a statement (whether something is
 * so, why): an example that calls the question's functions ("logging.debug('Debugging
 * information')") says nothing about them; the sentence under it does ("By default, informational
 * and debugging messages are suppressed").
 */
const CODE_ONLY_PENALTY = 0.2;
/**
 * A configuration file's directive: a name in CamelCase and its first value, a number, a path, a
 * quoted string or a switch ("ErrorDocument 404 /missing.html", "KeepAlive On"). Not a sentence
 * that opens with a product's name ("LibreOffice 7 can't open …", "PostgreSQL 15 is the
 * default."): a directive has at most two plain words outside its quoted values and does not
 * end as a sentence (see `isCodeLine`).
 */
const DIRECTIVE = /^\s*\p{Lu}\p{Ll}+\p{Lu}[\p{L}\p{N}]*\s+(?:[-\d/"'$%<{]|(?:On|Off|on|off)\s*$)/u;
/**
 * A line of code: a call or an assignment, a statement's ";" or brace at its end, an import, a
 * prompt. Not prose that names a path, an address or a bracket ("Logging is off by default (see
 * /etc/app.conf)", "… at https://…", "… satisfy 0 <= n < 10"): a line of four words or more
 * that ends as a sentence does, or that has as many plain words as code signs, is prose.
 */
const CODE_LINE = /\w\(|^\s*[\w.[\]'"]+\s*[+\-*/]?=(?!=)|[;{}]\s*$|^\s*[{}]|^\s*(?:import|from|def|class|return|var|let|const|function|public|private|SELECT|INSERT|UPDATE)\s|^\s*(?:\$|#|>>>|>)\s/u;
const PLAIN_WORD = /(?<![\p{L}\p{N}_./\\-])\p{L}{2,}(?![\p{L}\p{N}_(./\\-])/gu;
function isCodeLine(line: string): boolean {
  // (A directive's quoted values are values, whatever they say: 'ErrorDocument 403 "Access denied."'.)
  const unquoted = DIRECTIVE.test(line) ? line.replace(/(?<![\p{L}\p{N}])(?:"[^"]*(?:"|$)|'[^']*(?:'|$))/gu, " ").replace(WEB_ADDRESSES, " ") : undefined;
  const directive = unquoted !== undefined && (unquoted.match(PLAIN_WORD)?.length ?? 0) <= 2 && !/[.!?]\s*$/.test(unquoted.trim());
  if (!CODE_LINE.test(line) && !directive) return false;
  const prose = directive ? unquoted : line.replace(WEB_ADDRESSES, " ");
  const plain = prose.match(PLAIN_WORD)?.length ?? 0;
  const signs = prose.match(/[(){}[\]=;$#<>'"]/g)?.length ?? 0;
  return !(plain >= 4 && (/[.!?:]["')\]»”]*\s*$/u.test(prose.trim()) || plain > signs));
}
/** A unit of code alone: each of its lines is a line of code. */
export function looksLikeCode(text: string): boolean {
  const lines = text.split("\n").filter((l) => l.trim());
  return lines.length > 0 && lines.every(isCodeLine);
}
/** What a window that gives a reason gains for a why-question (as AMOUNT_BONUS). */
const WHY_BONUS = 0.1;
/** What a window that says no gains for a question that says no itself ("… never get an Expires header. Why?"; as AMOUNT_BONUS). */
const NEGATION_BONUS = 0.1;
/** A negation, in a question or a window. */
const NEGATION = /(?<![\p{L}\p{N}])(?:not|no|none|nothing|never|cannot|nicht|nichts|kein\p{L}*|nie|niemals|ne|pas|jamais|nunca|nada|non|niet|geen|inte|ikke)(?![\p{L}\p{N}])|n['’]t(?![\p{L}\p{N}])/iu;
/** What a window that says what a thing is gains for a question what it is (as AMOUNT_BONUS). */
const DEFINITION_BONUS = 0.2;
/**
 * A sentence that only sends the reader elsewhere ("Lesen Sie Abschnitt 8.1, um zu erfahren, wie
 * …", "For more details, see sidebar …", "See debuild(1)."): it names where an answer is, not what
 * it says ("Woher kommt der Name Debian?" was answered with «Lesen Sie Abschnitt 8.1, um zu
 * erfahren, wie die Debian-Revision erhöht wird.», for "Debian" in it and "Name" in its section's
 * title), so it loses what a restatement does. Not for a question that asks where to read
 * (`ASKS_WHERE_TO_READ`).
 */
const POINTS_ELSEWHERE = new RegExp(
  // (Its lead-ins are taken whole, as if atomic, by a lookahead and a backreference, and a name
  // with its manual section starts at a word's start: tried at every "see" of a sentence and every
  // letter of a word, the pattern took seconds on a crafted sentence of a few thousand characters.)
  String.raw`^(?:(?=(?<lead>(?:for|to)\s+(?:more|further|additional|full|detailed)\s+(?:details|information|info)\b[^.!?]*?,?\s*(?:see|refer to|read|consult)\s))\k<lead>|(?=(?<leadDe>(?:für\s+|um\s+)?(?:weitere|mehr|nähere|ausführliche)\s+(?:informationen|details|hinweise)\b[^.!?]*?\b(?:siehe|finden\s+sie|lesen\s+sie)\s))\k<leadDe>|(?:see(?:\s+also)?|refer\s+to|consult|siehe(?:\s+auch)?|lesen\s+sie|vgl\.)\s)[^.!?]*?(?:\b(?:section|chapter|sidebar|appendix|manual|documentation|handbook|abschnitt|kapitel|anhang|handbuch|dokumentation|kasten)\b|\b\d+(?:\.\d+)+\b|(?<![\p{L}\p{N}_.-])[\p{L}\p{N}_.-]+\(\d\w*\))`,
  "iu",
);
/** A pointer that goes on to say something itself ("See section 4: for most staff it is three months", "…, which keeps the system small"). */
const SAYS_MORE = /[:;]\s+\S|\s[—–]\s|,\s*(?:which|because|since|so that|but|der|die|das|weil|denn|aber)\s/iu;
/** A sentence that only sends the reader elsewhere (`POINTS_ELSEWHERE`, saying nothing more). */
export function onlyPointsElsewhere(text: string): boolean {
  return POINTS_ELSEWHERE.test(text) && !SAYS_MORE.test(text);
}
/** What a window that only sends the reader elsewhere loses (as a restatement does). */
const POINTER_PENALTY = 0.2;
/**
 * A question that asks where to read about something: there a pointer is the answer. ("Where can
 * I read …?", "Which document explains …?", "Is there a guide to …?", "Wo ist … beschrieben?",
 * "Gibt es dazu eine Anleitung?", man pages.)
 */
export const ASKS_WHERE_TO_READ = new RegExp(
  [
    String.raw`\b(?:where|which)\b[^?]*\b(?:find|read|learn|look|documented|documentation|docs|manual|man ?pages?|section|chapter|information|details|explain(?:s|ed)?|describe[sd]?|cover(?:s|ed)?|documents?|guides?|reference)\b`,
    String.raw`\b(?:is|are)\s+there\s+(?:an?\s+|any\s+)?(?:\p{L}+\s+)?(?:documentation|docs|guides?|manuals?|tutorials?|references?|examples?)\b`,
    String.raw`\bwo\b[^?]*\b(?:finde|lese|lesen|steht|stehen|dokumentiert|dokumentation|handbuch|informationen|beschrieben|erklärt|erläutert)\b`,
    String.raw`\bwelche[rsmn]?\s+(?:abschnitt|kapitel|handbuchseite|dokumentation)`,
    String.raw`\bgibt\s+es\b[^?]*\b(?:anleitung|dokumentation|beschreibung|beispiel|weitere\s+informationen)`,
    String.raw`\bman ?pages?\b|\bhandbuchseite\b`,
  ].join("|"),
  "iu",
);

/**
 * A follow-up that asks nothing by itself: no question word, no verb that asks ("and for admins?",
 * "und die Garantie?", "what about the cellar?").
 */
const ELLIPTICAL = new RegExp(
  String.raw`^(?![\s\S]*(?<![\p{L}\p{N}])(?:who|whom|whose|what(?!\s+about(?![\p{L}\p{N}]))|when|where|why|how|which|${ASKING_VERB}|wer|wen|wem|wessen|was|wann|wo|woher|wohin|warum|weshalb|wieso|wie|wieviele?|welche[rsmn]?|womit|wozu|darf|dürfen|können|könnte|müssen|sollen|gibt)(?![\p{L}\p{N}]))`,
  "iu",
);

/** The question whose words say what a question asks for: its own, or for one that asks nothing by itself, the one before it. */
export function questionAsked(own: string, before: string | undefined): string {
  return before !== undefined && ELLIPTICAL.test(own) ? before : own;
}

/** A sentence that asks: it ends in a question mark. */
const ASKED = /[?？؟]["')\]»”]*\s*$/u;
/** A sentence that opens with a yes or a no ("Yes. The script checks …", "Nein, …"). */
const SHORT_ANSWER = /^(?:yes|no|ja|nein|oui|non|sí|si|sim|não|nee|nej)[.!,](?:\s|$)/iu;
/** What a window with a number gains for a question that asks for one. */
const AMOUNT_BONUS = 0.1;
/**
 * …and more when the number is of what is asked: "How many vacation days …?" is answered by "28
 * days", not by "until March 31"; "How long does an update take?" by "about four minutes", not by
 * "every night at 03:00" (what counts as such a number: `amountAsked` in asked.ts).
 */
const UNIT_BONUS = 0.05;
/**
 * …and one that gives the number of the whole thing counted, where that is two words or more, on
 * top: "four slip days" answers "How many slip days …?", "up to 3 days" in the next section, which
 * retrieval put first, does not (see `saysWholeNumberOf`).
 */
const WHOLE_UNIT_BONUS = 0.1;
/** What a window that gives a limit with a number gains for a question that asks for one ("at most", "höchstens"; as UNIT_BONUS). */
const LIMIT_BONUS = 0.1;
/** Share of the best window's score a window of its passage that gives the amount the best one lacks must reach to be the second quote. */
const AMOUNT_QUOTE = 0.55;
/** Share of the best window's score a wider window around it that gives a number must reach to be quoted in its place. */
const WIDER_AMOUNT_QUOTE = 0.9;

/**
 * What a window gains by the share of its words that are not the question's (nor words retrieval
 * matched them to): the answer says something the question does not. A list item that only names
 * the question's subject ("• Automatic numbering of invoices.") lost to the sentence with the
 * steps by less than this (GnuCash and README folders: one quote more each, measured at 0.1; at 0.2
 * three were lost elsewhere).
 */
const NOVELTY_WEIGHT = 0.1;
/**
 * …and what a window that says nothing but the question's words loses (a number the question does
 * not give is news: "It retries 3 times."), unless the question asks yes or no (where "It runs at
 * night." may be the whole answer to "Does it run at night?"): "The Alt key shortcuts open the
 * menus." does not answer "Which Alt key shortcuts open the menus?".
 */
const RESTATES_PENALTY = 0.2;
/** A web address: a scheme or "www." and what follows up to a blank or closing mark. */
const WEB_ADDRESS = /(?<![a-z0-9+.-])(?:[a-z][a-z0-9+.-]*:\/\/|www\.)[^\s<>"'»”)\]]+/iu;
const WEB_ADDRESSES = new RegExp(WEB_ADDRESS.source, "giu");
/** A host's name: "keyring.debian.org", "example.com". */
const HOST_NAME = /\b[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.(?:com|org|net|edu|gov|io|dev|info|[a-z]{2})\b/iu;
/** A unit shorter than this (in content words) is a fragment: it is quoted with its neighbour. */
const FRAGMENT_TERMS = 5;
/** Words after "this", "such" … that do not point back: "such as", "those who", the text itself ("this chapter"). */
const NOT_BACK =
  "(?:as|who|which|whose|section|chapter|document|page|manual|guide|book|abschnitt|kapitel|dokument|seite|handbuch|anleitung" +
  // "tel que", "tales como", "ce que", "ce qui", the text itself ("ce chapitre", "esta sección", "questo capitolo", "esta seção").
  "|que|qui|dont|como|chapitre|capítulo|capitolo|sections?|sección|sezione|seção|secção|documento|pagina|página|manuel|manual|manuale|guía|guida|guia|livre|libro|livro)";
/**
 * French, Spanish, Italian and Portuguese openings that point back or draw a conclusion: "Cela …",
 * "Par conséquent …", "Sin embargo …", "Quindi …", "Portanto …". Told apart from the next word
 * by a lookahead, not "\b", which ends a word at its first accented letter ("ciò", "así").
 */
const ROMANCE_BACK =
  "(?:cela|ceci|ainsi|donc|par conséquent|toutefois|cependant|sinon|pourtant|dans ce cas|esto|eso|ello|así|por (?:lo )?tanto|por eso|sin embargo|no obstante|de lo contrario|en ese caso|ciò|quindi|pertanto|perciò|tuttavia|altrimenti|in tal caso|isto|isso|assim|portanto|por isso|contudo|todavia|no entanto|caso contrário|nesse caso)(?![\\p{L}\\p{N}])";
/** A sentence opening that refers back to the one before it, or draws its conclusion ("Therefore …", "Deshalb …", "Par conséquent …"). */
const CONTINUES = new RegExp(
  `^(?:(?:it|its|this|these|that|those|they|their|such|so|thus|then|therefore|hence|consequently|otherwise|however|es|dies|diese|dieser|dieses|das|dabei|dazu|damit|dann|deshalb|deswegen|daher|darum|folglich|somit|sonst|so|er|sie|dessen|deren)\\b|${ROMANCE_BACK}(?!\\s+${NOT_BACK}(?![\\p{L}\\p{N}])))`,
  "iu",
);
/**
 * A first line of a few capitalised words and nothing else: a heading the text reader kept on its
 * own line (not a wrapped sentence's first line). Its words are told apart by the blanks between
 * them: with the blanks optional, a run of capitals could be cut into words in every way, and a
 * document's sentence with ninety of them held the bot for half a minute per question.
 */
const HEADING_LINE_FIRST = /^\p{Lu}[\p{L}\p{N}-]*(?:[ \t]+\p{Lu}[\p{L}\p{N}-]*){0,5}[ \t]*\n/u;
/**
 * A sentence that cannot be read without the one before it: it opens with a word that points back
 * ("It", "This", "However", "Dadurch") or names "this option", "these files", "diese Datei" within its
 * first few words, or names the rest of what it said ("All other information is lost."). Not
 * "such as", "those who", "other than", nor "this section" or "dieses Kapitel" (the text itself);
 * a sentence ending in ":" points forward. German "Das" and "Sie", which CONTINUES takes
 * for a continuation, open most German sentences on their own and are left out here.
 */
const REFERS_BACK = new RegExp(
  `^(?:(?:it|its|this|these|those|they|such|thus|therefore|hence|consequently|however|otherwise|dies|dadurch|dabei|dazu|deshalb|deswegen|daher|darum|folglich|somit|sonst)\\b(?!\\s+${NOT_BACK}\\b)` +
    `|${ROMANCE_BACK}(?!\\s+${NOT_BACK}(?![\\p{L}\\p{N}]))` +
    // "All other information is lost.", "Die anderen Blätter …", "Les autres …", "Los demás …": the rest of what the sentence before named.
    `|(?:(?:all|any)\\s+)?(?:the\\s+)?(?:(?:alle|die)\\s+)?(?:other|anderen?|übrigen)\\b(?!\\s+than\\b)` +
    `|(?:tou(?:te)?s\\s+)?(?:les|los|las|gli|le|os|as)\\s+(?:autres|otros|otras|demás|altri|altre|outros|outras|demais)(?![\\p{L}\\p{N}])(?!\\s+(?:que|di|de)\\b)` +
    `|(?:\\S+\\s+){0,4}(?:this|these|those|such|diese[rsmn]?|solche[rsmn]?)\\s+(?!${NOT_BACK}(?![\\p{L}\\p{N}]))\\p{L})`,
  "iu",
);
/**
 * …or the French, Spanish, Italian or Portuguese "this", "these" within its first few words
 * ("Cette option …", "Para estos archivos …"): in lower case or with its capital, never in capitals
 * alone, which is an English text's acronym ("the CE mark", "an ESTA"), so read case by case.
 */
const ROMANCE_DEMONSTRATIVE = new RegExp(
  `^(?:\\S+\\s+){0,4}(?:[Cc](?:e|et|ette|es)|[Ee](?:ste|sta|stos|stas|se|sa|sos|sas|stes|sses|ssas|sse|ssa)|[Qq]uest[oaie])\\s+(?!${NOT_BACK}(?![\\p{L}\\p{N}]))\\p{L}`,
  "u",
);
/** What permits: "you may", "is allowed", "darf", "ist gestattet", "peut", "puede", "può", "pode". */
const PERMITS =
  /(?<![\p{L}\p{N}])(?:may|can|allowed|permitted|darf|dürfen|kann|können|erlaubt|gestattet|zulässig|peut|peuvent|pouvez|autorisée?s?|permise?s?|puede|pueden|puedes|permitid[oa]s?|può|possono|puoi|consentit[oaie]|ammess[oaie]|pode|podem|permitid[oa]s?)(?![\p{L}\p{N}])/iu;
/** What sets a condition or a duty: "must", "only if", "unless", "muss", "nur wenn", "sofern", "doit", "debe", "deve", "solo se". */
const CONDITION =
  /(?<![\p{L}\p{N}])(?:must|have to|has to|need to|needs to|are required to|is required to|only if|only when|unless|provided that|as long as|muss|müssen|musst|ist verpflichtet|sind verpflichtet|nur wenn|nur mit|sofern|soweit|vorausgesetzt|es sei denn|doit|doivent|devez|seulement si|sauf si|à condition|debe|deben|debes|solo si|siempre que|a condición|deve|devono|devi|solo se|purché|a condizione|precisa|só se|desde que)(?![\p{L}\p{N}])/iu;
/**
 * What says a thing is not there: "has no car park", "there is no …", "does not offer", "gibt es
 * keine", "hat kein", "il n'y a pas", "no hay", "non c'è", "não há".
 */
const THERE_IS_NONE =
  /(?<![\p{L}\p{N}])(?:(?:has|have|there is|there are|there['’]s) no(?! (?:need|effect|longer|more|way|matter|reason|problem|difference|limit)(?![\p{L}\p{N}]))|(?:does not|doesn['’]t|do not|don['’]t) (?:have|offer|provide)(?! to(?![\p{L}\p{N}]))|(?:hat|haben|gibt es|es gibt) kein\p{L}*|il n['’]y a pas|n['’](?:a|ont|offre) pas|no (?:hay|tiene|tenemos|ofrece)|non (?:c['’]è|ci sono|ha|abbiamo|offre)|não (?:há|tem|temos|oferece))(?![\p{L}\p{N}])/iu;
/** Whether a sentence points back to the one before it (see REFERS_BACK and ROMANCE_DEMONSTRATIVE). */
const refersBack = (text: string) => REFERS_BACK.test(text) || ROMANCE_DEMONSTRATIVE.test(text);
/** A list item's marker at the start of a line. */
/**
 * A sentence that opens by saying what the following ones apply to: "The following rules apply
 * only to external contractors.", "Die folgenden Regeln gelten nur für …", "Für die folgenden
 * Geräte gilt …". (Not one that points to the next section: "The following section describes …".)
 */
const SCOPES = /^\W*(?:the following|(?:für |for )?(?:die |den |das )?folgende[nmrs]?)(?![\p{L}\p{N}])(?!\s+(?:sections?|chapters?|pages?|abschnitte?n?|kapiteln?|seiten?)\b)[^.!?:]{0,80}(?<![\p{L}\p{N}])(?:apply|applies|hold|holds|gilt|gelten)(?![\p{L}\p{N}])[^:]*[.!]\s*$/iu;
const SCOPE_REACH = 3;
/** A sentence that says with a colon that what follows applies to something: "…, the following applies:", "… gilt Folgendes:". */
const SCOPES_COLON = /(?<![\p{L}\p{N}])(?:(?:the following|folgendes|folgende)\s+(?:applies|apply|holds|gilt|gelten)|(?:applies|apply|gilt|gelten)\s+(?:the following|folgendes))\s*:\s*$/iu;
/** A row of a table as the readers write it, on a line of its own: "| Pro | $19 | Email and chat |". */
const TABLE_ROW = /^\|[^\n]*\|$/;

/**
 * The header row of the table a unit is a row of: its first row, where the passage holds the
 * table's start, that is some text before it, if only the heading it stands under (none for a
 * unit that is no table row, nor where the passage begins inside the table, cut from its header
 * by the split).
 */
function tableTop(text: string, units: readonly SentenceSpan[], at: number): number | undefined {
  if (!TABLE_ROW.test(units[at]!.text)) return undefined;
  let top = at;
  while (top > 0 && TABLE_ROW.test(units[top - 1]!.text) && !text.slice(units[top - 1]!.end, units[top]!.start).includes("\n\n")) top--;
  return top > 0 || text.slice(0, units[top]!.start).trim() ? top : undefined;
}

/** Per unit, the header row of the table it is a later row of (undefined for the rest). */
function tableHeaders(text: string, units: readonly SentenceSpan[]): (string | undefined)[] {
  const out: (string | undefined)[] = [];
  units.forEach((u, i) => {
    const top = i > 0 && TABLE_ROW.test(u.text) && TABLE_ROW.test(units[i - 1]!.text) && !text.slice(units[i - 1]!.end, u.start).includes("\n\n") ? tableTop(text, units, i - 1) : undefined;
    out.push(top === undefined ? undefined : units[top]!.text);
  });
  return out;
}

/** A footnote's own text, as Markdown writes it ("[^1]: …", "[^note]: …") or as the PDF reader sets it apart ("[1] …"). */
const FOOTNOTE = /^\[(?:\^([\p{L}\p{N}_-]{1,30})\]:|(\d{1,3})\])\s/u;
/** The marks in a text that cite a footnote: "[^1]", "[^note]", "[1]" after a word or a full stop. */
const FOOTNOTE_MARKS = /\[\^[\p{L}\p{N}_-]{1,30}\](?!:)|(?<=[\p{L}\p{N}.,;:)])\[\d{1,3}\]/gu;
/** The mark that cites a footnote, from its own text's start. */
const footnoteMark = (own: RegExpExecArray) => (own[1] !== undefined ? `[^${own[1]}]` : `[${own[2]}]`);
const LIST_ITEM = /^(?:[•◦▪‣●○■–*-]|\d+[.)])\s/u;
/** A line without closing punctuation and shorter than this (in words) reads as a heading or caption. */
const CAPTION_WORDS = 8;

/** Signs of code or configuration: a short block of several lines with them is no caption. */
const CODE_SIGNS = /[:=/<>{}[\]$#@|]/;
/**
 * A heading-like line ("SECURITY setgid directory and sticky bit"): never the heart of a quote.
 * So is a short block of several lines (a page header "ACME X200 Router / Page 12", a title over
 * two lines), unless it has code's signs: "Package: perl / Pin: version 5.28* / Pin-Priority: 1001"
 * is configuration, often the very answer.
 */
function isCaption(unit: SentenceSpan): boolean {
  // Sentence ends of every script ("。", "؟", "।"), and words as the search counts them (Japanese has no spaces).
  const count = /\s/.test(unit.text) ? unit.text.split(/\s+/).length : words(unit.text).length;
  return (!unit.text.includes("\n") || !CODE_SIGNS.test(unit.text)) && !/[.!?:;)»"”。！？؟۔।]$/u.test(unit.text) && count < CAPTION_WORDS && !/^[•◦▪‣●○■–*-]\s/.test(unit.text) && !isCommandInvocation(unit.text);
}
/**
 * A command on a line of its own, as a code block under "Installation" holds it ("npm install
 * @acme/sdk", "pip install acme-sdk", "systemctl restart nginx2", "ls -la"): a program's name in
 * lower case and its arguments, a subcommand first or one of them with a code sign, a hyphen or a
 * digit. Short and without a sentence's end, it looked like a caption, and the answer to "How do
 * I install …?" was never quoted. (Headings open with a capital.)
 */
function isCommandInvocation(text: string): boolean {
  const tokens = text.trim().split(/[ \t]+/);
  return (
    tokens.length >= 2 &&
    !text.includes("\n") &&
    /^\p{Ll}[\p{Ll}\p{N}._-]*$/u.test(tokens[0]!) &&
    (SUBCOMMAND.test(tokens[1]!) || tokens.slice(1).some((t) => /^-{1,2}[\p{L}\p{N}]|[@/=_.\p{N}]|\p{L}-\p{L}/u.test(t)))
  );
}
/** What a package manager or a service tool is told to do ("pip install acme", "brew install", "npm run build"). */
const SUBCOMMAND = /^(?:install|uninstall|add|remove|run|start|stop|restart|reload|enable|disable|init|update|upgrade|get|clone|pull|push|build|exec|status)$/;
/** Words a title line has at most (see `isTitleLine`). */
const TITLE_WORDS = 15;
/** A box's label in capitals before its title: "TIP Add …", "BACK TO BASICS Quota", "NOTE The …". */
const BOX_LABEL = /^\p{Lu}{2,}(?:[ \t]+\p{Lu}{2,})*[ \t]+\p{Lu}/u;
/** A figure's, table's or example's numbered caption ("Figure 3.2 The installer", "Tabelle 4 …"; not "Version 2 adds …"). */
const FIGURE_CAPTION = /^(?:figure|fig\.|table|example|listing|abbildung|abb\.|tabelle|tab\.|beispiel)\s+\d+(?:\.\d+)*[.:]?\s/iu;
/**
 * A box's title on a block of its own, longer than a caption ("TIP Add your user to the libvirt
 * group"), or a figure's numbered caption ("Figure 3.2 …", "Example 8.1 …"): one line that opens
 * with a label in capitals or a caption's number, ends without a sentence's punctuation and stands
 * between blank lines. It names what the text under it says, and quoted alone it answers
 * nothing. (Not any unpunctuated line: notes, changelogs, FAQ answers and menu paths often end
 * without a full stop and are the answer.) Not code ("SELECT … WHERE id = 1"), a command, nor a
 * list item.
 */
function isTitleLine(text: string, unit: SentenceSpan): boolean {
  return (
    (BOX_LABEL.test(unit.text) || FIGURE_CAPTION.test(unit.text)) &&
    !/[.!?:;)»"”。！？؟۔।]$/u.test(unit.text) &&
    unit.text.split(/\s+/).length <= TITLE_WORDS &&
    !LIST_ITEM.test(unit.text) &&
    !COMMAND_LIKE.test(unit.text) &&
    !/[=(){}<>[\];|&$\\]/.test(unit.text) &&
    standsAlone(text, unit)
  );
}
/** A command at a shell prompt ("$ ls", "# apt update"; not a Markdown heading "# Setup"). */
const COMMAND_LINE = /^(?:\$ |# \p{Ll})/u;
/**
 * A sentence that points forward without a colon: "… as follows to let the user …", "… wie folgt
 * …" anywhere (not "as follows from"); "… are the following.", "… in one of the following ways
 * (…)." near its end (not "the following year", "im Folgenden", "im folgenden Kapitel").
 */
const AS_FOLLOWS = /\b(?:as follows|wie folgt|as shown below|wie (?:unten|hier) gezeigt)\b(?!\s+from\b)[\s\S]*\.\s*$/iu;
const THE_FOLLOWING =
  /\b(?<!\b(?:im|am|in den)\s+)(?:the following|folgende[nmrs]?)\b(?!\s+(?:years?|days?|weeks?|months?|chapters?|sections?|pages?|tag|tage[ns]?|jahre?s?n?|woche|monat|kapiteln?|abschnitte?n?|seiten?)\b)[^.!?:]{0,60}\.\s*$/iu;
/**
 * The same in the other languages manuals are most often translated into (French, Spanish,
 * Italian, Portuguese, Dutch, Swedish, Danish): "… lo que sigue.", "… come qui di seguito descritto,
 * …", "… uno dei comandi seguenti.", "… sono i seguenti." (their adjective mostly follows its noun,
 * so "le chapitre suivant" is left out by the word before it).
 */
const AS_FOLLOWS_OTHER = /(?<![\p{L}\p{N}])(?:comme suit|ci-après|como sigue|lo que sigue|a continuación|come segue|di seguito|como segue|a seguir|als volgt|som följer|som følger|(?:como|tal como) se (?:muestra|indica)|comme (?:indiqué|montré) ci-dessous|come (?:mostrato|indicato) (?:qui )?(?:sotto|di seguito)|como (?:mostrado|indicado) abaixo)(?![\p{L}\p{N}])(?!\s+(?:en|in|na|no|em|dans)\s)[\s\S]*\.\s*$/iu;
const THE_FOLLOWING_OTHER =
  /(?<!(?<![\p{L}\p{N}])(?:chapitre|section|page|paragraphe|capítulo|sección|página|capitolo|sezione|pagina|secção|seção|hoofdstuk|sectie|année|jour|mois|año|día|mes|anno|giorno|mese|ano|dia|mês)\s+)(?<![\p{L}\p{N}])(?:suivant(?:e|s|es)?|ci-dessous|siguientes?|seguent[ei]|seguintes?|volgende|följande|følgende)(?![\p{L}\p{N}])(?!\s+(?:chapitre|capítulo|capitolo|hoofdstuk|año|día|semana|mes|ano|dia|jaar|dag|week|maand)s?(?![\p{L}\p{N}]))[^.!?:]{0,60}\.\s*$/iu;
/** A sentence or line that ends in a colon: it introduces what follows. */
const ENDS_IN_COLON = /:\s*$/;
/** A Markdown heading ("## Notes"). */
const MARKDOWN_HEADING = /^#{1,6}\s/;
/** A numbered caption in any language ("Tabla 4.1. …", "Figure 2: …", "Abbildung 3 …"). */
const NUMBERED_CAPTION = /^\p{L}+\.?\s+\d+(?:\.\d+)*[.:]?\s/u;
/** A table's caption ("Table 4.1. Files of pam_unix", "Tabelle 3: …"): it introduces the table. */
const TABLE_CAPTION = /^(?:table|tabelle|tab\.)\s+\d+(?:\.\d+)*[.:]\s/iu;

/**
 * A sentence that introduces what follows it (a list, a command, a table): it ends in ":", is a
 * table's caption, or points forward without a colon (`pointsForward`).
 */
function introduces(unit: SentenceSpan): boolean {
  return ENDS_IN_COLON.test(unit.text) || TABLE_CAPTION.test(unit.text) || pointsForward(unit);
}

/** "… as follows.", "… are the following.": not when it opens so ("The following section describes …"). */
function pointsForward(unit: SentenceSpan): boolean {
  if (AS_FOLLOWS.test(unit.text) || AS_FOLLOWS_OTHER.test(unit.text)) return true;
  return (THE_FOLLOWING.test(unit.text) || THE_FOLLOWING_OTHER.test(unit.text)) && !/^\W*(?:the )?following\b|^\W*folgende|^\W*(?:suivant|siguiente|seguent|seguinte|volgende|följande|følgende)/iu.test(unit.text);
}

/**
 * A line that opens a section or a note: a Markdown heading, a numbered section title ("2.7.8.
 * Chargement …"), one capitalised word ("Nota", "Note"). A sentence that points forward without a
 * colon ("… in the following update.", "… tre volte di seguito.") does not bring it.
 */
const HEADING_LINE = /^(?:#{1,6}\s|\d+(?:\.\d+)+\.?\s|\p{Lu}\p{Ll}+$)/u;
/** A heading line, not a command at a root prompt ("# echo …"). */
function opensSection(unit: SentenceSpan): boolean {
  return HEADING_LINE.test(unit.text) && !COMMAND_LINE.test(unit.text);
}
/**
 * A sentence that resumes one a command or list interrupted ("in /etc/modprobe.d directory.",
 * "would match most common graphics formats."): it opens with a lower-case preposition, conjunction
 * or auxiliary and ends as a sentence. Not any lower-case opening: a tool's name ("dmesg shows
 * …") or a program's output ("listening on port 8080 …") starts a sentence of its own.
 */
const RESUMES =
  /^(?:in|into|to|from|on|at|by|and|or|with|without|as|for|which|where|then|so|but|than|is|are|was|were|will|would|can|could|should|must|may|has|have|und|oder|im|ins|auf|mit|ohne|an|am|aus|dann|als|um|zu|zum|zur|für|bei|nach|ist|sind|wird|werden|kann|muss|soll)\s[^\n]*[.!?]$/u;

/** What a sentence that points forward without a colon may bring: a command, a list item, a table, bare lines; never prose. */
function isNotProse(unit: SentenceSpan): boolean {
  return isBare(unit) || COMMAND_LINE.test(unit.text) || LIST_ITEM.test(unit.text) || TABLE_CAPTION.test(unit.text);
}

/** Words a document's own question has at most to head what follows it (a FAQ entry's question; longer is prose). */
const ENTRY_QUESTION_WORDS = 30;

/** A question on a line of its own between blank lines: "Why should I keep backups?" heading its answer, as a FAQ entry does. */
function questionLine(text: string, unit: SentenceSpan): boolean {
  return ASKED.test(unit.text) && unit.text.split(/\s+/).length <= ENTRY_QUESTION_WORDS && standsAlone(text, unit);
}

/**
 * For each sentence, the question on a line of its own above it in its passage that it answers, as
 * a FAQ entry writes it ("How do I know if I want to do a fetch or a pull?" over «A fetch stores a
 * copy of the latest changes …», a definition list's term in a rendered manual page): the block
 * right under the question, not the blocks after it, and nothing under a list of questions. The
 * answer is read under its question as under a heading; quote windows stay inside their block, so
 * they never hold the question itself.
 */
function entryQuestions(text: string, units: readonly SentenceSpan[]): (string | undefined)[] {
  const questions = units.map((u) => questionLine(text, u));
  let asked: string | undefined;
  let answering = false;
  return units.map((u, i) => {
    if (answering && text.slice(units[i - 1]!.end, u.start).includes("\n\n")) asked = undefined;
    const own = asked;
    answering = own !== undefined;
    if (questions[i]) {
      // One of several questions in a row is a list (of questions to think about, of a FAQ's contents), heading nothing.
      asked = questions[i - 1] || questions[i + 1] ? undefined : u.text;
      answering = false;
    } else if (isHeading(text, u) || opensSection(u)) asked = undefined;
    return own;
  });
}

/** Shortest stem two forms of a word share (see `sameWordIn`). */
const FORM_STEM = 4;
/** Letters an ending adds at most ("Samstag" / "samstags", "resuelve" / "resuelven", "host" / "hosts"). */
const FORM_ENDING = 3;

/**
 * Whether two words are one word in two forms: one the other with an ending ("samstags" is
 * "Samstag"; "resumen" is no "resuelven", though a fuzzy match takes it for one), a short word
 * only its plural ("day" / "days", "fee" / "fees").
 */
function sameWordIn(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short.length < FORM_STEM) return long === `${short}s` || long === `${short}es`;
  return long.length - short.length <= FORM_ENDING && long.startsWith(short);
}

/** A unit on one line of its own between blank lines (or at the passage's start or end). */
function standsAlone(text: string, unit: SentenceSpan): boolean {
  return (
    !unit.text.includes("\n") &&
    (/\n[ \t]*\n\s*$/.test(text.slice(Math.max(0, unit.start - 200), unit.start)) || !text.slice(0, unit.start).trim()) &&
    /^\s*(?:\n\s*\n|$)/.test(text.slice(unit.end, unit.end + 200))
  );
}

/** Words a definition list's term ("2", "noauto", "Default value") has at most. */
const TERM_WORDS = 3;

/** A heading: a Markdown heading, or a caption-like line that opens its block. */
function isHeading(text: string, unit: SentenceSpan): boolean {
  return MARKDOWN_HEADING.test(unit.text) || (isCaption(unit) && /(?:^|\n\n)\s*$/.test(text.slice(0, unit.start)));
}

/** A field with its value on one line ("Tags: server", "Default: 1 second"). */
const FIELD_LINE = /^[^:]{1,40}:\s+\S/u;
/**
 * A definition list's term on a line of its own ("2" before "system calls;"): a few words on one
 * line without closing punctuation, not indented, and not code, a table row, a prompt or a numbered
 * step; nor a field with its value, which says something itself: «Tags: server Sets the length of
 * time …» was quoted as if the field named what the sentence under it defines.
 */
function isTerm(text: string, unit: SentenceSpan): boolean {
  if (unit.text.includes("\n") || isCode(text, unit)) return false;
  if (FIELD_LINE.test(unit.text.trim()) && !isOptionSynopsis(unit.text)) return false;
  return (isCaption(unit) && unit.text.split(/\s+/).length <= TERM_WORDS && !MARKDOWN_HEADING.test(unit.text) && !/^(?:\d{1,3}[.)]\s|>)/.test(unit.text)) || isOptionSynopsis(unit.text);
}

/** An option as a synopsis writes it, with what is glued to it ("-bI:sieve", "-dd<debug options>", "-q[q][i][f[f]]l", "--color[=WHEN]", "--log-level=LEVEL"). */
const OPTION = String.raw`--?\p{L}(?:[\p{L}\p{N}_:.-]|<[^<>\n]*>|\[[^\]\n]*\]+|\{[^{}\n]*\})*(?:=[^\s,]+)?`;
/** What a synopsis gives after its option: another option, a placeholder ("<message id>", "[value]", "{a|b}", "LEVEL", "..."), a path. (Each starts with its own character: no two ways to read a line.) */
const SYNOPSIS_ARGUMENT = String.raw`(?:${OPTION}|<[^<>\n]*>|\[[^\]\n]*\]+|\{[^{}\n]*\}|\p{Lu}[\p{Lu}\p{N}_-]*(?!\p{Ll})|[./~][^\s,]*|…)`;
/**
 * A command-line option with what it takes, as a manual heads the option's description ("-Mrm
 * <message id> <message id> ...", "-b, --build", "--log-level=LEVEL", "-name pattern": one
 * lower-case word may name the argument). Not an option with its description on the same line
 * ("--color=WHEN  colorize the output (default: never)"), a wrapped sentence that starts with one
 * ("--keep-days changes how long they are kept"), nor a changelog's "-Fixed the crash …".
 */
const OPTION_SYNOPSIS = new RegExp(String.raw`^${OPTION}(?:[ \t]+\p{Ll}[\p{L}\p{N}_-]*)?(?:,?[ \t]+${SYNOPSIS_ARGUMENT})*$`, "u");

/** Whether a line is an option's synopsis: an option first, a few words, no sentence's end (an ellipsis says "and more of these"). */
function isOptionSynopsis(line: string): boolean {
  return line.split(/\s+/).length < CAPTION_WORDS && OPTION_SYNOPSIS.test(line) && !/(?:[!?:;]|(?<!\.\.)\.)$/u.test(line);
}

/** A unit that opens a definition: its first line is a term, list marker or not (the sentence splitter joins a term's line to the definition's first sentence). */
function opensTerm(text: string, u: SentenceSpan): boolean {
  return termLine(text, u) !== undefined;
}

/**
 * The term a unit opens with: the last of its first lines that read as a term ("Service levels",
 * "Critical" + "An engineer responds …": the heading above it is no term of the definition).
 */
function termLine(text: string, u: SentenceSpan): string | undefined {
  const lines = u.text.split("\n");
  let found: string | undefined;
  for (let k = 0, at = u.start; k < lines.length; at += lines[k]!.length + 1, k++) {
    if (!isTermLine(text, at, lines[k]!, lines[k + 1])) break;
    found = lines[k];
  }
  return found;
}

/** Whether a line at `start` of `text`, followed by the line `after` in its unit, reads as a definition's term. */
function isTermLine(text: string, start: number, line: string, after: string | undefined): boolean {
  // Not a line that goes on in lower case ("The library" + "is open …": a wrapped sentence), unless
  // it names an option or a number ("--verbose" + "print more"); not a greeting ("Kind regards,"),
  // a table row (tabs) or a setting ("cache = on").
  if (after !== undefined && /^\p{Ll}/u.test(after) && /\p{L}/u.test(line) && !/^[-\d]/.test(line)) return false;
  if (/[,\t=]/.test(line) && !isOptionSynopsis(line)) return false;
  // Nor a line that stops at a function word ("Urlaubsanträge von", "Opening time is"): it goes on.
  const lastWord = line.trim().split(/\s+/).pop() ?? "";
  if (/\p{L}/u.test(lastWord) && !terms(lastWord).length && !/^[-\d]/.test(line)) return false;
  return isTerm(text, { start, end: start + line.length, text: line.replace(/^[•◦▪‣●○■–*-]\s+/u, "") });
}

/**
 * The term each unit's definition sits under: the closest term line before it, list marker or
 * not ("• Pre-Depends" over "Dies ist stärker als Depends. … Verwenden Sie es überhaupt nicht."),
 * with only that definition's sentences between them. A definition list's later sentences do not
 * repeat their term, and a question names the term ("Should I use Pre-Depends?"), not the words
 * of its definition. A blank line after the definition's first block ends it.
 */
export function definitionTerms(text: string, units: readonly SentenceSpan[]): { term: string | undefined; opens: boolean; at: number }[] {
  let term: string | undefined;
  let termAt = -1;
  // A unit that is a term line alone ("• apt"), right after the unit before it (no blank line).
  const bare = (i: number) => i >= 0 && !units[i]!.text.includes("\n") && opensTerm(text, units[i]!) && (i === 0 || !text.slice(units[i - 1]!.end, units[i]!.start).includes("\n\n"));
  const marker = (i: number) => /^[•◦▪‣●○■–*-]\s/u.exec(units[i]!.text)?.[0];
  return units.map((u, i) => {
    if (opensTerm(text, u)) {
      // After more lines alone, or one with its list marker, it is an item of a list of short
      // lines ("• apt", "• dpkg", "• aptitude" + "These tools …"): what follows is about the list,
      // not about its last item. After one line alone, that line is a heading ("Service levels"
      // over "Critical" + its definition).
      const inList = bare(i - 1) && !text.slice(units[i - 1]!.end, u.start).includes("\n\n") && (bare(i - 2) || (marker(i) !== undefined && marker(i) === marker(i - 1)));
      if (inList) {
        term = undefined;
        return { term, opens: false, at: -1 };
      }
      term = termLine(text, u);
      termAt = i;
      return { term, opens: true, at: i };
    }
    // A blank line ends the definition; only a term that stands alone between blank lines
    // ("Depends", blank line, its definition) has its definition after one. A short line at the end
    // of a paragraph ("Your IT team") is no term of the paragraph after it.
    const blank = text.slice(units[i - 1]?.end ?? 0, u.start).includes("\n\n");
    const alone = termAt >= 0 && i === termAt + 1 && !units[termAt]!.text.includes("\n") && /(?:^|\n[ \t]*\n)\s*$/.test(text.slice(0, units[termAt]!.start));
    if (blank && !alone) term = undefined;
    return { term, opens: false, at: term === undefined ? -1 : termAt };
  });
}

/** The units of the block (up to the next blank line) that starts at unit `from`. */
function blockAt(text: string, units: readonly SentenceSpan[], from: number): SentenceSpan[] {
  let end = from + 1;
  while (end < units.length && !text.slice(units[end - 1]!.end, units[end]!.start).includes("\n\n")) end++;
  return units.slice(from, end);
}

/**
 * Whether unit `at` is a comment line, not a command at a root prompt: "# enable gzip" over
 * "gzip on;" in a configuration file's block. A root prompt's block holds commands only.
 */
function commentLine(text: string, units: readonly SentenceSpan[], at: number): boolean {
  if (!units[at]!.text.startsWith("#")) return false;
  return !blockAt(text, units, at).every((u) => u.text.split("\n").every((line) => !line.trim() || COMMAND_LINE.test(line.trim())));
}

/**
 * Whether unit `at` is a command that the sentence before it stops short, with no closing
 * punctuation, to show on a line of its own ("To list them, run the command" / "dpkg --list"):
 * a quote of the command starts with that sentence. (A sentence that goes on after the command in
 * lower case is one unit with it already: see sentenceSpans.)
 */
function shownInSentence(units: readonly SentenceSpan[], at: number): boolean {
  const [cut, shown] = [units[at - 1], units[at]];
  if (!cut || !shown || !isBare(cut) || !isBare(shown) || cut.text.includes("\n") || shown.text.includes("\n")) return false;
  // Not a numbered caption over its table's header ("Tabla 4.1. los tres archivos …").
  if (NUMBERED_CAPTION.test(cut.text)) return false;
  return cut.text.split(/\s+/).length >= CAPTION_WORDS && shown.text.split(/\s+/).length < CAPTION_WORDS && /[^\p{L}\s]/u.test(shown.text);
}

/** A line that is no sentence: a table row, a caption, a code line, a term. */
function isBare(unit: SentenceSpan): boolean {
  return !/[.!?:;]["')\]»”]*$/u.test(unit.text);
}

/**
 * Whether the list or table a colon introduced goes on past the blank line after unit `at`: after
 * an item that ends as items do (";", ",") or a definition list's term ("2"), into a block of one
 * line (the next item or the definition); from one command to the next ("$ mc -e file", "$ mcedit
 * file": a page that sets each command apart); and, inside a table (`inTable`: its caption is
 * quoted), into a block of bare lines (its header, its rows) up to the next table's caption.
 * Never into a paragraph or a Markdown heading.
 */
function continuesList(text: string, units: readonly SentenceSpan[], at: number, inTable: boolean): boolean {
  const unit = units[at]!;
  const next = blockAt(text, units, at + 1);
  if (MARKDOWN_HEADING.test(next[0]!.text)) return false;
  if (next.length === 1 && (/[;,]\s*$/.test(unit.text) || isTerm(text, unit))) return true;
  if (next.length === 1 && COMMAND_LINE.test(unit.text) && COMMAND_LINE.test(next[0]!.text)) return true;
  return inTable && next.every(isBare) && !TABLE_CAPTION.test(next[0]!.text);
}

/** A line of code, a table row or a command: indented, fenced, "|", at a prompt. */
function isCode(text: string, unit: SentenceSpan): boolean {
  const lineStart = text.lastIndexOf("\n", unit.start - 1) + 1;
  return lineStart !== unit.start || /^(?:```|~~~|\|)/.test(unit.text) || COMMAND_LINE.test(unit.text);
}

/** What a window keeps of its score when retrieval put its passage below one in the question's language (`belowOwnLanguage`). */
const OTHER_LANGUAGE_SHARE = 0.85;
/**
 * A second quote (from another passage) must score at least this share of the best one. Without a
 * model, a window that repeats the question's words can outscore the one that answers it by a
 * fifth ("Mit welchen Programmen kann ich … hochladen?": «… Berechtigung zum Hochladen» before
 * «… dupload(1) oder dput(1)»); at 0.85 the answer was left out, at 0.75 both are quoted.
 */
const SECOND_QUOTE = 0.75;
/** How close a newer version's window must come to the best window of an older version to be quoted beside it (its own words may differ: it says something else). */
const NEWER_VERSION_QUOTE = 0.3;
/** A quote window grows to about this many characters at most. */
const WINDOW_MAX = 600;

/** Sentences a quote window may span around its first one. */
const WINDOW_UNITS = 3;
/** What a window with a sentence cut off at the passage's edge loses: it is quoted only if nothing whole comes close. */
const CUT_PENALTY = 0.3;
/** What a window the previous answer quoted loses in a follow-up. */
const REPEAT_PENALTY = 0.5;
/** What each further sentence of a window costs in score: a longer quote must say more. */
const EXTRA_UNIT_COST = 0.04;

interface Candidate {
  passage: number;
  units: SentenceSpan[];
  first: number;
  last: number;
  score: number;
  /** What the window is read under besides its headings: the term it defines, its entry's question, its table's header row. */
  under: string;
}

/** Where a passage's headings are (offsets in it; a heading before it is below 0). */
function headingStartsOf(chunk: Pick<Chunk, "start" | "sections">): number[] {
  return (chunk.sections ?? []).filter((x) => x.section !== null).map((x) => x.at - chunk.start);
}

/** A passage cut in mid-sentence (its neighbour, which overlaps it, has the whole sentence). */
function beginsCut(chunk: Pick<Chunk, "start" | "text">): boolean {
  return chunk.start > 0 && /^\p{Ll}/u.test(chunk.text);
}

function normalised(v: number[]): number[] {
  const n = Math.sqrt(v.reduce((s, x) => s + x * x, 0)) || 1;
  return v.map((x) => x / n);
}

/**
 * The stretch of a passage to quote around its best unit: a unit ending in ":" goes on into
 * what it introduces (the next line, list or code block), a sentence that points back starts with
 * the one before it, and a fragment takes its neighbour. `asksHow`: the question asks how (its quote
 * runs on to a step); `cutAtStart`: the passage begins in mid-sentence (its first unit is a piece
 * of a sentence, never taken in front of a quote).
 */
export function quoteWindow(
  text: string,
  units: readonly SentenceSpan[],
  from: number,
  to = from,
  {
    asksHow = false,
    asksYesNo = false,
    cutAtStart = false,
    headings = [],
    headingStarts = [],
    wholeLists = true,
    tables = [],
    saysMore,
  }: {
    asksHow?: boolean;
    asksYesNo?: boolean;
    cutAtStart?: boolean;
    headings?: readonly string[];
    headingStarts?: readonly number[];
    wholeLists?: boolean;
    /** The parts of the text that are a table's rows (see Chunk.tables), as offsets into it. */
    tables?: readonly (readonly [number, number])[];
    /** Whether a text says some of the question that a quote does not. */
    saysMore?: (text: string, quote: string) => boolean;
  } = {},
): { start: number; end: number } {
  let first = from;
  let last = to;
  // A row of a small table is quoted with its table, as the page shows it: "/etc/shadow … secure
  // user account information" is one of the files the question asks for, "Samstag 10:00–14:00 Uhr"
  // is read against the other days and under the header. (A table longer than a quote: the rows
  // that answer.)
  const table = wholeLists ? tables.find(([start, end]) => units[first]!.start >= start && units[last]!.end <= end) : undefined;
  if (table) {
    let top = first;
    let bottom = last;
    while (top > 0 && units[top - 1]!.start >= table[0]) top--;
    while (bottom + 1 < units.length && units[bottom + 1]!.end <= table[1]) bottom++;
    if (units[bottom]!.end - units[top]!.start <= WINDOW_MAX) [first, last] = [top, bottom];
  }
  // Whether a heading comes between a unit and the one before it, or opens it (the document's
  // structure says where: a short line after a blank line may as well be a command, and the
  // headings of the passage's own section path are no units at all).
  const headingBefore = (i: number) => headingStarts.some((h) => h >= units[i - 1]!.end && h <= units[i]!.start);
  // Never at the command a sentence stops short to show: it starts where the sentence does.
  while (first > 0 && shownInSentence(units, first) && units[last]!.end - units[first - 1]!.start <= WINDOW_MAX) first--;
  // Nor at what a colon introduced: a quote of a command starts with the sentence that leads to it
  // ("Therefore you can remove unwanted kernel image packages using this command:" / "dpkg --purge …").
  if (first > 0 && isNotProse(units[first]!)) {
    const lead = units[first - 1]!;
    const piece = first - 1 === 0 && cutAtStart;
    if (ENDS_IN_COLON.test(lead.text) && !isHeading(text, lead) && !piece && units[last]!.end - lead.start <= WINDOW_MAX) first--;
  }
  // A yes-or-no question's quote starts with the passage's own short answer ("Yes.", "Nein.") when
  // it stands at most two sentences before, in the same paragraph: "Can I safely remove old kernels?"
  // is answered by "Yes. … Therefore you can remove … using this command: …", not by its second half.
  if (asksYesNo) {
    for (let k = first - 1; k >= 0 && first - k <= 2; k--) {
      if (text.slice(units[k]!.end, units[k + 1]!.start).includes("\n\n")) break;
      if (SHORT_ANSWER.test(units[k]!.text)) {
        if (units[last]!.end - units[k]!.start <= WINDOW_MAX) first = k;
        break;
      }
    }
  }
  // …and a quote that permits runs on to the next sentence of its paragraph when that one sets the
  // permission's condition ("… you may use generative AI tools …" + "You must declare every use in
  // the AI Use Statement …"): without it the answer reads as a plain yes.
  if (asksYesNo && last + 1 < units.length && PERMITS.test(text.slice(units[first]!.start, units[last]!.end))) {
    const next = units[last + 1]!;
    if (!text.slice(units[last]!.end, next.start).includes("\n\n") && CONDITION.test(next.text) && next.end - units[first]!.start <= WINDOW_MAX) last++;
  }
  // A quote that says the thing is not there, for a question that asks where, how or what (not
  // whether), runs on to the next sentence of its paragraph when that one speaks of the question
  // too: "The museum has no car park of its own." + "The nearest car park is Parkeergarage …" for
  // "Where can I park my car?". Without it the answer reads as "nowhere".
  if (!asksYesNo && last + 1 < units.length && THERE_IS_NONE.test(units[last]!.text)) {
    const next = units[last + 1]!;
    if (!text.slice(units[last]!.end, next.start).includes("\n\n") && next.end - units[first]!.start <= WINDOW_MAX && saysMore?.(next.text, "")) last++;
  }
  // A how-question's quote that says what to achieve but not how ("In some cases, it will be
  // useful to add a user to a group …") runs on to the step up to three sentences later, in its
  // block or the next one ("This can be achieved with a command such as adduser user group.",
  // "To add the key, put it in /etc/apt/trusted.gpg.d/"), never past a heading. A quote that
  // ends in ":" takes what it introduces instead (below).
  if (asksHow && !introduces(units[last]!) && !saysHow(text.slice(units[first]!.start, units[last]!.end))) {
    let breaks = 0;
    let conditional = -1;
    for (let next = last + 1; next < units.length && next - last <= STEP_REACH; next++) {
      if (text.slice(units[next - 1]!.end, units[next]!.start).includes("\n\n")) breaks++;
      if (breaks > 1 || units[next]!.end - units[first]!.start > STEP_WINDOW_MAX) break;
      if (isHeading(text, units[next]!) && !saysCommand(units[next]!.text)) break;
      if (saysHow(units[next]!.text) && !commentLine(text, units, next)) {
        last = next;
        conditional = -1;
        break;
      }
      if (conditional < 0 && INSTRUCTS_IF.test(units[next]!.text)) conditional = next;
    }
    if (conditional >= 0) last = conditional;
  }
  // …and one that says no step of its own, only the words for one ("Si può spegnere il sistema
  // dalla riga di comando …"), runs on to the command a prompt shows right after it ("# shutdown
  // -h now"), as translations write it without the colon that would have brought it; so does one
  // whose next sentences in its paragraph point to it ("… mediante la orden «/usr/bin/editor» …
  // Puede cambiarlo como se muestra." / "$ sudo update-alternatives --config editor"). Not past
  // other sentences ("Rebooting works the same way." before another command), nor into a comment
  // of a configuration file ("# enable gzip" over "gzip on;"): a root prompt's block holds commands only.
  if (asksHow && !introduces(units[last]!) && !units.slice(first, last + 1).some((u) => COMMAND_LINE.test(u.text))) {
    const ownStep = saysHow(text.slice(units[first]!.start, units[last]!.end).replace(COMMAND_WORDS, " "));
    let breaks = 0;
    for (let next = last + 1; next < units.length && next - last <= STEP_REACH; next++) {
      if (text.slice(units[next - 1]!.end, units[next]!.start).includes("\n\n")) breaks++;
      if (breaks > 1 || units[next]!.end - units[first]!.start > STEP_WINDOW_MAX || headingBefore(next)) break;
      if (COMMAND_LINE.test(units[next]!.text)) {
        const shown = next === last + 1 ? !ownStep : pointsForward(units[next - 1]!);
        const commandsOnly = !commentLine(text, units, next);
        if (shown && commandsOnly) {
          last = next;
          // (With the commands right under it: "$ mc -e file" / "$ mcedit file".)
          while (last + 1 < units.length && COMMAND_LINE.test(units[last + 1]!.text) && !text.slice(units[last]!.end, units[last + 1]!.start).includes("\n\n") && units[last + 1]!.end - units[first]!.start <= STEP_WINDOW_MAX) last++;
        }
        break;
      }
      // (Only over sentences of the window's own paragraph: not past another paragraph's text.)
      if (breaks > 0 || isHeading(text, units[next]!) || opensSection(units[next]!)) break;
    }
  }
  // A how-question's quote that holds a numbered step goes on through the steps after it ("1.
  // Wählen Sie die Zeile … aus." / "2. Wählen Sie Ansicht – Zeilen/Spalten fixieren."): one step
  // of a procedure is no answer. Step by step, each numbered one more, never past a heading.
  if (asksHow) {
    // (Not an item that opens with a number, a year or a date of a list: "1. 2019: …", "2. 2020: …".)
    const stepNumber = (i: number) => Number(/^(\d{1,2})[.)]\s+(?!\d)/.exec(units[i]!.text)?.[1] ?? NaN);
    // A quote that ends its paragraph right above a procedure's first step, with no heading
    // between, takes the procedure: "Descale the kettle every 4 weeks." over "1. Fill the kettle
    // with water and vinegar." … says when, the steps say how.
    const opens = last + 1;
    if (wholeLists && !units.slice(first, last + 1).some((u) => LIST_ITEM.test(u.text)) && opens < units.length && stepNumber(opens) === 1) {
      if (text.slice(units[last]!.end, units[opens]!.start).includes("\n\n") && !headingBefore(opens) && units[opens]!.end - units[first]!.start <= STEP_WINDOW_MAX) last = opens;
    }
    // (With a note of up to two sentences between two steps: "Alle Zeilen über … werden fixiert." /
    // "Zum Fixieren in sowohl waagerechter als auch senkrechter Richtung …". A step written as
    // short as a heading, "2. Click Devices" after "1. Open Settings", is one when the step
    // before it is written so too.)
    for (let step = stepNumber(last); Number.isInteger(step); step++) {
      const next = [last + 1, last + 2, last + 3].find((i) => i < units.length && stepNumber(i) === step + 1);
      if (next === undefined || units[next]!.end - units[first]!.start > STEP_WINDOW_MAX) break;
      // A heading on the way ends the procedure; the next step itself may look like one.
      const stops = (i: number) => headingBefore(i) || (isHeading(text, units[i]!) && !(i === next && isCaption(units[last]!)));
      if (units.slice(last + 1, next + 1).some((_, d) => stops(last + 1 + d))) break;
      last = next;
    }
  }
  // An item of a list that a sentence introduces with a colon ("Each employee receives:" / "• a
  // laptop" … "• a mobile phone, only if the role requires on-call duty") is quoted with that
  // sentence and the whole list: one item alone reads as all there is. So is a step of a
  // numbered procedure a how-question asks for, from its first step ("1. Download the client …"
  // before "3. Enter the server address …"). Only where it all fits the window.
  {
    const kind = (i: number) => (LIST_ITEM.test(units[i]!.text) ? (/^\d/.test(units[i]!.text) ? "number" : "bullet") : undefined);
    const sameList = (i: number) => !text.slice(units[i - 1]!.end, units[i]!.start).includes("\n\n") && kind(i) === kind(i - 1);
    const itemKind = kind(first);
    if (wholeLists && itemKind && kind(last) === itemKind) {
      let top = first;
      while (top > 0 && sameList(top)) top--;
      let end = last;
      while (end + 1 < units.length && sameList(end + 1)) end++;
      const lead = top > 0 && ENDS_IN_COLON.test(units[top - 1]!.text) && !isHeading(text, units[top - 1]!) && !headingBefore(top) ? top - 1 : undefined;
      const procedure = asksHow && itemKind === "number" && /^1[.)]/.test(units[top]!.text);
      const from = lead ?? (procedure ? top : undefined);
      if (from !== undefined && from < first) {
        if (units[end]!.end - units[from]!.start <= (procedure ? STEP_WINDOW_MAX : WINDOW_MAX)) {
          first = from;
          last = end;
        } else if (units[last]!.end - units[from]!.start <= WINDOW_MAX) first = from;
      }
    }
  }
  // A list item is quoted to its end: its first sentence may give the cause and the next ones the
  // remedy ("- The door will not open: the programme may not have finished, or there is still
  // water in the drum. Select Spin / Drain."). The item's sentences on its line, where they fit.
  {
    const sameLine = (i: number) => !text.slice(units[i - 1]!.end, units[i]!.start).includes("\n");
    let item = last;
    while (item > 0 && !LIST_ITEM.test(units[item]!.text) && sameLine(item)) item--;
    if (LIST_ITEM.test(units[item]!.text)) {
      let end = last;
      while (end + 1 < units.length && sameLine(end + 1) && !LIST_ITEM.test(units[end + 1]!.text)) end++;
      if (end > last && units[end]!.end - units[first]!.start <= WINDOW_MAX) last = end;
    }
  }
  // A table row is quoted with its table's header row above it: "| Plus | €20 | 200 GB | daily |"
  // alone does not say which column is the storage. (The rows between come too: a quote is one
  // span of the document.) Only where it fits the window.
  const header = tableTop(text, units, first);
  if (header !== undefined && header < first && units[last]!.end - units[header]!.start <= WINDOW_MAX) first = header;
  const size = () => units[last]!.end - units[first]!.start;
  const words = () => terms(text.slice(units[first]!.start, units[last]!.end)).length;
  // What a colon introduces: the following block (a list, a command, a table), and the blocks of
  // that list or table after it.
  const takeWhatColonIntroduces = () => {
    if (!introduces(units[last]!)) return;
    // A sentence that points forward without a colon ("… came out the following year.") brings
    // only what is no prose: a command, a list, a table.
    const unit = units[last]!;
    if (!ENDS_IN_COLON.test(unit.text) && !TABLE_CAPTION.test(unit.text) && !(last + 1 < units.length && isNotProse(units[last + 1]!) && !opensSection(units[last + 1]!))) return;
    let inTable = units.slice(first, last + 1).some((u) => TABLE_CAPTION.test(u.text));
    while (last + 1 < units.length && size() < WINDOW_MAX) {
      // Never the next section: what the colon introduced is not in the text (a picture, a
      // figure the reader dropped), and its heading and first paragraph are no part of it.
      if (headingBefore(last + 1)) break;
      const gap = text.slice(units[last]!.end, units[last + 1]!.start);
      if (gap.includes("\n\n") && !introduces(units[last]!) && !continuesList(text, units, last, inTable)) break;
      last++;
      inTable ||= TABLE_CAPTION.test(units[last]!.text);
    }
    // A sentence the command only interrupts goes on after it in lower case ("… by creating a file
    // containing the line:" / "blacklist tulip" / "in /etc/modprobe.d directory."): its end is the
    // rest of what it says.
    const after = units[last + 1];
    if (after && last > from && isNotProse(units[last]!) && !isNotProse(after) && RESUMES.test(after.text) && after.end - units[first]!.start <= WINDOW_MAX) last++;
  };
  takeWhatColonIntroduces();
  // A next sentence that refers back ("It is …", "Dies …") or draws the conclusion ("Deshalb
  // müssen Sie …" after the sentence that says why) completes this one; when it ends in
  // ":" ("This message is usually caused by:"), so does what it introduces.
  const ownEnd = last;
  while (last + 1 < units.length && last - to < 2 && !introduces(units[last]!) && CONTINUES.test(units[last + 1]!.text) && size() < WINDOW_MAX) {
    if (text.slice(units[last]!.end, units[last + 1]!.start).includes("\n\n")) break;
    last++;
  }
  if (last > ownEnd) takeWhatColonIntroduces();
  // A quote that opens by pointing back ("Use this option for removable disks …") starts with
  // what it points to ("The nofail option lets the system start without the disk."): the sentence
  // right before it in its block, not a heading, a caption, another list item or a cut-off piece.
  // (Not a unit that opens with a heading's line, "Other Settings\nThe proxy …", as text and PDF readers write them.)
  if (first > 0 && refersBack(units[first]!.text) && !ENDS_IN_COLON.test(units[first]!.text) && !HEADING_LINE_FIRST.test(units[first]!.text)) {
    const before = units[first - 1]!;
    const between = text.slice(before.end, units[first]!.start);
    const otherItem = between.includes("\n") && (LIST_ITEM.test(units[first]!.text) || LIST_ITEM.test(before.text));
    const piece = first - 1 === 0 && cutAtStart;
    if (/^\s*$/.test(between) && !between.includes("\n\n") && !isCaption(before) && !otherItem && !piece && units[last]!.end - before.start <= WINDOW_MAX) first--;
  }
  // A quote under a sentence that says whom or what the sentences after it apply to ("The
  // following rules apply only to external contractors." before "Laptops must be returned within
  // 5 days …") starts with it: without it the rule reads as everyone's. In its paragraph, at
  // most SCOPE_REACH sentences before.
  // So does one right after a sentence that says so with a colon ("For employees hired after 1
  // January 2024, the following applies:" over "The notice period is 3 months …"), in the
  // paragraph before.
  if (first > 0 && SCOPES_COLON.test(units[first - 1]!.text) && !isHeading(text, units[first - 1]!) && units[last]!.end - units[first - 1]!.start <= WINDOW_MAX) first--;
  for (let k = first - 1; k >= 0 && first - k <= SCOPE_REACH; k--) {
    if (text.slice(units[k]!.end, units[k + 1]!.start).includes("\n\n") || isHeading(text, units[k]!)) break;
    if (SCOPES.test(units[k]!.text)) {
      if (units[last]!.end - units[k]!.start <= WINDOW_MAX) first = k;
      break;
    }
  }
  // A footnote is quoted with the sentence that cites it ("Revenue grew by 12 percent in 2023.[^1]"
  // before "[^1]: Excluding the one-off sale …; including it, revenue fell by 3 percent."): alone
  // it qualifies nothing the reader can see. A sentence that cites one is quoted with it, which
  // may take its claim back. Within the window's reach in the passage.
  // (A line alone between blank lines that ends no sentence: "References" over a list of them.)
  const titleLine = (i: number) => MARKDOWN_HEADING.test(units[i]!.text) || (standsAlone(text, units[i]!) && !/[.!?:;)\]]$/.test(units[i]!.text));
  const footnote = FOOTNOTE.exec(units[first]!.text);
  if (footnote) {
    const mark = footnoteMark(footnote);
    for (let k = first - 1; k >= 0 && units[last]!.end - units[k]!.start <= WINDOW_MAX && !headingBefore(k + 1) && !titleLine(k); k--) {
      if (!FOOTNOTE.test(units[k]!.text) && units[k]!.text.includes(mark)) {
        first = k;
        break;
      }
    }
  }
  const cited = new Set(units.slice(first, last + 1).flatMap((u) => [...u.text.matchAll(FOOTNOTE_MARKS)].map((m) => m[0])));
  // (Never past a heading: a list of references under its own, "[1] Oke, T. R. (1982) …", is no footnote.)
  for (let k = last + 1; cited.size > 0 && k < units.length && units[k]!.end - units[first]!.start <= WINDOW_MAX && !headingBefore(k) && !titleLine(k); k++) {
    const own = FOOTNOTE.exec(units[k]!.text);
    if (own && cited.has(footnoteMark(own))) last = k;
  }
  // A definition starts with its term: "Controls whether Memcheck tracks the origin of
  // uninitialised values." does not say which option; the line before its block does
  // ("--track-origins=<yes|no> [default: no]"). Not a heading of the passage's section path.
  if (first > 0) {
    const term = units[first - 1]!;
    const between = text.slice(term.end, units[first]!.start);
    const before = text.slice(Math.max(0, term.start - WINDOW_MAX), term.start);
    // On a line of its own, after a blank line or a finished sentence (the definition before it):
    // not the last line of a block of code ("</Location>" before the sentence after an example).
    const ownLine = /(?:^|\n\s*\n|[.!?:;)"'»”]\s*\n)[ \t]*$/.test(before) && !/^<\/?[A-Za-z]/.test(term.text);
    if (/^\s*\n\s*$/.test(between) && ownLine && isTerm(text, term) && !headings.includes(term.text.trim()) && !headingStarts.includes(term.start) && units[last]!.end - term.start <= WINDOW_MAX) first--;
  }
  // A quote does not end in a question the document asks ("So how do you work out the monthly
  // payment?"): it answers it next, in the same paragraph or the one after, as a FAQ does.
  for (let breaks = 0, asked = last; ASKED.test(units[last]!.text) && last + 1 < units.length && last - asked < STEP_REACH; ) {
    if (text.slice(units[last]!.end, units[last + 1]!.start).includes("\n\n")) breaks++;
    if (breaks > 1 || isHeading(text, units[last + 1]!) || units[last + 1]!.end - units[first]!.start > STEP_WINDOW_MAX) break;
    last++;
  }
  // A fragment takes its neighbour, never a heading: "Run apt upgrade weekly." is not quoted with the
  // "## Backups" of the next section, nor with its own section's title, nor with a question that
  // stands alone between blank lines (a FAQ's heading, as a rendered page or a <summary> writes it).
  // Its own paragraph's neighbour first, after or before it: "The reset takes about 3 minutes." at
  // a paragraph's end takes the sentence before it, not the next paragraph's "Last updated by … ·
  // 4 min read".
  const heading = (i: number) => isHeading(text, units[i]!) || opensSection(units[i]!) || questionLine(text, units[i]!);
  // (Nor over the question that opens a paragraph, as a FAQ's entry does: "Q: Do you offer
  // refunds? / A: No." takes neither the next entry's "Q: Is my data encrypted?" nor the last
  // sentence of the entry before.)
  const opensEntry = (i: number) => i > 0 && ASKED.test(units[i]!.text) && text.slice(units[i - 1]!.end, units[i]!.start).includes("\n\n");
  const takesNext = () => last + 1 < units.length && !heading(last + 1) && !headingBefore(last + 1) && !opensTerm(text, units[last + 1]!) && !opensEntry(last + 1);
  const takesBefore = () => first > 0 && !heading(first - 1) && !headingBefore(first) && !opensEntry(first);
  const inParagraph = (a: number, b: number) => !text.slice(units[a]!.end, units[b]!.start).includes("\n\n");
  while (words() < FRAGMENT_TERMS && size() < WINDOW_MAX) {
    if (takesNext() && inParagraph(last, last + 1)) last++;
    else if (takesBefore() && inParagraph(first - 1, first)) first--;
    else if (takesNext()) last++;
    else if (takesBefore()) first--;
    else break;
  }
  // A note set apart right after the quote under its label, as a manual heads its boxes
  // ("Anmerkung" / "Für Konten vom Typ Aktien … müssen Sie die Anfangsbestände händisch eingeben."
  // after «… können Sie … den Anfangsbestand automatisch berechnen lassen.»), qualifies it: it is
  // quoted with it where it says some of the question the quote does not. Not a heading of the
  // document's structure, and the note's paragraph whole, within STEP_WINDOW_MAX.
  // (The label on a line of its own, or opening the note's first unit, as PDF and text readers
  // join a line without punctuation to the sentence under it.)
  // (Also after the rest of the quote's paragraph, up to NOTE_REACH sentences.)
  let paragraphEnd = last;
  while (paragraphEnd + 1 < units.length && paragraphEnd - last < NOTE_REACH && !/\n/.test(text.slice(units[paragraphEnd]!.end, units[paragraphEnd + 1]!.start))) paragraphEnd++;
  const label = paragraphEnd + 1;
  const alone = label + 1 < units.length && NOTE_LABEL.test(units[label]!.text);
  if (saysMore && label < units.length && (alone || NOTE_LABEL_LINE.test(units[label]!.text)) && /\n\s*$/.test(text.slice(units[paragraphEnd]!.end, units[label]!.start)) && !headingBefore(label)) {
    const note = alone ? label + 1 : label;
    const apart = !alone || /^\s*\n/.test(text.slice(units[label]!.end, units[note]!.start));
    let end = note;
    // (To its paragraph's end: a blank line, or a line that heads what follows, "Saldo-Informationen".)
    const heads = (u: SentenceSpan) => isCaption(u) || HEADING_LINE_FIRST.test(u.text);
    while (end + 1 < units.length && !text.slice(units[end]!.end, units[end + 1]!.start).includes("\n\n") && !heads(units[end + 1]!)) end++;
    const noteText = text.slice(units[note]!.start, units[end]!.end).replace(NOTE_LABEL_LINE, "");
    if (apart && !headingBefore(note) && units[end]!.end - units[first]!.start <= STEP_WINDOW_MAX && saysMore(noteText, text.slice(units[first]!.start, units[last]!.end))) last = end;
  }
  return { start: units[first]!.start, end: units[last]!.end };
}

/** …opening a unit, on the line above its text. */
const NOTE_LABEL_LINE = new RegExp(`^(?:${NOTE_WORDS}):?\\n`, "iu");
/** Sentences of a quote's paragraph after it that a note after the paragraph may be reached over. */
const NOTE_REACH = 2;

/**
 * Answers without a language model: the passage window that best matches the question (by
 * shared words and by embedding similarity), quoted and cited; a second one from another
 * passage when it is nearly as good.
 */
export class ExtractiveAnswerer implements Answerer {
  readonly name = "extractive" as const;

  constructor(
    private readonly embeddings: Pick<Embeddings, "embedDocuments">,
    private readonly options: { maxQuotes: number } = { maxQuotes: 2 },
  ) {}

  async draft(question: string, retrieval: Retrieval, language: AnswerLanguage, _signal?: AbortSignal, _onPartial?: (text: string) => void, followUp?: FollowUp): Promise<Draft> {
    const lang = language.locale;
    if (!retrieval.answerable || retrieval.results.length === 0) {
      return { text: message("notInDocuments", lang), citations: [], abstained: true };
    }
    const plain = retrieval.termWeights.size ? retrieval : { ...retrieval, termWeights: new Map(terms(question).map((t) => [t, 1])) };
    // A question that sets the scene before it asks ("My logging.info() calls print nothing, only
    // warnings show up. Is that the default behaviour?") is answered by the sentence on what it
    // asks ("By default, informational … messages are suppressed"), not by the one that repeats
    // the scene ("… message priority: DEBUG, INFO, WARNING …"): the asking sentence's words count more.
    const asking = askingTerms(followUp ? followUp.asked : question);
    const weighted = asking.size ? { ...plain, termWeights: new Map([...plain.termWeights].map(([t, w]) => [t, asking.has(t) ? w * ASKING_WEIGHT : w])) } : plain;
    // What the question asks for, by its own words; a follow-up with no question word of its own
    // ("und die Garantie?" after "Wie lange laufen Gastzugänge?") asks what the question before it did.
    const asked = followUp ? questionAsked(followUp.asked, followUp.before) : question;
    const amount = amountAsked(asked, question);
    const asksAmount = amount !== undefined;
    const asksHow = !asksAmount && ASKS_HOW.test(asked);
    const yesNo = asksYesNo(asked, asksAmount);
    // Whether a thing costs anything ("Is there a fee for late check-out?", "¿Puedo cancelar sin
    // pagar nada?"): a window that gives a price, or says it is free or included, answers it; as a
    // yes-or-no question, a window that says "no" of something else had won («Si cancelas más
    // tarde o no te presentas, nos quedamos con el depósito.» over «La cancelación es gratuita
    // hasta 48 horas antes de la llegada.»).
    const givesPrice = asksAmount ? undefined : priceAsked(asked, question);
    const asksPlace = ASKS_PLACE.test(asked);
    const asksMenu = ASKS_MENU.test(asked) || (ASKS_WHERE_IN_PROGRAM.test(asked) && !asksPlace);
    const asksShortcut = ASKS_SHORTCUT.test(asked);
    const asksAddress = ASKS_ADDRESS.test(asked);
    const asksName = ASKS_NAME.test(asked);
    const namedInQuestion = new Set([...asked.matchAll(NAME_LIKE)].map((m) => m[0]));
    const askedWords = new Set(words(asked).map(fold));
    // Not a phrase ("cut-and-paste") nor an abbreviation ("e.g", "i.e": parts of one letter).
    const namesNew = (text: string) =>
      [...text.matchAll(NAME_LIKE)].some((m) => !namedInQuestion.has(m[0]) && !m[0].split(/[-_.+]/).some((part) => part.length < 2 || PHRASE_PARTS.has(part))) ||
      [...text.matchAll(CALLED_TOOL)].some((m) => {
        const name = (m[1] ?? m[2])!;
        // (Written in lower case, as a command is: the pattern's "i" lets "Kubernetes" through.)
        return name === name.toLowerCase() && !askedWords.has(fold(name)) && !everydayAnywhere(fold(name));
      });
    const asksWhy = ASKS_WHY.test(asked);
    const asksWhereToRead = ASKS_WHERE_TO_READ.test(asked);
    const saysNot = !yesNo && NEGATION.test(asked);
    // Whether the question wants a statement: whether something is so, or why.
    const tellsInProse = (yesNo || asksWhy) && !asksHow && !asksName;
    const defines = definitionOf(asked);
    // A follow-up is searched with the question before it, but its quote is chosen for what it
    // asks itself ("what did he say about cryptocurrencies?"): its own words count as much as all
    // of the combined question's.
    const own = new Set(followUp ? terms(followUp.asked) : []);
    const ownWeighted = own.size ? { ...weighted, termWeights: new Map([...weighted.termWeights].filter(([t]) => own.has(t))) } : undefined;
    // A window is read with where it stands (its page's title and section path: its context, and
    // the term and entry question it is under), whose words and their matches to the question are
    // found once per context, not once per window: a planted page of long headings over hundreds
    // of short lines took 0.2-1.2 s per question (found by an attack review). The same figure as
    // the overlap of the context and window together: a question word is said as well as the
    // better of the two says it.
    const contexts = new Map<string, { words: ReadonlySet<string>; best: Map<string, number> }>();
    const contextOf = (context: string) => {
      let c = contexts.get(context);
      if (!c) contexts.set(context, (c = { words: new Set(terms(context)), best: new Map() }));
      return c;
    };
    const overlapIn = (r: typeof weighted, context: string, text: string, chunkLang: Lang) => {
      const c = contextOf(context);
      const windowWords = new Set(terms(text));
      const words = new Set([...c.words, ...windowWords]);
      const best = (q: string) => {
        let inContext = c.best.get(q);
        if (inContext === undefined) c.best.set(q, (inContext = bestMatch(r, q, c.words)));
        return inContext === 1 ? 1 : Math.max(inContext, bestMatch(r, q, windowWords));
      };
      return overlapOf(r, words, chunkLang, !yesNo, best);
    };
    const fitWords = (context: string, text: string, chunkLang: Lang) =>
      ownWeighted?.termWeights.size ? (overlapIn(weighted, context, text, chunkLang) + overlapIn(ownWeighted, context, text, chunkLang)) / 2 : overlapIn(weighted, context, text, chunkLang);
    // The words of a web address count half: they name a site or a file ("…/kernel-handbook/"),
    // not what the sentence says (a handbook's address matched "Which releases does this handbook
    // cover?" better than the sentence that names them). Not when the question names an address
    // or a host itself ("Is there a page on keyring.example.org …?"): then it asks for one.
    const namesAddress = WEB_ADDRESS.test(question) || HOST_NAME.test(question) || asksAddress;
    const withoutAddresses = new Map<string, string>();
    const contextWithoutAddresses = (context: string) => {
      let plain = withoutAddresses.get(context);
      if (plain === undefined) withoutAddresses.set(context, (plain = context.replace(WEB_ADDRESSES, " ")));
      return plain;
    };
    const fit = (context: string, text: string, chunkLang: Lang) => {
      const plainContext = namesAddress ? context : contextWithoutAddresses(context);
      const plainText = namesAddress ? text : text.replace(WEB_ADDRESSES, " ");
      const full = fitWords(context, text, chunkLang);
      return plainContext === context && plainText === text ? full : (full + fitWords(plainContext, plainText, chunkLang)) / 2;
    };
    const quotedBefore = (source: string, start: number, end: number) => (followUp?.quoted ?? []).some((q) => q.source === source && q.start < end && start < q.end);
    // The question's words and the folder's words retrieval matched them to: what a window says beyond these is news.
    const askedTerms = new Set([...weighted.termWeights.keys(), ...[...retrieval.expansions.values()].flat().map((e) => e.term)]);
    const newNumber = saysNewNumber(question);
    const novelty = (text: string) => {
      const said = new Set(terms(text));
      let news = 0;
      for (const w of said) if (!askedTerms.has(w)) news++;
      return said.size ? news / said.size : 0;
    };
    // The question's words a text says, as written or in a form retrieval matched them to.
    const questionWordsIn = (text: string) => {
      const said = new Set(terms(text));
      return new Set([...weighted.termWeights.keys()].filter((q) => said.has(q) || (retrieval.expansions.get(q) ?? []).some((e) => said.has(e.term))));
    };
    // Whether a text says that the thing a price is asked of is free, with every word the question
    // names it by: «… eine kostenlose Sperrmüllabholung …» answers "Was kostet die
    // Sperrmüllabholung?" as a sum does, and is not put below another thing's sum (a fine for
    // dumping it); «Children under 18 also need a free ticket …» does not answer "how much is an
    // adult ticket".
    const sumGiven = sumAsked(asked, question);
    const paying = paysAsked(asked);
    const thingWords = [...weighted.termWeights.keys()].filter((q) => !isPriceWord(q) && !paying(q));
    const freeOfIt = (text: string) => {
      if (!sumGiven || !thingWords.length || !saysNoPrice(text)) return false;
      const said = questionWordsIn(text);
      return thingWords.every((q) => said.has(q));
    };
    // Whether a text says some of the question that a quote does not.
    const saysMore = (text: string, quote: string) => {
      const said = questionWordsIn(quote);
      return [...questionWordsIn(text)].some((q) => !said.has(q));
    };
    // Whether a text gives what the question asks for: a number, a reason, a no, a place, an address.
    const answersKind = (text: string) =>
      !!amount?.hasNumber(text) || (yesNo && SAYS_NO.test(text)) || (asksWhy && SAYS_WHY.test(text)) || (asksPlace && SAYS_PLACE.test(text)) || (asksAddress && SAYS_ADDRESS.test(text)) || (asksShortcut && SAYS_SHORTCUT.test(text));
    const perPassage = retrieval.results.map((r) => passageSentences(r.chunk));
    // The question's most specific words the folder says (as asked or in another form): those of
    // most weight among them, more than one where they weigh the same. (A word the folder never
    // says names no row.) Found once, and only for passages with tables' rows.
    let specific: string[] | undefined;
    const specificWords = (): string[] => {
      if (specific) return specific;
      const passageWords = new Set(retrieval.results.flatMap((r) => terms(`${r.chunk.title}\n${r.chunk.section ?? ""}\n${r.chunk.text}`)));
      const inFolder = (q: string) => passageWords.has(q) || (retrieval.expansions.get(q) ?? []).some((e) => sameWordIn(e.term, q));
      const folderWeights = [...weighted.termWeights].filter(([q]) => inFolder(q));
      const heaviest = Math.max(...folderWeights.map(([, w]) => w));
      return (specific = folderWeights.filter(([, w]) => w === heaviest).map(([q]) => q));
    };
    // Sentences are embedded once; a window's vector is the sum of its sentences' vectors.
    const flat = perPassage.flat();
    const vectors = flat.length ? await this.embeddings.embedDocuments(flat.map((u) => u.text)) : [];
    const candidates: Candidate[] = [];
    // Each passage's definition terms, found once for scoring and used again for quoting.
    const definitionsOf: ReturnType<typeof definitionTerms>[] = [];
    const questionTerms = [...weighted.termWeights.keys()];
    let offset = 0;
    perPassage.forEach((units, p) => {
      const chunk = retrieval.results[p]!.chunk;
      const text = chunk.text;
      // Cut in mid-sentence at either edge. (Not a passage that ends in a table's row, "| Premium |
      // €80 | Phone 24/7 |": the row is whole, whether or not the table goes on in the next passage.)
      const cutAtStart = beginsCut(chunk);
      const cutAtEnd = !/[.!?…:;)\]"'»”。！？؟۔।]\s*$/u.test(text) && !TABLE_ROW.test(text.slice(text.trimEnd().lastIndexOf("\n") + 1).trimEnd());
      const unitVectors = vectors.slice(offset, offset + units.length);
      const termOf = definitionTerms(text, units);
      // Which units are code alone, read once per passage (a unit is in up to WINDOW_UNITS windows).
      const code = tellsInProse ? units.map((x) => looksLikeCode(x.text)) : [];
      const entryOf = entryQuestions(text, units);
      // A table row is read under its table's header ("| Plan | Price | Support |" over "| Pro |
      // $19 | Email and chat |"): what a column holds is said once, above.
      const headerOf = tableHeaders(text, units);
      // Where the passage's headings begin: a heading is never a quote of its own ("3. Order card
      // no. 27 "Silk for Lyon"", which ends in no caption's way).
      const headingAt = new Set(headingStartsOf(chunk));
      const rows = tableRowsOf(chunk);
      // For an amount, which sentences give a number and say a word of the question: a window of
      // such sentences costs nothing for its length. A rule is often followed by its exception or
      // bonus, each with its number ("5 týdnů dovolené (25 dní)" and "Po 5 letech … další 2 dny
      // dovolené"; "Gymmet får användas från 15 år" and "Ungdomar 13–14 år får träna i gymmet"):
      // the exception alone, sharing more of the question's words, read as the answer.
      const answersAmount = amount ? units.map((x) => amount.hasNumber(x.text) && terms(x.text).some((w) => questionTerms.some((q) => sameWordIn(w, q)))) : [];
      definitionsOf[p] = termOf;
      offset += units.length;
      // A window from unit `first` to `last` as a candidate quote; `sum` is its units' vectors summed,
      // `extraUnits` the units it costs beyond one.
      const pushWindow = (first: number, last: number, sum: number[], extraUnits: number) => {
        const windowText = text.slice(units[first]!.start, units[last]!.end);
        // A contents page's list of section titles (whose lines a PDF cuts off unasked) is none.
        if (isContentsListing(windowText)) return;
        // A sentence is read under its page title, headings and the term it defines: "the children
        // finish their request" answers a question about a graceful restart in the section of that
        // name, without saying it; "Verwenden Sie es überhaupt nicht." one about "• Pre-Depends".
        // Embedding similarity counts less than the rarity-weighted words: with hashing vectors
        // it rewards a window that repeats a common question word ("requests … requests").
        const news = novelty(windowText);
        const under = `${termOf[first]!.term ?? ""}\n${entryOf[first] ?? ""}\n${headerOf[first] ?? ""}`;
        const score =
          fit(`${chunk.title}\n${sectionWithin(chunk, chunk.start + units[first]!.start, chunk.start + units[last]!.end) ?? ""}`, `${under}\n${windowText}`, chunk.lang) +
          0.4 * cosine(retrieval.queryVector, normalised(sum)) +
          0.05 / (p + 1) +
          (amount?.hasNumber(windowText) ? AMOUNT_BONUS : 0) +
          (amount?.saysNumberOf(windowText) ? UNIT_BONUS : 0) +
          (amount?.saysWholeNumberOf(windowText) ? WHOLE_UNIT_BONUS : 0) +
          (amount?.saysLimit?.(windowText) ? LIMIT_BONUS : 0) +
          (yesNo && SAYS_NO.test(windowText) ? YES_NO_BONUS : 0) +
          (givesPrice?.(windowText) ? AMOUNT_BONUS : 0) +
          (asksPlace && SAYS_PLACE.test(windowText) ? PLACE_BONUS : 0) +
          (asksMenu && MENU_PATH.test(windowText) ? MENU_BONUS : 0) +
          (asksShortcut && SAYS_SHORTCUT.test(windowText) ? MENU_BONUS : 0) +
          (asksAddress && SAYS_ADDRESS.test(windowText) ? PLACE_BONUS : 0) +
          (asksName && namesNew(windowText) ? NAME_BONUS : 0) +
          (asksWhy && SAYS_WHY.test(windowText) ? WHY_BONUS : 0) +
          (saysNot && NEGATION.test(windowText) ? NEGATION_BONUS : 0) +
          (defines?.(windowText) ? DEFINITION_BONUS : 0) +
          NOVELTY_WEIGHT * news -
          (!yesNo && news === 0 && !newNumber(windowText) ? RESTATES_PENALTY : 0) -
          (!asksWhereToRead && units.slice(first, last + 1).every((x) => onlyPointsElsewhere(x.text)) ? POINTER_PENALTY : 0) -
          (extraUnits && answersAmount.length && answersAmount.slice(first, last + 1).every(Boolean) ? 0 : EXTRA_UNIT_COST * extraUnits) -
          (tellsInProse && code.slice(first, last + 1).every(Boolean) ? CODE_ONLY_PENALTY : 0);
        const cut = (first === 0 && cutAtStart) || (last === units.length - 1 && cutAtEnd);
        // What the previous answer quoted is quoted again only when nothing else comes close.
        const repeated = quotedBefore(chunk.source, chunk.start + units[first]!.start, chunk.start + units[last]!.end);
        // A passage that retrieval put below one in the question's language saying as much (a
        // translated twin) is quoted only when it says clearly more.
        const twin = retrieval.results[p]!.belowOwnLanguage ? OTHER_LANGUAGE_SHARE : 1;
        candidates.push({ passage: p + 1, units, first, last, under, score: (score - (cut ? CUT_PENALTY : 0) - (repeated ? REPEAT_PENALTY : 0)) * twin });
      };
      units.forEach((u, first) => {
        // A table's row is looked up by what it names: it is a quote of its own where it says the
        // question's most specific word ("Samstag 10:00–14:00 Uhr" for "wann hat die Bibliothek
        // samstags auf", though short and without a full stop, as a caption is), not where it
        // shares the question's commoner words, as many rows alike do ("… of the files installed by
        // the package" for a question on which file orders name lookups). Its rows together are
        // one window (below).
        // (The row read under its page's title and section: "Saturday 10:00–14:00" under "Central
        // library" for "When is the central library open on Saturday?".)
        const row = rows.some(([start, end]) => u.start >= start && u.end <= end);
        const rowWords = row ? terms(`${chunk.title}\n${sectionWithin(chunk, chunk.start + u.start, chunk.start + u.end) ?? ""}\n${u.text}`) : [];
        if (row && !rowWords.some((w) => specificWords().some((q) => sameWordIn(w, q)))) return;
        // (Nor a term's line alone, "-Mrm <message id> ...": it names what its definition says.)
        if (terms(u.text).length < 2 || (isCaption(u) && !row) || isTitleLine(text, u) || headingAt.has(u.start) || (termOf[first]!.opens && isOptionSynopsis(u.text))) return;
        let sum = unitVectors[first]!.slice();
        for (let last = first; last < units.length && last - first < WINDOW_UNITS; last++) {
          if (last > first) {
            // A window stays inside one block: no blank line between its sentences.
            if (text.slice(units[last - 1]!.end, units[last]!.start).includes("\n\n")) break;
            if (units[last]!.end - u.start > WINDOW_MAX) break;
            // Nor does it run into the next term's definition.
            if (termOf[last]!.opens) break;
            sum = sum.map((x, i) => x + unitVectors[last]![i]!);
          }
          // Nor does a table's header row alone, which names its columns ("| Plan | Price | Support |").
          if (last === first && headerOf[first + 1] !== undefined && tableTop(text, units, first + 1) === first) continue;
          // Questions alone answer nothing: a FAQ's contents page, the questions a section opens with.
          if (units.slice(first, last + 1).every((x) => ASKED.test(x.text))) continue;
          // Nor a window that ends in a question with nothing but questions after it in its passage:
          // its quote would end in the question (see `quoteWindow`), the answer being in the next
          // passage ("• monatliche Zahlungen: ?? / Also wie berechnen Sie die monatlichen Raten?").
          if (units.slice(last).every((x) => ASKED.test(x.text))) continue;
          pushWindow(first, last, sum, last - first);
        }
      });
      // Each block of a table's rows is a window whole, at the cost of one unit, as when its lines
      // were read as one sentence: a question its rows answer together, or by words no row says
      // alone ("Quali file contengono gli account utente …?" over pam_unix's three files).
      for (const [start, end] of rows) {
        for (let first = units.findIndex((u) => u.start >= start); first >= 0 && first < units.length && units[first]!.end <= end; ) {
          let last = first;
          while (last + 1 < units.length && units[last + 1]!.end <= end && !text.slice(units[last]!.end, units[last + 1]!.start).includes("\n\n")) last++;
          if (last > first) {
            const sum = unitVectors[first]!.slice();
            for (let k = first + 1; k <= last; k++) unitVectors[k]!.forEach((x, i) => (sum[i]! += x));
            pushWindow(first, last, sum, 0);
          }
          first = last + 1;
        }
      }
    });
    if (!candidates.length) return { text: message("notInDocuments", lang), citations: [], abstained: true };
    const best = [...candidates].sort((a, b) => b.score - a.score);
    // Two judges: retrieval ranked the passages on the whole question (its words together, in the
    // asker's language), the windows here on sentences. When the best window is in another passage,
    // the first passage's best is the second quote if it comes close enough to be one at all: a
    // window that repeats the question's words («If all queued requests are processed and neither
    // Client.close() …») otherwise takes both places from the one that answers («… no additional
    // requests can be queued»).
    if (best[0] && best[0].passage !== 1) {
      const first = best.findIndex((c) => c.passage === 1);
      if (first > 1 && best[first]!.score >= best[0].score * SECOND_QUOTE) best.splice(1, 0, ...best.splice(first, 1));
    }
    // A question for an amount whose best window names the thing but not the amount («Sets the
    // length of time (in seconds) that a SERVFAIL response is cached.» for "How long … at most?")
    // is answered further on in the same passage («The maximum value is 30 seconds.»), in words
    // of its own: that window is the second quote when it comes within AMOUNT_QUOTE of the best.
    // The limit asked first, then a number of the thing or a unit of time. (Not any number, nor
    // a no or a reason: tried, a version number and a side remark took the place of a second
    // passage's answer.)
    const windowOf = (c: Candidate) => retrieval.results[c.passage - 1]!.chunk.text.slice(c.units[c.first]!.start, c.units[c.last]!.end);
    const chunkOf = (c: Candidate) => retrieval.results[c.passage - 1]!.chunk;
    // The headings a window stands under, and the innermost one.
    const pathOf = (c: Candidate) => {
      const chunk = chunkOf(c);
      return sectionPath(sectionWithin(chunk, chunk.start + c.units[c.first]!.start, chunk.start + c.units[c.last]!.end));
    };
    const headingOf = (c: Candidate) => pathOf(c).at(-1) ?? "";
    // A quote must say some of what the question is about, itself or under its heading, term or
    // table header: not only which amount it asks for («How long do you keep my data?» for "How
    // long does a reset take?", beside the answer to "How long must passwords be?"), nor only its
    // page's title (a configuration example on the pricing page for "How much does pricing start
    // at?"). The first is the best window that does, where one comes within SECOND_QUOTE of the
    // best; a further one from a passage not quoted yet must (below).
    const dimension = amountDimensionWords(asked);
    const aboutTerms = [...weighted.termWeights.keys()].some((q) => !dimension.has(q));
    // (Its headings are those of its section path below the page's title, which every window of the
    // page has: "Warranty › Duration" over «Two years from the date of purchase.».)
    const headingsOf = (c: Candidate) => pathOf(c).filter((h) => h.trim() !== chunkOf(c).title.trim());
    // (Its headings' words read once per heading path: a page of long headings has hundreds of windows.)
    const topicIn = (text: string) => [...questionWordsIn(text)].some((q) => !dimension.has(q));
    const headingsSay = new Map<string, boolean>();
    const saysTopic = (c: Candidate) => {
      const path = headingsOf(c).join("\n");
      let says = headingsSay.get(path);
      if (says === undefined) headingsSay.set(path, (says = topicIn(path)));
      return says || topicIn(`${c.under}\n${windowOf(c)}`);
    };
    if (aboutTerms && best[0] && !saysTopic(best[0])) {
      const at = best.findIndex((c) => c.score >= best[0]!.score * SECOND_QUOTE && saysTopic(c));
      if (at > 0) best.unshift(...best.splice(at, 1));
    }
    // A measure asked by its adjective ("How heavy is the motor?") is given with its unit, a price
    // with its sum: where the best window gives none («… in heavy seas the lower unit can be
    // damaged.», «Children under 12 must be accompanied by an adult.» for "how much is an adult
    // ticket"), it answers nothing, however many of the question's words it repeats. The best that
    // gives one and says some word of the question («| Item | … | Dry weight | 27.0 kg |», where
    // "weight" names what "heavy" asks; «Ticket | Price | Adults | €17.50») comes first. (The
    // question is not answered where no passage found gives one: see the retriever.)
    // (A sum of money, not that something is free or included, which a sentence says of many things.)
    const givesAmount = sumGiven ?? (measureAsked(asked) ? amount?.saysNumberOf : undefined);
    // (Unless the best window says that the thing asked is free: see `freeOfIt`.)
    if (givesAmount && best[0] && !givesAmount(windowOf(best[0])) && !freeOfIt(windowOf(best[0]))) {
      const at = best.findIndex((c) => givesAmount(windowOf(c)) && questionWordsIn(`${c.under}\n${windowOf(c)}`).size > 0);
      if (at > 0) best.unshift(...best.splice(at, 1));
    }
    // A question for an amount whose best window gives no number at all («Members can change
    // temperatures … or invite other people.» for "How many people can I share the thermostat
    // with?") is quoted with the sentence beside it that gives one, where a window of both comes
    // close («The owner … can invite up to 5 members …»): what it asks is said next to the words
    // it shares with it, in other words ("members", not "people").
    if (amount && best[0] && !amount.hasNumber(windowOf(best[0]))) {
      const inner = best[0];
      const at = best.findIndex((c) => c.passage === inner.passage && c.first <= inner.first && c.last >= inner.last && c.score >= inner.score * WIDER_AMOUNT_QUOTE && amount.hasNumber(windowOf(c)));
      if (at > 0) best.unshift(...best.splice(at, 1));
    }
    let completion: Candidate | undefined;
    const top = best[0];
    if (top && amount) {
      const apart = (c: Candidate) =>
        c.passage === top.passage && c.score >= top.score * AMOUNT_QUOTE && (c.units[c.first]!.start >= top.units[top.last]!.end || c.units[c.last]!.end <= top.units[top.first]!.start);
      for (const gives of [amount.saysLimit, amount.saysNumberOf]) {
        if (!gives || gives(windowOf(top))) continue;
        const at = best.findIndex((c) => apart(c) && gives(windowOf(c)));
        if (at >= 1) completion = best[at];
        if (at > 1) best.splice(1, 0, ...best.splice(at, 1));
        if (at >= 0) break;
      }
    }
    // A quote from an older version of a document the folder also holds in a newer one (found
    // among the passages retrieved) is quoted with the newer one's best window, which may say
    // otherwise («Passwords must be changed every 90 days.» of the 2019 policy, «Passwords no
    // longer need to be changed periodically.» of the 2024 one). Not when the question names the
    // older one's version or year.
    if (top && !completion) {
      const older = chunkOf(top);
      // …or from an entry of a changelog or release notes whose later entry the passages hold
      // ("2.0.0" / "• The upload limit is 25 MB." where "2.4.0" says "Increased … to 250 MB").
      // Whether window `d` is of a later version of what window `c` quotes.
      const supersedes = (c: Candidate, d: Candidate) =>
        isNewerVersion(chunkOf(c), chunkOf(d)) || (chunkOf(c).source === chunkOf(d).source && isNewerHeading(headingOf(c), headingOf(d)));
      const asksOlder = namesVersion(question, older.source) || namesVersion(question, headingOf(top));
      const newer = asksOlder ? [] : best.filter((c) => c.score >= top.score * NEWER_VERSION_QUOTE && supersedes(top, c));
      // The latest of them: "2.4.0", not "2.3.0" in between.
      const latest = newer.find((c) => !newer.some((d) => supersedes(c, d)));
      const at = latest ? best.indexOf(latest) : -1;
      if (at >= 1) completion = best[at];
      if (at > 1) best.splice(1, 0, ...best.splice(at, 1));
    }
    const chosen: { passage: number; quote: string; start: number; end: number; joined?: boolean }[] = [];
    for (const c of best) {
      if (chosen.length >= this.options.maxQuotes || (c.score < best[0]!.score * SECOND_QUOTE && c !== completion)) break;
      if (chosen.length && aboutTerms && c !== completion && !chosen.some((x) => x.passage === c.passage) && !saysTopic(c)) continue;
      const chunk = retrieval.results[c.passage - 1]!.chunk;
      const headings = [chunk.title, ...sectionPath(chunk.section)].map((h) => h.trim());
      const headingStarts = headingStartsOf(chunk);
      const windowOptions = { asksHow, asksYesNo: yesNo, cutAtStart: beginsCut(chunk), headings, headingStarts, tables: tableRowsOf(chunk), saysMore };
      // (Its whole list only where that overlaps no quote of its document already chosen: the
      // item alone beside the quote of the list's first items.)
      const withList = quoteWindow(chunk.text, c.units, c.first, c.last, windowOptions);
      const overChosen = (w: { start: number; end: number }) =>
        chosen.some((x) => retrieval.results[x.passage - 1]!.chunk.source === chunk.source && x.start < chunk.start + w.end && chunk.start + w.start < x.end);
      const window = overChosen(withList) ? quoteWindow(chunk.text, c.units, c.first, c.last, { ...windowOptions, wholeLists: false }) : withList;
      // A sentence read under its term is quoted from its term on ("DNS" + "Translates names …
      // Internal names end in .corp.example."), so that the quote says what it is about.
      const under = definitionsOf[c.passage - 1]![c.first]!;
      const termUnit = under.at >= 0 ? c.units[under.at]! : undefined;
      // (Not a heading the window stands under, nor the document's title: the citation names them.
      // Nor a term above a heading between it and the window: a plain-text file's title line over
      // its first numbered heading read as a term of all under it.)
      const underTerm =
        termUnit !== undefined &&
        !headingStarts.includes(termUnit.start) &&
        !headings.includes(termUnit.text.trim()) &&
        !headingStarts.some((at) => at > termUnit.start && at <= window.start);
      if (underTerm && termUnit.start < window.start && window.end - termUnit.start <= WINDOW_MAX) window.start = termUnit.start;
      const start = chunk.start + window.start;
      const end = chunk.start + window.end;
      // Never the same text twice (passages overlap, and a folder may hold the same text twice, as
      // a page and in a print-all page). A passage's second quote is another statement in it, with
      // at least a sentence between the two ("Diese Tastenkombinationen sind fixiert …" after the
      // sentence on how they work); the sentence right after a quote would be one quote cut in two.
      const quote = chunk.text.slice(window.start, window.end);
      // (Also in another file's copy, which differs in its spaces and hyphens: the same letters, or
      // the other's whole words and closing marks; "… is 25." is no part of "… is 250.".)
      const same = lettersOf(quote);
      const sameQuote = (other: string) =>
        lettersOf(other) === same ||
        normalizeForMatch(other).includes(normalizeForMatch(quote)) ||
        normalizeForMatch(quote).includes(normalizeForMatch(other)) ||
        !!locateInTwin(quote, { text: other, start: 0 }) ||
        !!locateInTwin(other, { text: quote, start: 0 });
      // Or in another paragraph that does not go on from it ("Instead, the package ships the
      // spoolprune tool …" under the paragraph that says the spool grows): a statement of its own,
      // which was otherwise neither joined to the quote nor quoted.
      const apart = (x: { start: number; end: number; quote: string }) => {
        if (c.units.some((u) => {
          const at = chunk.start + u.start;
          return (at >= x.end && chunk.start + u.end <= start) || (at >= end && chunk.start + u.end <= x.start);
        })) return true;
        const gap = x.end <= start ? chunk.text.slice(x.end - chunk.start, start - chunk.start) : end <= x.start ? chunk.text.slice(end - chunk.start, x.start - chunk.start) : "";
        return gap.includes("\n\n") && !refersBack(x.end <= start ? quote : x.quote);
      };
      // A window right next to a quote of its passage (nothing but blanks between) joins it, as one quote (below).
      const next = chosen.find((x) => x.passage === c.passage && !apart(x));
      // Not a window whose own sentences the quote holds already: it would only lengthen the quote.
      const own = { start: chunk.start + c.units[c.first]!.start, end: chunk.start + c.units[c.last]!.end };
      if (next && own.start < next.end && next.start < own.end) continue;
      // A passage's further statement, joined or apart, must say some of the question its quote
      // does not ("Tastenkombinationen" beside «Drücken der Alt Taste … klappt das Untermenü auf»),
      // or what the question asks for where the quote does not (the "cannot" of a can-question):
      // "Who leads Sberbank?" is answered by the sentence naming its leader, not also by the
      // passage's next sentence that names Sberbank again.
      const quotedHere = chosen.filter((x) => x.passage === c.passage);
      if (quotedHere.length && c !== completion) {
        const ownText = chunk.text.slice(c.units[c.first]!.start, c.units[c.last]!.end);
        const addsWords = saysMore(ownText, quotedHere.map((x) => x.quote).join("\n"));
        const addsAnswer = answersKind(ownText) && !quotedHere.some((x) => answersKind(x.quote));
        // (Or another number of the thing asked about: the list's next row of durations.)
        if (!addsWords && !addsAnswer && !amount?.saysNumberOf(ownText)) continue;
      }
      if (next) {
        // Its own sentences only (not what its window took around them), once per quote, with
        // nothing but blanks between, never into the next term's definition ("• Suggests" after
        // "• Recommends"), nor over another quote.
        const from = Math.min(own.start, next.start);
        const to = Math.max(own.end, next.end);
        const gap = chunk.text.slice(Math.min(own.end, next.end) - chunk.start, Math.max(own.start, next.start) - chunk.start);
        const later = own.start > next.start ? c.units[c.first]!.text : next.quote;
        const definitions = definitionsOf[c.passage - 1]!;
        const crossesTerm = c.units.some((u, i) => definitions[i]!.opens && chunk.start + u.start > from && chunk.start + u.start < to);
        const overOther = chosen.some((x) => x !== next && retrieval.results[x.passage - 1]!.chunk.source === chunk.source && x.start < to && from < x.end);
        if (!next.joined && to - from <= WINDOW_MAX && !gap.trim() && (!gap.includes("\n\n") || refersBack(later)) && !crossesTerm && !overOther) {
          Object.assign(next, { start: from, end: to, quote: chunk.text.slice(from - chunk.start, to - chunk.start), joined: true });
        }
        continue;
      }
      const overlaps = chosen.some(
        (x) =>
          (x.passage === c.passage && !apart(x)) ||
          sameQuote(x.quote) ||
          (retrieval.results[x.passage - 1]!.chunk.source === chunk.source && x.start < end && start < x.end) ||
          // Nor a paragraph another file repeats with a word or two changed.
          (retrieval.results[x.passage - 1]!.chunk.source !== chunk.source && addsNothingTo(quote, x.quote)),
      );
      if (overlaps) continue;
      // A table's row that could not be quoted under its header row (too many rows between) is
      // quoted after the header as a quote of its own: "| S12 | yes | yes | yes | no | no |" alone
      // does not say which column is the walnut. (Unless a quote taken already holds the header.)
      const top = tableTop(chunk.text, c.units, c.first);
      const header = top !== undefined && c.units[top]!.start < window.start ? { start: chunk.start + c.units[top]!.start, end: chunk.start + c.units[top]!.end } : undefined;
      if (header && !chosen.some((x) => retrieval.results[x.passage - 1]!.chunk.source === chunk.source && x.start <= header.start && header.end <= x.end)) {
        chosen.push({ passage: c.passage, quote: chunk.text.slice(header.start - chunk.start, header.end - chunk.start), ...header });
      }
      chosen.push({ passage: c.passage, quote, start, end });
    }
    const citations: ProposedCitation[] = chosen.map((c, i) => ({ id: i + 1, passage: c.passage, quote: c.quote }));
    const text = [message("extractiveLead", lang), ...chosen.map((c, i) => `«${c.quote}» [${i + 1}]`)].join("\n");
    return { text, citations, abstained: false };
  }
}
