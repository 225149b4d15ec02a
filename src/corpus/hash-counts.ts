/**
 * A compact hash → count table: open addressing with linear probing over
 * typed arrays backed by a SharedArrayBuffer, so the finished table of pass 1
 * reaches every worker of pass 2 without a copy.
 *
 * Keys are 64-bit hashes stored as two 32-bit halves (no BigInt arithmetic
 * on the hot path); the key 0 marks an empty slot, so a hash that is truly 0
 * is stored as 1 (one collision in 2^64). Each slot costs 12 bytes (8 of key,
 * 4 of count); at the load kept here (between 3/8 and 3/4) that is 16–32
 * bytes per distinct hash, about 21 on average.
 */

/** Slots of a new table; a power of two. */
const INITIAL_SLOTS = 1 << 12;
/** Grow (double) once more than this share of slots is used; the usual bound for linear probing (Knuth, TAOCP 6.4). */
const MAX_LOAD = 0.75;

/** What crosses a thread boundary: the shared buffers and the entry count. */
export interface HashCountsData {
  keys: SharedArrayBuffer;
  counts: SharedArrayBuffer;
  size: number;
}

export class HashCounts {
  /** Key halves: `keys[2*i]` low 32 bits, `keys[2*i+1]` high 32 bits. */
  private keys: Uint32Array;
  private counts: Uint32Array;
  private mask: number;
  /** Distinct hashes stored. */
  size = 0;

  constructor(data?: HashCountsData) {
    if (data) {
      this.keys = new Uint32Array(data.keys);
      this.counts = new Uint32Array(data.counts);
      this.size = data.size;
    } else {
      this.keys = new Uint32Array(new SharedArrayBuffer(INITIAL_SLOTS * 8));
      this.counts = new Uint32Array(new SharedArrayBuffer(INITIAL_SLOTS * 4));
    }
    this.mask = this.counts.length - 1;
  }

  /** Bytes held by the table (keys and counts). */
  get byteLength(): number {
    return this.keys.byteLength + this.counts.byteLength;
  }

  /** The shared buffers, to post to a worker (zero copy); rebuild there with `new HashCounts(data)`. */
  toData(): HashCountsData {
    return { keys: this.keys.buffer as SharedArrayBuffer, counts: this.counts.buffer as SharedArrayBuffer, size: this.size };
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
    const { keys, mask } = this;
    for (let i = slotOf(lo, hi, mask); ; i = (i + 1) & mask) {
      const klo = keys[2 * i];
      const khi = keys[2 * i + 1];
      if (klo === lo >>> 0 && khi === hi >>> 0) return this.counts[i];
      if (klo === 0 && khi === 0) return 0;
    }
  }

  private addHalves(lo: number, hi: number, n: number): void {
    if (lo === 0 && hi === 0) lo = 1;
    lo >>>= 0;
    hi >>>= 0;
    if ((this.size + 1) > MAX_LOAD * this.counts.length) this.grow();
    const { keys, counts, mask } = this;
    for (let i = slotOf(lo, hi, mask); ; i = (i + 1) & mask) {
      const klo = keys[2 * i];
      const khi = keys[2 * i + 1];
      if (klo === lo && khi === hi) {
        // saturate rather than wrap: a count past 4 billion means "everywhere" all the same
        counts[i] = Math.min(0xffffffff, counts[i] + n);
        return;
      }
      if (klo === 0 && khi === 0) {
        keys[2 * i] = lo;
        keys[2 * i + 1] = hi;
        counts[i] = n;
        this.size++;
        return;
      }
    }
  }

  private grow(): void {
    const oldKeys = this.keys;
    const oldCounts = this.counts;
    const slots = oldCounts.length * 2;
    this.keys = new Uint32Array(new SharedArrayBuffer(slots * 8));
    this.counts = new Uint32Array(new SharedArrayBuffer(slots * 4));
    this.mask = slots - 1;
    const { keys, counts, mask } = this;
    for (let j = 0; j < oldCounts.length; j++) {
      const lo = oldKeys[2 * j];
      const hi = oldKeys[2 * j + 1];
      if (lo === 0 && hi === 0) continue;
      let i = slotOf(lo, hi, mask);
      while (keys[2 * i] !== 0 || keys[2 * i + 1] !== 0) i = (i + 1) & mask;
      keys[2 * i] = lo;
      keys[2 * i + 1] = hi;
      counts[i] = oldCounts[j];
    }
  }
}

// The keys are already well-mixed hashes (XXH64); folding in the high half guards against inputs that vary only there.
const slotOf = (lo: number, hi: number, mask: number): number => ((lo ^ Math.imul(hi, 0x9e3779b1)) >>> 0) & mask;
