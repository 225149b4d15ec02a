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
import { fmix32 } from '../kit/mix.js';
import { compactTable, type UnitTable } from '../kit/unit-table.js';
import { unitWindow, unitsAt } from '../kit/text-units.js';
import { ASTRAL_CACHE, astralClass, bmpTable, codePointAt, whole, type Ranges } from './script.js';

export { unspacedShare, type Ranges } from './script.js';

export type ShingleMode = 'word' | 'char';

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
export const UNSAFE_UNIT = 1 << 20;
const UNSAFE = -1;
const CAPITAL_SIGMA = 0x3a3;
let lowers: UnitTable<Int32Array> | undefined;

/**
 * Per code unit: its lower case, as the difference from the unit (mod 2^16,
 * so that a script's entries are alike and the table stays small: see
 * kit/unit-table.ts), and the class of that lower-cased unit in bits 16–17.
 * Lower case is per character except for capital sigma (final sigma depends
 * on the next letter) and characters whose lower case is not one code unit
 * (U+0130 → "i̇"): those are UNSAFE_UNIT and send the text down the string path.
 */
export function lowerTable(): UnitTable<Int32Array> {
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
    if (astralLowers.size >= ASTRAL_CACHE) astralLowers.clear();
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
    if (!rangeTokens(text, ranges[r], ranges[r + 1], mode === 'word', out)) return -1;
  }
  return out.count;
}

/** Set in what `lowered` returns for a character that must go down the string path. */
export const TO_STRING_PATH = 1 << 24;

/**
 * The character at `units[j]`, lower-cased, and its class, as `class << 21 | code
 * point` (TO_STRING_PATH set when it must be lower-cased in context). With
 * `pair` (a high surrogate with a unit after it) it is read from two units —
 * a surrogate pair, or a lone high surrogate that swallows the next unit as
 * `String#codePointAt` reads it.
 */
export function lowered(units: Uint16Array, j: number, pair: boolean, index: Int32Array, data: Int32Array): number {
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

/**
 * Tokens of `text[start, end)` for word mode (`words`) or char mode,
 * appended to `out`; false at a character for the string path.
 */
function rangeTokens(text: string, start: number, end: number, words: boolean, out: TokenBuffer): boolean {
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
      if (k === 1 && words) {
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
