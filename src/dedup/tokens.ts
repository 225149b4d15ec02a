/**
 * Tokens for shingling, as 32-bit hashes in a reusable buffer.
 *
 * Two ways to cut a text, chosen per document by its script share:
 *   - `word`: a run of letters, digits and marks is one token (English,
 *     Korean, Russian…), lower-cased; punctuation and spaces separate;
 *   - `char`: every letter or digit is one token — for scripts written
 *     without spaces (Chinese, Japanese, Thai, Khmer, Lao, Myanmar) and for
 *     texts that mix them with spaced scripts, where "words" do not exist.
 * In both, a character of a script without spaces is always a token of its
 * own, so a stray Hanja in Korean text does not glue onto the next word.
 */
import { fmix32 } from './mix.js';
import { compactTable, unitsMatching, type UnitTable } from '../unit-table.js';
import { FoldedHash, foldKeeps } from '../hash.js';
import { unitWindow, unitsAt } from '../text-units.js';

export type ShingleMode = 'word' | 'char';

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
function bmpTable(): Uint8Array {
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
function codePointAt(units: Uint16Array, i: number): number {
  const c = units[i];
  const d = units[i + 1];
  return d >= 0xdc00 && d <= 0xdfff ? ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000 : c;
}

/** Classes of astral code points met so far: classifying one takes two regular expressions. */
const astralClasses = new Map<number, number>();

function astralClass(cp: number): number {
  // CJK Unified Ideographs Extension B onwards (planes 2 and 3)
  if (cp >= 0x20000 && cp < 0x40000) return 2;
  let k = astralClasses.get(cp);
  if (k === undefined) astralClasses.set(cp, (k = classify(String.fromCodePoint(cp))));
  return k;
}

/**
 * Where a text is read: `[start0, end0, start1, end1, …]`, offsets into it.
 * Reading several ranges is reading them joined by line breaks (a line break
 * separates tokens), without building the joined string.
 */
export type Ranges = ArrayLike<number>;

const whole = (text: string): Ranges => [0, text.length];

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

/** Growable buffer of token hashes, reused across documents. */
export class TokenBuffer {
  hashes = new Uint32Array(1024);
  count = 0;

  push(h: number): void {
    if (this.count === this.hashes.length) this.grow();
    this.hashes[this.count++] = h;
  }

  /** Room for at least `n` more tokens. */
  reserve(n: number): void {
    while (this.count + n > this.hashes.length) this.grow();
  }

  private grow(): void {
    const next = new Uint32Array(this.hashes.length * 2);
    next.set(this.hashes);
    this.hashes = next;
  }
}

/** UNSAFE_UNIT marks a unit of `lowerTable`; UNSAFE an astral code point of `astralLower`. */
const UNSAFE_UNIT = 1 << 20;
const UNSAFE = -1;
const CAPITAL_SIGMA = 0x3a3;
let lowers: UnitTable<Int32Array> | undefined;

/**
 * Per code unit: its lower case, as the difference from the unit (mod 2^16,
 * so that a script's entries are alike and the table stays small: see
 * unit-table.ts), and the class of that lower-cased unit in bits 16–17.
 * Lower case is per character except for capital sigma (final sigma depends
 * on the next letter) and characters whose lower case is not one code unit
 * (U+0130 → "i̇"): those are UNSAFE_UNIT and send the text down the string path.
 */
function lowerTable(): UnitTable<Int32Array> {
  if (lowers) return lowers;
  const t = bmpTable();
  const out = new Int32Array(0x10000);
  for (let c = 0; c < 0x10000; c++) {
    // a lone surrogate stays itself (difference 0), a separator (class 0)
    if (c >= 0xd800 && c <= 0xdfff) continue;
    const lower = String.fromCharCode(c).toLowerCase();
    const u = lower.charCodeAt(0);
    out[c] = c === CAPITAL_SIGMA || lower.length !== 1 || (u >= 0xd800 && u <= 0xdfff) ? UNSAFE_UNIT : (t[u] << 16) | ((u - c) & 0xffff);
  }
  return (lowers = compactTable(out));
}

/** Lower case of astral code points met so far, UNSAFE when it is not one astral code point. */
const astralLowers = new Map<number, number>();

function astralLower(cp: number): number {
  let l = astralLowers.get(cp);
  if (l === undefined) {
    const s = String.fromCodePoint(cp).toLowerCase();
    const u = s.codePointAt(0)!;
    astralLowers.set(cp, (l = s.length === 2 && u >= 0x10000 ? u : UNSAFE));
  }
  return l;
}

const wordToken = (h: number): number => fmix32(h);
// a single character is a token: hash its code point apart from words
const charToken = (c: number): number => fmix32(Math.imul(c, 0x9e3779b1) ^ 0x5bd1e995);

/**
 * Cut `text` (its `ranges` when given) into tokens for `mode` and store their
 * hashes in `out` (cleared first). Returns the number of tokens.
 */
export function tokenize(text: string, mode: ShingleMode, out: TokenBuffer, ranges: Ranges = whole(text)): number {
  const n = tokenizeByTable(text, mode, out, ranges);
  if (n >= 0) return n;
  let joined = '';
  for (let r = 0; r < ranges.length; r += 2) joined += (r > 0 ? '\n' : '') + text.slice(ranges[r], ranges[r + 1]);
  return tokenizeLowered(joined.toLowerCase(), mode, out);
}

/**
 * The usual path: one pass over the ranges, each code unit lower-cased and
 * classified by one table lookup (no lower-cased copy of the text). Returns
 * -1 when the text has a character that must be lower-cased in context.
 */
function tokenizeByTable(text: string, mode: ShingleMode, out: TokenBuffer, ranges: Ranges): number {
  out.count = 0;
  for (let r = 0; r < ranges.length; r += 2) {
    const ok = mode === 'word' ? wordTokens(text, ranges[r], ranges[r + 1], out) : charTokens(text, ranges[r], ranges[r + 1], out);
    if (!ok) return -1;
  }
  return out.count;
}

/** Set in what `lowered` returns for a character that must go down the string path. */
const TO_STRING_PATH = 1 << 24;

/**
 * The character at `units[j]`, lower-cased, and its class, as `class << 21 | code
 * point` (TO_STRING_PATH set when it must be lower-cased in context). With
 * `pair` (a high surrogate with a unit after it) it is read from two units —
 * a surrogate pair, or a lone high surrogate that swallows the next unit as
 * `String#codePointAt` reads it.
 */
function lowered(units: Uint16Array, j: number, pair: boolean, index: Int32Array, data: Int32Array): number {
  const u = units[j];
  if (!pair) {
    const e = data[index[u >>> 8] + (u & 0xff)];
    // UNSAFE_UNIT (bit 20) moves to TO_STRING_PATH (bit 24)
    return ((e & UNSAFE_UNIT) << 4) | (((e >>> 16) & 3) << 21) | ((u + e) & 0xffff);
  }
  let c = codePointAt(units, j);
  if (c >= 0x10000) {
    c = astralLower(c);
    if (c === UNSAFE) return TO_STRING_PATH;
  } else {
    const next = units[j + 1];
    if (data[index[next >>> 8] + (next & 0xff)] & UNSAFE_UNIT) return TO_STRING_PATH;
  }
  return (astralClass(c) << 21) | c;
}

/** Word-mode tokens of `text[start, end)`, appended to `out`; false at a character for the string path. */
function wordTokens(text: string, start: number, end: number, out: TokenBuffer): boolean {
  const { index, data } = lowerTable();
  let flags = 0;
  let h = 0;
  let inWord = false;
  for (let i = start; i < end; ) {
    const units = unitsAt(text, i, end);
    const base = unitWindow.from;
    const stop = Math.min(end, unitWindow.to);
    // at most one token per code unit, and the word still open
    out.reserve(stop - i + 1);
    const hashes = out.hashes;
    let count = out.count;
    for (; i < stop; i++) {
      const pair = (units[i - base] & 0xfc00) === 0xd800 && i + 1 < end;
      const x = lowered(units, i - base, pair, index, data);
      if (pair) i++;
      flags |= x;
      const c = x & 0x1fffff;
      const k = (x >>> 21) & 3;
      if (k === 1) {
        // FNV-1a over UTF-16 units, finalised when the word ends
        if (!inWord) h = 0x811c9dc5;
        h = Math.imul(h ^ c, 0x01000193);
        inWord = true;
        continue;
      }
      if (inWord) {
        hashes[count++] = wordToken(h);
        inWord = false;
      }
      if (k !== 0) hashes[count++] = charToken(c);
    }
    out.count = count;
  }
  if (inWord) out.push(wordToken(h));
  return (flags & TO_STRING_PATH) === 0;
}

/** Char-mode tokens of `text[start, end)` (every letter or digit), appended to `out`; false at a character for the string path. */
function charTokens(text: string, start: number, end: number, out: TokenBuffer): boolean {
  const { index, data } = lowerTable();
  let flags = 0;
  for (let i = start; i < end; ) {
    const units = unitsAt(text, i, end);
    const base = unitWindow.from;
    const stop = Math.min(end, unitWindow.to);
    out.reserve(stop - i);
    const hashes = out.hashes;
    let count = out.count;
    for (; i < stop; i++) {
      const pair = (units[i - base] & 0xfc00) === 0xd800 && i + 1 < end;
      const x = lowered(units, i - base, pair, index, data);
      if (pair) i++;
      flags |= x;
      // nearly every character is a token in these scripts: written always, kept when a letter or digit (no branch)
      hashes[count] = charToken(x & 0x1fffff);
      count += (((x >>> 21) & 3) + 1) >> 1;
    }
    out.count = count;
  }
  return (flags & TO_STRING_PATH) === 0;
}

/** The definition, on a text already lower-cased as a whole. */
function tokenizeLowered(lower: string, mode: ShingleMode, out: TokenBuffer): number {
  const t = bmpTable();
  out.count = 0;
  let h = 0;
  let inWord = false;
  for (let i = 0; i < lower.length; i++) {
    let c = lower.charCodeAt(i);
    let k: number;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < lower.length) {
      c = lower.codePointAt(i)!;
      k = astralClass(c);
      i++;
    } else k = t[c];
    if (k === 1 && mode === 'word') {
      if (!inWord) h = 0x811c9dc5;
      h = Math.imul(h ^ c, 0x01000193);
      inWord = true;
      continue;
    }
    if (inWord) {
      out.push(wordToken(h));
      inWord = false;
    }
    if (k !== 0) out.push(charToken(c));
  }
  if (inWord) out.push(wordToken(h));
  return out.count;
}
