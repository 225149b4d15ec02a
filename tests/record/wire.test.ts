/**
 * A worker's answer (wire.ts) rebuilds, on the main thread, the very record
 * the inline executor gives the corpus stages (slim.ts): same blocks (no tag
 * context), removals, findings and typed arrays.
 */
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { FIXTURES, run } from '../helpers.js';
import { clean } from '../../src/pipeline.js';
import { packDoc, unpackDoc } from '../../src/record/wire.js';
import { slimDoc } from '../../src/record/slim.js';
import type { Doc } from '../../src/record/doc.js';

/** The record as a plain value: typed arrays as their type and contents, undefined fields left out. */
function plain(doc: Doc): unknown {
  return JSON.parse(
    JSON.stringify(doc, (_k, v) => (ArrayBuffer.isView(v) ? { [v.constructor.name]: Array.from(v as Uint32Array, String) } : typeof v === 'bigint' ? String(v) : v)),
  );
}

describe('packDoc / unpackDoc', () => {
  const pages = ['pages', 'seeds'].flatMap((dir) => fs.readdirSync(path.join(FIXTURES, dir)).map((f) => path.join(dir, f)));

  it.each(pages)('gives the record slimDoc gives, after a structured clone: %s', (name) => {
    const bytes = fs.readFileSync(path.join(FIXTURES, name));
    const inWorker = run(clean, bytes, {}, name);
    // a field of each alignment the buffer must respect
    inWorker.stats = { n: 3 };
    (inWorker as unknown as Record<string, unknown>).wide = new BigUint64Array([1n, 2n ** 64n - 1n]);
    (inWorker as unknown as Record<string, unknown>).odd = new Uint8Array([7, 8, 9]);
    const answer = structuredClone(packDoc(inWorker), { transfer: [] });
    const inline = slimDoc(run(clean, bytes, {}, name));
    inline.stats = { n: 3 };
    (inline as unknown as Record<string, unknown>).wide = new BigUint64Array([1n, 2n ** 64n - 1n]);
    (inline as unknown as Record<string, unknown>).odd = new Uint8Array([7, 8, 9]);
    expect(inWorker.blocks.length).toBeGreaterThan(0);
    expect(inWorker.signature).toBeDefined();
    expect(plain(unpackDoc(answer))).toEqual(plain(inline));
  });

  it('leaves the document it packs as it was', () => {
    const d = run(clean, '<p>One paragraph of text that stays.</p><p>Another one, also long enough.</p>', {}, 'a.html');
    const before = plain(d);
    packDoc(d);
    expect(plain(d)).toEqual(before);
  });
});
