/**
 * One pass over a block's text that counts everything features.ts needs from
 * its characters: spaces, letters, weighted length, tokens with digits,
 * sentence ends, unpunctuated scripts, separator characters and, given a
 * stoplist, the stopword tokens (stopwords.ts). It replaces a dozen regular
 * expressions run over the same text, most of them once per character; the
 * counts are the ones those expressions gave (see
 * tests/classify/fast-loops.properties.test.ts).
 *
 * The pass reads a range of the document's text in place (no block string is
 * cut out, nothing is lower-cased as a string) and looks every code unit up
 * once in char-table.ts: an ordinary character costs one table read and a few
 * additions; only digits, sentence marks, surrogates and the ends of words
 * take a branch of their own.
 */
import type { Thresholds } from '../thresholds.js';
import {
  CHAR_FLAGS,
  COPYRIGHT_HINT,
  DIGIT,
  HIGH_SURROGATE,
  LETTER,
  LOWER_ODD,
  PER_CHAR,
  SENTENCE_MARK,
  SEPARATOR,
  SPACE,
  UNPUNCTUATED,
  WEIGHT_HAN,
  WEIGHT_HANGUL,
  WEIGHT_KANA,
  WORD,
  isLowSurrogate,
} from './char-table.js';
import { cover, openUnits, type Units } from '../kit/code-units.js';
import { FRACTION } from './fraction.js';
import { ASTRAL_WORD, isListed, stopCountsOfString, stopList, type StopCounts, type StopLang, type StopList } from './stopwords.js';

export interface Scan {
  /** Code points that are not `\s`. */
  nonSpace: number;
  /** Code points that are `\p{L}`. */
  letters: number;
  /** Code points weighted by script (classify.weight*); every other code point counts 1. */
  weight: number;
  /** Runs of non-space code units (what `split(/\s+/)` gives, empty pieces dropped). */
  tokens: number;
  /** Of those, the ones holding an ASCII digit. */
  digitTokens: number;
  /** ASCII digits: without one, no date pattern can match. */
  digits: number;
  /** Code points of Thai, Lao, Khmer or Tibetan. */
  unpunctuated: number;
  /** Sentence ends, as patterns.ts `sentenceEnds` counts them. */
  sentenceEnds: number;
  /** Characters that may be part of a menu separator. */
  separatorChars: number;
  /** Places where a copyright notice could be (`noticeCanStart`): without one, patterns.ts COPYRIGHT cannot match. */
  copyrightHints: number;
  /** Stopword tokens (stopwords.ts `stopTokens`), when a stoplist was given; else 0. */
  stopTokens: number;
  /** Of those, the ones on the stoplist. */
  stops: number;
}

const ASTRAL_LETTER = /\p{L}/u;

/** Script bits of a character's flags, shifted down: an index into the weights (none, Hangul, Han, kana). */
const SCRIPT_SHIFT = 2;
const WORD_BIT = 31 - Math.clz32(WORD);
const PER_CHAR_BIT = 31 - Math.clz32(PER_CHAR);
/** Characters that need more than the counts every character gets. */
const RARE = HIGH_SURROGATE | UNPUNCTUATED | SEPARATOR | COPYRIGHT_HINT | DIGIT | SENTENCE_MARK | LOWER_ODD;

/** What a character weighs by script (classify.weight*); every other character weighs 1. */
export interface Weights {
  hangul: number;
  han: number;
  kana: number;
  /**
   * All three are multiples of 1/1024 below 1024: every partial sum of a
   * block's weights is then a double exactly, whatever the order, so the
   * weight is worked out from counts of each script. Otherwise the weights are
   * summed one by one in text order, as they always were.
   */
  exact: boolean;
  /** The weight by script bits (`flags >> 2 & 7`), for the sum in text order. */
  table: Float64Array;
}

export function scanWeights(t: Thresholds): Weights {
  const hangul = t['classify.weightHangul'];
  const han = t['classify.weightHan'];
  const kana = t['classify.weightKana'];
  const table = new Float64Array(8).fill(1);
  table[WEIGHT_HANGUL >> SCRIPT_SHIFT] = hangul;
  table[WEIGHT_HAN >> SCRIPT_SHIFT] = han;
  table[WEIGHT_KANA >> SCRIPT_SHIFT] = kana;
  const dyadic = (w: number) => Number.isInteger(w * 1024) && Math.abs(w) < 1024;
  return { hangul, han, kana, exact: dyadic(hangul) && dyadic(han) && dyadic(kana), table };
}

/** Weights for a scan that only counts stopwords. */
const UNIT_WEIGHTS: Weights = { hangul: 1, han: 1, kana: 1, exact: true, table: new Float64Array(8).fill(1) };

