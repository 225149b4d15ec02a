/**
 * Cutting a run into shards (formats/shards.ts): consecutive documents, about equal bytes, a file of records cut
 * between records, every document in exactly one shard, and each shard's first id where the one before it ends.
 */
import { describe, expect, it } from 'vitest';
import { cutShards, type Shard } from '../../src/formats/shards.js';

/** The global ids a cut gives each shard, from its pieces. */
function ids(shards: Shard[], docs: number[]): number[][] {
  const first: number[] = [];
  docs.reduce((at, d, i) => ((first[i] = at), at + d), 0);
  return shards.map((s) => s.pieces.flatMap((p) => Array.from({ length: p.to - p.from }, (_, k) => first[p.input] + p.from + k)));
}

describe('cutShards', () => {
  it('splits one large file of records between shards of about equal bytes', () => {
    const sizes = { docs: [1, 1000, 1], bytes: [100, 100_000, 100] };
    const shards = cutShards(sizes, 4);
    const all = ids(shards, sizes.docs);
    // every document once, in input order, and each shard's first id is its first document
    expect(all.flat()).toEqual(Array.from({ length: 1002 }, (_, i) => i));
    shards.forEach((s, k) => {
      expect(s.docs).toBe(all[k].length);
      if (s.docs > 0) expect(s.firstId).toBe(all[k][0]);
    });
    for (const s of shards) expect(s.bytes).toBeGreaterThan(20_000);
    expect(shards.some((s) => s.pieces.some((p) => p.input === 1 && p.from > 0))).toBe(true);
  });

  it('gives more tasks than documents empty shards that start where the documents before them end', () => {
    const shards = cutShards({ docs: [1, 1], bytes: [10, 10] }, 5);
    expect(shards.map((s) => s.docs).reduce((a, b) => a + b)).toBe(2);
    let next = 0;
    for (const s of shards) {
      expect(s.firstId).toBe(next);
      next += s.docs;
    }
  });

  it('puts a corpus of empty inputs (no bytes) in the first shard', () => {
    const shards = cutShards({ docs: [1, 1, 1], bytes: [0, 0, 0] }, 3);
    expect(shards.map((s) => s.docs)).toEqual([3, 0, 0]);
    expect(shards.map((s) => s.firstId)).toEqual([0, 3, 3]);
  });
});
