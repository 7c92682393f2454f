import { fold, terms } from "./text.js";

/**
 * What a question asks for, and what text answers it: an amount (a number, and where the question
 * says what it counts, "How many vacation days …?", "How long …?", a number of that thing or a
 * unit of time), a reason, or whether something can be done (a sentence that says no or only so
 * far). Read by the retriever (a passage that holds such an answer ranks above one that only
 * repeats the question's words) and by the extractive answerer (the sentence that holds it is
 * quoted).
 */

/**
 * Words that ask for a share: "what percentage", "what share of", "welcher Anteil", "quel
 * pourcentage", "hoeveel procent". (A share, proportion or fraction "of" something: "What share do
 * students save coursework on?" asks for a network share.)
 */
const PERCENT_ASKED = String.raw`what (?:percentage|percent)|what (?:proportion|share|fraction) of|how many percent|wie viel(?:e)? prozent|welche[rnms]? (?:anteil|prozentsatz)|quel pourcentage|quelle proportion|combien de pour ?cent|qu[ée] porcentaje|qu[ée] proporci[óo]n|quale percentuale|che percentuale|quanta percentuale|que percentagem|qual (?:é a )?percentagem|welk percentage|hoeveel procent|jaki procent|ile procent`;
/**
 * A question that asks for an amount, a duration or a time ("How long …?", "Wie viele …?",
 * "When …?") is answered by a sentence with a number in it. Asked by its opening words, or by
 * those of a later sentence or line, or of a clause joined by "and" ("Ein Freund leiht sich 2.000
 * €. Wie hoch ist dann die Rate?", "Does it clean them up, and after how long?"), or of a
 * clause after a comma that runs to the question mark ("With the default rule, after how long …?";
 * not "Je nachdem, wie viele Nutzer online sind, ist …", "Ich nutze, wie viele andere, …").
 * "When" asks
 * only before a verb that asks ("When does it run?", "…, and when exactly is it due?"; not "When I
 * record a debit, does …?", "I have a RAID. When a disk fails, …", "…, and when I restart it, …"),
 * and the full stop of an abbreviation ends no sentence ("e.g. when does …"). "… boot when a disk
 * is missing" asks no such thing. A price is an amount too: "What does it cost?", "Was kostet …?"
 * (not "What does the cost field mean?").
 */
const AMOUNT_WORDS =
  String.raw`how (?:long|many|much|often|old|big|large|far|soon|quickly|expensive|heavy|tall|wide|high|deep|thick|fast|hot|cold|warm|early|late)|wie (?:lange?|viele?[nm]?|oft|alt|groß|weit|hoch|schnell|teuer|schwer|tief|breit|dick|heiß|kalt|warm|früh|spät)` +
  // An age: "At what age …?", "Ab welchem Alter …?".
  String.raw`|(?:at |from )?what age|welchem alter` +
  // A share: "What percentage of owners …?", "Welcher Anteil …?", "¿Qué porcentaje …?".
  `|${PERCENT_ASKED}` +
  // A price: "What does the Pro plan cost?", "Was kostet eine Sitzung?".
  String.raw`|what (?:does|do|did|will|would) (?:[\p{L}\p{N}'’.-]+ ){1,6}?cost(?!(?:\s+\S+)*\s+(?:mean|means|stand|refer)\b)(?=\s*(?:[?!.]|$)|\s+(?:me|us|you|them|to|for|per|in|at|each|now|today|monthly|yearly|a|an)\b)|was (?:kostet|kosten|kostete)`;
/**
 * The same in French, Spanish, Italian and Portuguese: how many or how much ("Combien de jours …",
 * "¿Cuántos días …?", "Quanti giorni …", "Quantos dias …"; not "en cuanto a", "quanto ao", "per
 * quanto riguarda"), how often, and when where the word can only ask: Spanish "¿Cuándo …?", French
 * "Quand faut-il …?" ("Quand je lance …, comment …?" says when something happens; so does Italian
 * and Portuguese "quando", whatever its place, which is left out).
 */
const AMOUNT_ROMANCE = String.raw`(?<![\p{L}\p{N}])(?<!(?:in|per|en|em) )(?:combien|cu[áa]nt[oa]s?|cuánt[oa]s?|quant[oaie]|quant[oa]s|à quelle fréquence|con qu[ée] frecuencia|cada cu[áa]nto|ogni quanto|com que frequ[êe]ncia)(?![\p{L}\p{N}])(?! (?:a|ao|aos|à|às|al|alla|riguarda)(?![\p{L}\p{N}]))|(?:^|[.!?;:]\s|¿)[^\p{L}\p{N}]{0,8}(?:cuándo|depuis quand|desde cuándo|quand (?:est-ce|faut-il|dois-je|doit-on|puis-je|peut-on|\p{L}+-(?:il|elle|on|ils|elles)))(?![\p{L}\p{N}])` +
  // What time: "À quelle heure …?", "¿A qué hora …?", "A che ora …?", "A que horas …?".
  String.raw`|(?<![\p{L}\p{N}])(?:à quelle heure|a qu[ée] hora|a che ora|a que horas?|da che ora|fino a che ora|hasta qu[ée] hora|jusqu'à quelle heure)(?![\p{L}\p{N}])`;
/**
 * The same in Dutch and Polish: how many or how much ("Hoeveel …?", "Ile …?"), how long, how often,
 * at what time, what it costs ("Wat kost …?", "Ile kosztuje …?"). (Not "wanneer", "kiedy": they
 * say "when" that does not ask as often as "when" that does.)
 */
const AMOUNT_DUTCH_POLISH = String.raw`(?<![\p{L}\p{N}])(?:hoeveel|hoe lang|hoe vaak|hoe laat|hoe duur|wat kost(?:en)?|jak długo|jak często|o której)(?![\p{L}\p{N}])|(?:^|[.!?]\s)\W*ile(?![\p{L}\p{N}])`;
/**
 * The same in Swedish, Danish, Norwegian, Finnish, Czech and Turkish: how many or how much ("Hur
 * mycket …?", "Hvor mange …?", "Paljonko …?", "Kolik …?", "Ne kadar …?"), how long, how often, how
 * big or old ("Jak dlouhá …?", "Jak wysoki …?", with Polish's adjectives too), typed with their
 * accents or without ("Hur manga …?", "Jak dlouha …?"), at
 * what time ("Hur dags …?", "Mihin aikaan …?", "V kolik …?", "Saat kaçta …?"), what it costs
 * ("Vad kostar …?", "Hvad koster …?"). (Not "när", "hvornår", "milloin", "kdy": they say "when"
 * that does not ask as often as "when" that does, as Dutch "wanneer" does.)
 */
const AMOUNT_NORTH_EAST = String.raw`(?<![\p{L}\p{N}])(?:hur (?:mycket|m[åa]nga|l[äa]nge|ofta|dags|gammal|stor|l[åa]ngt?|djupt?|h[öo]gt?|varmt?|tung|dyrt?)|vad kostar|hvor (?:meget|mye|mange|l[æa]nge|lenge|tit|ofte|gammel|stor|langt?|dyb|dyp|h[øo]j|h[øo]y|varm|tung|dyrt?)|hvad koster|hva koster|kuinka (?:paljon|monta|kauan|usein|vanha|suuri|pitk[äa]|syv[äa]|korkea|l[äa]mmin|painava)|paljonko|montako|kauanko|mihin aikaan|kolik|kolikr[áa]t|jak (?:dlouho|[čc]asto|(?:dlouh|velk|star|vysok|hlubok|t[ěe][žz]k|[šs]irok)[ýyáaéeíi])|jak (?:d[łl]ug|du[żz]|star|wysok|g[łl][ęe]bok|ci[ęe][żz]k|szerok)(?:i|a|ie|y|e)|ne kadar|ka[çc]|ka[çc]ta)(?![\p{L}\p{N}])`;
export const ASKING_VERB = "do|does|did|is|are|was|were|will|would|can|could|should|must|shall|may|might|has|have|had|wird|werden|ist|sind|war|kann|muss|soll";
/** A preposition before the words that ask for an amount ("After how many tries …?", "Über wie viele Monate …?", "Um wie viel …?"). */
const AMOUNT_PREPOSITION = "after|for|within|in|on|about|by|from|to|up to|nach|seit|bis|über|auf|um|innerhalb|für|ab";
/**
 * A limit whose amount is asked inside another question: "Is there a limit on how many sheets …?",
 * "a cap on how long …". (Not any preposition: "How do I set up an alert on how long a job runs?"
 * asks how, "Does the price depend on how many seats we buy?" whether.)
 */
