import assert from "node:assert/strict";
import { test } from "node:test";
import { formatSummary } from "../scripts/cli.js";
import type { IngestSummary } from "../src/rag/ingest.js";

const summary = (skipped: IngestSummary["skipped"]): IngestSummary => ({
  documents: 1,
  chunks: 3,
  skipped,
  warnings: [],
  embedded: 3,
  reused: 0,
  added: ["guide.md"],
  changed: [],
  removed: [],
  unchanged: 0,
  provider: "hashing",
  model: "hashing-v4-1024",
  dimensions: 1024,
  seconds: 0.1,
  buildDir: "/tmp/x",
  rebuilt: true,
});

test("the build summary names the files of a type it cannot read when they are few, and counts them when many", () => {
  const text = formatSummary(
    summary([
      { source: "FAQ", reason: 'unsupported file type "(none)"' },
      { source: "doc/README", reason: 'unsupported file type "(none)"' },
      ...Array.from({ length: 40 }, (_, i) => ({ source: `site/s${i}.css`, reason: 'unsupported file type ".css"' })),
      { source: "broken.pdf", reason: "unreadable PDF (bad XRef)" },
    ]),
  );
  assert.match(text, /unsupported file types: \.css \(40\), \(none\) \(2: FAQ, doc\/README\)$/m);
  assert.ok(!text.includes("s7.css"), "forty style sheets are counted, not listed");
  assert.match(text, /^ {2}- broken\.pdf: unreadable PDF \(bad XRef\)$/m);
});
