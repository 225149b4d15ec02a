import { describe, expect, it } from 'vitest';
import { HashCounts } from '../../src/corpus/hash-counts.js';

describe('HashCounts', () => {
  it('counts hashes, including ones that differ only in their high half and the hash 0', () => {
    const t = new HashCounts();
    t.add(5n);
    t.add(5n, 2);
    t.add(5n | (1n << 40n));
    t.add(0n);
    expect(t.get(5n)).toBe(3);
    expect(t.get(5n | (1n << 40n))).toBe(1);
    expect(t.get(0n)).toBe(1);
    expect(t.get(6n)).toBe(0);
    expect(t.size).toBe(3);
  });

  it('keeps every count while it grows past its first size', () => {
    const t = new HashCounts();
    const hashes = new BigUint64Array(50_000);
    for (let i = 0; i < hashes.length; i++) hashes[i] = BigInt(i) * 0x9e3779b97f4a7c15n & 0xffffffffffffffffn;
    t.addAll(hashes);
    t.addAll(hashes.subarray(0, 10));
    expect(t.size).toBe(50_000);
    expect(t.get(hashes[3])).toBe(2);
    expect(t.get(hashes[49_999])).toBe(1);
    // 12 bytes a slot at a load of at least 3/8: under 32 bytes per distinct hash
    expect(t.byteLength / t.size).toBeLessThan(32);
  });

  it('is rebuilt over the same shared memory from its data (what a worker receives)', () => {
    const t = new HashCounts();
    t.add(42n, 7);
    const data = structuredClone(t.toData());
    expect(data.slots).toBeInstanceOf(SharedArrayBuffer);
    const copy = new HashCounts(data);
    expect(copy.get(42n)).toBe(7);
    t.add(42n);
    expect(copy.get(42n)).toBe(8);
  });

  it('keeps only the counts a reader acts on (what a sharded run hands its cleaning tasks)', () => {
    const t = new HashCounts();
    for (let i = 2n; i <= 10_000n; i++) t.add(i, Number(i % 5n));
    // a hash that is truly 0 is stored as 1: it survives the copy too
    t.add(0n, 9);
    const kept = t.keepingAtLeast(3);
    expect(kept.size).toBe(4001);
    expect(kept.get(3n)).toBe(3);
    expect(kept.get(4n)).toBe(4);
    expect(kept.get(2n)).toBe(0);
    expect(kept.get(0n)).toBe(9);
    expect(kept.byteLength).toBeLessThan(t.byteLength);
  });
});
