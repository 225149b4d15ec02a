/**
 * The script of a text, as shingling needs it: each character is a separator
 * (0), a letter or digit of a spaced script (1), or a letter of a script
 * written without spaces (2: Han, kana, Thai, Lao, Khmer, Myanmar); the share
 * of the last among all letters chooses word or character shingles. Counted
 * alone (`unspacedShare`) or in the same read as the text's whitespace-folded
 * hash (`foldCounting`).
 */
import { compactTable, unitsMatching, type UnitTable } from '../unit-table.js';
import { FoldedHash, foldKeeps } from '../hash.js';
import { unitWindow, unitsAt } from '../text-units.js';

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

/** Letters counted by script while folding (see `foldCounting`): `unspaced / letters` is `unspacedShare`. */
export interface ScriptCounts {
  unspaced: number;
  letters: number;
}

/** Per code unit: 1 when folding keeps it (hash.ts), plus its class (as above) times 2. */
let foldClasses: UnitTable<Uint8Array> | undefined;

/**
 * Fold `text[start, end)` into `fold` (see FoldedHash) and count its letters
 * as `unspacedShare` does, in one pass and one table lookup per code unit:
 * the exact-copy hash and the shingling mode of a document come from the same
 * read of its text.
 */
export function foldCounting(fold: FoldedHash, text: string, start: number, end: number, counts: ScriptCounts): void {
  if (!foldClasses) {
    const keep = foldKeeps();
    const t = bmpTable();
    const full = new Uint8Array(0x10000);
    for (let c = 0; c < 0x10000; c++) full[c] = keep.data[keep.index[c >>> 8] + (c & 0xff)] | (t[c] << 1);
    foldClasses = compactTable(full);
  }
  const { index, data } = foldClasses;
  const buf = fold.units;
  let unspaced = counts.unspaced;
  let letters = counts.letters;
  for (let i = start; i < end; ) {
    if (fold.n >= FoldedHash.CHUNK) fold.flush();
    const units = unitsAt(text, i, end);
    const base = unitWindow.from;
    let n = fold.n;
    let surrogates = false;
    // a step writes at most as many units as it reads characters, and reads one past `stop` at most: within the slack
    for (const stop = Math.min(end, unitWindow.to, i + FoldedHash.CHUNK - n); i < stop; i++) {
      const c = units[i - base];
      const e = data[index[c >>> 8] + (c & 0xff)];
      buf[n] = c;
      n += e & 1;
      let k = e >>> 1;
      if ((c & 0xf800) === 0xd800) {
        surrogates = true;
        if (c <= 0xdbff && i + 1 < end) {
          // the pair (or a lone high surrogate and what follows) is one character to unspacedShare; both units are folded
          k = astralClass(codePointAt(units, i - base));
          const d = units[++i - base];
          buf[n] = d;
          n += data[index[d >>> 8] + (d & 0xff)] & 1;
        }
      }
      // k is 0, 1 or 2: counted without a branch (letters and spaces alternate too often to predict)
      unspaced += k >> 1;
      letters += (k + 1) >> 1;
    }
    fold.n = n;
    if (surrogates) fold.surrogates = true;
  }
  counts.unspaced = unspaced;
  counts.letters = letters;
}

/** Fold all of `text` into `fold`, and count the letters of `ranges` only (see foldCounting). */
export function foldCountingRanges(fold: FoldedHash, text: string, ranges: Ranges, counts: ScriptCounts): void {
  let at = 0;
  for (let r = 0; r < ranges.length; r += 2) {
    fold.add(text, at, ranges[r]);
    foldCounting(fold, text, ranges[r], ranges[r + 1], counts);
    at = ranges[r + 1];
  }
  fold.add(text, at, text.length);
}

/** The share `counts` give (see unspacedShare). */
export const shareOf = (counts: ScriptCounts): number => (counts.letters === 0 ? 0 : counts.unspaced / counts.letters);
