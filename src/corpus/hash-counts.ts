/**
 * A compact hash → count table: the kit's one hash table (kit/hash-table.ts),
 * SharedArrayBuffer-backed, so the finished table of pass 1 reaches every
 * worker of pass 2 without a copy; with the counting a corpus statistic needs
 * (block counts, pass 1's exact texts), keys given as the bigint `hash64`
 * returns or as the BigUint64Array a worker sends.
 */
import { Hash64Table, type Hash64TableData } from '../kit/hash-table.js';

/** What crosses a thread boundary: the shared buffer and the entry count. */
export type HashCountsData = Hash64TableData;

export class HashCounts extends Hash64Table {
  /** A new table, or one rebuilt over the memory `data` shares (`new HashCounts(table.toData())` in a worker). */
  constructor(data?: HashCountsData) {
    super(data);
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

  /** A new table of the hashes counted at least `least` times: what a reader that ignores lower counts needs. */
  keepingAtLeast(least: number): HashCounts {
    const kept = new HashCounts();
    this.forEach((lo, hi, count) => {
      if (count >= least) kept.addHalves(lo, hi, count);
    });
    return kept;
  }
}
