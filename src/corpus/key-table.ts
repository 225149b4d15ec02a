/**
 * A per-character form of block-key.ts's normalisation, for the characters
 * where it can be applied one character at a time: NFKC then lower case give
 * one code unit whatever its neighbours are. For those, the table holds the
 * resulting code unit and what the key does with it (keep, digit, gap); every
 * other character (combining marks, conjoining jamo, ligatures and other
 * expansions, surrogates, capital sigma whose lower case depends on the next
 * letter) is `UNSAFE` and sends the whole block down the string-based path.
 *
 * Why per-character is exact for the others: NFKC can only join a character
 * with the one before it when the second is a combining mark or a conjoining
 * jamo (checked over every code point: in the BMP no other character ends a
 * canonical decomposition), and such characters are neither safe nor produced
 * by a safe one; lower case is per character except for final sigma.
 */
import { unitsMatching } from '../kit/unit-table.js';

/** The character sends the block down the slow path. */
export const UNSAFE = 0;
/** Kept as it is (after mapping): a letter. */
export const KEEP_LETTER = 1;
/** Kept as it is (after mapping): not a letter (a control, a format character, private use…). */
export const KEEP_OTHER = 2;
/** A decimal digit: a run of them becomes one `0`. */
export const DIGIT = 3;
/** Punctuation, a symbol or a space: a run of them becomes one space, none at either end. */
export const GAP = 4;

const isJamo = (c: number): boolean => (c >= 0x1100 && c <= 0x11ff) || (c >= 0xa960 && c <= 0xa97f) || (c >= 0xd7b0 && c <= 0xd7ff);
const CAPITAL_SIGMA = 0x3a3;

export interface KeyTable {
  /** What the key does with each BMP code unit (the constants above). */
  kind: Uint8Array;
  /** The code unit it becomes (NFKC, lower-cased). */
  mapped: Uint16Array;
}

function build(): KeyTable {
  const kind = new Uint8Array(0x10000);
  const mapped = new Uint16Array(0x10000);
  const mark = unitsMatching(/\p{M}/u);
  const letter = unitsMatching(/\p{L}/u);
  const digit = unitsMatching(/\p{Nd}/u);
  const gap = unitsMatching(/[\p{P}\p{S}]|\s/u);
  for (let c = 0; c < 0x10000; c++) {
    if (c >= 0xd800 && c <= 0xdfff) continue;
    if (mark[c] || isJamo(c) || c === CAPITAL_SIGMA) continue;
    const n = String.fromCharCode(c).normalize('NFKC');
    if (n.length !== 1) continue;
    const nc = n.charCodeAt(0);
    if (mark[nc] || isJamo(nc) || nc === CAPITAL_SIGMA || (nc >= 0xd800 && nc <= 0xdfff)) continue;
    const l = n.toLowerCase();
    if (l.length !== 1) continue;
    const lc = l.charCodeAt(0);
    mapped[c] = lc;
    kind[c] = digit[lc] ? DIGIT : gap[lc] ? GAP : letter[lc] ? KEEP_LETTER : KEEP_OTHER;
  }
  return { kind, mapped };
}

let table: KeyTable | undefined;

/** The table, built on first use (some tens of milliseconds per thread). */
export function keyTable(): KeyTable {
  return (table ??= build());
}
