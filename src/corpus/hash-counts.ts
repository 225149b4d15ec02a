/**
 * A compact hash → count table: open addressing with linear probing over
 * typed arrays backed by a SharedArrayBuffer, so the finished table of pass 1
 * reaches every worker of pass 2 without a copy.
 *
 * Keys are 64-bit hashes stored as two 32-bit halves (no BigInt arithmetic
 * on the hot path); the key 0 marks an empty slot, so a hash that is truly 0
 * is stored as 1 (one collision in 2^64). Each slot costs 12 bytes (8 of key,
 * 4 of count, side by side); at the load kept here (between 3/8 and 3/4) that is 16–32
 * bytes per distinct hash, about 21 on average.
 */

/** Slots of a new table; a power of two. */
const INITIAL_SLOTS = 1 << 12;
/** Grow (double) once more than this share of slots is used; the usual bound for linear probing (Knuth, TAOCP 6.4). */
const MAX_LOAD = 0.75;

/** What crosses a thread boundary: the shared buffer and the entry count. */
export interface HashCountsData {
  /** The slots, three 32-bit words each (see `HashCounts`). */
  slots: SharedArrayBuffer;
  size: number;
}

/** 32-bit words per slot: the key's low half, its high half, the count. */
const WORDS = 3;

export class HashCounts {
  /**
   * Slot i is `slots[3i]` (low 32 bits of the key), `slots[3i + 1]` (high 32
   * bits) and `slots[3i + 2]` (its count): a key and its count side by side,
   * so a lookup that finds its key finds the count in the same cache line —
   * the table is as large as the corpus has distinct blocks, and a lookup in
   * it is a cache miss; with keys and counts in two arrays a hit was two.
   */
  private slots: Uint32Array;
  private mask: number;
  /** Distinct hashes stored. */
  size = 0;

  constructor(data?: HashCountsData) {
    if (data) {
      this.slots = new Uint32Array(data.slots);
      this.size = data.size;
    } else this.slots = new Uint32Array(new SharedArrayBuffer(INITIAL_SLOTS * WORDS * 4));
    this.mask = this.slots.length / WORDS - 1;
  }

  /** Bytes held by the table (keys and counts). */
  get byteLength(): number {
    return this.slots.byteLength;
  }

  /** The shared buffer, to post to a worker (zero copy); rebuild there with `new HashCounts(data)`. */
  toData(): HashCountsData {
    return { slots: this.slots.buffer as SharedArrayBuffer, size: this.size };
  }

  /** Add `n` to the count of one hash. */
  add(hash: bigint, n = 1): void {
    this.addHalves(Number(hash & 0xffffffffn), Number(hash >> 32n), n);
  }

  /**
   * Add 1 for every hash in `hashes` (e.g. one document's distinct block
   * hashes, as a worker sends them). Reads the 64-bit values as 32-bit halves
   * of the same memory: no BigInt is made.
   */
  addAll(hashes: BigUint64Array): void {
    const halves = new Uint32Array(hashes.buffer, hashes.byteOffset, hashes.length * 2);
    // BigUint64Array uses the platform byte order; every platform Node runs on is little-endian
    for (let i = 0; i < halves.length; i += 2) this.addHalves(halves[i], halves[i + 1], 1);
  }

  /** Count of a hash, 0 when absent. */
  get(hash: bigint): number {
    return this.getHalves(Number(hash & 0xffffffffn), Number(hash >> 32n));
  }

  /** Count of a hash given as its low and high 32-bit halves. */
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

  private addHalves(lo: number, hi: number, n: number): void {
    if (lo === 0 && hi === 0) lo = 1;
    lo >>>= 0;
    hi >>>= 0;
    if ((this.size + 1) > MAX_LOAD * (this.mask + 1)) this.grow();
    const { slots, mask } = this;
    for (let i = slotOf(lo, hi, mask); ; i = (i + 1) & mask) {
      const at = WORDS * i;
      const klo = slots[at];
      const khi = slots[at + 1];
      if (klo === lo && khi === hi) {
        // saturate rather than wrap: a count past 4 billion means "everywhere" all the same
        slots[at + 2] = Math.min(0xffffffff, slots[at + 2] + n);
        return;
      }
      if (klo === 0 && khi === 0) {
        slots[at] = lo;
        slots[at + 1] = hi;
        slots[at + 2] = n;
        this.size++;
        return;
      }
    }
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

// The keys are already well-mixed hashes (XXH64); folding in the high half guards against inputs that vary only there.
const slotOf = (lo: number, hi: number, mask: number): number => ((lo ^ Math.imul(hi, 0x9e3779b1)) >>> 0) & mask;
