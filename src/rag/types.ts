import type { Chunk } from "../documents/types.js";

/** A chunk returned by retrieval, with its fused score and the parts that made it. */
export interface RetrievedChunk {
  readonly chunk: Chunk;
  readonly score: number;
  readonly dense?: number;
  readonly lexical?: number;
  /**
   * In another language than the question's, and ranked below a passage in the question's
   * language that says every question word this one says (lowered there, or there already; see
   * `preferAskedLanguage`): often its translated twin.
   */
  readonly belowOwnLanguage?: true;
  /** The id of the passage before it in the list whose text this one holds too, in another file (see twins.ts). */
  readonly twinOf?: string;
}
