/**
 * The hashing fast paths (table lookups over code units, ranges read in place
 * of joined strings, one pass for two results) must give exactly what their
 * plain definitions give, or duplicates would be judged differently by the
 * path a text happens to take. The definitions are written out here, the
 * slow and obvious way.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fmix32 } from '../../src/kit/mix.js';
import { TokenBuffer, tokenize, type ShingleMode } from '../../src/dedup/tokens.js';
import { shareOf, unspacedShare } from '../../src/dedup/script.js';
import { Signer } from '../../src/dedup/minhash.js';
import { foldAndTokenize, foldTokens } from '../../src/dedup/fold-tokens.js';
import { FoldedHash, hash64Bytes, hash64Folded } from '../../src/kit/hash.js';
import { distinctHashes } from '../../src/corpus/distinct.js';
import { displayWidth, longBlocks } from '../../src/stages/near-copies.js';
import { unitWindow, unitsAt } from '../../src/kit/text-units.js';
import { blockHash, blockKey, blockKeyAt } from '../../src/corpus/block-key.js';
import type { Doc } from '../../src/record/doc.js';

const RUNS = Number(process.env.PROPERTY_RUNS ?? 300);

/** Text with what the fast paths treat specially: case, spaces, scripts, pairs and lone surrogates, final sigma, İ. */
const piece = fc.oneof(
  fc.constantFrom(
    ' ', '  ', '\n', '\t', '\u00A0', '\u3000', '\u2028', '\uFEFF', 'Word', 'ÉCOLE', 'ΣΑΣ', 'ς', 'İstanbul', 'ﬁ', '한국어', '中文字', 'ひらがな',
    'カタカナ', 'ไทย', '😀', '𝐀𝐁', '𐐀𐐨', '\uD800', '\uDC00', '\uD800 \uDC00', 'e\u0301', '12', '３４', '—', '...', 'K', 'x',
  ),
  fc.string({ unit: 'grapheme', maxLength: 6 }),
  fc.string({ unit: 'binary', maxLength: 6 }),
);
const text = fc.array(piece, { maxLength: 24 }).map((parts) => parts.join(''));
/** A text and ranges of it, as near-copies passes its long blocks. */
const textWithRanges = text.chain((t) =>
  fc
    .uniqueArray(fc.integer({ min: 0, max: t.length }), { maxLength: 8 })
    .map((cuts) => ({ text: t, ranges: cuts.sort((a, b) => a - b).slice(0, cuts.length & ~1) })),
);
const joined = (t: string, ranges: number[]) => Array.from({ length: ranges.length / 2 }, (_, i) => t.slice(ranges[2 * i], ranges[2 * i + 1])).join('\n');

// --- the definitions -------------------------------------------------------

const LETTER = /[\p{L}\p{N}\p{M}]/u;
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
const classOf = (cp: number) =>
  cp >= 0xd800 && cp <= 0xdfff ? 0 : cp >= 0x20000 && cp < 0x40000 ? 2 : UNSPACED.test(String.fromCodePoint(cp)) ? 2 : LETTER.test(String.fromCodePoint(cp)) ? 1 : 0;

/** Tokens of a text lowered as a whole, read code point by code point (a lone high surrogate takes the next unit along). */
function tokensByDefinition(t: string, mode: ShingleMode): number[] {
  const lower = t.toLowerCase();
  const out: number[] = [];
  let h = 0;
  let inWord = false;
  for (let i = 0; i < lower.length; i++) {
    let c = lower.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < lower.length) {
      c = lower.codePointAt(i)!;
      i++;
    }
    const k = classOf(c);
    if (k === 1 && mode === 'word') {
      if (!inWord) h = 0x811c9dc5;
      h = Math.imul(h ^ c, 0x01000193);
      inWord = true;
      continue;
    }
    if (inWord) out.push(fmix32(h));
    inWord = false;
    if (k !== 0) out.push(fmix32(Math.imul(c, 0x9e3779b1) ^ 0x5bd1e995));
  }
  if (inWord) out.push(fmix32(h));
  return out;
}

