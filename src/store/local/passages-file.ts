/**
 * The passages of a local build in one file of flat arrays: each passage as a JSON record (read
 * and parsed only when a question needs it), the ids sorted for lookup, and per row its HNSW
 * label, collection, document and language. At 100,000 passages a start reads it in one pass
 * and makes no object per passage.
 */
import type { Passages } from "../../rag/corpus.js";
import { SortedStrings, StringList } from "../../rag/sorted-strings.js";
import { LANGS, type Lang } from "../../rag/text.js";
import type { Chunk } from "../../documents/types.js";
import { readArrays, writeArrays } from "./arrays-file.js";
import { slicer } from "../../event-loop.js";

const KIND = "passages";
const VERSION = 1;

interface Meta {
  readonly collections: readonly string[];
  readonly count: number;
}

/** Passages read from a build's file; a passage is parsed from its record when asked for. */
export class PackedPassages implements Passages {
  private constructor(
    private readonly records: StringList,
    private readonly ids: SortedStrings,
    /** Row of the i-th id in sorted order. */
    private readonly rowOfSorted: Uint32Array,
    /** Sorted position of the id of each row. */
    private readonly sortedOfRow: Uint32Array,
    /** The HNSW label of each row. */
    readonly labels: Uint32Array,
    private readonly collections: readonly string[],
    private readonly collectionOfRow: Uint32Array,
    private readonly documentOfRow: Uint32Array,
    private readonly langOfRow: Uint8Array,
  ) {}

  /**
   * The table of these passages, with the graph label of each. Made in slices, the event loop let
   * run between them: at 100,000 passages it is some 1.7 s of work, which a reindex did in one
   * piece on the bot's thread (found by an attack review).
   */
  static async from(chunks: readonly Chunk[], labels: readonly number[]): Promise<PackedPassages> {
    const pause = slicer();
    const encoded: Uint8Array[] = [];
    for (const c of chunks) {
      encoded.push(Buffer.from(JSON.stringify(c), "utf8"));
      await pause();
    }
    const records = StringList.fromEncoded(encoded);
    await pause();
    const ids = SortedStrings.from(chunks.map((c) => c.id));
    if (ids.size !== chunks.length) throw new Error("two passages have the same id");
    const rowOfSorted = new Uint32Array(chunks.length);
    const sortedOfRow = new Uint32Array(chunks.length);
    for (const [row, c] of chunks.entries()) {
      const at = ids.indexOf(c.id);
      rowOfSorted[at] = row;
      sortedOfRow[row] = at;
      await pause();
    }
    const collections = [...new Set(chunks.map((c) => c.collection))];
    const collectionIndex = new Map(collections.map((c, i) => [c, i]));
    const documents = new Map<string, number>();
    const documentOfRow = Uint32Array.from(chunks, (c) => documents.get(c.source) ?? (documents.set(c.source, documents.size), documents.size - 1));
    return new PackedPassages(
      records,
      ids,
      rowOfSorted,
      sortedOfRow,
      Uint32Array.from(labels),
      collections,
      Uint32Array.from(chunks, (c) => collectionIndex.get(c.collection)!),
      documentOfRow,
      Uint8Array.from(chunks, (c) => LANGS.indexOf(c.lang)),
    );
  }

  async write(file: string): Promise<void> {
    const meta: Meta = { collections: this.collections, count: this.length };
    await writeArrays(file, KIND, VERSION, meta, {
      recordBytes: this.records.bytes,
      recordStarts: this.records.starts,
      idBytes: this.ids.bytes,
      idStarts: this.ids.starts,
      rowOfSorted: this.rowOfSorted,
      sortedOfRow: this.sortedOfRow,
      labels: this.labels,
      collectionOfRow: this.collectionOfRow,
      documentOfRow: this.documentOfRow,
      langOfRow: this.langOfRow,
    });
  }

  /** Reads a build's passages; throws saying what is wrong with a damaged file. */
  static async read(file: string): Promise<PackedPassages> {
    const f = await readArrays(file, KIND, VERSION);
    const meta = f.meta as Meta;
    if (!meta || !Array.isArray(meta.collections) || !Number.isSafeInteger(meta.count)) throw new Error(`${file} has a damaged header`);
    const n = meta.count;
    const perRow = [f.get("rowOfSorted", Uint32Array), f.get("sortedOfRow", Uint32Array), f.get("labels", Uint32Array), f.get("collectionOfRow", Uint32Array), f.get("documentOfRow", Uint32Array), f.get("langOfRow", Uint8Array)] as const;
    if (perRow.some((a) => a.length !== n)) throw new Error(`${file}: the arrays do not hold ${n} passages`);
    const [rowOfSorted, sortedOfRow, labels, collectionOfRow, documentOfRow, langOfRow] = perRow;
    const records = StringList.of(f.get("recordBytes", Uint8Array), f.get("recordStarts", Uint32Array));
    const ids = SortedStrings.of(f.get("idBytes", Uint8Array), f.get("idStarts", Uint32Array));
    if (records.size !== n || ids.size !== n) throw new Error(`${file}: the arrays do not hold ${n} passages`);
    for (let row = 0; row < n; row++) {
      if (sortedOfRow[row]! >= n || rowOfSorted[sortedOfRow[row]!] !== row) throw new Error(`${file}: the id lookup is damaged`);
      if (collectionOfRow[row]! >= meta.collections.length || langOfRow[row]! >= LANGS.length) throw new Error(`${file}: row ${row} is damaged`);
    }
    return new PackedPassages(records, ids, rowOfSorted, sortedOfRow, labels, meta.collections, collectionOfRow, documentOfRow, langOfRow);
  }

  /** Every passage, in order: for tools and tests (a question reads only the passages it needs). */
  all(): Chunk[] {
    return Array.from({ length: this.length }, (_, row) => this.chunk(row));
  }

  get length(): number {
    return this.labels.length;
  }

  chunk(row: number): Chunk {
    return JSON.parse(this.records.get(row)) as Chunk;
  }

  id(row: number): string {
    return this.ids.get(this.sortedOfRow[row]!);
  }

  row(id: string): number {
    const at = this.ids.indexOf(id);
    return at < 0 ? -1 : this.rowOfSorted[at]!;
  }

  collection(row: number): string {
    return this.collections[this.collectionOfRow[row]!]!;
  }

  document(row: number): number {
    return this.documentOfRow[row]!;
  }

  lang(row: number): Lang {
    return LANGS[this.langOfRow[row]!]!;
  }
}
