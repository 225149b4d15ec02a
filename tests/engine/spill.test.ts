/**
 * The spill's files: what is written comes back the same, in any order, and a spill that cannot be written says
 * so. (The codec of the records it holds: tests/record/prepared.test.ts.)
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SpillIndex, SpillReader, SpillWriter, spillBudget } from '../../src/engine/spill.js';
import { tmpDir } from '../helpers.js';

describe('spill files', () => {
  it('reads back what was written, in any order, documents larger than a chunk included', () => {
    const dir = tmpDir();
    const writer = new SpillWriter(dir);
    const docs = [new Uint8Array(40).fill(1), new Uint8Array(3 << 20).fill(2), new Uint8Array(8).fill(3)];
    const refs = docs.map((d) => writer.append(d)!);
    expect(writer.close()).toBe(true);
    const reader = new SpillReader(dir);
    for (const i of [2, 0, 1, 2]) expect(Buffer.from(reader.read(refs[i])).equals(Buffer.from(docs[i]))).toBe(true);
  });

  it('says when it could not write, and writes nothing after that', () => {
    const dir = path.join(tmpDir(), 'gone');
    const writer = new SpillWriter(dir);
    expect(writer.append(new Uint8Array(8))).toBeDefined();
    expect(writer.close()).toBe(false);
    expect(writer.append(new Uint8Array(8))).toBeUndefined();
    expect(fs.existsSync(dir)).toBe(false);
  });

  // the spill may take half the free space of its file system (a RAM-backed /tmp included); past its share, pass 2
  // prepares documents again
  it('keeps no document past its budget', () => {
    const dir = tmpDir();
    expect(spillBudget(dir)).toBeGreaterThan(0);
    const writer = new SpillWriter(dir, 100);
    expect(writer.append(new Uint8Array(60))).toEqual({ file: expect.any(Number), offset: 0, length: 60 });
    expect(writer.append(new Uint8Array(60))).toBeUndefined();
    expect(writer.append(new Uint8Array(40))).toEqual({ file: expect.any(Number), offset: 60, length: 40 });
    expect(writer.close()).toBe(true);
  });

  it('keeps references by document, and only for a line of the same size', () => {
    const index = new SpillIndex();
    index.set(5000, { file: 2, offset: 2 ** 40, length: 12 }, 77);
    expect(index.get(5000, 77)).toEqual({ file: 2, offset: 2 ** 40, length: 12 });
    expect(index.get(5000, 78)).toBeUndefined();
    expect(index.get(4999, -1)).toBeUndefined();
  });
});