function shareByDefinition(t: string): number {
  let unspaced = 0;
  let letters = 0;
  for (let i = 0; i < t.length; i++) {
    let c = t.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < t.length) {
      c = t.codePointAt(i)!;
      i++;
    }
    const k = classOf(c);
    if (k === 2) unspaced++;
    if (k !== 0) letters++;
  }
  return letters === 0 ? 0 : unspaced / letters;
}

/** XXH64 of the UTF-16 code units of the text without whitespace, unpaired surrogates as U+FFFD. */
function foldedByDefinition(t: string): bigint {
  const folded = t.replace(/\s+/g, '').toWellFormed();
  return hash64Bytes(new Uint8Array(Uint16Array.from({ length: folded.length }, (_, i) => folded.charCodeAt(i)).buffer));
}

// --- the properties --------------------------------------------------------

describe('tokens', () => {
  it('are those of the text lower-cased as a whole, in both modes', () => {
    const buf = new TokenBuffer();
    fc.assert(
      fc.property(text, fc.constantFrom<ShingleMode>('word', 'char'), (t, mode) => {
        const n = tokenize(t, mode, buf);
        expect(Array.from(buf.hashes.subarray(0, n))).toEqual(tokensByDefinition(t, mode));
      }),
      { numRuns: RUNS * 3 },
    );
  });

  it('of ranges are those of the ranges joined by line breaks, and so is their script share', () => {
    const buf = new TokenBuffer();
    fc.assert(
      fc.property(textWithRanges, fc.constantFrom<ShingleMode>('word', 'char'), ({ text: t, ranges }, mode) => {
        const n = tokenize(t, mode, buf, ranges);
        expect(Array.from(buf.hashes.subarray(0, n))).toEqual(tokensByDefinition(joined(t, ranges), mode));
        expect(unspacedShare(t, ranges)).toBe(shareByDefinition(joined(t, ranges)));
      }),
      { numRuns: RUNS * 3 },
    );
  });

  it('lower-case every character of the Basic Multilingual Plane as the string does', () => {
    const buf = new TokenBuffer();
    const bad: string[] = [];
    for (let c = 0; c < 0x10000; c++) {
      const t = `a${String.fromCharCode(c)}b ${String.fromCharCode(c)}`;
      const n = tokenize(t, 'word', buf);
      const want = tokensByDefinition(t, 'word');
      if (n !== want.length || want.some((h, i) => h !== buf.hashes[i])) bad.push(c.toString(16));
    }
    expect(bad).toEqual([]);
  });
});

