/**
 * 32-bit integer mixing shared by the dedup modules: everything here works on
 * plain numbers with `Math.imul`, so hashing a shingle allocates nothing.
 */

/** MurmurHash3's 32-bit finaliser: spreads every input bit over every output bit. */
export function fmix32(h: number): number {
  return fmixSigned(h) >>> 0;
}

/**
 * `fmix32` as a signed 32-bit integer (the same bits). Arithmetic on it stays
 * in integer registers; on an unsigned value past 2^31, V8 may go through
 * floating point (a `%` on it did, at three times the cost).
 */
export function fmixSigned(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** One MurmurHash3 block step: fold the 32-bit word `k` into the running hash `h`. */
export function mixIn(h: number, k: number): number {
  return mixWord(h, mixKey(k));
}

/**
 * The part of `mixIn` that depends on `k` alone: `mixIn(h, k) === mixWord(h,
 * mixKey(k))`, so a word folded into more than one hash (key-hash.ts
 * runs two lanes) is scrambled once per lane.
 */
export function mixKey(k: number): number {
  k = Math.imul(k, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  return Math.imul(k, 0x1b873593);
}

/** The rest of `mixIn`: fold a word already scrambled by `mixKey` into `h`. */
export function mixWord(h: number, mixed: number): number {
  h ^= mixed;
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}
