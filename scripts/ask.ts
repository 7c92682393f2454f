import fs from "node:fs/promises";
import path from "node:path";
import readline from "node:readline";
import { citationPlace, sourceLine } from "../src/bot/format.js";
import { t } from "../src/i18n/index.js";
import { sha256 } from "../src/documents/hash.js";
import type { Config } from "../src/config.js";
import { describeError } from "../src/errors.js";
import type { AnswerResult } from "../src/rag/qa.js";
import type { Retrieval } from "../src/rag/retrieve.js";
import { forTerminal, forTerminalLine } from "../src/terminal.js";
import { openForCli, parseOptions, run } from "./cli.js";

export function retrievalJson(r: Retrieval) {
  return {
    question: r.question,
    retrieved: r.results.map((x) => ({
      source: x.chunk.source,
      collection: x.chunk.collection,
      title: x.chunk.title,
      chunkId: x.chunk.id,
      section: x.chunk.section,
      page: x.chunk.page,
      pageEnd: x.chunk.pageEnd,
      score: Number(x.score.toFixed(5)),
      text: x.chunk.text,
    })),
    answerable: r.answerable,
    answerability: Number(r.answerability.toFixed(3)),
  };
}

export function answerJson(a: AnswerResult) {
  return {
    ...retrievalJson(a.retrieval),
    question: a.question,
    ...(a.standalone !== a.question ? { standalone: a.standalone } : {}),
    answer: a.text,
    citations: a.citations,
    abstained: a.abstained,
    ...(a.closest ? { closest: a.closest } : {}),
    answerer: a.answerer,
  };
}

/** The answer, its sources with quotes, then the retrieved passages with scores. */
export function formatAnswer(a: AnswerResult): string {
  const r = a.retrieval;
  const lines = [a.text, ""];
  if (a.citations.length) {
    lines.push(t(a.lang, "answer-sources")); // in the language of the answer above it
    for (const c of a.citations) {
      lines.push(forTerminalLine(`${sourceLine(c, a.lang)}, characters ${c.start}-${c.end}${c.url ? ` ${c.url}` : ""}`), `    «${c.quote}»`);
    }
    lines.push("");
  }
  for (const p of a.closest ?? []) lines.push(forTerminalLine(`[${p.n}] ${citationPlace(p, a.lang)} (${p.source})${p.url ? ` ${p.url}` : ""}`));
  if (a.closest?.length) lines.push("");
  lines.push(`Retrieved (answerable: ${r.answerable ? "probably" : "probably not"}, ${r.answerability.toFixed(2)}; answerer: ${a.answerer}):`);
  r.results.forEach((x, i) => {
    lines.push(forTerminalLine(`  ${i + 1}. ${citationPlace({ ...x.chunk, scanned: x.chunk.scanned?.length ? true : undefined }, a.lang)} — ${x.chunk.source} (score ${x.score.toFixed(4)})`));
    lines.push(x.chunk.text.replace(/^/gm, "       "));
  });
  return lines.join("\n");
}

const USAGE = `Usage: npm run ask -- [--docs DIR] [--index DIR] [--json] "your question"
  --docs DIR    ask about this folder instead of DOCS_DIR
  --index DIR   keep its index here (default with --docs: a folder of its own in "ask-indexes"
                beside INDEX_DIR, made once per documents folder; never INDEX_DIR)
  --json        one JSON object per answer; without a question, one question per line from stdin
`;

/**
 * The folder and index a command line names. Another folder never gets INDEX_DIR: its build
 * would replace the bot's index. Its own index is kept beside INDEX_DIR (in "ask-indexes", by the
 * folder's real path), so asking again about it does not read it again; not in the shared
 * temporary directory, where another user could have made the folder first.
 */
async function folderOverrides(docs: string | undefined, index: string | undefined): Promise<(loaded: Config) => { docsDir?: string; indexDir?: string }> {
  if (!docs) return () => (index ? { indexDir: path.resolve(index) } : {});
  const docsDir = path.resolve(docs);
  const real = await fs.realpath(docsDir).catch(() => docsDir);
  return (loaded) => ({ docsDir, indexDir: index ? path.resolve(index) : path.join(path.dirname(loaded.indexDir), "ask-indexes", sha256(real).slice(0, 16)) });
}

run(async () => {
  const { values, positionals } = parseOptions(USAGE, { json: { type: "boolean", default: false }, docs: { type: "string" }, index: { type: "string" } }, true);
  const { kb, qa } = await openForCli(values.json, await folderOverrides(values.docs, values.index));
  const answer = async (q: string) => {
    try {
      const a = await qa.ask(q);
      return values.json ? JSON.stringify(answerJson(a)) : forTerminal(formatAnswer(a));
    } catch (error) {
      // The retrieval still helps when the answer step fails.
      if (!values.json) throw error;
      return JSON.stringify({ ...retrievalJson(await kb.retrieve(q)), error: describeError(error) });
    }
  };
  const question = positionals.join(" ").trim();
  if (question) {
    process.stdout.write(`${await answer(question)}\n`);
    return 0;
  }
  if (!values.json) {
    process.stderr.write(USAGE);
    return 2;
  }
  const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    if (!line.trim()) continue;
    process.stdout.write(`${await answer(line.trim())}\n`);
  }
  return 0;
});
