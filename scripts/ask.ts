import readline from "node:readline";
import { parseArgs } from "node:util";
import { openKnowledgeBase } from "../src/app.js";
import type { Retrieval } from "../src/rag/retrieve.js";
import { formatSummary, progressBar, run, setup } from "./cli.js";

export function retrievalJson(r: Retrieval) {
  return {
    question: r.question,
    retrieved: r.results.map((x) => ({
      source: x.chunk.source,
      title: x.chunk.title,
      chunkId: x.chunk.id,
      score: Number(x.score.toFixed(5)),
      text: x.chunk.text,
    })),
    answerable: r.answerable,
    answerability: Number(r.answerability.toFixed(3)),
  };
}

function formatRetrieval(r: Retrieval): string {
  const lines = [`Question: ${r.question}`, `Answerable: ${r.answerable ? "probably" : "probably not"} (${r.answerability.toFixed(2)})`, ""];
  r.results.forEach((x, i) => {
    lines.push(`[${i + 1}] ${x.chunk.title} — ${x.chunk.source} (score ${x.score.toFixed(4)})`);
    lines.push(x.chunk.text.replace(/^/gm, "    "), "");
  });
  return lines.join("\n");
}

run(async () => {
  const { values, positionals } = parseArgs({
    options: { json: { type: "boolean", default: false } },
    allowPositionals: true,
  });
  const { config, log } = setup({ quiet: true });
  const bar = progressBar(!values.json);
  const { kb, built } = await openKnowledgeBase(config, log, bar.onProgress);
  bar.stop();
  if (built && !values.json) process.stderr.write(`${formatSummary(built)}\n\n`);

  const question = positionals.join(" ").trim();
  if (question) {
    const r = await kb.retrieve(question);
    process.stdout.write(values.json ? `${JSON.stringify(retrievalJson(r))}\n` : `${formatRetrieval(r)}\n`);
    return 0;
  }
  if (!values.json) {
    process.stderr.write('Usage: npm run ask -- "your question"   (or --json, reading one question per line from stdin)\n');
    return 2;
  }
  const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    if (!line.trim()) continue;
    process.stdout.write(`${JSON.stringify(retrievalJson(await kb.retrieve(line.trim())))}\n`);
  }
  return 0;
});
