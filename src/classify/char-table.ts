/**
 * What the classifier needs to know about a character, as bit flags in one
 * 64 KiB-entry table over the Basic Multilingual Plane: the feature loops look
 * a code unit up instead of running a regular expression per character (the
 * classifier used to spend most of its time so). Astral code points are rare
 * in pages; the loops test those with the regular expressions themselves.
 *
 * The ranges are the ones features.ts, patterns.ts and stopwords.ts documented
 * as regular expressions; tests/classify/fast-loops.properties.test.ts checks the
 * table-driven functions against those expressions on random text.
 */

/** `\s` of a JavaScript regular expression (the set String.prototype.trim strips too). */
export const SPACE = 1 << 0;
/** `\p{L}`. */
export const LETTER = 1 << 1;
/** Hangul syllables, jamo and compatibility jamo: weighted `classify.weightHangul`. */
export const WEIGHT_HANGUL = 1 << 2;
/** CJK ideographs (unified, extension A, compatibility): weighted `classify.weightHan`. */
export const WEIGHT_HAN = 1 << 3;
/** Hiragana and katakana: weighted `classify.weightKana`. */
export const WEIGHT_KANA = 1 << 4;
/** Thai, Lao, Khmer, Tibetan: scripts written without sentence punctuation (patterns.ts UNPUNCTUATED_SCRIPT). */
export const UNPUNCTUATED = 1 << 5;
/** A character of the menu separators features.ts counts (`| · • › » > /`). */
export const SEPARATOR = 1 << 6;
/** `[\p{L}\p{N}'’]`: part of a word for stopword counting. */
export const WORD = 1 << 7;
/** Han and kana: a stopword token of its own (stopwords.ts PER_CHAR). */
export const PER_CHAR = 1 << 8;
/** Hangul syllables only, for the document language (stopwords.ts detectStopLang). */
export const LANG_HANGUL = 1 << 9;
/** Latin letters, for the document language. */
export const LANG_LATIN = 1 << 10;
/**
 * A character every copyright notice patterns.ts knows holds one of: © ( y v 版 著 저 — "copyright" needs a y,
 * "all rights reserved" a v (under the pattern's case-insensitive matching only Y and V fold to them).
 */
export const COPYRIGHT_HINT = 1 << 11;
/** ASCII digits `0-9` (what `\d` matches). */
export const DIGIT = 1 << 12;
/** A sentence mark scan.ts looks at: `.!?…` and `。！？؟۔।॥։።။`. Ordinary characters skip that branch on this one bit. */
export const SENTENCE_MARK = 1 << 13;
/** The first half of a surrogate pair (U+D800–DBFF): the loops take the astral path only on this bit. */
export const HIGH_SURROGATE = 1 << 14;
/**
 * Lower case is not one code unit of the same WORD / PER_CHAR class (or, for Han and kana, not the character
 * itself): only U+0130 İ (→ i + U+0307). Stopword counting, which reads lower case through `LOWER`, takes the
 * string path on it.
 */
export const LOWER_ODD = 1 << 15;

function mark(table: Uint16Array, flag: number, from: number, to: number): void {
  for (let c = from; c <= to; c++) table[c] |= flag;
}

function build(): Uint16Array {
  const table = new Uint16Array(0x10000);
  const space = /\s/;
  const letter = /\p{L}/u;
  const word = /[\p{L}\p{N}'’]/u;
  for (let c = 0; c < 0x10000; c++) {
    if (c >= 0xd800 && c <= 0xdfff) continue; // surrogates: the loops handle pairs themselves
    const ch = String.fromCharCode(c);
    if (space.test(ch)) table[c] |= SPACE;
    if (letter.test(ch)) table[c] |= LETTER;
    if (word.test(ch)) table[c] |= WORD;
  }
  mark(table, WEIGHT_HANGUL, 0xac00, 0xd7a3);
  mark(table, WEIGHT_HANGUL, 0x1100, 0x11ff);
  mark(table, WEIGHT_HANGUL, 0x3130, 0x318f);
  for (const [from, to] of [[0x3400, 0x4dbf], [0x4e00, 0x9fff], [0xf900, 0xfaff]]) {
    mark(table, WEIGHT_HAN, from, to);
    mark(table, PER_CHAR, from, to);
  }
  mark(table, WEIGHT_KANA, 0x3041, 0x30ff);
  mark(table, PER_CHAR, 0x3041, 0x30ff);
  mark(table, UNPUNCTUATED, 0x0e00, 0x0eff);
  mark(table, UNPUNCTUATED, 0x1780, 0x17ff);
  mark(table, UNPUNCTUATED, 0x0f00, 0x0fff);
  for (const ch of '|·•›»>/') table[ch.charCodeAt(0)] |= SEPARATOR;
  for (const ch of '©(yYvV版著저') table[ch.charCodeAt(0)] |= COPYRIGHT_HINT;
  mark(table, LANG_HANGUL, 0xac00, 0xd7a3);
  mark(table, LANG_LATIN, 0x41, 0x5a);
  mark(table, LANG_LATIN, 0x61, 0x7a);
  mark(table, LANG_LATIN, 0xc0, 0x24f);
  mark(table, DIGIT, 0x30, 0x39);
  for (const ch of '.!?…。！？؟۔।॥։።။') table[ch.charCodeAt(0)] |= SENTENCE_MARK;
  mark(table, HIGH_SURROGATE, 0xd800, 0xdbff);
  const classOf = (c: number) => table[c] & (WORD | PER_CHAR);
  for (let c = 0; c < 0x10000; c++) {
    if (c >= 0xd800 && c <= 0xdfff) {
      LOWER[c] = c;
      continue;
    }
    const lower = String.fromCharCode(c).toLowerCase();
    LOWER[c] = lower.length === 1 ? lower.charCodeAt(0) : c;
    // a Han or kana character is counted by itself, not lower-cased: it must be its own lower case
    if (lower.length !== 1 || classOf(LOWER[c]) !== classOf(c) || (table[c] & PER_CHAR && LOWER[c] !== c)) table[c] |= LOWER_ODD;
  }
  return table;
}

/**
 * Every BMP code unit lower-cased as `String.prototype.toLowerCase` does it
 * alone. That is the string's own lower case but for LOWER_ODD characters and
 * Σ, which becomes ς at the end of a word and σ elsewhere — both word
 * characters on no stoplist, so a word holding either is cut and counted alike.
 */
export const LOWER = new Uint16Array(0x10000);

/** Flags of every BMP code unit (only HIGH_SURROGATE for surrogates). Built at module load, a few milliseconds per thread. */
export const CHAR_FLAGS: Uint16Array = build();

/** True for the first half of a surrogate pair. */
export const isHighSurrogate = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;
/** True for the second half of a surrogate pair. */
export const isLowSurrogate = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;
