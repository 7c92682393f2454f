import { checkDocsDir, indexBackend, ingestOptions } from "../src/app.js";
import { createEmbeddings } from "../src/rag/embeddings/index.js";
import { ingestFolder } from "../src/rag/ingest.js";
import { formatSummary, parseOptions, progressBar, run, setup } from "./cli.js";

const USAGE = `Usage: npm run ingest -- [--force] [--json]
  Reads DOCS_DIR, splits, embeds and writes the index to INDEX_DIR (or the Postgres store).
  --force  build a new index even when no document changed since the last build
  --json   the summary as one JSON object`;

run(async () => {
  const { values } = parseOptions(USAGE, { json: { type: "boolean", default: false }, force: { type: "boolean", default: false } });
  const { config, log } = setup({ quiet: true });
  await checkDocsDir(config);
  const bar = progressBar(!values.json);
  try {
    // A first run downloads the model: the bar shows it (megabytes) before the documents.
    const embeddings = await createEmbeddings(config, log, (d) =>
      bar.onProgress?.({ stage: "model", done: Math.round(d.loaded / 1e6), total: Math.max(1, Math.round(d.total / 1e6)) }),
    );
    const summary = await ingestFolder(indexBackend(config), {
      ...ingestOptions(config, log, embeddings),
      force: values.force,
      ...(bar.onProgress ? { onProgress: bar.onProgress } : {}),
    });
    bar.stop();
    process.stdout.write(values.json ? `${JSON.stringify(summary)}\n` : `${formatSummary(summary)}\n`);
  } finally {
    bar.stop();
  }
});