const LIMIT_WORDS = "limits?|caps?|maximum|minimum|upper bound|lower bound|grenzen?|obergrenzen?|untergrenzen?|höchstgrenzen?|beschränkung(?:en)?|begrenzung(?:en)?";
/** "When" that asks: before an asking verb, maybe after an adverb ("When exactly is it due?"), contracted ("When's the deadline?"), or alone ("When?"). */
const WHEN_ASKS = String.raw`when(?:['’](?:s|ll)|(?:\s*(?:,\s*)?(?:exactly|usually|roughly|typically|approximately|normally|generally|next)(?:\s*,)?)?(?:\s+(?:${ASKING_VERB})|(?=\s*[?!.]|\s*$)))`;
export const ASKS_AMOUNT = new RegExp(
  `^\\W*(?:(?:and|so|und|also)\\W+)?(?:(?:${AMOUNT_PREPOSITION})\\s+)?(?:${AMOUNT_WORDS}|${WHEN_ASKS}|what time|wann|seit wann|um wie viel uhr)(?![\\p{L}\\p{N}-])` +
    `|(?:(?<!(?:^|[^\\p{L}])(?:e\\.g|i\\.e|z\\.\\s?b|d\\.\\s?h|u\\.\\s?a|vgl|bzw|cf|vs|ca))[.!?]\\s|\\n|,\\s(?=(?:[^,;:.!?\\n]|[.!?](?!\\s|$))*\\?)|\\s(?=(?:and|und)\\s))\\W*(?:(?:and|so|und|also)\\W+)?` +
    `(?:(?:(?:${AMOUNT_PREPOSITION})\\s+)?(?:${AMOUNT_WORDS})|${WHEN_ASKS}|wann\\s+(?:${ASKING_VERB})|what time|seit wann|um wie viel uhr)(?![\\p{L}\\p{N}-])` +
    `|(?<![\\p{L}\\p{N}])(?:${LIMIT_WORDS})\\s+(?:on|to|for|of|auf|für|bei|von)\\s+(?:${AMOUNT_WORDS})(?![\\p{L}\\p{N}-])` +
    `|${AMOUNT_ROMANCE}|${AMOUNT_DUTCH_POLISH}|${AMOUNT_NORTH_EAST}`,
  "iu",
);
/**
 * Numbers written out: English and German, and from two on in French, Spanish, Italian,
 * Portuguese, Dutch, the Scandinavian languages, Czech, Polish and Finnish ("unos tres meses",
 * "do tří dnů"). Not the words another of these languages writes alike for something else (the
 * articles "ein", "un", "una"; Spanish "dos", Portuguese's "of the" and French "back"; Italian
 * "due" and "sei" beside "due" and "you are"; Norwegian "fire"; Czech "sto" and "osm" beside
 * Italian "I am" and OSM), which would make a number of a word.
 */
const NUMBER_WORDS =
  "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|fifty|hundred|thousand|once|twice|eins|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf|fünfzehn|zwanzig|dreißig|fünfzig|hundert|tausend|einmal|zweimal" +
  "|deux|trois|quatre|cinq|huit|dix|onze|douze|quinze|vingt|trente|quarante|cinquante|mille" +
  "|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|doce|quince|veinte|treinta|cuarenta|cincuenta|cien" +
  "|tre|quattro|cinque|sette|nove|dieci|dodici|quindici|venti|trenta|quaranta|cinquanta|cento" +
  "|dois|duas|três|oito|dez|doze|vinte|trinta|quarenta|cem" +
  "|twee|drie|vijf|zes|zeven|negen|tien|twaalf|twintig|dertig|veertig|vijftig|honderd|duizend" +
  "|två|fyra|fem|sju|åtta|nio|tio|tolv|femton|tjugo|trettio|hundra|tusen|seks|syv|otte|femten|tyve|tjue" +
  "|dva|dvě|dvou|tři|tří|čtyři|čtyř|pět|pěti|šest|sedm|devět|deset|dvanáct|patnáct|dvacet|třicet|padesát|tisíc" +
  "|dwa|dwie|dwóch|trzy|trzech|cztery|czterech|pięć|pięciu|sześć|siedem|osiem|dziewięć|dziesięć|dwanaście|piętnaście|dwadzieścia|trzydzieści|tysiąc" +
  "|kaksi|kolme|neljä|viisi|kuusi|seitsemän|kahdeksan|yhdeksän|kymmenen";
/**
 * A number written out, as a document spells it; French "sept" too, but not "Sept." (September).
 * (Not folded: "pět" would be English "pet", "pięć" Polish "piec", an oven.)
 */
const NUMBER_WORD = new RegExp(`(?<![\\p{L}\\p{N}])(?:(?:${NUMBER_WORDS})(?![\\p{L}\\p{N}])|sept(?![\\p{L}\\p{N}.]))`, "iu");
/**
 * The same in folded text, where a number word is read only right before what it counts (or one
 * word before it, "two slip days"): folded, French "très" is Spanish "tres". Not the words that
 * fold into another language's everyday word ("pět" into "pet", "pięć" into "piec", an oven).
 */
const FOLDED_NUMBER_WORDS = [...new Set(fold(`${NUMBER_WORDS}|sept`).split("|"))].filter((w) => !["pet", "piec"].includes(w)).join("|");
/**
 * The thing counted is the words after "how many" / "wie viele" up to the verb; a duration is a
 * number before a unit of time; a frequency, one before "times" or a unit of time.
 */
