import { parseArgs } from "node:util";
import { ingestOptions } from "../src/app.js";
import { createEmbeddings } from "../src/rag/embeddings/index.js";
import { ingest } from "../src/rag/ingest.js";
import { formatSummary, progressBar, run, setup } from "./cli.js";

run(async () => {
  const { values } = parseArgs({
    options: { json: { type: "boolean", default: false }, force: { type: "boolean", default: false } },
  });
  const { config, log } = setup({ quiet: true });
  const embeddings = await createEmbeddings(config, log);
  const bar = progressBar(!values.json);
  try {
    const summary = await ingest({
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
