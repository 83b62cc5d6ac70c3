// A document's word start offsets, 2 bytes each: the low 16 bits of each offset, plus, for every 65,536
// units of text, the index of its first word. The word matrices keep them for every document between
// queries, and as 4-byte offsets the 9M words of the large benchmark project held 38 MB.

const BLOCK = 2 ** 16;

export class WordStarts {
  private constructor(
    private readonly low: Uint16Array,
    /** blockFirst[b]: index of the first word at or after offset b * BLOCK; one more entry at the end. */
    private readonly blockFirst: Int32Array,
  ) {}

  /** From the first `n` offsets of `offsets`, in increasing order. */
  static from(offsets: Int32Array, n: number): WordStarts {
    const blocks = n ? Math.floor(offsets[n - 1]! / BLOCK) + 1 : 0;
    const low = new Uint16Array(n);
    const blockFirst = new Int32Array(blocks + 1);
    let b = 0;
    for (let i = 0; i < n; i++) {
      const at = offsets[i]!;
      while (b <= Math.floor(at / BLOCK)) blockFirst[b++] = i;
      low[i] = at % BLOCK;
    }
    while (b <= blocks) blockFirst[b++] = n;
    return new WordStarts(low, blockFirst);
  }

  get length(): number {
    return this.low.length;
  }

  /** Index of the first word starting at or after offset `x`. */
  lowerBound(x: number): number {
    if (x <= 0) return 0;
    const b = Math.floor(x / BLOCK);
    if (b >= this.blockFirst.length - 1) return this.low.length;
    const target = x - b * BLOCK;
    let lo = this.blockFirst[b]!;
    let hi = this.blockFirst[b + 1]!;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.low[mid]! < target) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The offsets in full. */
  offsets(): Int32Array {
    const out = new Int32Array(this.low.length);
    for (let b = 0; b < this.blockFirst.length - 1; b++)
      for (let i = this.blockFirst[b]!; i < this.blockFirst[b + 1]!; i++) out[i] = b * BLOCK + this.low[i]!;
    return out;
  }
}
