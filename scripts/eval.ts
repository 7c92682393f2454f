import fs from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { describeError } from "../src/errors.js";
import { loadDocuments } from "../src/rag/load.js";
import { normalizeForMatch } from "../src/rag/text.js";
import { openForCli, run } from "./cli.js";

interface EvalQuestion {
  id: string;
  lang: string;
  question: string;
  source: string | null;
  expect: string | null;
}

const DEFAULT_FILE = path.resolve("../shared/eval/dev-questions.jsonl");

run(async () => {
  const { values } = parseArgs({
    options: { json: { type: "boolean", default: false }, file: { type: "string", default: DEFAULT_FILE } },
  });
  const questions = (await fs.readFile(values.file, "utf8"))
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as EvalQuestion);
  const { config, kb, qa } = await openForCli(values.json);
  const { documents } = await loadDocuments(config.docsDir, { maxFileBytes: config.maxFileBytes });
  const docText = new Map(documents.map((d) => [d.source, d.text]));
  const rows = [];
  for (const q of questions) {
    const r = await kb.retrieve(q.question, Math.max(3, config.retrieval.k));
    let answer: { abstained: boolean; citations: number; quotesFound: boolean; error?: string };
    try {
      const a = await qa.ask(q.question);
      answer = {
        abstained: a.abstained,
        citations: a.citations.length,
        quotesFound: a.citations.every((c) => docText.get(c.source)?.slice(c.start, c.end) === c.quote),
      };
    } catch (error) {
      answer = { abstained: true, citations: 0, quotesFound: true, error: describeError(error) };
    }
    const rank = q.expect
      ? r.results.findIndex(
          (x) => x.chunk.source === q.source && normalizeForMatch(x.chunk.text).includes(normalizeForMatch(q.expect!)),
        ) + 1
      : 0;
    const shouldAnswer = q.source !== null;
    rows.push({
      id: q.id,
      lang: q.lang,
      question: q.question,
      hit1: shouldAnswer ? rank === 1 : null,
      hit3: shouldAnswer ? rank >= 1 && rank <= 3 : null,
      answerable: r.answerable,
      answerability: Number(r.answerability.toFixed(3)),
      abstentionCorrect: r.answerable === shouldAnswer,
      ...answer,
    });
  }
  const answerable = rows.filter((r) => r.hit1 !== null);
  const totals = {
    questions: rows.length,
    hit1: answerable.filter((r) => r.hit1).length / (answerable.length || 1),
    hit3: answerable.filter((r) => r.hit3).length / (answerable.length || 1),
    abstentionCorrect: rows.filter((r) => r.abstentionCorrect).length / (rows.length || 1),
    unanswerableAbstained: `${rows.filter((r) => r.hit1 === null && !r.answerable).length}/${rows.filter((r) => r.hit1 === null).length}`,
    embeddings: `${kb.embeddings.info.provider} ${kb.embeddings.info.model}`,
    answerer: qa.answererName,
    answered: rows.filter((r) => !r.abstained).length,
    allQuotesFound: rows.every((r) => r.quotesFound),
  };
  if (values.json) {
    process.stdout.write(`${JSON.stringify({ rows, totals })}\n`);
    return 0;
  }
  const mark = (v: boolean | null) => (v === null ? "  -  " : v ? " yes " : " no  ");
  process.stdout.write(`Embeddings: ${totals.embeddings}; answerer: ${totals.answerer}\n\n`);
  process.stdout.write("id   lang hit@1 hit@3 answerable(score) abstention-ok abstained cites quotes-ok question\n");
  for (const r of rows) {
    process.stdout.write(
      `${r.id.padEnd(4)} ${r.lang.padEnd(4)} ${mark(r.hit1)} ${mark(r.hit3)} ${String(r.answerable).padEnd(5)} (${r.answerability.toFixed(2)})      ${mark(r.abstentionCorrect)}        ${mark(r.abstained)}     ${String(r.citations).padStart(2)}   ${mark(r.quotesFound)}   ${r.question}${r.error ? `  [error: ${r.error.split("\n")[0]}]` : ""}\n`,
    );
  }
  process.stdout.write(
    `\nhit@1 ${(totals.hit1 * 100).toFixed(0)}%  hit@3 ${(totals.hit3 * 100).toFixed(0)}%  abstention correct ${(totals.abstentionCorrect * 100).toFixed(0)}%  unanswerable abstained ${totals.unanswerableAbstained}  answered ${totals.answered}/${totals.questions}  every quote found in its source: ${totals.allQuotesFound ? "yes" : "NO"}\n`,
  );
  return 0;
});
