/**
 * Scoring of one evaluation run: per question what a reader would check (was the right passage
 * found, do the quotes hold the answer, is the PDF page and the section right, did it abstain),
 * then totals per group. Pure functions: the command line in scripts/eval.ts feeds them.
 */
import { z } from "zod";
import { normalizeForMatch } from "../../src/rag/text.js";

export interface EvalQuestion {
  readonly id: string;
  readonly lang: string;
  readonly question: string;
  /** File relative to the documents folder; null when the folder does not answer the question. */
  readonly source: string | null;
  /** Words of the passage that answers it. */
  readonly expect: string | null;
  readonly page?: number | null;
  readonly section?: string | null;
  readonly kind?: string | null;
}

/** What the bot did for one question, as much of it as scoring needs. */
export interface Observed {
  /** Retrieved passages, best first. */
  readonly retrieved: readonly { source: string; text: string }[];
  readonly abstained: boolean;
  /** Abstained, naming the closest passages (a near miss). */
  readonly closest?: boolean;
  /** Retrieval's answerability signal, for reading the rows. */
  readonly answerability?: number;
  readonly error?: string;
  readonly citations: readonly { source: string; quote: string; section: string | null; page: number | null; pageEnd: number | null; exact: boolean }[];
}

export interface Row {
  readonly id: string;
  readonly lang: string;
  readonly kind: string;
  readonly question: string;
  readonly answerable: boolean;
  /** 1-based rank of the first retrieved passage from the right file holding the expected words; 0: none. */
  readonly rank: number;
  readonly abstained: boolean;
  readonly quoteHolds: boolean;
  /** null when the question has no page. */
  readonly pageRight: boolean | null;
  readonly sectionNamed: boolean;
  /** null when the question has no section. */
  readonly sectionRight: boolean | null;
  readonly quotesExact: boolean;
  readonly closest: boolean;
  readonly answerability?: number;
  readonly error?: string;
}

