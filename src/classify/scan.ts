/**
 * One pass over a block's text that counts everything features.ts needs from
 * its characters: spaces, letters, weighted length, tokens with digits,
 * sentence ends, unpunctuated scripts, separator characters. It replaces a
 * dozen regular expressions run over the same text, most of them once per
 * character; the counts are the ones those expressions gave (see
 * tests/properties/classify-fast.test.ts).
 *
 * The pass reads a range of the document's text in place (no block string is
 * cut out) and looks every code unit up once in char-table.ts: an ordinary
 * letter costs one table read and a few additions; only digits, sentence
 * marks and surrogates take a branch of their own.
 */
import type { Thresholds } from '../thresholds.js';
import {
  CHAR_FLAGS,
  COPYRIGHT_HINT,
  DIGIT,
  HIGH_SURROGATE,
  LETTER,
  SENTENCE_MARK,
  SEPARATOR,
  SPACE,
  UNPUNCTUATED,
  WEIGHT_HAN,
  WEIGHT_HANGUL,
  WEIGHT_KANA,
  isLowSurrogate,
} from './char-table.js';

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
  /** Characters without which no copyright notice matches (char-table.ts COPYRIGHT_HINT). */
  copyrightHints: number;
}

const ASTRAL_LETTER = /\p{L}/u;

/** The weight of a code unit by its script bits (`flags >> 2 & 7`: none, Hangul, Han, kana); filled per call from the thresholds. */
const WEIGHTS = new Float64Array(8);
const SCRIPT_SHIFT = 2;
/** Characters that need more than the counts every character gets. */
const RARE = HIGH_SURROGATE | UNPUNCTUATED | SEPARATOR | COPYRIGHT_HINT | DIGIT | SENTENCE_MARK;

const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;

/** `.!?…`: a sentence end when not after a digit and before a space, a closer or the end of the text. */
function latinEnd(c: number): boolean {
  return c === 0x2e || c === 0x21 || c === 0x3f || c === 0x2026;
}
/** Closers after which `.!?…` still ends a sentence: `"'”’»)]`. */
function closesSentence(c: number): boolean {
  return c === 0x22 || c === 0x27 || c === 0x201d || c === 0x2019 || c === 0xbb || c === 0x29 || c === 0x5d;
}

/** Count the character features of `text` (see `Scan`). */
export function scan(text: string, t: Thresholds): Scan {
  return { ...scanRange(text, 0, text.length, t) };
}

/** The one record `scanRange` fills: read it before the next call. */
const out: Scan = { nonSpace: 0, letters: 0, weight: 0, tokens: 0, digitTokens: 0, digits: 0, unpunctuated: 0, sentenceEnds: 0, separatorChars: 0, copyrightHints: 0 };

/**
 * Count the character features of `text.slice(from, to)` without cutting it
 * out. Returns a record that the next call overwrites (the classifier reads it
 * at once; a block costs no allocation).
 */
export function scanRange(text: string, from: number, to: number, t: Thresholds): Scan {
  WEIGHTS.fill(1);
  WEIGHTS[WEIGHT_HANGUL >> SCRIPT_SHIFT] = t['classify.weightHangul'];
  WEIGHTS[WEIGHT_HAN >> SCRIPT_SHIFT] = t['classify.weightHan'];
  WEIGHTS[WEIGHT_KANA >> SCRIPT_SHIFT] = t['classify.weightKana'];
  let nonSpace = 0;
  let letters = 0;
  let weight = 0;
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
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    const f = CHAR_FLAGS[c];
    const space = f & SPACE;
    const solid = space ^ 1;
    tokens += solid & afterSpace;
    digitTokens += tokenHasDigit & space;
    tokenHasDigit &= solid;
    afterSpace = space;
    nonSpace += solid;
    // a space has no script bits and weighs 1 too; summed one by one in text order, as ever, so the
    // floating-point total is the same whatever the weights
    weight += WEIGHTS[(f >> SCRIPT_SHIFT) & 7];
    letters += (f & LETTER) >> 1;
    if ((f & RARE) === 0) continue;
    if (f & HIGH_SURROGATE) {
      // an astral code point: one character (counted above as its first half), never a space, weight 1
      if (i + 1 < to && isLowSurrogate(text.charCodeAt(i + 1))) {
        if (ASTRAL_LETTER.test(text.slice(i, i + 2))) letters++;
        i++;
      }
      continue;
    }
    if (f & UNPUNCTUATED) unpunctuated++;
    if (f & SEPARATOR) separatorChars++;
    if (f & COPYRIGHT_HINT) copyrightHints++;
    if (f & DIGIT) (tokenHasDigit = 1), digits++;
    else if (f & SENTENCE_MARK) {
      if (!latinEnd(c)) sentenceEnds++;
      else if (i === from || !isDigit(text.charCodeAt(i - 1))) {
        const next = i + 1 < to ? text.charCodeAt(i + 1) : -1;
        if (next === -1 || CHAR_FLAGS[next] & SPACE || closesSentence(next)) sentenceEnds++;
      }
    }
  }
  digitTokens += tokenHasDigit;
  out.nonSpace = nonSpace;
  out.letters = letters;
  out.weight = weight;
  out.tokens = tokens;
  out.digitTokens = digitTokens;
  out.digits = digits;
  out.unpunctuated = unpunctuated;
  out.sentenceEnds = sentenceEnds;
  out.separatorChars = separatorChars;
  out.copyrightHints = copyrightHints;
  return out;
}