/**
 * Four byte-wide counters a character adds to at once: letters, Hangul, Han
 * and kana (`acc += LANES[(flags >> 1) & 15]`: LETTER and the script bits are
 * bits 1 to 4 of the flags). A table of 16, not one per character: the big
 * tables are what a document's loop misses in the cache after the other
 * stages ran. A run of at most PACKED_RUN characters cannot carry a byte into
 * the next.
 */
const LANES = new Uint32Array(16);
for (let bits = 0; bits < 16; bits++) {
  const f = bits << 1;
  LANES[bits] = (f & LETTER ? 1 : 0) | (f & WEIGHT_HANGUL ? 1 << 8 : 0) | (f & WEIGHT_HAN ? 1 << 16 : 0) | (f & WEIGHT_KANA ? 1 << 24 : 0);
}
const PACKED_RUN = 255;
/** CHAR_FLAGS under a module-level constant of this module, for the loop: see kit/unit-table.ts, "Tables in hot loops". */
const FLAGS = CHAR_FLAGS;

const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;

/** `.!?…`: a sentence end when not after a digit and before a space, a closer or the end of the text. */
function latinEnd(c: number): boolean {
  return c === 0x2e || c === 0x21 || c === 0x3f || c === 0x2026;
}
/** Closers after which `.!?…` still ends a sentence: `"'”’»)]`. */
function closesSentence(c: number): boolean {
  return c === 0x22 || c === 0x27 || c === 0x201d || c === 0x2019 || c === 0xbb || c === 0x29 || c === 0x5d;
}

/**
 * Whether a copyright notice (patterns.ts COPYRIGHT, case-insensitive) can be
 * at the COPYRIGHT_HINT character `codes[i]`: `(c`, `py` of "copyright",
 * `rv` of "reserved"; ©, 版, 著, 저 always. No other character folds to these
 * letters under the pattern's `iu` flags.
 */
function noticeCanStart(codes: Uint16Array, i: number, lo: number, hi: number): boolean {
  const c = codes[i] | 0x20;
  if (c === 0x28) return i + 1 < hi && (codes[i + 1] | 0x20) === 0x63; // ( c
  if (c === 0x79) return i > lo && (codes[i - 1] | 0x20) === 0x70; // p y
  if (c === 0x76) return i > lo && (codes[i - 1] | 0x20) === 0x72; // r v
  return true;
}

/** Count the character features of `text` (see `Scan`). */
export function scan(text: string, t: Thresholds, list?: StopList): Scan {
  return { ...scanRange(openUnits(text), 0, text.length, scanWeights(t), list) };
}

/** The tokens of `text` (as stopwords.ts `stopTokens` cuts them) and how many are on the stoplist of `lang`. */
export function stopCounts(text: string, lang: StopLang): StopCounts {
  return stopCountsRange(openUnits(text), 0, text.length, lang);
}

/** `stopCounts(u.text.slice(from, to), lang)`, counted in place. */
export function stopCountsRange(u: Units, from: number, to: number, lang: StopLang): StopCounts {
  const s = stopScanRange(u, from, to, lang);
  return { tokens: s.stopTokens, stops: s.stops, list: lang };
}

/** `stopCountsRange` as `stopTokens` and `stops` of the record `scanRange` fills (read it before the next call). */
export function stopScanRange(u: Units, from: number, to: number, lang: StopLang): Scan {
  return scanRange(u, from, to, UNIT_WEIGHTS, stopList(lang));
}

/** The one record `scanRange` fills: read it before the next call. */
const out: Scan = {
  nonSpace: 0,
  letters: 0,
  weight: FRACTION,
  tokens: 0,
  digitTokens: 0,
  digits: 0,
  unpunctuated: 0,
  sentenceEnds: 0,
  separatorChars: 0,
  copyrightHints: 0,
  stopTokens: 0,
  stops: 0,
};

/**
 * Count the character features of `u.text.slice(from, to)` (at most WINDOW
 * code units, code-units.ts) without cutting it out, weighing characters by
 * `weights`, and its stopwords when `list` is given. Returns a record that the
 * next call overwrites (the classifier reads it at once; a block costs no
 * allocation).
 */
