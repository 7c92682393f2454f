/**
 * Strings in two flat arrays (their UTF-8 bytes one after the other, and where each starts):
 * 100,000 passages or 500,000 terms are a few arrays read in one piece, not as many objects.
 */
export class StringList {
  protected constructor(
    /** The strings' UTF-8 bytes, one after the other. */
    readonly bytes: Uint8Array,
    /** Where string i starts in `bytes`; entry `size` is the end. */
    readonly starts: Uint32Array,
  ) {}

  protected static pack(encoded: readonly Uint8Array[]): { bytes: Uint8Array; starts: Uint32Array } {
    const starts = new Uint32Array(encoded.length + 1);
    let at = 0;
    encoded.forEach((b, i) => {
      starts[i] = at;
      at += b.length;
    });
    starts[encoded.length] = at;
    const bytes = new Uint8Array(at);
    encoded.forEach((b, i) => bytes.set(b, starts[i]!));
    return { bytes, starts };
  }

  /** The strings in the order given. */
  static from(strings: readonly string[]): StringList {
    return StringList.fromEncoded(strings.map((s) => Buffer.from(s, "utf8")));
  }

  /** The strings given as their UTF-8 bytes, in that order. */
  static fromEncoded(encoded: readonly Uint8Array[]): StringList {
    const { bytes, starts } = StringList.pack(encoded);
    return new StringList(bytes, starts);
  }

  /** Checks the arrays of a list (as read from a file) so a damaged file cannot index out of range. */
  protected static check(bytes: Uint8Array, starts: Uint32Array): void {
    if (starts.length < 1 || starts[0] !== 0 || starts[starts.length - 1] !== bytes.length) throw new Error("string table: bad bounds");
    for (let i = 1; i < starts.length; i++) if (starts[i]! < starts[i - 1]!) throw new Error("string table: offsets out of order");
  }

  static of(bytes: Uint8Array, starts: Uint32Array): StringList {
    StringList.check(bytes, starts);
    return new StringList(bytes, starts);
  }

  get size(): number {
    return this.starts.length - 1;
  }

  /** The string with this number (0 … size-1). */
  get(i: number): string {
    return Buffer.from(this.bytes.buffer, this.bytes.byteOffset + this.starts[i]!, this.starts[i + 1]! - this.starts[i]!).toString("utf8");
  }

  *[Symbol.iterator](): IterableIterator<string> {
    for (let i = 0; i < this.size; i++) yield this.get(i);
  }
}

/** Lookups remembered per set (a few hundred kilobytes at most). */
const RECENT = 4096;

/** A set of strings sorted by their bytes (the order of code points), looked up by binary search. */
export class SortedStrings extends StringList {
  /** Sorted, duplicates dropped (a lone surrogate, which UTF-8 cannot hold, as U+FFFD, as it is stored). */
  static override from(strings: Iterable<string>): SortedStrings {
    const encoded = [...new Set(Array.from(strings, (s) => s.replace(/\p{Cs}/gu, "\uFFFD")))].map((s) => Buffer.from(s, "utf8"));
    encoded.sort(Buffer.compare);
    const { bytes, starts } = StringList.pack(encoded);
    return new SortedStrings(bytes, starts);
  }

  /** From arrays written by `from` (as read from a file); bounds and strict order checked unless `checked` is false (arrays this program just made). */
  static override of(bytes: Uint8Array, starts: Uint32Array, checked = true): SortedStrings {
    if (!checked) return new SortedStrings(bytes, starts);
    StringList.check(bytes, starts);
    const all = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    for (let i = 1; i + 1 < starts.length; i++) {
      if (all.compare(all, starts[i]!, starts[i + 1]!, starts[i - 1]!, starts[i]!) >= 0) throw new Error("string table: not in order or not unique");
    }
    return new SortedStrings(bytes, starts);
  }

  private view?: Buffer;
  /** Strings looked up lately: a question asks for the same terms many times (df, idf, expansions). */
  private readonly recent = new Map<string, number>();

  /** The number of a string, or -1 when it is not in the set. */
  indexOf(s: string): number {
    let found = this.recent.get(s);
    if (found === undefined) {
      found = this.search(s);
      if (this.recent.size >= RECENT) this.recent.clear();
      this.recent.set(s, found);
    }
    return found;
  }

  /** The number of the first string not before `s` in the set's order (the size when there is none): where strings starting with `s` begin. */
  firstNotBefore(s: string): number {
    const key = Buffer.from(s, "utf8");
    const all = (this.view ??= Buffer.from(this.bytes.buffer, this.bytes.byteOffset, this.bytes.byteLength));
    let lo = 0;
    let hi = this.size;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (all.compare(key, 0, key.length, this.starts[mid]!, this.starts[mid + 1]!) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private search(s: string): number {
    const key = Buffer.from(s, "utf8");
    const all = (this.view ??= Buffer.from(this.bytes.buffer, this.bytes.byteOffset, this.bytes.byteLength));
    let lo = 0;
    let hi = this.size - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const c = all.compare(key, 0, key.length, this.starts[mid]!, this.starts[mid + 1]!);
      if (c === 0) return mid;
      if (c < 0) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }
}
