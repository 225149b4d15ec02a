/**
 * The key a block is counted under across the corpus, normalised as CCNet
 * does before hashing paragraphs (Wenzek et al. 2020, §3.3): case folded,
 * compatibility forms folded (full-width letters), every run of digits made
 * one symbol, punctuation and symbols dropped, spaces folded. "Comments (12)"
 * and "comments 3" share a key; so do a footer's year and its next year.
 */
import { DIGIT, GAP, KEEP_LETTER, KEEP_OTHER, UNSAFE, keyTable } from './key-table.js';
import { UnitBuffer } from '../kit/key-hash.js';
import { compactTable, type UnitTable } from '../kit/unit-table.js';
import { unitWindow, unitsAt } from '../kit/text-units.js';

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

/** For `hashKey`: grows with the key. */
const buffer = new UnitBuffer();
/**
 * For `blockKeyAt`, which writes at most two units (a space and itself) per
 * unit of a block of at most MAX_KEY_SOURCE: never grown, so its units can be
 * a module-level constant (kit/unit-table.ts, "Tables in hot loops").
 */
const KEY = new UnitBuffer(2 * MAX_KEY_SOURCE + 2);
const KEY_UNITS = KEY.units;
const halves = new Uint32Array(2);

/**
 * 64-bit hash of a block key (kit/key-hash.ts over its UTF-16 code units;
 * an unpaired surrogate counts as U+FFFD, so keys with the same UTF-8 hash
 * alike).
 */
export function blockHash(key: string): bigint {
  hashKey(key, halves, 0);
  return (BigInt(halves[1]) << 32n) | BigInt(halves[0]);
}

function hashKey(key: string, out: Uint32Array, at: number): void {
  const units = buffer.reserve(key.length);
  for (let i = 0; i < key.length; i++) units[i] = key.charCodeAt(i);
  if (!key.isWellFormed()) {
    const fixed = key.toWellFormed();
    for (let i = 0; i < key.length; i++) units[i] = fixed.charCodeAt(i);
  }
  buffer.hash(key.length, out, at);
}

// What the key does with a code unit, packed for one lookup: the unit it
// becomes (a digit becomes "0") as the difference from the unit, mod 2^16 —
// so the entries of a script are alike and the table stays small (see
// kit/unit-table.ts) — the kind (key-table.ts) in bits 16–18, and flags for "a
// letter" and "not mappable alone".
const KIND_SHIFT = 16;
const LETTER_BIT = 1 << 19;
const UNSAFE_BIT = 1 << 20;
function keyCodes(): UnitTable<Int32Array> {
  const { kind, mapped } = keyTable();
  const full = new Int32Array(0x10000);
  for (let c = 0; c < 0x10000; c++) {
    const k = kind[c];
    const unit = k === DIGIT ? 0x30 : mapped[c];
    full[c] = ((unit - c) & 0xffff) | (k << KIND_SHIFT) | (k === KEEP_LETTER ? LETTER_BIT : 0) | (k === UNSAFE ? UNSAFE_BIT : 0);
  }
  return compactTable(full);
}

const KEY_CODES = keyCodes();
const CODES_INDEX = KEY_CODES.index;
const CODES_DATA = KEY_CODES.data;

// The key as a state machine, so the loop has no branch on the character
// (spaces and letters alternate every few characters: branches on them are
// mispredicted often). States: START (nothing written), WORD (after a letter
// or other kept unit), GAP (a run of gap characters after something written),
// DIGITS (after a digit run's "0"). For each kind of unit, one 32-bit row holds
// the step from every state, a byte each (the state times 8 is where its byte
// starts): the next state times 8 in bits 3–4, "write a space first" in bit 0,
// "write the unit" in bit 1. The state is then a shift away from the next one:
// the loop's chain from one unit to the next is a shift and a mask, where a
// table lookup indexed by the state put a load on it.
const START = 0;
const WORD = 1;
const IN_GAP = 2;
const DIGITS = 3;
const STATE_MASK = 3 << 3;
const rows = new Int32Array(8);
for (let state = START; state <= DIGITS; state++) {
  const step = (next: number, space: boolean, write: boolean) => ((next << 3) | (space ? 1 : 0) | (write ? 2 : 0)) << (8 * state);
  const space = state === IN_GAP;
  for (const k of [UNSAFE, KEEP_LETTER, KEEP_OTHER]) rows[k] |= step(WORD, space, true);
  rows[DIGIT] |= state === DIGITS ? step(DIGITS, false, false) : step(DIGITS, space, true);
  rows[GAP] |= state === START ? step(START, false, false) : step(IN_GAP, false, false);
}

/**
 * Hash the key of `text[start, end)` into `out[at]` (low 32 bits) and
 * `out[at + 1]` (high 32 bits), as `blockHash(blockKey(…))` would; returns
 * the key's length in UTF-16 code units, or 0 when the key is empty (then
 * `out` is left alone). Without building the key string: for the usual
 * block, one pass over its code units through key-table.ts writes the key's
 * units straight into a scratch buffer. A block with a character the table
 * cannot map alone takes the string path; the hash is the same either way.
 */
export function blockKeyAt(text: string, start: number, end: number, out: Uint32Array, at = 0): number {
  if (end - start > MAX_KEY_SOURCE) return 0;
  // a block is short enough (MAX_KEY_SOURCE) to lie in one window of its text
  const text16 = unitsAt(text, start, end);
  const base = unitWindow.from;
  let n = 0;
  // the state times 8 (see rows)
  let shift = START;
  let flags = 0;
  for (let i = start; i < end; i++) {
    const c = text16[i - base];
    const e = CODES_DATA[CODES_INDEX[c >>> 8] + (c & 0xff)];
    const step = rows[(e >>> KIND_SHIFT) & 7] >>> shift;
    flags |= e;
    KEY_UNITS[n] = 0x20;
    n += step & 1;
    KEY_UNITS[n] = c + e; // the unit it becomes: stored mod 2^16
    n += (step >>> 1) & 1;
    shift = step & STATE_MASK;
  }
  if (flags & UNSAFE_BIT) return slowKeyAt(text.slice(start, end), out, at);
  if (!(flags & LETTER_BIT)) return 0;
  KEY.hash(n, out, at);
  return n;
}

function slowKeyAt(text: string, out: Uint32Array, at: number): number {
  const key = blockKey(text);
  if (key) hashKey(key, out, at);
  return key.length;
}
