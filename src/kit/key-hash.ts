/**
 * A 64-bit hash of short keys, in plain JavaScript: block keys are many and
 * short (tens of characters), and for them a call into wasm and the BigInt
 * it returns cost more than the hashing itself. The result comes as two
 * 32-bit halves, which is how the corpus tables store hashes anyway.
 *
 * Two 32-bit lanes read the key's UTF-16 code units two at a time. Each lane
 * is a MurmurHash3 block step (Appleby, MurmurHash3_x86_32) with its own
 * constants — the second lane's are those of MurmurHash3_x86_128's second
 * lane — and the lanes are finalised together as MurmurHash3_x86_128 does,
 * so every input bit reaches both halves. Not a cryptographic hash: two
 * distinct keys collide with a probability of about 2^-64.
 */
import { fmix32, mixKey, mixWord } from './mix.js';

const SEED_LO = 0x3c6ef372;
const SEED_HI = 0xa54ff53a;

/** The second lane's `mixKey` and `mixWord` (kit/mix.ts), with MurmurHash3_x86_128's lane-2 constants. */
function mixKey2(k: number): number {
  k = Math.imul(k, 0xab0e9789);
  k = (k << 16) | (k >>> 16);
  return Math.imul(k, 0x38b34ae5);
}

function mixWord2(h: number, mixed: number): number {
  h ^= mixed;
  h = (h << 17) | (h >>> 15);
  return (Math.imul(h, 5) + 0x0bcaa747) | 0;
}

/** A growable buffer of code units to hash; `words` views the same memory two units at a time. */
export class UnitBuffer {
  units: Uint16Array;
  private words: Uint32Array;

  constructor(size = 1024) {
    this.units = new Uint16Array(size);
    this.words = new Uint32Array(this.units.buffer);
  }

  /** Room for at least `n` code units (the contents are not kept). */
  reserve(n: number): Uint16Array {
    if (n > this.units.length) {
      let size = this.units.length;
      while (size < n) size *= 2;
      this.units = new Uint16Array(size);
      this.words = new Uint32Array(this.units.buffer);
    }
    return this.units;
  }

  /**
   * Hash `units[0, n)` into `out[at]` (low half) and `out[at + 1]` (high
   * half). The words are read in the platform's byte order; every platform
   * Node runs on is little-endian, so a pair of units is `u0 | u1 << 16`.
   */
  hash(n: number, out: Uint32Array, at = 0): void {
    const words = this.words;
    let a = SEED_LO;
    let b = SEED_HI;
    const pairs = n >>> 1;
    for (let i = 0; i < pairs; i++) {
      const w = words[i];
      a = mixWord(a, mixKey(w));
      b = mixWord2(b, mixKey2(w));
    }
    if (n & 1) {
      // the odd last unit, as MurmurHash3 takes a tail: scrambled and xored in, without the block step
      const w = this.units[n - 1];
      a ^= mixKey(w);
      b ^= mixKey2(w);
    }
    a ^= n;
    b ^= n;
    a = (a + b) | 0;
    b = (b + a) | 0;
    a = fmix32(a);
    b = fmix32(b);
    a = (a + b) | 0;
    b = (b + a) | 0;
    out[at] = a;
    out[at + 1] = b;
  }
}
