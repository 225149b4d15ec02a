/**
 * segment.ts LIST_MARKER matched at the start of a range of the document's
 * text, in place: the classifier drops a block's list marker before measuring
 * it, and used to do so with `replace` on a copy of every block.
 */
import { CHAR_FLAGS, SPACE } from './char-table.js';

/** The bullets of LIST_MARKER's first alternative (`[-*+•·▪◦‣▶►▷○●■□※–—]\s`). */
const BULLETS = new Set(Array.from('-*+•·▪◦‣▶►▷○●■□※–—', (ch) => ch.charCodeAt(0)));

const isSpace = (c: number): boolean => (CHAR_FLAGS[c] & SPACE) !== 0;
const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;
const isAsciiLetter = (c: number): boolean => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
/** `[.)]` after an enumerator, then a space. */
const closesEnumerator = (text: string, at: number, to: number): boolean => {
  if (at + 1 >= to) return false;
  const c = text.charCodeAt(at);
  return (c === 0x2e || c === 0x29) && isSpace(text.charCodeAt(at + 1));
};

/**
 * Length of the LIST_MARKER match at `from` in `text.slice(from, to)` — a
 * bullet and a space, `1. ` / `(12) `, `a) ` / `(B. `, or a circled number
 * ①–⑳ — or 0 when there is none.
 */
export function listMarkerLength(text: string, from: number, to: number): number {
  if (from >= to) return 0;
  const c = text.charCodeAt(from);
  if (BULLETS.has(c)) return from + 1 < to && isSpace(text.charCodeAt(from + 1)) ? 2 : 0;
  if (c >= 0x2460 && c <= 0x2473) return 1;
  // `\(?\d{1,3}[.)]\s` or `\(?[a-zA-Z][.)]\s`: more digits than three, or none followed by [.)], is no marker
  const p = c === 0x28 ? from + 1 : from;
  let q = p;
  while (q < to && q - p < 3 && isDigit(text.charCodeAt(q))) q++;
  if (q === p && q < to && isAsciiLetter(text.charCodeAt(q))) q++;
  return q > p && closesEnumerator(text, q, to) ? q + 2 - from : 0;
}