describe('signatures', () => {
  it('of ranges are those of the ranges joined by line breaks', () => {
    const signer = new Signer({ wordShingle: 5, charShingle: 5, charShingleShare: 0.3, hashes: 64 });
    const sign = (t: string, ranges?: number[]) => {
      const sig = new Uint32Array(64);
      return { n: signer.sign(t, sig, ranges), sig: Array.from(sig) };
    };
    fc.assert(
      fc.property(textWithRanges, ({ text: t, ranges }) => {
        const a = sign(t, ranges);
        const b = sign(joined(t, ranges));
        expect(a.n).toBe(b.n);
        if (a.n > 0) expect(a.sig).toEqual(b.sig);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('the folded-text hash', () => {
  it('is XXH64 of the code units without whitespace, however the text is fed', () => {
    const fold = new FoldedHash();
    fc.assert(
      fc.property(textWithRanges, ({ text: t, ranges }) => {
        const want = foldedByDefinition(t);
        expect(hash64Folded(t)).toBe(want);
        // fed range by range
        fold.reset();
        for (let r = 0, at = 0; r <= ranges.length; at = ranges[r++]) fold.add(t, at, r < ranges.length ? ranges[r] : t.length);
        expect(fold.digest() ?? hash64Folded('')).toBe(want);
      }),
      { numRuns: RUNS * 3 },
    );
  });

  it('is the same across the pieces a long text is hashed in', () => {
    // pieces are 2^15 folded code units: a pair, a pair parted by spaces and a lone high surrogate end the first one
    for (const long of [
      'ab '.repeat(12000) + 'x'.repeat(8767) + '😀' + '한국어 '.repeat(30000),
      'x'.repeat(32767) + '\uD83D \n \uDE00' + 'y'.repeat(40000),
      'x'.repeat(32767) + '\uD83D  z' + 'y'.repeat(40000),
      'x'.repeat(32767) + '\uD83D   ',
    ])
      expect(hash64Folded(long)).toBe(foldedByDefinition(long));
    expect(hash64Folded('a b\u3000c')).toBe(hash64Folded('abc'));
  });
});

describe('one read for the folded hash, the script share and the tokens', () => {
  it('gives what the three separate loops give, in either mode', () => {
    const fold = new FoldedHash();
    const buf = new TokenBuffer();
    fc.assert(
      fc.property(textWithRanges, fc.constantFrom<ShingleMode>('word', 'char'), ({ text: t, ranges }, mode) => {
        const counts = { unspaced: 0, letters: 0 };
        buf.count = 0;
        fold.reset();
        let valid = true;
        let at = 0;
        for (let r = 0; r < ranges.length; r += 2) {
          fold.add(t, at, ranges[r]);
          valid = foldTokens(fold, t, ranges[r], ranges[r + 1], counts, mode === 'word', buf) && valid;
          at = ranges[r + 1];
        }
        fold.add(t, at, t.length);
        expect(fold.digest() ?? hash64Folded('')).toBe(foldedByDefinition(t));
        expect(shareOf(counts)).toBe(shareByDefinition(joined(t, ranges)));
        // a character lower-cased in context (Σ, İ) leaves the tokens to tokens.ts
        if (valid) expect(Array.from(buf.hashes.subarray(0, buf.count))).toEqual(tokensByDefinition(joined(t, ranges), mode));
      }),
      { numRuns: RUNS * 3 },
    );
  });

  it('signs as Signer.sign does, whatever the mode the beginning of the text suggests', () => {
    const signer = new Signer({ wordShingle: 5, charShingle: 5, charShingleShare: 0.3, hashes: 64 });
    const fold = new FoldedHash();
    // a beginning in one script and the rest in another: the guess from the beginning is wrong
    const mixed = fc.tuple(fc.constantFrom('', '中文字'.repeat(60), 'word '.repeat(60)), textWithRanges);
    fc.assert(
      fc.property(mixed, ([head, { text: rest, ranges }]) => {
        const t = head + rest;
        const shifted = [0, head.length, ...ranges.map((x) => x + head.length)];
        const want = new Uint32Array(64);
        const n = signer.sign(t, want, shifted);
        const { mode, count } = foldAndTokenize(signer, fold.reset(), t, shifted);
        expect(fold.digest() ?? hash64Folded('')).toBe(foldedByDefinition(t));
        const got = new Uint32Array(64);
        expect(signer.signTokens(mode, count, got)).toBe(n);
        if (n > 0) expect(Array.from(got)).toEqual(Array.from(want));
      }),
      { numRuns: RUNS * 3 },
    );
  });
});

describe('helpers', () => {
  it('unitsAt gives the code units of each text asked for, lone surrogates included', () => {
    for (const t of ['', 'abc', '한\uD800국\uDC00😀', 'x'.repeat(5000), 'abc']) {
      const units = unitsAt(t, 0);
      expect(unitWindow).toEqual({ from: 0, to: t.length });
      expect(Array.from(units.subarray(0, t.length))).toEqual(Array.from({ length: t.length }, (_, i) => t.charCodeAt(i)));
    }
  });

  it('reads a text of over 4 Mi code units a window at a time, with the same results', () => {
    // windows are 2^20 units: pairs, a pair parted by a space and a word straddle their edges
    const edge = (k: number, piece: string) => 'a b'.repeat(Math.floor((k * 2 ** 20 - 1) / 3)).padEnd(k * 2 ** 20 - 1, 'c') + piece;
    const huge = edge(1, '😀 words') + edge(1, '\uD83D \uDE00 中文') + edge(1, 'Straddling word') + edge(2, ' ');
    expect(huge.length).toBeGreaterThan(2 ** 22);
    expect(hash64Folded(huge)).toBe(foldedByDefinition(huge));
    const buf = new TokenBuffer();
    for (const mode of ['word', 'char'] as const) {
      const n = tokenize(huge, mode, buf);
      const want = tokensByDefinition(huge, mode);
      expect(n).toBe(want.length);
      expect(buf.hashes.subarray(0, n).every((h, i) => h === want[i])).toBe(true);
      // and in one read with the folded hash and the share
      const counts = { unspaced: 0, letters: 0 };
      const fold = new FoldedHash();
      buf.count = 0;
      expect(foldTokens(fold, huge, 0, huge.length, counts, mode === 'word', buf)).toBe(true);
      expect(buf.count).toBe(want.length);
      expect(buf.hashes.subarray(0, n).every((h, i) => h === want[i])).toBe(true);
      expect(fold.digest()).toBe(foldedByDefinition(huge));
      expect(shareOf(counts)).toBe(shareByDefinition(huge));
    }
    expect(unspacedShare(huge)).toBe(shareByDefinition(huge));
    expect(displayWidth(huge)).toBe(displayWidth(huge.slice(0, 2 ** 21)) + displayWidth(huge.slice(2 ** 21)));
    // a block in a window of its own, across the edge of the last one
    const halves = new Uint32Array(2);
    for (const at of [3 * 2 ** 20 - 20, 5]) {
      const key = blockKey(huge.slice(at, at + 40));
      expect(blockKeyAt(huge, at, at + 40, halves)).toBe(key.length);
      expect((BigInt(halves[1]) << 32n) | BigInt(halves[0])).toBe(blockHash(key));
    }
  });

  it('distinctHashes keeps the first of each 64-bit hash, in order, in an array of its own', () => {
    const halves = Uint32Array.of(1, 2, 3, 4, 1, 2, 1, 5, 3, 4);
    const out = distinctHashes(halves, 5);
    expect(Array.from(out)).toEqual([(2n << 32n) | 1n, (4n << 32n) | 3n, (5n << 32n) | 1n]);
    expect(out.byteOffset === 0 && out.buffer.byteLength === out.byteLength).toBe(true);
  });

  it('longBlocks keeps exactly the blocks whose displayWidth reaches minWidth', () => {
    fc.assert(
      fc.property(textWithRanges, fc.integer({ min: 1, max: 40 }), ({ text: t, ranges }, minWidth) => {
        const blocks = Array.from({ length: ranges.length / 2 }, (_, i) => ({ start: ranges[2 * i], end: ranges[2 * i + 1] }));
        const want = blocks.filter((b) => displayWidth(t, b.start, b.end) >= minWidth).flatMap((b) => [b.start, b.end]);
        expect(longBlocks({ text: t, blocks } as unknown as Doc, minWidth)).toEqual(want);
      }),
      { numRuns: RUNS },
    );
  });

  it('longBlocks picks the blocks at least minWidth wide, lone low surrogates counting nothing', () => {
    const blocks = ['a'.repeat(99), 'a'.repeat(100), '한'.repeat(50), '\uDC00'.repeat(300) + 'a'.repeat(10), 'a'.repeat(400)];
    const t = blocks.join('\n');
    let at = 0;
    const doc = { text: t, blocks: blocks.map((b) => ({ start: (at += b.length + 1) - b.length - 1, end: at - 1 })) } as unknown as Doc;
    const wide = longBlocks(doc, 100);
    expect(wide.filter((_, i) => i % 2 === 0).map((s) => doc.blocks.findIndex((b) => b.start === s))).toEqual([1, 2, 4]);
    expect(displayWidth('\uDC00'.repeat(300) + 'a'.repeat(10))).toBe(10);
  });
});
