import type { BenchResult } from "./run.js";

const f = (x: number, d = 1) => (Number.isFinite(x) ? x.toFixed(d) : "-");
const ms = (x: number) => (x < 1 ? x.toFixed(3) : x < 10 ? x.toFixed(2) : x.toFixed(1));

function table(header: string[], rows: (string | number)[][]): string {
  const all = [header, ...rows.map((r) => r.map(String))];
  const widths = header.map((_, i) => Math.max(...all.map((r) => r[i]!.length)));
  const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(widths[i]!)).join(" | ")} |`;
  return [line(header), `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`, ...all.slice(1).map(line)].join("\n");
}

/** The benchmark as Markdown tables (also what the terminal shows). */
export function formatReport(r: BenchResult): string {
  const o = r.options;
  const out: string[] = [];
  out.push(`Machine: ${r.machine.cpus} cores, Node ${r.machine.node}, ${r.machine.platform}. Embeddings: hashing, ${o.dims} dimensions. HNSW M=${o.m}, efConstruction=${o.efConstruction}, ef=${o.ef}. Total ${f(r.seconds, 0)} s.`);
  out.push("", "### Ingestion and index", "");
  out.push(
    table(
      ["chunks", "ingest s", "chunks/s", "outside embedding", "reingest unchanged s", "full / unchanged", "1 doc edited s (embedded)", "index build s", "on disk MB", "start to ready s", "of which files read s", "lexical index made from the passages instead s (baseline)", "start / baseline", "event loop held while a build makes it: ms (in place: all of the baseline)"],
      r.sizes.map((s) => [
        s.chunks,
        f(s.ingest.seconds, 2),
        f(s.ingest.chunksPerSecond, 0),
        `${f(s.ingest.overheadShare * 100, 0)}%`,
        f(s.reingestUnchanged.seconds, 2),
        `${f(s.reingestUnchanged.speedup, 0)}x`,
        `${f(s.reingestOneDocEdited.seconds, 2)} (${s.reingestOneDocEdited.embedded})`,
        f(s.index.buildSeconds, 2),
        f(s.index.diskMb, 1),
        f(s.index.readySeconds, 2),
        f(s.index.loadSeconds, 2),
        f(s.index.lexiconRebuildSeconds, 2),
        `${f(s.index.readySeconds / (s.index.readySeconds + s.index.lexiconRebuildSeconds), 2)}x`,
        `${f(s.index.lexiconOffLoop.loopHeldMs, 0)} (${f(s.index.lexiconOffLoop.loopHeldMs / (s.index.lexiconRebuildSeconds * 1000), 3)}x)`,
      ]),
    ),
  );
  out.push("", "### Retrieval (milliseconds per query; recall@10 against exact search over the same vectors)", "");
  out.push(
    table(
      ["chunks", `ours dense ef=${o.ef} p50/p95`, "recall@10", "ours hybrid p50/p95", "brute force JS p50/p95", "p95 speed-up vs brute", "MemoryVectorStore p50/p95", "LangChain HNSWLib default (ef=10) p50/p95", "its recall@10"],
      r.sizes.map((s) => {
        const x = s.retrieval;
        return [
          s.chunks,
          `${ms(x.configured.dense.p50)} / ${ms(x.configured.dense.p95)}`,
          f(x.configured.recallAt10, 3),
          `${ms(x.configured.hybrid.p50)} / ${ms(x.configured.hybrid.p95)}`,
          `${ms(x.bruteForce.p50)} / ${ms(x.bruteForce.p95)}`,
          `${f(x.speedupVsBruteForceP95, 0)}x`,
          `${ms(x.memoryVectorStore.p50)} / ${ms(x.memoryVectorStore.p95)}`,
          `${ms(x.langchainDefaults.p50)} / ${ms(x.langchainDefaults.p95)}`,
          f(x.langchainDefaults.recallAt10, 3),
        ];
      }),
    ),
  );
  const pgRows = r.sizes.flatMap((s) => (s.pgvector ?? []).map((p) => ({ s, p })));
  if (pgRows.length) {
    out.push("", "### hnswlib (files) beside pgvector (Postgres), same documents, same run", "");
    out.push(
      table(
        ["chunks", "store", "ingest s", "reingest unchanged s", "1 doc edited s (embedded)", "load s", "dense p50/p95 ms", "recall@10", "hybrid p50/p95 ms"],
        r.sizes.flatMap((s) => [
          [s.chunks, "hnswlib", f(s.ingest.seconds, 2), f(s.reingestUnchanged.seconds, 2), `${f(s.reingestOneDocEdited.seconds, 2)} (${s.reingestOneDocEdited.embedded})`, f(s.index.loadSeconds, 2), `${ms(s.retrieval.configured.dense.p50)} / ${ms(s.retrieval.configured.dense.p95)}`, f(s.retrieval.configured.recallAt10, 3), `${ms(s.retrieval.configured.hybrid.p50)} / ${ms(s.retrieval.configured.hybrid.p95)}`],
          ...(s.pgvector ?? []).map((p) => [
            s.chunks,
            `pgvector (${p.label})`,
            f(p.ingestSeconds, 2),
            f(p.reingestUnchangedSeconds, 2),
            `${f(p.reingestOneDocEdited.seconds, 2)} (${p.reingestOneDocEdited.embedded})`,
            f(p.loadSeconds, 2),
            `${ms(p.dense.p50)} / ${ms(p.dense.p95)}`,
            f(p.recallAt10, 3),
            `${ms(p.hybrid.p50)} / ${ms(p.hybrid.p95)}`,
          ]),
        ]),
      ),
    );
  }
  if (r.sizes.some((s) => s.filtered?.length)) {
    out.push("", "### Filtered to one collection (about 1% of the passages from 10,000 on; its share per row), same run", "");
    out.push(
      table(
        ["chunks", "store", "collection share", "dense p50/p95 ms", "recall@10 within it", "hybrid p50/p95 ms", "hybrid p95 / unfiltered p95"],
        r.sizes.flatMap((s) =>
          (s.filtered ?? []).map((x) => [
            s.chunks,
            x.store,
            `${f(x.share * 100, 1)}%`,
            `${ms(x.dense.p50)} / ${ms(x.dense.p95)}`,
            f(x.recallAt10, 3),
            `${ms(x.hybrid.p50)} / ${ms(x.hybrid.p95)}`,
            `${f(x.hybridP95VsUnfiltered, 2)}x`,
          ]),
        ),
      ),
    );
  }
  const largest = r.sizes.at(-1);
  if (largest) {
    out.push("", `### Search breadth ef at ${largest.chunks} chunks`, "");
    out.push(table(["ef", "recall@10", "p50 ms", "p95 ms"], largest.retrieval.efSweep.map((e) => [e.ef, f(e.recallAt10, 3), ms(e.p50), ms(e.p95)])));
  }
  if (r.paramSweep) {
    out.push("", `### Graph parameters at ${r.paramSweep.size} chunks (same vectors)`, "");
    out.push(
      table(
        ["M", "efConstruction", "build s", "index MB", "recall@10 ef=32/64/128", "p50 ms ef=32/64/128"],
        r.paramSweep.rows.map((x) => [x.m, x.efConstruction, f(x.buildSeconds, 2), f(x.indexMb, 1), [32, 64, 128].map((e) => f(x.recall[e]!, 3)).join(" / "), [32, 64, 128].map((e) => ms(x.p50[e]!)).join(" / ")]),
      ),
    );
  }
  if (r.ocr) {
    const o2 = r.ocr;
    out.push(
      "",
      `### OCR (${o2.pages} scanned pages of dense print, ${o2.languages.join("+")}, one reader worker)`,
      "",
      table(
        ["pages with a text layer s/page (baseline)", "scanned pages by OCR s/page", "OCR / text layer", "scans again, cached s/page"],
        [[f(o2.textSecondsPerPage, 3), f(o2.ocrSecondsPerPage, 2), `${f(o2.ocrSecondsPerPage / o2.textSecondsPerPage, 0)}x`, f(o2.cachedSecondsPerPage, 3)]],
      ),
    );
  }
  if (r.realCorpus) {
    out.push("", `Real corpus (data/docs): ${r.realCorpus.chunks} chunks, ingest ${f(r.realCorpus.ingestSeconds, 2)} s, hybrid query p50 ${ms(r.realCorpus.hybrid.p50)} ms / p95 ${ms(r.realCorpus.hybrid.p95)} ms.`);
  }
  if (r.memory) {
    out.push("", `### Memory of a process with the ${r.memory.chunks}-chunk index loaded (peak RSS ${f(r.memory.peakRssMb, 0)} MB, ready to answer ${f(r.memory.readySeconds, 2)} s after the load began)`, "");
    let prev = 0;
    let prevHeap = 0;
    out.push(
      table(
        ["step", "RSS MB", "added MB", "JS heap after GC MB", "added MB"],
        r.memory.steps.map((s) => {
          const row = [s.step, f(s.rssMb, 0), f(s.rssMb - prev, 0), f(s.heapMb, 0), f(s.heapMb - prevHeap, 0)];
          prev = s.rssMb;
          prevHeap = s.heapMb;
          return row;
        }),
      ),
    );
  }
  out.push("", "### Local model", "");
  out.push("skipped" in r.localModel ? `Skipped: ${r.localModel.skipped}.` : table(["dtype", "batch", "sentences/s"], r.localModel.rows.map((x) => [x.dtype, x.batch, f(x.sentencesPerSecond, 1)])));
  return out.join("\n");
}

