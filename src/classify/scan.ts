/**
 * One pass over a block's text that counts everything features.ts needs from
 * its characters: spaces, letters, weighted length, tokens with digits,
 * sentence ends, unpunctuated scripts, separator characters. It replaces a
 * dozen regular expressions run over the same text, most of them once per
 * character; the counts are the ones those expressions gave (see
 * tests/properties/classify-fast.test.ts).
 */
import type { Thresholds } from '../thresholds.js';
import {
  CHAR_FLAGS,
  COPYRIGHT_HINT,
  LETTER,
  SEPARATOR,
  SPACE,
  UNPUNCTUATED,
  WEIGHT_HAN,
  WEIGHT_HANGUL,
  WEIGHT_KANA,
  isHighSurrogate,
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

const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;

/** `.!?…`: a sentence end when not after a digit and before a space, a closer or the end of the text. */
function latinEnd(c: number): boolean {
  return c === 0x2e || c === 0x21 || c === 0x3f || c === 0x2026;
}
/** Closers after which `.!?…` still ends a sentence: `"'”’»)]`. */
function closesSentence(c: number): boolean {
  return c === 0x22 || c === 0x27 || c === 0x201d || c === 0x2019 || c === 0xbb || c === 0x29 || c === 0x5d;
}
/** `。！？؟۔।॥։።။`: always a sentence end. */
function otherEnd(c: number): boolean {
  return (
    c === 0x3002 || c === 0xff01 || c === 0xff1f || c === 0x061f || c === 0x06d4 || c === 0x0964 || c === 0x0965 || c === 0x0589 || c === 0x1362 || c === 0x104b
  );
}

/** Count the character features of `text` (see `Scan`). */
export function scan(text: string, t: Thresholds): Scan {
  const wHangul = t['classify.weightHangul'];
  const wHan = t['classify.weightHan'];
  const wKana = t['classify.weightKana'];
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
  let inToken = false;
  let tokenHasDigit = false;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (isHighSurrogate(c) && i + 1 < n && isLowSurrogate(text.charCodeAt(i + 1))) {
      // an astral code point: one character, never a space, weight 1
      if (!inToken) (inToken = true), (tokenHasDigit = false), tokens++;
      nonSpace++;
      if (ASTRAL_LETTER.test(text.slice(i, i + 2))) letters++;
      weight += 1;
      i++;
      continue;
    }
    const f = CHAR_FLAGS[c];
    if (f & SPACE) {
      if (inToken && tokenHasDigit) digitTokens++;
      inToken = false;
      weight += 1;
      continue;
    }
    if (!inToken) (inToken = true), (tokenHasDigit = false), tokens++;
    nonSpace++;
    if (f & LETTER) letters++;
    if (f & WEIGHT_HANGUL) weight += wHangul;
    else if (f & WEIGHT_HAN) weight += wHan;
    else if (f & WEIGHT_KANA) weight += wKana;
    else weight += 1;
    if (f & UNPUNCTUATED) unpunctuated++;
    if (f & SEPARATOR) separatorChars++;
    if (f & COPYRIGHT_HINT) copyrightHints++;
    if (isDigit(c)) (tokenHasDigit = true), digits++;
    else if (latinEnd(c)) {
      if (i > 0 && isDigit(text.charCodeAt(i - 1))) continue;
      const next = i + 1 < n ? text.charCodeAt(i + 1) : -1;
      if (next === -1 || CHAR_FLAGS[next] & SPACE || closesSentence(next)) sentenceEnds++;
    } else if (otherEnd(c)) sentenceEnds++;
  }
  if (inToken && tokenHasDigit) digitTokens++;
  return { nonSpace, letters, weight, tokens, digitTokens, digits, unpunctuated, sentenceEnds, separatorChars, copyrightHints };
}