export function scanRange(u: Units, from: number, to: number, weights: Weights, list?: StopList): Scan {
  cover(u, from, to);
  const codes = u.codes;
  const base = u.base;
  // indexes into `codes` from here on
  const lo = from - base;
  const hi = to - base;
  let spaces = 0;
  let letters = 0;
  let hangul = 0;
  let han = 0;
  let kana = 0;
  /** Second halves of surrogate pairs: not characters of their own. */
  let lowHalves = 0;
  let tokens = 0;
  let digitTokens = 0;
  let digits = 0;
  let unpunctuated = 0;
  let sentenceEnds = 0;
  let separatorChars = 0;
  let copyrightHints = 0;
  // 1 after a space (or at the start), 1 while the token being read holds a digit: counted without branches,
  // since spaces come every few characters and a branch on them would be mispredicted often
  let afterSpace = 1;
  let tokenHasDigit = 0;
  // stopword tokens: words of WORD characters (1 while one is read, from `word`), and Han or kana alone
  const counting = list !== undefined;
  const chars = list?.chars;
  let stopTokens = 0;
  let stops = 0;
  let wasWord = 0;
  let word = 0;
  let odd = false;
  for (let i = lo; i < hi; ) {
    const end = Math.min(hi, i + PACKED_RUN);
    let acc = 0;
    for (; i < end; i++) {
      const c = codes[i];
      const f = FLAGS[c];
      acc += LANES[(f >> 1) & 15];
      const space = f & SPACE;
      const solid = space ^ 1;
      tokens += solid & afterSpace;
      digitTokens += tokenHasDigit & space;
      tokenHasDigit &= solid;
      afterSpace = space;
      spaces += space;
      if (f & RARE) {
        if (f & HIGH_SURROGATE && i + 1 < hi && isLowSurrogate(codes[i + 1])) {
          // an astral code point: one character (counted as its first half), never a space, weight 1
          const pair = u.text.slice(base + i, base + i + 2);
          if (ASTRAL_LETTER.test(pair)) letters++;
          i++;
          lowHalves++;
          if (counting) {
            // no stoplist holds an astral character: such a word only needs cutting right
            if (ASTRAL_WORD.test(pair.toLowerCase())) {
              if (!wasWord) (word = i - 1), (wasWord = 1);
            } else if (wasWord) {
              stopTokens++;
              if (isListed(codes, word, i - 1, list)) stops++;
              wasWord = 0;
            }
          }
          continue;
        }
        if (f & UNPUNCTUATED) unpunctuated++;
        if (f & SEPARATOR) separatorChars++;
        if (f & COPYRIGHT_HINT && noticeCanStart(codes, i, lo, hi)) copyrightHints++;
        if (f & LOWER_ODD) odd = true;
        if (f & DIGIT) (tokenHasDigit = 1), digits++;
        else if (f & SENTENCE_MARK) {
          if (!latinEnd(c)) sentenceEnds++;
          else if (i === lo || !isDigit(codes[i - 1])) {
            const next = i + 1 < hi ? codes[i + 1] : -1;
            if (next === -1 || CHAR_FLAGS[next] & SPACE || closesSentence(next)) sentenceEnds++;
          }
        }
      }
      if (!counting) continue;
      // Han and kana are WORD characters too, but each is a token of its own (and a stopword when `chars` says so:
      // it holds only such characters); they are counted from `acc`
      const inWord = (f >> WORD_BIT) & 1 & ~(f >> PER_CHAR_BIT);
      if (inWord !== wasWord) {
        if (inWord) word = i;
        else {
          stopTokens++;
          if (isListed(codes, word, i, list)) stops++;
        }
        wasWord = inWord;
      }
      stops += chars![c];
    }
    letters += acc & 0xff;
    hangul += (acc >>> 8) & 0xff;
    han += (acc >>> 16) & 0xff;
    kana += acc >>> 24;
  }
  if (counting && wasWord) {
    stopTokens++;
    if (isListed(codes, word, hi, list)) stops++;
  }
  digitTokens += tokenHasDigit;
  stopTokens += han + kana;
  if (odd && counting) ({ tokens: stopTokens, stops } = stopCountsOfString(u.text.slice(from, to), list.lang));
  const characters = hi - lo - lowHalves;
  out.nonSpace = characters - spaces;
  out.letters = letters;
  out.weight = weights.exact
    ? characters - hangul - han - kana + hangul * weights.hangul + han * weights.han + kana * weights.kana
    : weightInOrder(codes, lo, hi, weights.table);
  out.tokens = tokens;
  out.digitTokens = digitTokens;
  out.digits = digits;
  out.unpunctuated = unpunctuated;
  out.sentenceEnds = sentenceEnds;
  out.separatorChars = separatorChars;
  out.copyrightHints = copyrightHints;
  out.stopTokens = counting ? stopTokens : 0;
  out.stops = counting ? stops : 0;
  return out;
}

/** The weights of `codes[lo..hi)` summed in text order (an astral character weighs 1, as its first half). */
function weightInOrder(codes: Uint16Array, lo: number, hi: number, table: Float64Array): number {
  let weight = 0;
  for (let i = lo; i < hi; i++) {
    const f = CHAR_FLAGS[codes[i]];
    weight += table[(f >> SCRIPT_SHIFT) & 7];
    if (f & HIGH_SURROGATE && i + 1 < hi && isLowSurrogate(codes[i + 1])) i++;
  }
  return weight;
}