/** Latency (log scale) and recall against corpus size, as a small self-contained SVG. */
export function chartSvg(r: BenchResult): string {
  const W = 640, H = 360, L = 60, R = 60, T = 30, B = 50;
  const xs = r.sizes.map((s) => s.chunks);
  const lx = (n: number) => L + ((Math.log10(n) - Math.log10(Math.min(...xs))) / Math.max(1e-9, Math.log10(Math.max(...xs)) - Math.log10(Math.min(...xs)))) * (W - L - R);
  const series = [
    { name: `ours dense p95 (ef=${r.options.ef})`, color: "#1f77b4", v: r.sizes.map((s) => s.retrieval.configured.dense.p95) },
    { name: "ours hybrid p95", color: "#2ca02c", v: r.sizes.map((s) => s.retrieval.configured.hybrid.p95) },
    { name: "brute force p95", color: "#d62728", v: r.sizes.map((s) => s.retrieval.bruteForce.p95) },
    { name: "MemoryVectorStore p95", color: "#9467bd", v: r.sizes.map((s) => s.retrieval.memoryVectorStore.p95) },
  ];
  const all = series.flatMap((s) => s.v).filter((v) => v > 0);
  const lo = Math.log10(Math.min(...all)) - 0.2, hi = Math.log10(Math.max(...all)) + 0.2;
  const ly = (v: number) => T + (1 - (Math.log10(Math.max(v, 1e-6)) - lo) / (hi - lo)) * (H - T - B);
  const ry = (v: number) => T + (1 - v) * (H - T - B); // recall axis 0..1
  const path = (pts: [number, number][]) => pts.map(([x, y], i) => `${i ? "L" : "M"}${x.toFixed(1)},${y.toFixed(1)}`).join(" ");
  const parts: string[] = [];
  parts.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" font-family="sans-serif" font-size="11">`);
  parts.push(`<rect width="${W}" height="${H}" fill="white"/>`);
  parts.push(`<text x="${W / 2}" y="16" text-anchor="middle" font-size="13">Query latency (ms, log) and recall@10 vs corpus size</text>`);
  parts.push(`<line x1="${L}" y1="${H - B}" x2="${W - R}" y2="${H - B}" stroke="#333"/><line x1="${L}" y1="${T}" x2="${L}" y2="${H - B}" stroke="#333"/><line x1="${W - R}" y1="${T}" x2="${W - R}" y2="${H - B}" stroke="#333"/>`);
  for (const n of xs) parts.push(`<text x="${lx(n)}" y="${H - B + 16}" text-anchor="middle">${n.toLocaleString("en")}</text>`);
  parts.push(`<text x="${W / 2}" y="${H - 10}" text-anchor="middle">chunks</text>`);
  for (let e = Math.ceil(lo); e <= Math.floor(hi); e++) parts.push(`<text x="${L - 6}" y="${ly(10 ** e) + 4}" text-anchor="end">${10 ** e}</text><line x1="${L}" x2="${W - R}" y1="${ly(10 ** e)}" y2="${ly(10 ** e)}" stroke="#eee"/>`);
  for (const v of [0, 0.25, 0.5, 0.75, 1]) parts.push(`<text x="${W - R + 6}" y="${ry(v) + 4}">${v}</text>`);
  series.forEach((s, i) => {
    parts.push(`<path d="${path(xs.map((n, j) => [lx(n), ly(s.v[j]!)]))}" fill="none" stroke="${s.color}" stroke-width="2"/>`);
    parts.push(`<text x="${L + 8}" y="${T + 14 + i * 14}" fill="${s.color}">${s.name}</text>`);
  });
  const recalls = [
    { name: `ours recall@10 (ef=${r.options.ef})`, color: "#ff7f0e", v: r.sizes.map((s) => s.retrieval.configured.recallAt10) },
    { name: "LangChain default recall@10 (ef=10)", color: "#8c564b", v: r.sizes.map((s) => s.retrieval.langchainDefaults.recallAt10) },
  ];
  recalls.forEach((s, i) => {
    parts.push(`<path d="${path(xs.map((n, j) => [lx(n), ry(s.v[j]!)]))}" fill="none" stroke="${s.color}" stroke-width="2" stroke-dasharray="5,3"/>`);
    parts.push(`<text x="${W - R - 8}" y="${T + 14 + i * 14}" fill="${s.color}" text-anchor="end">${s.name} (right axis)</text>`);
  });
  parts.push("</svg>");
  return parts.join("\n");
}
