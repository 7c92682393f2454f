import fs from "node:fs/promises";
import { MemoryCorpus } from "../../rag/corpus.js";
import type { IndexBackend } from "../backend.js";
import { ingest } from "./build.js";
import { currentBuildDir, loadIndex } from "./index-store.js";
import { scopedDenseSearch } from "./scoped-search.js";

/** The on-disk HNSW index in `indexDir` (hnswlib-node through LangChain's HNSWLib). */
export function localBackend(indexDir: string): IndexBackend {
  return {
    kind: "hnswlib",
    load: async (options) => {
      const index = await loadIndex(indexDir, options);
      const corpus = new MemoryCorpus(index.passages, index.lexicon);
      return {
        store: index.store,
        corpus,
        manifest: index.manifest,
        buildDir: index.buildDir,
        scope: async (collections) => ({ store: await scopedDenseSearch(index, collections), corpus: await corpus.subset(collections) }),
      };
    },
    current: () => currentBuildDir(indexDir),
    ingest: (options) => ingest({ ...options, indexDir }),
    discard: () => fs.rm(indexDir, { recursive: true, force: true }),
  };
}
