/**
 * The words that label a note, a tip or a warning in manuals of the languages read here: the
 * labels DocBook, Sphinx and word processors give their boxes ("Note", "Anmerkung", "Astuce",
 * "Sugerencia", "Dica"…). A word, not any short capitalised line: a text or PDF reader does not
 * mark every heading, and "Installation" over the next section is no note. Read by the PDF reader
 * (a label is no heading) and by the extractive answerer (a note under its label is quoted with
 * the paragraph it adds to).
 */
export const NOTE_WORDS =
  "notes?|tips?|hint|warning|caution|important|attention|remark|danger|hinweise?|anmerkung(?:en)?|tipps?|warnung|achtung|wichtig|vorsicht|bemerkung|gefahr|remarque|avertissement|astuce|conseil|nota|aviso|advertencia|atenci[oó]n|precauci[oó]n|sugerencia|consejo|importante|avviso|avvertimento|attenzione|suggerimento|consiglio|dica|aten[cç][aã]o|cuidado|sugest[aã]o";
/** A label over a note on a line of its own ("Note", "Anmerkung", "Warnung:"). */
export const NOTE_LABEL = new RegExp(`^(?:${NOTE_WORDS}):?$`, "iu");
