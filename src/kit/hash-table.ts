/**
 * The one hash table of the corpus state: 64-bit hashes to 32-bit values,
 * open addressing with linear probing over one typed array backed by a
 * SharedArrayBuffer, so that a table finished on the main thread reaches every
 * worker without a copy (engine/workers/share.ts). What a value means is the
 * user's: a count (corpus/hash-counts.ts), a document id (`Hash64Map`).
 *
 * Keys are 64-bit hashes stored as two 32-bit halves (no BigInt arithmetic on
 * the hot path); the key 0 marks an empty slot, so a hash that is truly 0 is
 * stored as 1 (one collision in 2^64). Each slot costs 12 bytes (8 of key, 4
 * of value, side by side); at the load kept here (between 3/8 and 3/4) that
 * is 16–32 bytes per distinct hash, about 21 on average.
 */

/** Slots of a new table unless told; a power of two. */
const INITIAL_SLOTS = 1 << 12;
/** Grow (double) once more than this share of slots is used; the usual bound for linear probing (Knuth, TAOCP 6.4). */
const MAX_LOAD = 0.75;
/** 32-bit words per slot: the key's low half, its high half, the value. */
const WORDS = 3;

/** What crosses a thread boundary: the shared buffer and the entry count. */
export interface Hash64TableData {
  /** The slots, three 32-bit words each (see `Hash64Table`). */
  slots: SharedArrayBuffer;
  size: number;
}

/**
 * The first slot a key is looked for in. The keys are already well-mixed hashes (XXH64, MurmurHash3); folding in
 * the high half guards against keys that vary only there.
 */
export const slotOf = (lo: number, hi: number, mask: number): number => ((lo ^ Math.imul(hi, 0x9e3779b1)) >>> 0) & mask;

export class Hash64Table {
  /**
   * Slot i is `slots[3i]` (low 32 bits of the key), `slots[3i + 1]` (high 32
   * bits) and `slots[3i + 2]` (its value): a key and its value side by side,
   * so a lookup that finds its key finds the value in the same cache line —
   * a corpus table is as large as the corpus has distinct blocks, and a
   * lookup in it is a cache miss; with keys and values in two arrays a hit
   * was two.
   */
  private slots: Uint32Array;
  private mask: number;
  /** Distinct keys stored. */
  size = 0;

  /** A new table of `slots` slots (rounded up to a power of two), or one rebuilt over the memory `data` shares. */
  constructor(data?: Hash64TableData, slots = INITIAL_SLOTS) {
    if (data) {
      this.slots = new Uint32Array(data.slots);
      this.size = data.size;
    } else {
      let n = 16;
      while (n < slots) n *= 2;
      this.slots = new Uint32Array(new SharedArrayBuffer(n * WORDS * 4));
    }
    this.mask = this.slots.length / WORDS - 1;
  }

  /** Bytes held by the table (keys and values). */
  get byteLength(): number {
    return this.slots.byteLength;
  }

  /** The shared buffer, to post to a worker (zero copy); rebuild there with `new Hash64Table(data)` (or a subclass). */
  toData(): Hash64TableData {
    return { slots: this.slots.buffer as SharedArrayBuffer, size: this.size };
  }

  /** The value of the key given as its low and high 32-bit halves; 0 when absent. */
  getHalves(lo: number, hi: number): number {
    if (lo === 0 && hi === 0) lo = 1;
    const { slots, mask } = this;
    for (let i = slotOf(lo, hi, mask); ; i = (i + 1) & mask) {
      const at = WORDS * i;
      const klo = slots[at];
      const khi = slots[at + 1];
      if (klo === lo >>> 0 && khi === hi >>> 0) return slots[at + 2];
      if (klo === 0 && khi === 0) return 0;
    }
  }

  /** Add `n` to the value of a key (an absent key has 0), saturating at 2^32 − 1. */
  addHalves(lo: number, hi: number, n: number): void {
    const at = this.slotFor(lo, hi);
    // saturate rather than wrap: a count past 4 billion means "everywhere" all the same
    this.slots[at + 2] = Math.min(0xffffffff, this.slots[at + 2] + n);
  }

  /** Store `value` (not 0: that reads as absent) for a key that has none yet; a key keeps its first value. */
  setFirstHalves(lo: number, hi: number, value: number): void {
    const at = this.slotFor(lo, hi);
    if (this.slots[at + 2] === 0) this.slots[at + 2] = value;
  }

  /** The index in `slots` of the key's slot, made (value 0) when the key is new. */
  private slotFor(lo: number, hi: number): number {
    if (lo === 0 && hi === 0) lo = 1;
    lo >>>= 0;
    hi >>>= 0;
    if (this.size + 1 > MAX_LOAD * (this.mask + 1)) this.grow();
    const { slots, mask } = this;
    for (let i = slotOf(lo, hi, mask); ; i = (i + 1) & mask) {
      const at = WORDS * i;
      const klo = slots[at];
      const khi = slots[at + 1];
      if (klo === lo && khi === hi) return at;
      if (klo === 0 && khi === 0) {
        slots[at] = lo;
        slots[at + 1] = hi;
        this.size++;
        return at;
      }
    }
  }

  /** Call `fn` with every key (as its halves) and its value, in slot order. */
  forEach(fn: (lo: number, hi: number, value: number) => void): void {
    const { slots } = this;
    for (let at = 0; at < slots.length; at += WORDS) if (slots[at] !== 0 || slots[at + 1] !== 0) fn(slots[at], slots[at + 1], slots[at + 2]);
  }

  private grow(): void {
    const old = this.slots;
    const count = (2 * old.length) / WORDS;
    this.slots = new Uint32Array(new SharedArrayBuffer(count * WORDS * 4));
    this.mask = count - 1;
    const { slots, mask } = this;
    for (let j = 0; j < old.length; j += WORDS) {
      const lo = old[j];
      const hi = old[j + 1];
      if (lo === 0 && hi === 0) continue;
      let i = slotOf(lo, hi, mask);
      while (slots[WORDS * i] !== 0 || slots[WORDS * i + 1] !== 0) i = (i + 1) & mask;
      slots[WORDS * i] = lo;
      slots[WORDS * i + 1] = hi;
      slots[WORDS * i + 2] = old[j + 2];
    }
  }
}

/**
 * 64-bit hashes to document ids, the first document that had each kept (which
 * document first had this text, this paragraph): a `Hash64Table` of id + 1,
 * since 0 reads as absent.
 */
export class Hash64Map {
  private readonly table: Hash64Table;

  /** `capacity`: keys expected at first (it grows past them). */
  constructor(capacity = 1024) {
    this.table = new Hash64Table(undefined, capacity);
  }

  /** Bytes held now. */
  bytes(): number {
    return this.table.byteLength;
  }

  /** The id stored for `key`, or -1. */
  get(key: bigint): number {
    return this.getHalves(Number(key & 0xffffffffn), Number(key >> 32n));
  }

  /** The id stored for the key given as its low and high 32-bit halves, or -1. */
  getHalves(lo: number, hi: number): number {
    return this.table.getHalves(lo, hi) - 1;
  }

  /** Store `id` for `key` unless the key is already there (the first document keeps it). */
  set(key: bigint, id: number): void {
    this.setHalves(Number(key & 0xffffffffn), Number(key >> 32n), id);
  }

  /** `set` for a key given as its low and high 32-bit halves. */
  setHalves(lo: number, hi: number, id: number): void {
    this.table.setFirstHalves(lo, hi, id + 1);
  }
}
