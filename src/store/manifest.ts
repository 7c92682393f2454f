import { z } from "zod";
import { FORMAT_VERSION, type Manifest } from "./backend.js";

/**
 * What a manifest must hold to be used, checked when it is read: it comes from disk, where a
 * hand edit, another program or a damaged write can leave anything. Unchecked, a `null` where
 * the documents belong stopped start-up with a bare TypeError, and a `null` graph section made
 * every later build fail (found by an attack review). The calibration is checked where it is
 * used (`isCurrentCalibration`): an old or odd one is measured again, not an error.
 */
const embeddings = z.looseObject({
  provider: z.enum(["local", "openai", "hashing"]),
  model: z.string(),
  dimensions: z.number().int().positive(),
  fallbackReason: z.string().optional(),
});

const document = z.looseObject({
  source: z.string(),
  collection: z.string(),
  title: z.string(),
  lang: z.string(),
  hash: z.string(),
  chunks: z.number().int().nonnegative(),
});

const current = z.looseObject({
  formatVersion: z.literal(FORMAT_VERSION),
  embeddings,
  hnsw: z.looseObject({ space: z.literal("cosine"), m: z.number().int().positive(), efConstruction: z.number().int().positive() }),
  chunking: z.looseObject({ size: z.number().int().positive(), overlap: z.number().int().nonnegative() }),
  chunkCount: z.number().int().nonnegative(),
  docsDir: z.string().optional(),
  documents: z.array(document),
  skipped: z.array(z.looseObject({ source: z.string(), reason: z.string() })),
  builtAt: z.string(),
  buildMs: z.number(),
  analyser: z.string().optional(),
  graphChecksum: z.string().regex(/^[0-9a-f]{64}$/).optional(),
});

/**
 * A manifest of another format version is only read to tell that it is one (and, for the last
 * format, to reuse its vectors): its version, its embedding space and its documents.
 */
const other = z.looseObject({
  formatVersion: z.number().int().refine((v) => v !== FORMAT_VERSION),
  embeddings,
  // (Before format 3 a document had no collection: its sources and hashes still tell what changed.)
  documents: z.array(document.extend({ collection: z.string().optional() })).catch([]),
});

/** The manifest in `raw` (parsed JSON), or an error that says what is wrong with it. */
export function parseManifest(raw: unknown): Manifest {
  const version = (raw as { formatVersion?: unknown } | null)?.formatVersion;
  const result = (version === FORMAT_VERSION ? current : other).safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new Error(`manifest: ${issue.path.join(".") || "(top)"}: ${issue.message}`);
  }
  return result.data as unknown as Manifest;
}
