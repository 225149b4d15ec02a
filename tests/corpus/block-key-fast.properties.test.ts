/**
 * blockKeyAt maps characters one at a time through corpus/key-table.ts; it
 * must give the hash and length of the string-built key (blockKey), or the
 * corpus counts would change with the path a block happens to take.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { blockHash, blockKey, blockKeyAt } from '../../src/corpus/block-key.js';

const RUNS = Number(process.env.PROPERTY_RUNS ?? 300);

/** Blocks with what the key folds: case, full-width forms, digits, punctuation, spaces, and characters NFKC joins or expands. */
const piece = fc.oneof(
  fc.constantFrom(
    ' ', '  ', '\t', '\u00A0', '\u3000', 'Comments', '(12)', '3', '２０２４', 'Ｆｕｌｌ', '—', '...', '!', '©', '|', 'Ünïcödé', 'e\u0301',
    '\u0301', 'ΣΑΣ', 'ς', 'İ', 'ﬁ', '½', '①', '㈜', 'ㄱㅏ', '\u1100\u1161', '한국어', '中文', 'ｶﾞ', 'か\u3099', '😀', '𝐀', '\uD800', '\u200D',
    '\u00AD', 'ไทย', 'Ⅻ', 'K', '\uFEFF', 'x',
  ),
  fc.string({ unit: 'grapheme', maxLength: 6 }),
  fc.string({ unit: 'binary', maxLength: 6 }),
);
const block = fc.array(piece, { maxLength: 20 }).map((parts) => parts.join(''));

/** The key of `text` as blockKeyAt gives it: its hash and length, or undefined when it is empty. */
function keyAt(text: string): { hash: bigint; length: number } | undefined {
  const halves = new Uint32Array(2);
  const length = blockKeyAt(text, 0, text.length, halves);
  return length === 0 ? undefined : { hash: (BigInt(halves[1]) << 32n) | BigInt(halves[0]), length };
}

describe('blockKeyAt', () => {
  it('equals the hash and length of the string-built key', () => {
    fc.assert(
      fc.property(block, (text) => {
        const key = blockKey(text);
        expect(keyAt(text)).toEqual(key ? { hash: blockHash(key), length: key.length } : undefined);
      }),
      { numRuns: RUNS * 3 },
    );
  });

  it('folds what CCNet folds', () => {
    expect(keyAt('Comments (12)')).toEqual(keyAt('comments 3'));
    expect(keyAt('Ｃｏｍｍｅｎｔｓ １２')).toEqual(keyAt('comments 3'));
    expect(keyAt('— 2024 —')).toBeUndefined();
  });
});
