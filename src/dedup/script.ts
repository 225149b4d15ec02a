/**
 * The script of a text, as shingling needs it: each character is a separator
 * (0), a letter or digit of a spaced script (1), or a letter of a script
 * written without spaces (2: Han, kana, Thai, Lao, Khmer, Myanmar); the share
 * of the last among all letters chooses word or character shingles. Counted
 * alone (`unspacedShare`) or in the same read as the text's whitespace-folded
 * hash and its tokens (fold-tokens.ts).
 */
import { compactTable, unitsMatching, type UnitTable } from '../kit/unit-table.js';
import { unitWindow, unitsAt } from '../kit/text-units.js';

/** 0 separator, 1 letter/digit of a spaced script, 2 letter of a script written without spaces. */
let table: Uint8Array | undefined;
/** The same, in two levels for the hot loop. */
let classes: UnitTable<Uint8Array> | undefined;
const LETTER = /[\p{L}\p{N}\p{M}]/u;
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;

function classify(ch: string): number {
  return UNSPACED.test(ch) ? 2 : LETTER.test(ch) ? 1 : 0;
}

// Built once, on first use: 64 KiB for the Basic Multilingual Plane, so the
// hot loop is a table lookup, not a regular expression.
export function bmpTable(): Uint8Array {
  if (table) return table;
  const letter = unitsMatching(LETTER);
  const unspaced = unitsMatching(UNSPACED);
  table = new Uint8Array(0x10000);
  for (let c = 0; c < 0x10000; c++) table[c] = unspaced[c] ? 2 : letter[c];
  return table;
}

/**
 * `String#codePointAt` over code units, at a high surrogate with a unit after
 * it: the pair's code point, or the unit itself when the next is not a low one.
 */
export function codePointAt(units: Uint16Array, i: number): number {
  const c = units[i];
  const d = units[i + 1];
  return d >= 0xdc00 && d <= 0xdfff ? ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000 : c;
}

/** Astral code points remembered (classes, lower cases) at most: a hostile text must not make the cache grow without end. */
export const ASTRAL_CACHE = 1 << 14;

/** Classes of astral code points met so far: classifying one takes two regular expressions. */
const astralClasses = new Map<number, number>();

export function astralClass(cp: number): number {
  // CJK Unified Ideographs Extension B onwards (planes 2 and 3)
  if (cp >= 0x20000 && cp < 0x40000) return 2;
  let k = astralClasses.get(cp);
  if (k === undefined) {
    if (astralClasses.size >= ASTRAL_CACHE) astralClasses.clear();
    astralClasses.set(cp, (k = classify(String.fromCodePoint(cp))));
  }
  return k;
}

/**
 * Where a text is read: `[start0, end0, start1, end1, …]`, offsets into it.
 * Reading several ranges is reading them joined by line breaks (a line break
 * separates tokens), without building the joined string.
 */
export type Ranges = ArrayLike<number>;

export const whole = (text: string): Ranges => [0, text.length];

/**
 * Share of letters that belong to scripts written without spaces, among all
 * letters and digits of `text` (0 when there are none); only `ranges` of it
 * when given.
 */
export function unspacedShare(text: string, ranges: Ranges = whole(text)): number {
  const { index, data } = (classes ??= compactTable(bmpTable()));
  let unspaced = 0;
  let letters = 0;
  for (let r = 0; r < ranges.length; r += 2) {
    const end = ranges[r + 1];
    for (let i = ranges[r]; i < end; ) {
      const units = unitsAt(text, i, end);
      const base = unitWindow.from;
      for (const stop = Math.min(end, unitWindow.to); i < stop; i++) {
        const c = units[i - base];
        let k: number;
        if (c >= 0xd800 && c <= 0xdbff && i + 1 < end) {
          k = astralClass(codePointAt(units, i++ - base));
        } else k = data[index[c >>> 8] + (c & 0xff)];
        // k is 0, 1 or 2: counted without a branch (letters and spaces alternate too often to predict)
        unspaced += k >> 1;
        letters += (k + 1) >> 1;
      }
    }
  }
  return letters === 0 ? 0 : unspaced / letters;
}

/** Letters counted by script while folding (fold-tokens.ts `foldTokens`): `unspaced / letters` is `unspacedShare`. */
export interface ScriptCounts {
  unspaced: number;
  letters: number;
}

/** The share `counts` give (see unspacedShare). */
export const shareOf = (counts: ScriptCounts): number => (counts.letters === 0 ? 0 : counts.unspaced / counts.letters);
