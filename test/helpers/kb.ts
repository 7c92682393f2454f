import path from "node:path";
import { createQuestionAnswerer, knowledgeBaseOptions } from "../../src/app.js";
import { createEmbeddings } from "../../src/rag/embeddings/index.js";
import { KnowledgeBase } from "../../src/rag/knowledge-base.js";
import { CORPUS_DIR, memoryLogger, tempDir, testConfig, writeFiles } from "./util.js";

/** A knowledge base over the real corpus with hashing embeddings, built in a temporary folder. */
export function corpusKnowledgeBase(overrides: Record<string, string> = {}) {
  return folderKnowledgeBase(CORPUS_DIR, overrides);
}

/** A knowledge base over a folder the test wrote, with hashing embeddings, its index in a temporary folder. */
export async function folderKnowledgeBase(docsDir: string, overrides: Record<string, string> = {}) {
  const root = await tempDir();
  // OCR off unless a test asks for it: with OCR on, the reader pool is keyed by its cache beside
  // each test's own index, so every knowledge base started reader processes of its own (a second
  // or two each, minutes over the suite) to read folders without a picture in them.
  const config = testConfig({ DOCS_DIR: docsDir, INDEX_DIR: path.join(root, "index"), OCR: "false", ...overrides });
  const { log, lines } = memoryLogger(config.secrets as string[]);
  const embeddings = await createEmbeddings(config, log);
  const { kb } = await KnowledgeBase.open(knowledgeBaseOptions(config, log, embeddings), { enabled: true });
  return { kb, config, log, lines };
}

/** The same, with the answer pipeline the configuration gives (extractive by default). */
export function corpusQuestionAnswerer(overrides: Record<string, string> = {}) {
  return folderQuestionAnswerer(CORPUS_DIR, overrides);
}

export async function folderQuestionAnswerer(docsDir: string, overrides: Record<string, string> = {}) {
  const built = await folderKnowledgeBase(docsDir, overrides);
  return { ...built, qa: createQuestionAnswerer(built.config, built.log, built.kb) };
}

/** A knowledge base over the files a test gives (path in the folder -> content), written to a temporary folder. */
export async function knowledgeBaseOver(files: Record<string, string | Buffer>, overrides: Record<string, string> = {}) {
  return folderKnowledgeBase(await writtenFolder(files), overrides);
}

/** The same, with the answer pipeline. */
export async function questionAnswererOver(files: Record<string, string | Buffer>, overrides: Record<string, string> = {}) {
  return folderQuestionAnswerer(await writtenFolder(files), overrides);
}

async function writtenFolder(files: Record<string, string | Buffer>): Promise<string> {
  const docs = path.join(await tempDir(), "docs");
  await writeFiles(docs, files);
  return docs;
}
