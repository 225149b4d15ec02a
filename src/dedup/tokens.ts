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

function astralClass(cp: number): number {
  // CJK Unified Ideographs Extension B onwards (planes 2 and 3)
  if (cp >= 0x20000 && cp < 0x40000) return 2;
  return classify(String.fromCodePoint(cp));
}

/**
 * Share of letters that belong to scripts written without spaces, among all
 * letters and digits of `text` (0 when there are none).
 */
export function unspacedShare(text: string): number {
  const t = bmpTable();
  let unspaced = 0;
  let letters = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let k: number;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      k = astralClass(text.codePointAt(i)!);
      i++;
    } else k = t[c];
    if (k === 2) unspaced++;
    if (k !== 0) letters++;
  }
  return letters === 0 ? 0 : unspaced / letters;
}

/** Growable buffer of token hashes, reused across documents. */
export class TokenBuffer {
  hashes = new Uint32Array(1024);
  count = 0;

  push(h: number): void {
    if (this.count === this.hashes.length) {
      const next = new Uint32Array(this.hashes.length * 2);
      next.set(this.hashes);
      this.hashes = next;
    }
    this.hashes[this.count++] = h;
  }
}

/**
 * Cut `text` into tokens for `mode` and store their hashes in `out`
 * (cleared first). Returns the number of tokens.
 */
export function tokenize(text: string, mode: ShingleMode, out: TokenBuffer): number {
  const t = bmpTable();
  const lower = text.toLowerCase();
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
      // FNV-1a over UTF-16 units, finalised when the word ends
      if (!inWord) h = 0x811c9dc5;
      h = Math.imul(h ^ c, 0x01000193);
      inWord = true;
      continue;
    }
    if (inWord) {
      out.push(fmix32(h));
      inWord = false;
    }
    // a single character is a token: hash its code point apart from words
    if (k !== 0) out.push(fmix32(Math.imul(c, 0x9e3779b1) ^ 0x5bd1e995));
  }
  if (inWord) out.push(fmix32(h));
  return out.count;
}
