import assert from "node:assert/strict";
import path from "node:path";
import type { KnowledgeBase } from "../../src/rag/knowledge-base.js";
import { writeFiles } from "./util.js";

/** A documents folder with two collections holding distinctive facts, and one document in main. */
export async function writeCollectionsFolder(root: string): Promise<string> {
  const docsDir = path.join(root, "docs");
  await writeFiles(docsDir, {
    "hr/leave.md": "# Paid leave\n\nEvery employee of Quillfeather has 31 days of paid leave a year, booked in the Tallybook portal.\n",
    "board/minutes.md": "# Board minutes\n\nThe board agreed to acquire Zephyrine Robotics for 40 million euros, announced in March.\n",
    "welcome.md": "# Welcome\n\nThe office opens at eight; the canteen serves lunch from noon.\n",
  });
  return docsDir;
}

/** A search limited to collections finds their facts and knows nothing of the others: not their passages, not their words. */
export async function assertCollectionsIsolated(kb: Pick<KnowledgeBase, "retrieve">): Promise<void> {
  const question = "Which company will the board acquire, Zephyrine Robotics?";
  const all = await kb.retrieve(question);
  assert.equal(all.results[0]!.chunk.source, "board/minutes.md", "unscoped, the minutes answer");

  const hr = await kb.retrieve(question, 5, { collections: ["hr", "main"] });
  assert.ok(hr.results.length > 0 && hr.results.every((r) => r.chunk.collection === "hr" || r.chunk.collection === "main"), hr.results.map((r) => r.chunk.source).join(", "));
  assert.equal(hr.answerable, false, "the minutes do not exist for this chat");
  assert.ok(
    [...hr.unknownNames, ...hr.specificMissing].some((w) => /zephyrine/i.test(w)),
    `a word used only in another collection counts as absent: ${JSON.stringify([hr.unknownNames, hr.specificMissing])}`,
  );

  const leave = await kb.retrieve("How many days of paid leave do employees get?", 5, { collections: ["hr"] });
  assert.equal(leave.results[0]!.chunk.source, "hr/leave.md");
  assert.equal(leave.answerable, true);
  assert.ok(leave.results.every((r) => r.chunk.collection === "hr"));
}