const COUNTED = /\b(?:how many|wie viele?[nm]?)\s+((?:[\p{L}-]+\s+){0,2}?[\p{L}-]+?)(?=\s+(?:do|does|did|are|is|was|were|can|could|will|would|should|must|may|might|have|has|had|sind|ist|waren|war|kann|können|darf|dürfen|muss|müssen|soll|sollen|werden|wird|gibt|habe|hat|haben|bekomme|bekommt)\b|\s*[?,.]|$)/iu;
/** What "combien de", "cuántos", "quanti", "quantos" count: the next word (not time itself, which asks a duration). */
const COUNTED_ROMANCE = /(?<![\p{L}\p{N}])(?:combien\s+d(?:e\s+|['’]\s*)|cu[áa]nt[oa]s\s+|quant[ie]\s+|quant[oa]s\s+)(?!(?:temps|tiempo|tempo|fois|veces|volte|vezes)(?![\p{L}\p{N}]))(\p{L}+)/iu;
/**
 * A duration: "how long" but not of a length ("How long does a password have to be?"), German
 * "wie lange" but not "wie lang" ("Wie lang muss das Passwort sein?").
 */
const ASKS_DURATION = /\bwie lange\b|\bhow long\b(?![^?.!]*\bbe\s*\?)|\bhow (?:soon|quickly)\b|\bhow far (?:ahead|in advance)\b|\bwie (?:weit|lange) im voraus\b|(?<![\p{L}])(?:combien de temps|cu[áa]nto tiempo|cu[áa]nto (?:tarda|tardan|tardar[áa]n?|dura|duran|durar[áa]n?|demora|demoran)|quanto tempo|quanto (?:dura|durano|ci vuole|ci mette|demora|demoram|leva|levam)|hoe lang|jak długo|jak dlouho|hur (?:l[äa]nge|l[åa]ng tid)|hvor (?:l[æa]nge|lenge|lang tid)|kuinka kauan|kauanko)(?![\p{L}])/iu;
/** How often: a number of times ("3 times", "dreimal") or of a unit of time ("every 5 minutes"). */
const ASKS_FREQUENCY = /\b(?:how often|wie oft)\b|(?<![\p{L}])(?:combien de fois|à quelle fréquence|cu[áa]ntas veces|con qu[ée] frecuencia|cada cu[áa]nto|quante volte|ogni quanto|quantas vezes|com que frequ[êe]ncia|hoe vaak|jak często|jak [čc]asto|kolikr[áa]t|hur ofta|hvor (?:ofte|tit)|kuinka usein)(?![\p{L}])/iu;
const TIME_UNIT = String.raw`(?:milli)?seconds?|minutes?|hours?|days?|weeks?|months?|years?|sekunden?|minuten?|stunden?|tage?n?|wochen?|monate?n?|jahre?n?|ms|sec|min|h` +
  // French, Spanish, Italian, Portuguese (folded: no accents).
  String.raw`|secondes?|heures?|jours?|semaines?|mois|ans|annees?|segundos?|minutos?|horas?|dias?|semanas?|mes|meses|anos?|secondi|secondo|minuti|minuto|ore|ora|giorni|giorno|settimane|settimana|mesi|mese|anni|anno` +
  // Dutch, Polish (folded).
  String.raw`|seconden|uur|uren|dagen|dag|weken|week|maanden|maand|jaar|jaren|sekund[y]?|minut[y]?|godzin[ya]?|godzine|dni|dzien|tygodni[e]?|tydzien|miesiecy|miesiace?|lat[a]?|rok|roku` +
  // Swedish, Danish, Norwegian, Czech (folded).
  String.raw`|sekunder|minuter|minutter|timmar|timme|dagar|dage|dager|veckor|vecka|uger?|uker?|manader|manad|maneder|maned|ar|aret|hodin[ay]?|dnu|dny|tydnu|tydny|tyden|mesicu|mesice|mesic|roky`;

/**
 * The units of the measure a question asks for by its adjective ("How heavy …?" a weight, "How
 * tall …?" a length, "How fast …?" a speed, "How hot …?" a temperature), in folded text: a passage
 * with a number of one answers it ("Weight 4.2 kg"), not one that merely says the word ("in heavy
 * seas"). ("How big", "how long", "how high" may ask for a size, a time or a sum, "how far" how
 * much of something: any number.)
 */
const WEIGHT_UNIT = String.raw`kg|g|mg|kilos?|kilograms?|kilogrammes?|kilogramm|grams?|gramm|grammes?|tonnes?|tons?|lbs?|pounds?|oz|ounces?`;
const LENGTH_UNIT = String.raw`mm|cm|dm|m|km|metres?|meters?|meter|metern|millimet(?:re|er)s?|centimet(?:re|er)s?|kilomet(?:re|er)s?|inch(?:es)?|ft|feet|foot|yards?|miles?|zoll|px|pixels?|"|′|″`;
/** The words that name a weight, folded ("Poids 23,4 kg", "Masa 4,2 kg"). */
const WEIGHT_NAMES = ["weight", "weighs", "weigh", "gewicht", "wiegt", "poids", "peso", "pesi", "waga", "wagi", "masa"];
/** A share's unit after its number: "25%", "25 %", "25 percent", "25 Prozent", "25 pour cent". */
const PERCENT_UNIT = String.raw`%|percent|per cent|prozent|pour ?cent|por ?ciento|per ?cento|por ?cento|procent`;
/** The measures asked by an adjective: its pattern, the measure's units, and the nouns that name it ("weight" of "how heavy"). */
const MEASURES: readonly { readonly asks: RegExp; readonly unit: string; readonly names: readonly string[]; readonly literal?: true; readonly verb?: true }[] = [
  { asks: /(?<![\p{L}])(?:how heavy|wie schwer|hoe zwaar)(?![\p{L}])/iu, unit: WEIGHT_UNIT, names: WEIGHT_NAMES, literal: true },
  // (And the verb: "How much does it weigh?", "Combien pèse …?", "¿Cuánto pesa …?", "Ile waży …?";
  // not German "wegen", which is as often "because of". Said in another sense as often: "How much
  // does the coursework weigh?" in the final grade, a 40% share; "una pesa rusa", a kettlebell,
  // whose price is asked.)
  { asks: /(?<![\p{L}])(?:weigh|weighs|wiegt|pèse|pèsent|pesa|pesan|pesano|pesam|weegt|waży|ważą)(?![\p{L}])/iu, unit: WEIGHT_UNIT, names: WEIGHT_NAMES, verb: true },
  { asks: /(?<![\p{L}])how tall(?![\p{L}])/iu, unit: LENGTH_UNIT, names: ["height"], literal: true },
  { asks: /(?<![\p{L}])(?:how wide|wie breit)(?![\p{L}])/iu, unit: LENGTH_UNIT, names: ["width", "breite"] },
  { asks: /(?<![\p{L}])(?:how deep|wie tief)(?![\p{L}])/iu, unit: LENGTH_UNIT, names: ["depth", "tiefe"] },
  { asks: /(?<![\p{L}])(?:how thick|wie dick)(?![\p{L}])/iu, unit: LENGTH_UNIT, names: ["thickness", "dicke"] },
  { asks: /(?<![\p{L}])(?:how fast|wie schnell)(?![\p{L}])/iu, unit: String.raw`km/h|kmh|kph|mph|knots?|kn|m/s|kt|knoten|stundenkilometer`, names: ["speed", "geschwindigkeit"] },
  { asks: /(?<![\p{L}])(?:how (?:hot|cold|warm)|wie (?:heiß|kalt|warm))(?![\p{L}])/iu, unit: String.raw`°\s?[cf]?|degrees?|grad|celsius|fahrenheit`, names: ["temperature", "temperatur"], literal: true },
  // A share: "What percentage of owners …?", "Wie viel Prozent …?", "¿Qué porcentaje …?" (not
  // held to "%": "two-thirds of the votes" is a share too, only a weaker answer to "what percentage").
  { asks: new RegExp(String.raw`(?<![\p{L}])(?:${PERCENT_ASKED})(?![\p{L}])`, "iu"), unit: PERCENT_UNIT, names: [] },
];
/**
 * The measure a question asks for by its adjective, if any: its units (see above) and the nouns
 * that name it, in folded form ("weight" of "How heavy is the motor?", where a specification
 * table says "Dry weight | 27.0 kg"); `literal` where the adjective is hardly said in another
 * sense than the measure (heavy, tall, hot), unlike "How fast does the index build?" (500 pages
 * per second), "How deep can folders be nested?" (8 levels).
 */
export function measureAsked(asked: string): { readonly unit: string; readonly names: readonly string[]; readonly adjective: string; readonly literal: boolean } | undefined {
  for (const { asks, unit, names, literal, verb } of MEASURES) {
    if (verb && asksPrice(asked)) continue;
    const m = asks.exec(asked);
    if (m) return { unit, names, adjective: fold(m[0].split(/\s+/).at(-1)!), literal: !!literal };
  }
  return undefined;
}

/**
 * A question for a point in time: "When …?", "Wann …?", "What time …?", "Um wie viel Uhr …?", "How
 * early …?", "Wie früh muss … eingeladen werden?" (so long before something),
 * "¿Cuándo …?", "Quand faut-il …?" (read with ASKS_AMOUNT, which tells whether "when" asks).
 */
const ASKS_WHEN = new RegExp(String.raw`(?<![\p{L}\p{N}])(?:${WHEN_ASKS}|wann|how early|how late|wie früh|wie spät|what time|at what time|on what date|what date|um wie viel uhr|an welchem tag|cuándo|quand|à quelle heure|a qu[ée] hora|a che ora|a que horas?)(?![\p{L}\p{N}])`, "iu");
/** "When" that asks in which case: "When do I want which?", "When should I use …?", "Wann sollte ich … verwenden?" (not "When can I use the gym?", "When do I need to renew …?"). */
const ASKS_CASE =
  /(?<![\p{L}\p{N}])(?:when|wann|cuándo|quand)\s+(?:(?:should|would|sollte|würde)\s+(?:i|you|we|one|ich|man|wir)\s+(?:\p{L}+\s+)?(?:use|prefer|choose|pick|apply|go for|verwenden|benutzen|nutzen|nehmen|wählen|bevorzugen)|(?:do|does)\s+(?:i|you|we|one)\s+(?:want|prefer|choose|pick)|is it better to)(?![\p{L}\p{N}])/iu;
const MONTHS =
  "january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec" +
  "|januar|februar|marz|mai|juni|juli|oktober|dezember|janvier|fevrier|mars|avril|juin|juillet|aout|septembre|octobre|novembre|decembre" +
  "|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre|gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre" +
  "|janeiro|fevereiro|marco|maio|junho|julho|setembro|outubro|dezembro";
const WEEKDAYS =
  "monday|tuesday|wednesday|thursday|friday|saturday|sunday|mondays|tuesdays|wednesdays|thursdays|fridays|saturdays|sundays|weekdays?|weekends?|mon|tue|tues|wed|thu|thurs|fri" +
  "|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|montags|dienstags|mittwochs|donnerstags|freitags|samstags|sonntags|werktags?|wochenende" +
  "|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lunes|martes|miercoles|jueves|viernes|sabado|domingo|lunedi|martedi|mercoledi|giovedi|venerdi|sabato|domenica" +
  "|segunda-feira|terca-feira|quarta-feira|quinta-feira|sexta-feira";
/**
 * A month or a weekday, written out (not "mar", "sat": Spanish's sea, English's verb), as a folded
 * term: when a price is asked for ("… a bed in the dorm in August?"), when, not what is priced.
 * Not those that are things too: "mayo" (English's mayonnaise), "marco" (a frame), "mars", nor a
 * weekend or a weekday, which may be what is priced ("a weekend pass").
 */
const NOT_ONLY_TIME = new Set(["mayo", "marco", "mars", "weekend", "weekends", "weekday", "weekdays", "wochenende", "werktag", "werktags"]);
const TIME_WORD = new RegExp(
  `^(?:${[...MONTHS.split("|"), ...WEEKDAYS.split("|")].filter((w) => (w.length >= 5 || ["june", "july", "juni", "juli", "juin", "maio", "marz", "aout"].includes(w)) && !NOT_ONLY_TIME.has(w)).join("|")})$`,
  "u",
);
export function isTimeWord(term: string): boolean {
  return TIME_WORD.test(term);
}

/**
 * A point in time, in folded text: a date ("14 January 2025", "2024-03-02", "02.03.2024", "March
 * 3"), a year, a time of day ("14:00", "9 am", "18 Uhr"), a weekday, or a number of days, weeks
 * … from something ("30 days after the invoice", "zwei Wochen vor der Prüfung"). Not a code's
 * digits ("DS7001"), a count ("once"), a percentage.
 */
const POINT_IN_TIME = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(?:\d{1,2}:\d{2}(?![\d:])|\d{1,2}(?:[.:]\d{2})?\s?(?:am|pm|uhr|h)(?![\p{L}\p{N}])|\d{1,2}h\d{2}|\d{1,2}\s?(?:a\.m\.|p\.m\.|o['’]clock|heures?|horas?)(?![\p{L}])|ore\s+\d{1,2}(?![\d%])|(?:week|woche|kw|semaine|semana|settimana)\s+\d{1,2}(?![\d%])|\d{4}-\d{2}-\d{2}|\d{1,2}[./]\d{1,2}[./]\d{2,4}|(?:19|20)\d{2}(?![\p{N}.,])(?!\s?(?:[kmgt]i?b|bytes?|px|%))` +
    String.raw`|\d{1,2}(?:st|nd|rd|th|er|\.)?\s+(?:of\s+|de\s+)?(?:${MONTHS})(?![\p{L}])|(?:${MONTHS})\.?\s+\d{1,2}(?![\p{N}])|(?:${WEEKDAYS})(?![\p{L}])` +
    String.raw`|(?:\d+|${FOLDED_NUMBER_WORDS})\s+(?:${TIME_UNIT})\s+(?:before|after|prior|following|from|of|vor|nach|ab|avant|apres|antes|despues|prima|dopo|depois)` +
    // …or after so much time or use, or every so much ("after 3 months", "après les 500 premiers
    // kilomètres", "nach 2 Wochen", "every 2,000 km", "tous les 2 000 km", "alle 6 Monate").
    String.raw`|(?:after|before|within|nach|vor|innerhalb|binnen|apres|avant|dopo|prima|entro|despues de|antes de|depois de|every|each|alle|jede[nrs]?|tous les|toutes les|cada|ogni|a cada)\s+(?:(?:the|les|la|le|den|die|der|dem|los|las|il|i|gli|os|as|first|premiers?|premieres?|ersten?|primeros?|primi|primeiros?)\s+){0,2}(?:\d|(?:${FOLDED_NUMBER_WORDS})(?![\p{L}])))`,
  "iu",
);

/**
 * A question for a price: how much or how expensive something is, what it costs ("What does the
 * Pro plan cost?", "Was kostet …?", "Combien coûte …?"), with a word of price in it. Not "When is
 * the annual fee due?" nor "How old must I be for the senior price?", which ask another amount.
 */
const PRICE_ASKED =
  /(?<![\p{L}\p{N}])(?:how much|how expensive|what (?:does|do|did|will|would)|was (?:kostet|kosten|kostete)|wie (?:teuer|viel|hoch)|combien|cu[áa]nto|quanto|hoeveel|wat kost(?:en)?|hoe duur|^\W*ile|hur mycket|vad kostar|hvor meget|hvad koster|hvor mye|hva koster|paljonko|kuinka paljon|kolik|ne kadar)(?![\p{L}\p{N}])/iu;
/** A word of price. */
const ASKS_PRICE = /(?<![\p{L}\p{N}])(?:costs?|price[sd]?|pricing|expensive|fees?|kostet|kosten|kostete|preis|preise|teuer|gebühr(?:en)?|coûte|coûtent|prix|tarif|cuesta|cuestan|precio|costa|costano|prezzo|custa|custam|preço|kost|kosten|prijs|prijzen|hoe duur|kosztuje|kosztują|kostar|priset|avgift(?:en)?|koster|gebyr(?:et)?|hinta|maksaa|maksu|stoj[íi]|poplatek|fiyat(?:ı)?|ücret(?:i)?)(?![\p{L}\p{N}])/iu;
/** Whether a question asks for a price (an amount question with a word of price, asked by how much, what it costs …). */
function asksPrice(asked: string): boolean {
  return ASKS_AMOUNT.test(asked) && PRICE_ASKED.test(asked) && ASKS_PRICE.test(asked) && !ASKS_MEANING.test(asked);
}
/**
 * How much one thing is, by the indefinite article: most often a price, though no word of price is
 * said ("how much is an adult ticket"). Not held to one (a quota, "How much is an assignment
 * worth?" ask other amounts): its first quote is one with a sum of money where the best window
 * has none (see `sumAsked`). (Not "How much is the limit?", nor "How much is left?".)
 */
const HOW_MUCH_IS_ONE = /(?<![\p{L}\p{N}])how much (?:is|are|would be|will be) (?:a|an|one)(?![\p{L}\p{N}])(?![^?]*(?:worth|penali[sz]ed|deducted|taken off|left|quota|allowance|limit)(?![\p{L}\p{N}]))/iu;
/**
 * Where the question asks a price, or how much one thing is ("how much is an adult ticket"):
 * whether a text gives a sum of money (not merely that something is free or included), by the
 * question's own numbers left out. Undefined for any other question.
 */
export function sumAsked(asked: string, question: string): ((text: string) => boolean) | undefined {
  if (!(asksPrice(asked) || PRICE_PAID.test(asked) || (ASKS_AMOUNT.test(asked) && HOW_MUCH_IS_ONE.test(asked))) || ASKS_MEANING.test(asked)) return undefined;
  return sumBy(question);
}
/** A question for what a word means ("What does the cost per click mean?"): no price asked. */
const ASKS_MEANING = /(?<![\p{L}\p{N}])(?:mean|means|meant|stand for|stands for|refer to|bedeutet|bedeuten|heißt)(?![\p{L}\p{N}])/iu;
/**
 * Currencies after an amount ("25 €", "150 Kč", "3000 Ft" not: feet), and codes before one ("EUR
 * 25", "CZK 150"), as folded text writes them. Not those other languages write as everyday words
 * after a number: "lei" (Italian "she"), "ron" (Spanish "rum"), "ils", "rub", "peso", "reais",
 * "try", "lire".
 */
const CURRENCY_AFTER = String.raw`€|eur|euros?|\$|usd|dollars?|£|gbp|pounds?|pence|p|chf|franken|francs?|cents?|ct|yen|¥|kr|sek|nok|dkk|kronor|kroner|pln|zl|zł|aud|cad|inr|rs|rupees?|₹|kc|czk|korun|brl|huf|forint|₺|₽|rubles?|₩|krw|₪|jpy|cny|rmb|yuan|mxn|nzd|hkd|sgd|zar|isk`;
const CURRENCY_BEFORE = String.raw`eur|usd|gbp|chf|sek|nok|dkk|pln|aud|cad|inr|rs\.?|kr\.?|czk|brl|huf|krw|jpy|cny|mxn|nzd|hkd|sgd|zar|isk`;
/** A sum of money: a number before a currency or after its sign or code, in folded text ("95 und 140 Euro", "€ 19", "$9", "25 pounds", "EUR 49", "249 kr", "150 Kč"). */
const MONEY = String.raw`(?:(?<![\d.,])\d[\d.,]*\s*(?:[\p{L}-]+\s+){0,2}?(?:${CURRENCY_AFTER})(?![\p{L}\p{N}])|(?:€|\$|£|¥|₹|₺|₽|₩|₪)\s?\d|(?<![\p{L}\p{N}])(?:${CURRENCY_BEFORE})\s?\d)`;
/**
 * A currency on its own, in brackets or after "in": a table's header that prices every row beneath
 * it ("| Procedimento | Valor (R$) |" over "| Canal em molar | 1.100,00 |", "Prices in EUR"). Not a
 * currency's name, which is a weight's too ("Weight in pounds").
 */
const CURRENCY_NAMED = new RegExp(String.raw`(?:[(\[]\s*(?:R\$|€|\$|£|¥|₹|₺|₽|₩|₪|eur|euros?|usd|gbp|chf|sek|nok|dkk|kr|pln|zł|czk|kč|brl|huf|jpy|cny|inr|aud|cad|nzd|mxn)\s*[)\]]|(?<![\p{L}\p{N}])in\s+(?:€|\$|£|eur|usd|gbp|chf|czk|sek|nok|dkk|pln)(?![\p{L}\p{N}]))`, "iu");

/**
 * A question for a price asked by naming it, not by an amount: "What is the retail price of …?",
 * "What are the fees for …?", "Wie hoch ist die Gebühr …?", "Was ist der Preis …?", "Quel est le
 * prix …?", "¿Cuál es el precio …?", "Qual è il costo …?". (Not "what is the charge", which is as
 * often a battery's, nor "the rate", an interest's.)
 */
const PRICE_NAMED = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(?:(?:what(?:['’]s|\s+is|\s+are|\s+was|\s+were)(?:\s+the|\s+a)?(?:\s+\p{L}+)??\s+(?:price|cost|fee)s?` +
    String.raw`|(?:wie hoch|was)\s+(?:ist|sind|war)\s+(?:der|die|das)(?:\s+\p{L}+)??\s+(?:preis|preise|gebühr|gebühren|kosten)` +
    String.raw`|quel(?:le)?s?\s+(?:est|sont)\s+(?:le|la|les)\s+(?:prix|tarifs?|co[uû]ts?|frais)|cu[áa]l(?:es)?\s+(?:es|son)\s+(?:el|la|los|las)\s+(?:precios?|costes?|costos?|tarifas?)` +
    String.raw`|qual(?:e|i)?\s+(?:[èe]|sono)\s+(?:il|la|i|le)\s+(?:prezz[oi]|cost[oi]|tariff[ae])|qual(?:is)?\s+(?:[ée]|s[ãa]o)\s+(?:o|a|os|as)\s+(?:pre[çc]os?|custos?|tarifas?))` +
    // (The price of something, or the price alone: not "the cost center", "the price list".)
    String.raw`(?=\s+(?:of|for|für|von|bei|de|du|des|del|della|dello|dei|degli|delle|di|do|da|dos|das|per|pro|a|an|each)(?![\p{L}\p{N}])|\s*[?!.]|\s*$))`,
  "iu",
);
/**
 * A question whether a thing costs anything at all: "Does the course cost anything?", "Is there a
 * fee for …?", "Do I have to pay anything?", "Is it free of charge?", "Kostet der Antrag eine
 * Gebühr?", "Ist die Abgabe kostenlos?", "Muss ich etwas bezahlen?", "Fallen Gebühren an?", "¿Es
 * gratis …?", "Est-ce payant ?", "È gratuito …?", "¿Puedo cancelar sin pagar nada?". Its answer
 * is a price or that there is none.
 * (Not who pays or whether a duty applies, which "Do I have to pay for damage my guests cause?",
 * "Muss ich für Schäden zahlen?", "Muss ich Umsatzsteuer zahlen?", "¿Hay que pagar el alquiler
 * por adelantado?" ask: a passage that says who pays answers them.)
 */
const PRICE_WHETHER = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(?:(?:does|do|did|will|would)(?:n['’]t)?\s+(?:[\p{L}\p{N}'’.-]+\s+){1,6}?cost\s+(?:anything|money|extra|something|a\s+fee)` +
    String.raw`|(?:is|are)\s+there\s+(?:any\s+|a\s+)?(?:fees?|costs?)\s+(?:for|to|if|when)|(?:have\s+to|need\s+to|must)\s+pay\s+(?:anything|extra|a\s+fee)|(?:is|are)\s+(?:[\p{L}\p{N}'’.-]+\s+){0,6}?free\s+of\s+charge` +
    String.raw`|kostet\s+(?:[\p{L}\p{N}'’.-]+\s+){1,8}?(?:etwas|extra|geld|eine\s+gebühr|gebühren)|(?:ist|sind)\s+(?:[\p{L}\p{N}'’.-]+\s+){1,6}?(?:kostenlos|kostenfrei|gebührenfrei|kostenpflichtig|gebührenpflichtig|umsonst|gratis)` +
    String.raw`|(?:muss|müssen)\s+(?:ich|man|wir)\s+(?:[\p{L}\p{N}'’.-]+\s+){0,6}?(?:etwas|extra)\s+(?:be)?zahlen|fallen\s+(?:[\p{L}\p{N}'’.-]+\s+){0,4}?(?:gebühren|kosten)\s+an` +
    String.raw`|(?:es|son)\s+(?:gratis|gratuit[oa]s?)|tiene\s+(?:alg[úu]n\s+)?(?:coste|costo)|est-ce\s+(?:payant|gratuit)e?|(?:est|sont)-(?:il|elle|ils|elles)\s+(?:payant|gratuit)e?s?` +
    String.raw`|[èe]\s+(?:gratis|gratuit[oa]|a\s+pagamento)|[ée]\s+(?:gr[áa]tis|gratuit[oa])|tem\s+(?:algum\s+)?custo` +
    // …or whether it can be done without paying ("Can I cancel without paying anything?", "¿Puedo cancelar sin pagar nada?").
    String.raw`|without\s+paying|(?:ohne|kostenlos)\s+(?:etwas\s+|was\s+)?(?:zu\s+)?(?:be)?zahlen|sans\s+(?:rien\s+)?payer|sin\s+pagar|senza\s+pagare|sem\s+pagar)(?![\p{L}\p{N}])`,
  "iu",
);
/**
 * A question for a price by the verb of paying: what or how much one pays ("was zahlt man als
 * Erwachsener im Jahr?", "How much do I pay for a locker?", "¿Cuánto pago por la toalla?",
 * "Combien dois-je payer ?", "Quanto se paga …?", "Kolik zaplatím …?"): its quote is one with a
 * sum (see `sumAsked`). Not whether or who pays ("Muss ich Steuern zahlen?", "Do I have to pay for
 * damage …?"). (Not held to a price of the thing by its words, as PRICE_NAMED's questions are: what
 * one pays "für den Verein" is its table of yearly fees, which never says "Verein".)
 */
const PRICE_PAID = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(?:how much\s+(?:[\p{L}'’]+\s+){1,5}?pay|what\s+(?:do|does|will|would|should)\s+(?:i|we|you|one|members?|guests?|adults?|students?|children|kids)\s+(?:(?:have|need)\s+to\s+)?pay(?!\s+attention)` +
    String.raw`|(?:was|wie\s*viel)\s+(?:(?:zahlt|bezahlt|zahle|bezahle|zahlen|bezahlen)\s+(?:man|ich|wir|sie|du|ihr)|(?:muss|müssen|musst|soll|sollen)\s+(?:man|ich|wir|sie|du)\s+(?:[\p{L}\p{N}'’.-]+\s+){0,6}?(?:be)?zahlen)` +
    String.raw`|combien\s+(?:(?:est-ce\s+que\s+)?(?:je|on|nous|vous)\s+)?(?:paie|paye|payons|payez|doit-on|dois-je|faut-il)(?:\s+payer)?|cu[áa]nto\s+(?:pago|pagas|paga|pagamos|pagan|se\s+paga|tengo\s+que\s+pagar|hay\s+que\s+pagar)` +
    String.raw`|quanto\s+(?:pago|paghi|paga|paghiamo|pagano|si\s+paga|devo\s+pagare|pagamos|pagam|se\s+paga|tenho\s+que\s+pagar|preciso\s+pagar)|kolik\s+(?:zaplat[íi]m|zaplat[íi]me|plat[íi]m|se\s+plat[íi])|ile\s+(?:zapłacę|płacę|się\s+płaci))(?![\p{L}\p{N}])`,
  "iu",
);
/** What says a thing costs something, without the sum: "is chargeable", "kostenpflichtig", "payant" (folded text). */
const PAID = /(?<![\p{L}\p{N}])(?:chargeable|kostenpflichtig|gebuhrenpflichtig|payante?s?|a pagamento|de pago)(?![\p{L}\p{N}])/iu;

/** What says a thing costs nothing, or nothing on top: "free of charge", "is free" (not "free from defects", "free disk space", nor a condition that a room "is free", available: "… if the room is free"), "no charge", "included", "kostenlos", "gebührenfrei", "gratuit", "gratis", "sin coste" … (folded text). */
const NO_PRICE = /(?<![\p{L}\p{N}])(?:free of charge|for free|(?<!(?:^|[^\p{L}])(?:if|when|whether|until|unless|once|while|as long as)\s+(?:\p{L}+\s+){0,3})(?:is|are|be|remains?|stays?)\s+(?:\p{L}+\s+)?free(?![\p{L}\p{N}])(?!\s+(?:from|of|space|disk|memory|software|to)(?![\p{L}\p{N}]))|no (?:extra |additional )?(?:charge|cost|fee)s?|at no (?:extra |additional )?cost|included|includes|inclusive|kostenlos(?:e[nrsm]?)?|kostenfrei(?:e[nrsm]?)?|gebuhrenfrei(?:e[nrsm]?)?|umsonst|gratis|unentgeltlich(?:e[nrsm]?)?|inklusive|inbegriffen|enthalten|gratuit[e]?s?|sans frais|compris|incluse?s?|gratuit[oa]s?|sin (?:coste|costo|cargo)|incluid[oa]s?|senza costi|compres[oa]|sem custo)(?![\p{L}\p{N}])/iu;

/** An example in brackets: "(for example, two slip days = 48 hours late)", "(e.g. 3 retries)", "(z. B. 5 Tage)". */
const EXAMPLE_IN_BRACKETS = /\((?:for example|for instance|e\.\s?g\.|eg\.|z\.\s?b\.|zum beispiel|beispielsweise|par exemple|p\.\s?ex\.|por ejemplo|p\.\s?ej\.|ad esempio|per esempio|ad es\.|por exemplo)[^()]*\)/giu;
function withoutExamples(text: string): string {
  return text.includes("(") ? text.replace(EXAMPLE_IN_BRACKETS, "") : text;
}

/**
 * A number (in digits, or a number word in folded text) and what may stand between it and what it
 * counts: up to two words after digits ("3 failed Prüfungen"), one after a number word ("two slip
 * days"; "très rapide en semaine" is no number of weeks), or a hyphen right before it ("a 2-year
 * warranty").
 */
const NUMBER_BEFORE = String.raw`(?:(?<![\d.,])\d[\d.,]*(?:\s+(?:[\p{L}-]+\s+){0,2}?|-)|\b(?:${FOLDED_NUMBER_WORDS})(?:\s+(?:[\p{L}-]+\s+)?|-))`;

/** A question's own numbers, as whole numbers ("80 minutes" is no number of "port 8080"). */
function questionNumbers(question: string): ReadonlySet<string> {
  return new Set(question.match(/\d+/g) ?? []);
}

/** Whether a text holds a number in digits that the question does not give ("retries 3 times"). */
export function saysNewNumber(question: string): (text: string) => boolean {
  const own = questionNumbers(question);
  return (text) => (text.match(/\d+/g) ?? []).some((n) => !own.has(n));
}

export interface AmountAsked {
  /** Whether the text holds a number the question does not give itself. */
  readonly hasNumber: (text: string) => boolean;
  /** Whether the text holds a number of what is counted, or of a unit of time for "how long". */
  readonly saysNumberOf: (text: string) => boolean;
  /** Whether it holds a number of the whole thing counted, where that is two words or more ("four slip days"). */
  readonly saysWholeNumberOf: (text: string) => boolean;
  /** Where the question asks for a limit ("at most", "the longest", "höchstens"): whether the text gives one with a number. */
  readonly saysLimit?: (text: string) => boolean;
  /** Where the question asks for a price: whether the text gives one (a sum of money, that a thing is free or included, or a number beside a word of price). */
  readonly saysPrice?: (text: string) => boolean;
}

/** A question that asks for a limit: the most, the least, the longest ("How long … at most?", "What is the longest time …?", "Wie lange … höchstens?"). */
const ASKS_LIMIT = /(?<![\p{L}\p{N}])(?:at (?:the )?(?:most|least|latest|earliest)|maximum|minimum|maximal|minimal|longest|shortest|largest|biggest|smallest|highest|lowest|upper limit|lower limit|höchstens|mindestens|spätestens|frühestens|maximale[nmrs]?|minimale[nmrs]?|längste[nmrs]?|kürzeste[nmrs]?|größte[nmrs]?|kleinste[nmrs]?|höchste[nmrs]?|niedrigste[nmrs]?)(?![\p{L}\p{N}])/iu;
/** A text that gives a limit. */
const SAYS_LIMIT = /(?<![\p{L}\p{N}])(?:at (?:the )?(?:most|least|latest|earliest)|maximum|minimum|max|maximal|minimal|up to|no more than|not more than|no less than|not less than|(?:must|may|can|cannot|should) not exceed|limit(?:ed)? (?:to|of|is)|höchstens|mindestens|spätestens|frühestens|maximale?[nmrs]?|minimale?[nmrs]?|bis zu|nicht mehr als|nicht weniger als|obergrenze|untergrenze|höchstwert|mindestwert)(?![\p{L}\p{N}])/iu;

/**
 * The words that say which amount a question asks for, not what about: "long" in "How long must
 * passwords be?", "oft" in "Wie oft …?". A passage that says only these ("How long do you keep my
 * data?") says nothing of what is asked about.
 */
export function amountDimensionWords(asked: string): ReadonlySet<string> {
  const found = new Set<string>();
  for (const m of asked.matchAll(/(?<![\p{L}\p{N}])(?:how|wie)\s+(long|lange?|often|oft|old|alt|big|large|groß|far|weit|hoch|schnell|soon|quickly|high|fast|tall|heavy|wide|deep|late|early|thick|hot|cold|warm|expensive|schwer|tief|breit|spät|früh|dick|heiß|kalt|teuer)(?![\p{L}\p{N}])/giu)) {
    for (const t of terms(m[1]!)) found.add(t);
  }
  // (And "ahead" of "How far ahead …?", "in advance", "im Voraus": a time before.)
  for (const m of asked.matchAll(/(?<![\p{L}\p{N}])(?:how far|wie (?:weit|lange))\s+(ahead|in advance|im voraus)(?![\p{L}\p{N}])/giu)) for (const t of terms(m[1]!)) found.add(t);
  // (And "age" of "At what age …?", "Alter" of "Ab welchem Alter …?".)
  for (const m of asked.matchAll(/(?<![\p{L}\p{N}])(?:what (age)|welchem (alter))(?![\p{L}\p{N}])/giu)) for (const t of terms(m[1] ?? m[2]!)) found.add(t);
  // What a price question asks is the price: "cost" in "What does the Storm expansion cost?" (a
  // passage that says only "Entry costs £15" says nothing of the expansion).
  if (asksPrice(asked)) for (const m of asked.matchAll(new RegExp(ASKS_PRICE.source, "giu"))) for (const t of terms(m[0])) found.add(t);
  return found;
}

/**
 * The amount `asked` (the question whose words say what is asked) wants, or undefined when it asks
 * for none; `question` is the one typed, whose own numbers answer nothing.
 */
export function amountAsked(asked: string, question: string): AmountAsked | undefined {
  if (!ASKS_AMOUNT.test(asked)) return undefined;
  const newNumber = saysNewNumber(question);
  const counted = COUNTED.exec(asked)?.[1] ?? COUNTED_ROMANCE.exec(asked)?.[1];
  // The thing counted by its content words' stems (at least three letters, any ending after them).
  const stems = counted ? terms(counted).map((w) => w.replace(/(?:e?s|e?n|e)$/i, "")).filter((w) => w.length >= 3) : [];
  const stemPatterns = stems.map((w) => `${w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\p{L}{0,3}`);
  const unit = stems.length
    ? stemPatterns.join("|")
    : ASKS_DURATION.test(asked)
      ? TIME_UNIT
      : ASKS_FREQUENCY.test(asked)
        ? `times|mal|fois|veces|volte|vezes|ganger|gange|gang|keer|razy|kertaa|${TIME_UNIT}`
        : undefined;
  // (A measure's unit right after its number, "4,2 kg", "25km/h": a word or two between, "3 cells
  // in", says no length.)
  const measure = unit ? undefined : measureAsked(asked)?.unit;
  // A number (not one the question gives) followed within two words by the thing counted or a unit
  // of time, in folded text as the stems are ("3 Prüfungen" of "Wie viele Prüfungen …?", "a 2-year
  // warranty" of "How long is the warranty?"); for a price, a sum of money.
  const numberOf = unit
    ? new RegExp(String.raw`${NUMBER_BEFORE}(?:${unit})(?![\p{L}\p{N}])`, "iu")
    : measure
      ? new RegExp(String.raw`(?<![\d.,])\d[\d.,]*\s?(?:${measure})(?![\p{L}\p{N}])`, "iu")
      : !counted && asksPrice(asked)
      ? new RegExp(MONEY, "iu")
      : undefined;
  // …and of the whole thing counted, its words in order ("four slip days" of "How many slip days
  // …?", where "up to 3 days" counts days of something else).
  const wholeOf =
    stems.length > 1
      ? new RegExp(String.raw`${NUMBER_BEFORE}${stemPatterns.join("[\\s-]+")}(?![\p{L}\p{N}])`, "iu")
      : undefined;
  const said = saidBeside(question);
  // A question for a point in time ("When is the exam?") is answered by one: a date, a time, a
  // weekday, so long before or after something; not by a module's code ("DS7001") or "once".
  // ("When do I want which?", "When should I use it?" ask in which case, not at what time.)
  const when = !unit && !counted && !asksPrice(asked) && ASKS_WHEN.test(asked) && !ASKS_CASE.test(asked);
  const pointInTime = (text: string) => POINT_IN_TIME.test(said(text));
  // A number in digits the question does not give, or one written out, outside the text's examples.
  const givesNumber = (text: string) => {
    const plain = withoutExamples(text);
    return newNumber(plain) || NUMBER_WORD.test(plain);
  };
  return {
    hasNumber: (text) => (when ? pointInTime(text) : givesNumber(text)),
    saysNumberOf: (text) => (when ? pointInTime(text) : numberOf !== undefined && numberOf.test(said(text))),
    saysWholeNumberOf: (text) => wholeOf !== undefined && wholeOf.test(said(text)),
    ...(ASKS_LIMIT.test(asked) && { saysLimit: (text: string) => SAYS_LIMIT.test(text) && givesNumber(text) }),
    // (Leniently: a number beside a word of price counts too, "| Item | Price (EUR) |" over "| Carry case | 29 |".)
    ...(!unit && !counted && asksPrice(asked) && { saysPrice: pricedBy(question) }),
  };
}

/**
 * A text as an amount is read in it: folded, without the examples it gives in brackets ("(for
 * example, two slip days = 48 hours late)": an example's number is no amount the text says), the
 * question's own numbers blanked out.
 */
function saidBeside(question: string): (text: string) => string {
  const own = questionNumbers(question);
  return (text) => fold(withoutExamples(text).replace(/\d+/g, (n) => (own.has(n) ? "_" : n)));
}

/**
 * Whether a text gives a price, by the question's own numbers left out: a sum of money, that a
 * thing is free, included or charged for, or (leniently) a number beside a word of price ("| Item
 * | Price |" over "| Carry case | 29 |").
 */
function pricedBy(question: string): (text: string) => boolean {
  const sum = sumBy(question);
  return (text) => sum(text) || NO_PRICE.test(fold(text)) || PAID.test(fold(text)) || (ASKS_PRICE.test(text) && /\d/.test(text));
}

/**
 * Whether a text gives a sum of money, by the question's own numbers left out (see `saidBeside`):
 * a number with its currency, or a number where the currency is named on its own, as a table's
 * header names it for every row ("| Procedimento | Valor (R$) |" over "| Canal em molar | 1.100,00 |").
 */
function sumBy(question: string): (text: string) => boolean {
  const money = new RegExp(MONEY, "iu");
  const said = saidBeside(question);
  return (text) => {
    const plain = said(text);
    return money.test(plain) || (CURRENCY_NAMED.test(text) && /\d/.test(plain));
  };
}

/**
 * Where the question asks what a thing costs, or whether it costs anything ("How much is …?",
 * "What is the price of …?", "Is there a fee for …?"): whether a text gives a price (see
 * `pricedBy`). Undefined for any other question.
 */
export function priceAsked(asked: string, question: string, amount = amountAsked(asked, question)): ((text: string) => boolean) | undefined {
  if (amount) return amount.saysPrice;
  return !ASKS_MEANING.test(asked) && (PRICE_NAMED.test(asked) || PRICE_WHETHER.test(asked)) ? pricedBy(question) : undefined;
}

/** The verb of paying, folded: "pay", "paying", "zahlt", "bezahlen", "pagar", "payer", "zaplatim". */
const PAY_WORD = /^(?:pay|pays|paid|paying|(?:be)?zahl(?:e|en|st|t|te|ten)?|pag(?:o|as|a|amos|an|ar|are|hi|ano|am)|pai(?:e|es|ent)|pay(?:e|er|ons|ez)|(?:za)?plat(?:it|im|ime|i))$/u;
/**
 * Whether a (folded) word of the question is its verb of paying where it asks a price by paying
 * ("… without paying anything?", "was zahlt man …?", "¿cuánto pago …?"): the question asks a price,
 * not about paying, so a folder need not say the verb. (In "How do I pay by card?" it is what is asked.)
 */
export function paysAsked(question: string): (term: string) => boolean {
  const asked = PRICE_WHETHER.test(question) || PRICE_PAID.test(question);
  return (term) => asked && PAY_WORD.test(term);
}

/** Whether a text says something is free or included ("kostenlose Sperrmüllabholung", "free of charge", "inclus"). */
export function saysNoPrice(text: string): boolean {
  return NO_PRICE.test(fold(text));
}

/** Whether a (folded) word is one of price ("cost", "gebuhr", "prix", "kostenlos"): what a price question asks, not what about. */
export function isPriceWord(term: string): boolean {
  return ASKS_PRICE.test(term) || FOLDED_PRICE.test(term) || NO_PRICE.test(term) || PAID.test(term);
}
/** Words of price as terms write them (folded) that ASKS_PRICE does not match: "gebuhr", "costo", "frais", "precios". */
const FOLDED_PRICE = /^(?:gebuhr(?:en)?|coute|coutent|cout|couts|preco|precos|precios?|costos?|costes?|costi|prezz[oi]|tariff[ae]|tarifas?|tarifs?|frais|custos?|charges?|stoji|ucret(?:i)?|fiyat(?:i)?)$/u;

/**
 * A question that asks why, or for a cause ("Why does …?", "… never get an Expires header. Why?",
 * "Warum …?", "Woran liegt das?", "What causes …?", "What's the usual reason?", "Was ist die
 * häufigste Ursache?", "Aus welchem Grund …?", "What am I doing
 * wrong?", "Was mache ich falsch?"; and the same in the other languages manuals are most often
 * translated into): its answer gives a reason.
 */
export const ASKS_WHY =
  /(?<![\p{L}\p{N}])(?<!(?:that|this|here|which|that['’]s|here['’]s|das ist|deshalb)\s{1,3}(?:is\s{1,3})?)(?:why|how come|what causes|for what reason|(?:what|which)(?:['’]s|\s+(?:is|are|was|were|(?:might|could|would|may)\s+be))\s+(?:the|a)\s+(?:\p{L}+\s+){0,2}?(?:reasons?|causes?)(?=\s*(?:[?,.:;!]|$|(?:for|of|behind|here|then|that|why|i|we|you|it|they|my|our|your|its|their|the|this|these|those)\b))|was (?:ist|sind|kann|können|könnte|könnten|wäre|wären) (?:der|die|denn der|denn die) (?:\p{L}+\s+){0,2}?(?:grund|gründe|ursachen?)(?![\p{L}\p{N}-])|what (?:am i|are we|did i|did we) do(?:ing)? wrong|what(?:['’]s| is) wrong|warum|wieso|weshalb|woran liegt|aus welchem grund|was ist der grund|was (?:mache|machen|habe|haben) (?:ich|wir)(?: da| denn| hier)? falsch|was ist (?:da |denn |hier )?falsch|pourquoi|por qu[ée]|perch[ée]|waarom|varför|hvorfor)(?![\p{L}\p{N}-])/iu;
/**
 * What gives a reason: "because", "due to", "caused by", "this means that", "the reason", "so
 * that", "this leads to", a rule with what happens ", otherwise"; "weil", ", denn", "wegen",
 * "aufgrund", "bedeutet das, dass", "liegt daran", "das führt zu", ", sonst"; and so on. Not
 * "since" nor "da", which as often say when or where; "leads to", "results in" and "führt zu" only
 * after what they refer back to ("The link leads to the download page" gives no reason); "denn",
 * "otherwise" and "sonst" only as conjunctions ("…, denn", not "es sei denn"; not "unless
 * otherwise noted").
 */
export const SAYS_WHY =
  /(?<![\p{L}\p{N}])(?:because|due to|caused by|causes?|the reason|reasons? (?:is|are|for)|as a result|(?:^|(?<=[,;]))\s*(?:otherwise|sonst|andernfalls)(?=\s+\p{L})|(?:this|that|which|it) (?:results? in|leads? to|led to)|so that|means that|therefore|weil|(?:^|(?<=[,;:.!?]))\s*denn|wegen|aufgrund|verursach\p{L}*|bedeutet(?: das)?,? dass|liegt daran|(?:das|dies|was|es) führt zu|sodass|so dass|der grund|deshalb|daher|parce que|à cause|porque|debido a|perch[ée]|omdat|eftersom|fordi)(?![\p{L}\p{N}])/iu;

/**
 * A question that asks whether something may, can or should be done, does something or is so ("Can I
 * …?", "Shouldn't the binaries …?", "Darf ich …?", "Können Benutzer …?", "Does OCSP stapling
 * …?", "Is that the default?", "Ist das Absicht?", in any of its sentences: "I returned a jacket.
 * Should I book it as income?"). Not "Is there
 * …?" nor "Gibt es …?", which ask for a thing; nor a request put politely ("Can you explain what a
 * debit is?", "Do you know which …", "Können Sie mir sagen, …"), "May 2024" or "Soll und Haben".
 * Word ends are letters' ends: `\b` is ASCII-only ("Soll|überschreitung").
 */
export const ASKS_YES_NO = new RegExp(
  "(?:^|[.!?]\\s)\\W*(?:(?:and|but|so|und|aber|also)\\W+)?" +
    "(?:(?:can|could|should|must|may|shall|does|do|did)(?:n['’]t)?|is it possible|kann|kannst|können|könnte|darf|dürfen|muss|müssen|soll|sollen|sollte|sollten|ist es möglich" +
    // Whether something is so ("Is that the default behaviour?", "Ist das Absicht?"); not "Is
    // there …?", which asks for a thing, nor German "Was …?" (what).
    "|am(?=\\s+i\\b)|(?:(?:is|are|were)(?:n['’]t)?|ist|sind|war|waren)(?!\\s+there\\b)|was(?:n['’]t)?(?=\\s+(?:it|that|this|the|a|my|your|he|she|they|i)\\b)|wasn['’]t)(?![\\p{L}\\p{N}])" +
    "(?!\\s+\\d)(?!\\s*-|\\s+und\\s+haben)" +
    "(?!\\s+(?:(?:you|ihr|sie|du)\\s+)?(?:please\\s+|bitte\\s+)?(?:(?:me|us|mir|uns)\\s+)?(?:tell|explain|show|list|describe|give|name|help|say|know|erklären|erkläre|zeigen|zeige|nennen|nenne|sagen|sage|beschreiben|helfen)(?![\\p{L}\\p{N}]))" +
    // French, Spanish, Italian, Portuguese: "Puis-je …?", "Est-ce qu'on …?", "¿Se puede …?", "Si può …?", "Posso …?", "É possível …?".
    "|(?:^|[.!?;:]\\s|¿)[^\\p{L}\\p{N}]{0,8}(?:(?:et|mais|y|pero|e|ma|mas)\\s+)?(?:puis-je|peut-on|peut-il|peut-elle|peuvent-ils|dois-je|doit-on|faut-il|est-il possible|est-ce qu(?:e|['’])|puedo|puede|pueden|se puede|se pueden|debo|hay que|es posible|tengo que|posso|pu[òo]|si pu[òo]|devo|[èe] possibile|bisogna|pode|podem|[ée] poss[íi]vel|preciso)(?![\\p{L}\\p{N}-])",
  "iu",
);
/**
 * What says no, or only so far: a negation or a limit ("… können vom Benutzer nicht verändert
 * werden.", "… should be accomplished using these directives rather than RewriteRule", "nur ein
 * einziges MPM", "users can’t"). A plain "can" or "kann" says nothing here: most sentences of a
 * manual say what can be done. Not "No. 5". The same in French, Spanish, Italian and Portuguese
 * ("ne … pas", "au lieu de", "sólo", "invece", "em vez de"), but not their "no" and "non" before
 * a hyphen, which English writes too ("non-free").
 */
export const SAYS_NO =
  /(?<![\p{L}\p{N}])(?:not|no(?!\.\s*\d)|none|nothing|nobody|never|only|without|rather than|instead|cannot|nicht|nichts|kein\p{L}*|nie|niemals|nur|ohne|statt|stattdessen|anstatt|pas|jamais|seulement|uniquement|aucun\p{L}*|au lieu|à la place|plutôt que|nunca|sólo|[úu]nicamente|ning[úu]n\p{L}*|en lugar|en vez|soltanto|solamente|senza|nessun\p{L}*|invece|piuttosto che|al posto|n[ãa]o|apenas|nenhum\p{L}*|em vez|em lugar|ao invés)(?![\p{L}\p{N}])|n['’]t(?![\p{L}\p{N}])|(?<![\p{L}\p{N}])non(?![\p{L}\p{N}-])/iu;

/**
 * A question that asks for a key combination ("Which keyboard shortcut …?", "… which key combo
 * jumps to …?", "Mit welchem Tastenkürzel …?", "Gibt es eine Tastenkombination …?", "Quel
 * raccourci …?", "¿Qué atajo de teclado …?", "Quale scorciatoia …?", "Qual é o atalho …?"): its
 * answer names one.
 */
export const ASKS_SHORTCUT =
  /(?<![\p{L}\p{N}])(?:keyboard (?:shortcuts?|short-cuts?|commands?)|(?:shortcut|hot) ?keys?|hotkeys?|key ?(?:combos?|combinations?|bindings?|strokes?)|keystrokes?|tastenkürzel\p{L}*|tastenkombination\p{L}*|tastaturkürzel\p{L}*|tastaturbefehl\p{L}*|welche[rnms]? tasten?|raccourcis? (?:clavier|de touches)|combinaisons? de touches|atajos? de teclado|combinaci[oó]n(?:es)? de teclas|scorciatoi[ae] (?:da|di) tastiera|combinazion[ei] di tasti|atalhos? (?:de|do) teclado|combina[çc](?:ão|ões) de teclas)(?![\p{L}\p{N}])/iu;
/**
 * A key combination: a modifier and the one key pressed with it ("Ctrl+G", "Strg + Alt + S",
 * "Shift+F10", "Alt-F4", "⌘Q"); not "meta+data", "Command + Line Tools" or "win + loss". A hyphen
 * joins only the modifiers no word writes so ("Ctrl-G", not "super-user").
 */
export const SAYS_SHORTCUT =
  /(?<![\p{L}\p{N}])(?:(?:ctrl|strg|ctl|control|alt|shift|umschalt|cmd|command|meta|super|option|win|fn)\s?\+\s?|(?:ctrl|strg|ctl|alt|cmd)-)(?:[\p{L}\p{N}]|f\d{1,2}|enter|return|tab|esc|space|leertaste|leerzeichen|eingabe|entf|del|delete|einfg|insert|home|end|pos1|ende|backspace|up|down|left|right|pgup|pgdn)(?![\p{L}\p{N}])|[⌘⌥⌃⇧]\s?[\p{L}\p{N}](?![\p{L}\p{N}])/iu;

/**
 * A question that asks how to do something ("How do I …?", "Wie bringe ich …?", "Womit …?", "What
 * do I have to set …?", "Was muss ich vorher einstellen …?", in any of its sentences): its answer
 * is a step, a command, an option, a path, a menu path.
 */
export const ASKS_HOW = new RegExp(
  String.raw`(?:^|[.!?]\s)\W*(?:(?:and|so|und|also)\W+)?(?:how (?:do|can|could|should|would|to|does|is|are|am)\b|what(?:'s| is) the (?:command|way)\b|which (?:command|tool|program|option|setting)\b|wie \p{L}+\s+(?:ich|man|wir)\b|womit\b|mit welche[mnr]?\b` +
    String.raw`|what (?:do|must|should|shall) (?:i|we) (?:set|configure|enter|change|choose|select|click|type|install)\b|what (?:must|should|shall) (?:i|we) do\b|what (?:can|could|should|might) (?:i|we) try\b|what (?:could|might) (?:i|we) do\b|what do (?:i|we) (?:have|need) to (?:do|set|configure|enter|change|choose|select|click|type|install)\b` +
    String.raw`|was (?:muss|soll|kann) (?:ich|man|wir)(?:\s+\p{L}+){0,3}\s+(?:tun|machen|einstellen|eingeben|ändern|auswählen|wählen|anklicken|konfigurieren|installieren|probieren|ausprobieren|versuchen|unternehmen)(?![\p{L}\p{N}]))` +
    // French, Spanish, Italian, Portuguese: "Comment créer …?", "¿Cómo hago …?", "Come installo …?",
    // "Como crio …?" at a sentence's or clause's start, with what follows a how (a person, a
    // pronoun, an infinitive or a verb of the asker); "Quelle commande …?", "¿Qué orden …?";
    // "Que dois-je faire …?", "Cosa devo eseguire …?".
    String.raw`|(?:^|[.!?;:]\s|¿)[^\p{L}\p{N}]{0,8}(?:(?:et|y|e|ed)\s+)?(?:comment\s+(?=[^.!?]*?(?<![\p{L}\p{N}])(?:le|la|les|un|une|des|du|de|d['’]|je|j['’]|mon|ma|mes|son|sa|ses|est|sont|pour|avec|dans|sur|qui|que|qu['’]|ce|cette|ces|à|au|aux|l['’])(?![\p{L}\p{N}]))(?:je|j['’]|on|puis-je|peut-on|dois-je|faut-il|fait-on|est-ce|faire|en|y|le|la|les|l['’]|se|s['’]|\p{L}+(?:er|ir|re))(?![\p{L}\p{N}])|c[oó]mo\s+(?:hago|faço|puedo|posso|debo|devo|se|lo|la|los|las|le|les|me|o|a|os|as|\p{L}+(?:ar|er|ir|o|oy))(?![\p{L}\p{N}])|come\s+(?=[^.!?]*?(?<![\p{L}\p{N}])(?:il|lo|la|i|gli|le|un|uno|una|di|del|della|dei|delle|che|per|con|non|mio|mia|miei|mie|è|si|ci|ne|da|nel|nella|al|alla)(?![\p{L}\p{N}]))(?:faccio|posso|devo|si|lo|la|li|le|ne|mi|ci|\p{L}+(?:are|ere|ire|o))(?![\p{L}\p{N}]))` +
    String.raw`|(?<![\p{L}\p{N}])(?:quel(?:le)?s?|qu[ée]|quale|quali|qual|quais)\s+(?:(?:est|es|è|é)\s+)?(?:(?:le|la|el|il|lo|o|a)\s+)?(?:commande|outil|orden|comando|herramienta|strumento|ferramenta)s?(?![\p{L}\p{N}])` +
    String.raw`|(?<![\p{L}\p{N}])(?:que (?:dois-je|faut-il) (?:faire|lancer|exécuter|taper)|cosa (?:devo|bisogna) (?:fare|eseguire|lanciare|digitare)|qu[ée] (?:tengo|debo|hay) que (?:hacer|ejecutar|escribir)|o que (?:devo|tenho (?:de|que)) (?:fazer|executar))(?![\p{L}\p{N}])`,
  "iu",
);

/** Words the thing a question asks about may have at most for it to ask what that thing is. */
const SUBJECT_WORDS = 4;
const ARTICLE = String.raw`(?:(?:an?|the|ein|eine|einen|der|die|das|den)\s+)?`;
/**
 * "What is lintian?", "What's a virtual host?", "What is debconf used for?", "What does mod_deflate
 * do?", "What does FTBFS stand for?", "Was ist ein Quellpaket?", "Was macht debconf?", "Wofür ist die Zahl gut?", "Wozu
 * dient ein Kontenrahmen?": the question's last sentence, asking what a thing is or does.
 */
const WHAT_IS = new RegExp(
  String.raw`^\W*(?:what(?:['’]s|\s+is|\s+are)\s+${ARTICLE}(?<a>[^?]+?)(?:\s+(?:used\s+|good\s+)?for)?|what\s+(?:does|do)\s+${ARTICLE}(?<b>[^?]+?)\s+(?:do|mean|stand\s+for)` +
    String.raw`|was\s+(?:ist|sind|bedeutet|bedeuten|macht|tut)\s+${ARTICLE}(?<c>[^?]+?)|(?:wofür|wozu)\s+(?:ist|sind|steht|stehen|dient|dienen|braucht\s+man)\s+${ARTICLE}(?<d>[^?]+?)(?:\s+(?:gut|da))?)\s*\?\s*$`,
  "iu",
);
/**
 * Words that stand for a thing named before or for a person ("What is it?", "What do I do?", "Was
 * macht man bei einem Fehler?"): a thing asked about never opens with one.
 */
const PRONOUNS = new Set(
  ["it", "this", "that", "these", "those", "they", "i", "you", "we", "he", "she", "one", "es", "dies", "das", "diese", "dieser", "dieses", "damit", "ich", "du", "wir", "ihr", "er", "sie", "man"],
);
/** A question's last sentence longer than this asks about more than one thing (and is not searched for one). */
const WHAT_IS_CHARS = 200;

/** The thing a question asks to have explained, when it asks what one thing is or does; else undefined. */
export function definitionAsked(question: string): string | undefined {
  const last = (question.trim().split(/(?<=[.!?])\s+(?=\S)/u).at(-1) ?? "").replace(/\s+/g, " ");
  if (last.length > WHAT_IS_CHARS) return undefined;
  const m = WHAT_IS.exec(last);
  const subject = (m?.groups?.a ?? m?.groups?.b ?? m?.groups?.c ?? m?.groups?.d)?.trim().replace(/^["'„“‘»«]+|["'“”’»«]+$/gu, "");
  if (!subject) return undefined;
  const words = subject.split(" ");
  return words.length <= SUBJECT_WORDS && !PRONOUNS.has(words[0]!.toLowerCase()) ? subject : undefined;
}

/** Verbs that say what a thing is or does, after its name ("lintian is …", "mod_deflate provides …", "Ein Quellpaket enthält …"). */
const DEFINING_VERB = String.raw`(?:is|are|was|were|provides?|lets|allows?|enables?|makes?|contains?|describes?|means?|refers\s+to|stands\s+for|helps?|ist|sind|war|bietet|bieten|ermöglicht|ermöglichen|erlaubt|enthält|enthalten|bezeichnet|bedeutet|dient|dienen|steht\s+für|hilft)`;

/**
 * Words after the verb that tell a state, not what the thing is ("Frescobaldi is now open.",
 * "lintian ist noch nicht fertig"), unless an article follows ("lintian is now the standard checker").
 */
const STATE_ADVERB = String.raw`(?:now|still|already|currently|then|being|jetzt|nun|noch|bereits|gerade|gleich)`;
const DETERMINER = String.raw`(?:a|an|the|one|ein|eine|einer|eines|der|die|das|den|dem)`;

/** Words that put a name in a phrase of another subject ("The output of lintian is …", "Die Ausgabe von lintian ist …"). */
const RELATING = String.raw`(?:of|for|in|on|with|from|to|by|at|about|like|than|von|für|mit|bei|zu|im|in|auf|aus|über|wie|als)`;

/**
 * For a question what a thing is or does, what tells a text that says it: a sentence or line with
 * the thing's name among its first words and its verb right after ("The mod_deflate module
 * provides …", "Der Kontenrahmen ist …"), or a line that opens with the name and a dash, or a
 * colon and a capital ("• lintian - Das ist Debians Paket-Prüfer …"). Undefined for other questions.
 */
export function definitionOf(question: string): ((text: string) => boolean) | undefined {
  const subject = definitionAsked(question);
  if (subject === undefined) return undefined;
  const name = subject.split(/\s+/).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join(String.raw`\s+`);
  const named = String.raw`${name}(?:s|es|e|en|n)?(?![\p{L}\p{N}])`;
  // Before the name, a few marks at most ("• ", "> "), never a line break or a letter of another
  // script: unbounded, every start in a run of them read the run to its end (quadratic). Before a
  // sentence, not a comment's mark: "# This first-listed virtual host is also the default"
  // comments a configuration, it does not say what a virtual host is.
  const marks = String.raw`[^\p{L}\p{N}\n]{0,8}`;
  const sentenceMarks = String.raw`[^\p{L}\p{N}\n#/;]{0,8}`;
  const says = new RegExp(String.raw`(?:^|[.!?]\s+|\n)${sentenceMarks}(?:(?!${RELATING}\s)[\p{L}\p{N}'’-]+\s+){0,3}?${named}(?:\s+[\p{L}\p{N}'’-]+){0,2}?\s+${DEFINING_VERB}(?![\p{L}\p{N}])(?!\s+${STATE_ADVERB}(?![\p{L}\p{N}])(?!\s+${DETERMINER}(?![\p{L}\p{N}])))`, "iu");
  // A colon only before a capital: "dpkg: error processing archive …" is a message, not a definition.
  // (Its case is read apart: under the "i" flag \p{Lu} matches every letter.)
  const heads = new RegExp(String.raw`(?:^|\n)${marks}${named}(?:\s*[–—]|\s-\s|:\s+(\p{L}))`, "giu");
  const headsLine = (text: string) => {
    for (const m of text.matchAll(heads)) if (m[1] === undefined || /\p{Lu}/u.test(m[1])) return true;
    return false;
  };
  return (text) => says.test(text) || headsLine(text);
}

/**
 * Whether a question asks yes or no, for what answers it: not one that asks for an amount, nor
 * one that also asks how ("Can I change it? How?" wants the step).
 */
export function asksYesNo(asked: string, amount: boolean): boolean {
  return !amount && !ASKS_HOW.test(asked) && ASKS_YES_NO.test(asked);
}
