/**
 * The distinct 64-bit hashes among many, given as 32-bit halves — e.g. a
 * document's block keys, where a menu item repeats. A small open-addressing
 * set, reused from one call to the next; nothing is allocated but the result.
 * Not a kit/hash-table.ts table (whose probe it shares): a slot here holds
 * the index of a key in the input, one word rather than three, and only the
 * part in use is cleared per call, which is what makes it cheap once per
 * document.
 */
import { slotOf } from '../kit/hash-table.js';

/** Slot → index + 1 of the hash stored there (0: empty). */
let slots = new Int32Array(1024);

/**
 * The distinct hashes among `halves[0, 2n)` (low half at even indices), in
 * order of first appearance, as a BigUint64Array that owns its buffer (it
 * can be transferred to another thread).
 */
export function distinctHashes(halves: Uint32Array, n: number): BigUint64Array {
  // at most half full; only the part in use is cleared, however large an earlier document made the table
  let size = 16;
  while (size < 2 * n) size *= 2;
  if (size > slots.length) slots = new Int32Array(size);
  else slots.fill(0, 0, size);
  const mask = size - 1;
  const out = new BigUint64Array(n);
  // BigUint64Array uses the platform byte order; every platform Node runs on is little-endian
  const outHalves = new Uint32Array(out.buffer);
  let m = 0;
  for (let i = 0; i < n; i++) {
    const lo = halves[2 * i];
    const hi = halves[2 * i + 1];
    let pos = slotOf(lo, hi, mask);
    for (; slots[pos] !== 0; pos = (pos + 1) & mask) {
      const j = slots[pos] - 1;
      if (halves[2 * j] === lo && halves[2 * j + 1] === hi) break;
    }
    if (slots[pos] !== 0) continue;
    slots[pos] = i + 1;
    outHalves[2 * m] = lo;
    outHalves[2 * m + 1] = hi;
    m++;
  }
  // a copy the exact size, so the array owns its whole buffer
  return m === n ? out : out.slice(0, m);
}