// Markdown's code and emphasis asterisks ("`autoSelectFamily`", "**bot token**"; not "_", which names use) are no words: an
// expected answer copied from a Markdown file matches the same words read without them.
const norm = (s: string) => normalizeForMatch(s.replace(/[`*]/g, "")).replace(/[‐‑‒–—]/g, "-");

/** Section headings compared without their numbering style ("4.1 control" ~ "4.1. control"). */
const normSection = (s: string) => norm(s).replace(/(\d)\.(?=\s)/g, "$1");

const questionSchema = z
  .object({
    id: z.string().min(1),
    lang: z.string().min(1),
    question: z.string().min(1),
    source: z.string().min(1).nullable(),
    expect: z.string().nullable().default(null),
    page: z.number().int().positive().nullable().optional(),
    section: z.string().nullable().optional(),
    kind: z.string().nullable().optional(),
  })
  .refine((q) => q.source === null || !!q.expect?.trim(), { message: 'an answerable question (a "source") needs the words of its answer in "expect"', path: ["expect"] });

/** The questions of a JSON-lines file; a line that is no question stops with the file, the line and what is wrong. */
export function parseQuestions(text: string, file = "the questions file"): EvalQuestion[] {
  const questions: EvalQuestion[] = [];
  text.split("\n").forEach((line, i) => {
    if (!line.trim()) return;
    const where = `${file}, line ${i + 1}`;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch (error) {
      throw new Error(`${where}: not JSON (${(error as Error).message})`);
    }
    const parsed = questionSchema.safeParse(json);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((p) => `${p.path.join(".") || "the line"}: ${p.message}`).join("; ");
      throw new Error(`${where}: ${problems} (fields: id, lang, question, source (null: not answerable), expect, and optionally page, section, kind)`);
    }
    questions.push(parsed.data);
  });
  return questions;
}

export function scoreQuestion(q: EvalQuestion, o: Observed): Row {
  const answerable = q.source !== null && q.source !== undefined;
  const expect = q.expect ? norm(q.expect) : undefined;
  const rank = answerable && expect ? o.retrieved.findIndex((r) => r.source === q.source && norm(r.text).includes(expect)) + 1 : 0;
  const cited = o.abstained ? [] : o.citations;
  const fromSource = cited.filter((c) => c.source === q.source);
  const wantSection = q.section ? normSection(q.section) : undefined;
  return {
    id: q.id,
    lang: q.lang,
    kind: q.kind ?? (answerable ? "same" : "oos"),
    question: q.question,
    answerable,
    rank,
    abstained: o.abstained,
    quoteHolds: !!expect && fromSource.some((c) => norm(c.quote).includes(expect)),
    pageRight: answerable && q.page ? fromSource.some((c) => c.page !== null && c.page <= q.page! && q.page! <= (c.pageEnd ?? c.page)) : null,
    sectionNamed: answerable && cited.length > 0 && cited.every((c) => !!c.section),
    sectionRight: answerable && wantSection ? fromSource.some((c) => !!c.section && normSection(c.section).includes(wantSection)) : null,
    quotesExact: cited.every((c) => c.exact),
    closest: o.abstained && !!o.closest,
    ...(o.answerability !== undefined ? { answerability: Number(o.answerability.toFixed(3)) } : {}),
    ...(o.error ? { error: o.error } : {}),
  };
}

export interface Totals {
  readonly questions: number;
  readonly answerable: number;
  readonly hit1: number;
  readonly hit3: number;
  readonly mrr: number;
  readonly quoteHolds: number;
  readonly pageQuestions: number;
  readonly pageRight: number;
  readonly sectionNamed: number;
  readonly sectionQuestions: number;
  readonly sectionRight: number;
  readonly unanswerable: number;
  readonly abstainedRightly: number;
  readonly falseAbstentions: number;
  /** Abstentions that named the closest passages: of the unanswerable questions, of the false abstentions. */
  readonly closestUnanswerable: number;
  readonly closestFalse: number;
  readonly quotesExact: boolean;
}

export function totals(rows: readonly Row[]): Totals {
  const yes = rows.filter((r) => r.answerable);
  const no = rows.filter((r) => !r.answerable);
  const count = (list: readonly Row[], p: (r: Row) => boolean) => list.filter(p).length;
  return {
    questions: rows.length,
    answerable: yes.length,
    hit1: count(yes, (r) => r.rank === 1),
    hit3: count(yes, (r) => r.rank >= 1 && r.rank <= 3),
    mrr: yes.length ? yes.reduce((s, r) => s + (r.rank ? 1 / r.rank : 0), 0) / yes.length : 0,
    quoteHolds: count(yes, (r) => r.quoteHolds),
    pageQuestions: count(yes, (r) => r.pageRight !== null),
    pageRight: count(yes, (r) => r.pageRight === true),
    sectionNamed: count(yes, (r) => r.sectionNamed),
    sectionQuestions: count(yes, (r) => r.sectionRight !== null),
    sectionRight: count(yes, (r) => r.sectionRight === true),
    unanswerable: no.length,
    abstainedRightly: count(no, (r) => r.abstained),
    falseAbstentions: count(yes, (r) => r.abstained),
    closestUnanswerable: count(no, (r) => r.closest),
    closestFalse: count(yes, (r) => r.closest),
    quotesExact: rows.every((r) => r.quotesExact),
  };
}

/** Rows grouped by language and kind ("de cross", "en near", …), then all together. */
export function groups(rows: readonly Row[]): { name: string; totals: Totals }[] {
  const names = [...new Set(rows.map((r) => `${r.lang} ${r.kind}`))].sort();
  return [
    ...names.map((name) => ({ name, totals: totals(rows.filter((r) => `${r.lang} ${r.kind}` === name)) })),
    { name: "total", totals: totals(rows) },
  ];
}

export function formatTotals(t: Totals): string {
  const part = (n: number, of: number) => (of ? `${n}/${of}` : "-");
  return [
    `hit@1 ${part(t.hit1, t.answerable)}`,
    `hit@3 ${part(t.hit3, t.answerable)}`,
    `MRR ${t.answerable ? t.mrr.toFixed(2) : "-"}`,
    `quotes hold the answer ${part(t.quoteHolds, t.answerable)}`,
    `PDF page ${part(t.pageRight, t.pageQuestions)}`,
    `section named ${part(t.sectionNamed, t.answerable)}`,
    `right section ${part(t.sectionRight, t.sectionQuestions)}`,
    `abstained ${part(t.abstainedRightly, t.unanswerable)}`,
    `false abstentions ${part(t.falseAbstentions, t.answerable)}`,
  ].join("  ");
}
