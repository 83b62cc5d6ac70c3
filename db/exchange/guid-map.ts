// Reference keys -> whole numbers, for the hundreds of thousands of selections and codings of a large
// import. A Map of GUID strings takes ~140 bytes an entry (80 MB at 575,000); here a GUID is kept as
// its 128 bits in an open-addressing table, ~20-40 bytes an entry. Keys that are not GUIDs (home-made
// ids, rare) go to an ordinary Map.

const GUID_KEY = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const WORDS = 4;

export class GuidMap {
  private words = new Uint32Array(0);
  /** One array of values per column, indexed by slot. */
  private values: Int32Array[];
  /** Per slot, a bit for each column that holds a value; 0 for a free slot. */
  private used = new Uint8Array(0);
  private count = 0;
  private readonly others: Map<string, number>[];
  private readonly probe = new Uint32Array(WORDS);

  /**
   * `columns` values per key (at most 8): tables keyed by the same GUIDs share one, as the duplicate check
   * and the link targets of an import do, instead of holding half a million GUIDs twice.
   */
  constructor(columns = 1) {
    this.values = Array.from({ length: columns }, () => new Int32Array(0));
    this.others = Array.from({ length: columns }, () => new Map<string, number>());
  }

  /** `key` as guidKey gives it: a GUID lower-cased without braces, or anything else. */
  set(key: string, value: number, column = 0): void {
    if (!this.split(key)) {
      this.others[column]!.set(key, value);
      return;
    }
    if ((this.count + 1) * 4 > this.used.length * 3) this.grow();
    const slot = this.slotOf(this.probe);
    if (!this.used[slot]) {
      this.words.set(this.probe, slot * WORDS);
      this.count++;
    }
    this.used[slot]! |= 1 << column;
    this.values[column]![slot] = value;
  }

  get(key: string, column = 0): number | undefined {
    if (!this.split(key)) return this.others[column]!.get(key);
    if (!this.count) return undefined;
    const slot = this.slotOf(this.probe);
    return this.used[slot]! & (1 << column) ? this.values[column]![slot] : undefined;
  }

  /** Puts a GUID key's bits in `probe`; false for a key that is not a GUID. */
  private split(key: string): boolean {
    if (key.length !== 36 || !GUID_KEY.test(key)) return false;
    const hex = key.replace(/-/g, '');
    for (let i = 0; i < WORDS; i++) this.probe[i] = parseInt(hex.slice(i * 8, i * 8 + 8), 16);
    return true;
  }

  /** The slot holding `words`, or the free slot where it would go (linear probing). */
  private slotOf(words: Uint32Array): number {
    const mask = this.used.length - 1;
    // Files number their GUIDs in sequence as often as at random, so every word is mixed in.
    let h = 0;
    for (let i = 0; i < WORDS; i++) {
      h = Math.imul(h ^ words[i]!, 0x9e3779b1);
      h ^= h >>> 16;
    }
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      if (!this.used[slot]) return slot;
      const at = slot * WORDS;
      if (
        this.words[at] === words[0] &&
        this.words[at + 1] === words[1] &&
        this.words[at + 2] === words[2] &&
        this.words[at + 3] === words[3]
      )
        return slot;
    }
  }

  private grow(): void {
    const { words, values, used } = this;
    const size = Math.max(1024, used.length * 2);
    this.words = new Uint32Array(size * WORDS);
    this.values = values.map(() => new Int32Array(size));
    this.used = new Uint8Array(size);
    const entry = new Uint32Array(WORDS);
    for (let old = 0; old < used.length; old++) {
      if (!used[old]) continue;
      entry.set(words.subarray(old * WORDS, old * WORDS + WORDS));
      const slot = this.slotOf(entry);
      this.used[slot] = used[old]!;
      this.words.set(entry, slot * WORDS);
      values.forEach((column, c) => (this.values[c]![slot] = column[old]!));
    }
  }
}
