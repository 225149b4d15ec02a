/**
 * An open-addressing map from 64-bit hashes to document ids, in typed arrays
 * (12 bytes a slot): the compact form of "which document first had this
 * text". Keys come in as the bigint that `hash64` returns.
 */

const MAX_LOAD = 0.6;

export class Hash64Map {
  private lo: Uint32Array;
  private hi: Uint32Array;
  /** Document id + 1; 0 marks an empty slot. */
  private val: Int32Array;
  private mask: number;
  size = 0;

  constructor(capacity = 1024) {
    let cap = 16;
    while (cap < capacity) cap *= 2;
    this.lo = new Uint32Array(cap);
    this.hi = new Uint32Array(cap);
    this.val = new Int32Array(cap);
    this.mask = cap - 1;
  }

  /** Bytes held now. */
  bytes(): number {
    return this.val.length * 12;
  }

  /** The id stored for `key`, or -1. */
  get(key: bigint): number {
    return this.getHalves(Number(key & 0xffffffffn), Number(key >> 32n));
  }

  /** The id stored for the key given as its low and high 32-bit halves, or -1. */
  getHalves(lo: number, hi: number): number {
    lo >>>= 0;
    hi >>>= 0;
    for (let pos = lo & this.mask; this.val[pos] !== 0; pos = (pos + 1) & this.mask)
      if (this.lo[pos] === lo && this.hi[pos] === hi) return this.val[pos] - 1;
    return -1;
  }

  /** Store `id` for `key` unless the key is already there (the first document keeps it). */
  set(key: bigint, id: number): void {
    this.setHalves(Number(key & 0xffffffffn), Number(key >> 32n), id);
  }

  /** `set` for a key given as its low and high 32-bit halves. */
  setHalves(lo: number, hi: number, id: number): void {
    if (this.size + 1 > this.val.length * MAX_LOAD) this.grow();
    this.put(lo >>> 0, hi >>> 0, id + 1);
  }

  private put(lo: number, hi: number, v: number): void {
    let pos = lo & this.mask;
    for (; this.val[pos] !== 0; pos = (pos + 1) & this.mask) if (this.lo[pos] === lo && this.hi[pos] === hi) return;
    this.lo[pos] = lo;
    this.hi[pos] = hi;
    this.val[pos] = v;
    this.size++;
  }

  private grow(): void {
    const { lo, hi, val } = this;
    const cap = val.length * 2;
    this.lo = new Uint32Array(cap);
    this.hi = new Uint32Array(cap);
    this.val = new Int32Array(cap);
    this.mask = cap - 1;
    this.size = 0;
    for (let i = 0; i < val.length; i++) if (val[i] !== 0) this.put(lo[i], hi[i], val[i]);
  }
}
