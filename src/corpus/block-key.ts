/**
 * The key a block is counted under across the corpus, normalised as CCNet
 * does before hashing paragraphs (Wenzek et al. 2020, §3.3): case folded,
 * compatibility forms folded (full-width letters), every run of digits made
 * one symbol, punctuation and symbols dropped, spaces folded. "Comments (12)"
 * and "comments 3" share a key; so do a footer's year and its next year.
 */
import { hash64 } from '../hash.js';

/** Longest block counted: menus, footers and notices are far shorter, and a huge block would cost time for nothing. */
export const MAX_KEY_SOURCE = 10_000;

/**
 * Normalised form of a block's text; empty when it holds no letter (a number
 * or a rule is not counted) or is longer than `MAX_KEY_SOURCE` characters.
 */
export function blockKey(text: string): string {
  if (text.length > MAX_KEY_SOURCE) return '';
  const key = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\p{Nd}+/gu, '0')
    .replace(/[\p{P}\p{S}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return /\p{L}/u.test(key) ? key : '';
}

/** 64-bit hash of a block key. */
export function blockHash(key: string): bigint {
  return hash64(key);
}
