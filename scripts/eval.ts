import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { documentReader, indexBackend } from "../src/app.js";
import { describeError } from "../src/errors.js";
import { loadDocuments } from "../src/documents/load.js";
import { openForCli, parseOptions, run, usageError } from "./cli.js";
import { formatTotals, groups, parseQuestions, scoreQuestion, totals, type Observed, type Row } from "./eval/score.js";

/** Without arguments: the questions shipped in the repository about the bundled articles, over those articles. */
const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const SEED = { docs: path.join(PROJECT_ROOT, "data/docs"), questions: path.join(PROJECT_ROOT, "data/eval/seed-questions.jsonl") };
/** Passages retrieved per question for hit@k and MRR. */
const RETRIEVE = 10;

const USAGE = `Usage: npm run eval -- [--docs DIR] [--questions FILE] [--json]
  --docs DIR        evaluate on this folder (a throwaway index is built; default: DOCS_DIR and its index)
  --questions FILE  JSON lines: id, lang, question, source (null: not answerable), expect, page, section, kind
  --json            one JSON object with every row and the totals
Without --docs and --questions: the questions in data/eval/seed-questions.jsonl over the bundled
articles in data/docs (a throwaway index).`;

run(async () => {
  const { values } = parseOptions(USAGE, {
    json: { type: "boolean", default: false },
    docs: { type: "string" },
    questions: { type: "string" },
    file: { type: "string" },
  });
  const questionsFile = values.questions ?? values.file;
  // The bundled questions are about the bundled articles: another folder needs its own.
  if (!questionsFile && values.docs && path.resolve(values.docs) !== SEED.docs) usageError("--docs DIR needs --questions FILE: the bundled questions are about data/docs", USAGE);
  if (!questionsFile && !values.docs) values.docs = SEED.docs;
  const file = questionsFile ?? SEED.questions;
  const questions = parseQuestions(await fs.readFile(file, "utf8"), file);
  let dropAfter: (() => Promise<void>) | undefined;
  const scratch = values.docs ? await fs.mkdtemp(path.join(os.tmpdir(), "docsqa-eval-")) : undefined;
  try {
    // A throwaway index of the folder: a scratch directory, or a scratch schema in the database.
    const { config, kb, qa } = await openForCli(values.json, (loaded) =>
      values.docs
        ? {
            docsDir: path.resolve(values.docs),
            indexDir: path.join(scratch!, "index"),
            store: { ...loaded.store, schema: `${loaded.store.schema}_eval_${process.pid}` },
          }
        : {},
    );
    if (values.docs) dropAfter = () => indexBackend(config).discard();
    const { documents } = await loadDocuments(config.docsDir, { reader: documentReader(config), chunking: { chunkSize: config.chunkSize, chunkOverlap: config.chunkOverlap } });
    const docText = new Map(documents.map((d) => [d.source, d.text]));
    const rows: Row[] = [];
    for (const q of questions) {
      const retrieval = await kb.retrieve(q.question, RETRIEVE);
      let observed: Observed;
      try {
        const a = await qa.ask(q.question);
        observed = {
          retrieved: retrieval.results.map((r) => r.chunk),
          abstained: a.abstained,
          closest: !!a.closest?.length,
          answerability: a.retrieval.answerability,
          citations: a.citations.map((c) => ({
            source: c.source,
            quote: c.quote,
            section: c.section,
            page: c.page,
            pageEnd: c.pageEnd,
            exact: docText.get(c.source)?.slice(c.start, c.end) === c.quote,
          })),
        };
      } catch (error) {
        observed = { retrieved: retrieval.results.map((r) => r.chunk), abstained: true, citations: [], error: describeError(error) };
      }
      rows.push(scoreQuestion(q, observed));
    }
    const all = totals(rows);
    const byGroup = groups(rows);
    if (values.json) {
      process.stdout.write(`${JSON.stringify({ embeddings: kb.embeddings.info, answerer: qa.answererName, rows, groups: byGroup })}\n`);
      return 0;
    }
    const mark = (v: boolean | null) => (v === null ? "-" : v ? "yes" : "no");
    process.stdout.write(`Embeddings: ${kb.embeddings.info.provider} ${kb.embeddings.info.model}; answerer: ${qa.answererName}\n\n`);
    process.stdout.write("id    lang kind   rank abstained quote page section question\n");
    for (const r of rows) {
      process.stdout.write(
        `${r.id.padEnd(5)} ${r.lang.padEnd(4)} ${r.kind.padEnd(6)} ${String(r.rank || "-").padStart(4)} ${mark(r.abstained).padEnd(9)} ${mark(r.answerable ? r.quoteHolds : null).padEnd(5)} ${mark(r.pageRight).padEnd(4)} ${mark(r.sectionRight).padEnd(7)} ${r.question.slice(0, 90)}${r.error ? `  [error: ${r.error.split("\n")[0]}]` : ""}\n`,
      );
    }
    process.stdout.write("\n");
    for (const g of byGroup.slice(0, -1)) process.stdout.write(`${g.name.padEnd(9)} ${formatTotals(g.totals)}\n`);
    process.stdout.write(`\nEvery quote is the exact text of its document at its offsets: ${all.quotesExact ? "yes" : "NO"}\n`);
    process.stdout.write(`Answerable ${all.answerable}: hit@1 ${all.hit1}  hit@3 ${all.hit3}  MRR ${all.mrr.toFixed(2)}  quotes hold the answer ${all.quoteHolds}\n`);
    process.stdout.write(`PDF page right ${all.pageRight}/${all.pageQuestions}  section named ${all.sectionNamed}/${all.answerable}  right section ${all.sectionRight}/${all.sectionQuestions}\n`);
    process.stdout.write(`Unanswerable ${all.unanswerable}: abstained ${all.abstainedRightly}/${all.unanswerable}  false abstentions ${all.falseAbstentions}/${all.answerable}  (closest passages named: ${all.closestUnanswerable} of the abstentions, ${all.closestFalse} of the false ones)\n`);
    return 0;
  } finally {
    if (scratch) await fs.rm(scratch, { recursive: true, force: true });
    await dropAfter?.();
  }
});
