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

export type ShingleMode = 'word' | 'char';

/** 0 separator, 1 letter/digit of a spaced script, 2 letter of a script written without spaces. */
let table: Uint8Array | undefined;
const LETTER = /[\p{L}\p{N}\p{M}]/u;
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;

function classify(ch: string): number {
  return UNSPACED.test(ch) ? 2 : LETTER.test(ch) ? 1 : 0;
}

// Built once, on first use: 64 KiB for the Basic Multilingual Plane, so the
// hot loop is a table lookup, not a regular expression.
function bmpTable(): Uint8Array {
  if (table) return table;
  table = new Uint8Array(0x10000);
  for (let c = 0; c < 0x10000; c++) if (c < 0xd800 || c > 0xdfff) table[c] = classify(String.fromCharCode(c));
  return table;
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
  const t = bmpTable();
  let unspaced = 0;
  let letters = 0;
  for (let r = 0; r < ranges.length; r += 2) {
    const end = ranges[r + 1];
    for (let i = ranges[r]; i < end; i++) {
      const c = text.charCodeAt(i);
      let k: number;
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < end) {
        k = astralClass(text.codePointAt(i)!);
        i++;
      } else k = t[c];
      if (k === 2) unspaced++;
      if (k !== 0) letters++;
    }
  }
  return letters === 0 ? 0 : unspaced / letters;
}

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

/** Lower-cased code unit and the class of that unit (`class << 16 | unit`), or UNSAFE (see lowerTable). */
let lowers: Int32Array | undefined;
const UNSAFE = -1;
const CAPITAL_SIGMA = 0x3a3;

// Lower case is per character except for capital sigma (final sigma depends on
// the next letter) and characters whose lower case is not one code unit
// (U+0130 → "i̇"): those are UNSAFE and send the text down the string path.
function lowerTable(): Int32Array {
  if (lowers) return lowers;
  const t = bmpTable();
  lowers = new Int32Array(0x10000);
  for (let c = 0; c < 0x10000; c++) {
    if (c >= 0xd800 && c <= 0xdfff) {
      lowers[c] = c; // a lone surrogate: itself, a separator (class 0)
      continue;
    }
    const l = String.fromCharCode(c).toLowerCase();
    const u = l.charCodeAt(0);
    lowers[c] = c === CAPITAL_SIGMA || l.length !== 1 || (u >= 0xd800 && u <= 0xdfff) ? UNSAFE : (t[u] << 16) | u;
  }
  return lowers;
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
 * -1, having stopped, at a character that must be lower-cased in context.
 */
function tokenizeByTable(text: string, mode: ShingleMode, out: TokenBuffer, ranges: Ranges): number {
  const low = lowerTable();
  const words = mode === 'word';
  out.count = 0;
  for (let r = 0; r < ranges.length; r += 2) {
    const end = ranges[r + 1];
    // at most one token per code unit
    out.reserve(end - ranges[r]);
    const hashes = out.hashes;
    let count = out.count;
    let h = 0;
    let inWord = false;
    for (let i = ranges[r]; i < end; i++) {
      const u = text.charCodeAt(i);
      let c: number;
      let k: number;
      if (u >= 0xd800 && u <= 0xdbff && i + 1 < end) {
        c = text.codePointAt(i)!;
        if (c >= 0x10000) {
          c = astralLower(c);
          if (c === UNSAFE) return -1;
        } else if (low[text.charCodeAt(i + 1)] === UNSAFE) return -1; // a lone high surrogate swallows the next unit
        k = astralClass(c);
        i++;
      } else {
        const e = low[u];
        if (e === UNSAFE) return -1;
        c = e & 0xffff;
        k = e >>> 16;
      }
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
    if (inWord) hashes[count++] = wordToken(h);
    out.count = count;
  }
  return out.count;
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
