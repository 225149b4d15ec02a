/**
 * The key a block is counted under across the corpus, normalised as CCNet
 * does before hashing paragraphs (Wenzek et al. 2020, §3.3): case folded,
 * compatibility forms folded (full-width letters), every run of digits made
 * one symbol, punctuation and symbols dropped, spaces folded. "Comments (12)"
 * and "comments 3" share a key; so do a footer's year and its next year.
 */
import { hash64, hash64Bytes } from '../hash.js';
import { DIGIT, GAP, KEEP_LETTER, UNSAFE, keyTable } from './key-table.js';

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

/** A block's key as the corpus counts it: its hash and its length in UTF-16 code units. */
export interface KeyHash {
  hash: bigint;
  length: number;
}

/** UTF-8 of the key being built; a key never holds more code units than its source. */
const scratch = new Uint8Array(3 * MAX_KEY_SOURCE);

/**
 * `blockHash(blockKey(text))` and the key's length, or undefined when the key
 * is empty — without building the key string: for the usual block, one pass
 * over its code units through key-table.ts writes the key's UTF-8 straight
 * into a scratch buffer. A block with a character the table cannot map alone
 * takes the string path; the hash is the same either way.
 */
export function blockKeyHash(text: string): KeyHash | undefined {
  if (text.length > MAX_KEY_SOURCE) return undefined;
  const { kind, mapped } = keyTable();
  let bytes = 0;
  let length = 0;
  let letters = false;
  let gap = false;
  let inDigits = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const k = kind[c];
    if (k === UNSAFE) return slowKeyHash(text);
    if (k === GAP) {
      gap = length > 0;
      inDigits = false;
      continue;
    }
    if (k === DIGIT && inDigits && !gap) continue;
    if (gap) {
      scratch[bytes++] = 0x20;
      length++;
      gap = false;
    }
    if (k === DIGIT) {
      scratch[bytes++] = 0x30;
      length++;
      inDigits = true;
      continue;
    }
    inDigits = false;
    if (k === KEEP_LETTER) letters = true;
    bytes = putUtf8(mapped[c], bytes);
    length++;
  }
  if (!letters) return undefined;
  return { hash: hash64Bytes(scratch.subarray(0, bytes)), length };
}

/** Write BMP code unit `u` (never a surrogate) as UTF-8 at `at`; returns the next offset. */
function putUtf8(u: number, at: number): number {
  if (u < 0x80) scratch[at++] = u;
  else if (u < 0x800) {
    scratch[at++] = 0xc0 | (u >> 6);
    scratch[at++] = 0x80 | (u & 0x3f);
  } else {
    scratch[at++] = 0xe0 | (u >> 12);
    scratch[at++] = 0x80 | ((u >> 6) & 0x3f);
    scratch[at++] = 0x80 | (u & 0x3f);
  }
  return at;
}

function slowKeyHash(text: string): KeyHash | undefined {
  const key = blockKey(text);
  return key ? { hash: blockHash(key), length: key.length } : undefined;
}
