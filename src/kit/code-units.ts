/**
 * The UTF-16 code units of a document's text in a typed array, for the
 * character loops of the classifier and the repeat finder: a `Units` record
 * that says which range of the text its array holds. V8 reads a typed array
 * element at a fraction of the cost of `charCodeAt` on a string (which checks
 * the string's shape on every call): copying the text once, natively, and
 * reading the copy halves the cost of a loop over it (our measurement on the
 * 32 MB bench corpus).
 *
 * The copying is text-units.ts's, shared with the hashing loops (a document's
 * text is copied once for all of them); this module keeps the cursor the
 * classifier's loops pass around. A text longer than WINDOW code units is not
 * copied whole: a window of it is, from where the loops read.
 */
import { unitsCovering, unitWindow, WHOLE_MAX } from './text-units.js';

/** Code units made readable at most at once by `cover`. */
export const WINDOW = WHOLE_MAX;

/** A text and a window of its code units: `codes[i - base]` is `text.charCodeAt(i)` for `base <= i < end`. */
export interface Units {
  readonly text: string;
  codes: Uint16Array;
  base: number;
  end: number;
}

const shared: Units = { text: '', codes: new Uint16Array(0), base: 0, end: 0 };

/**
 * Start reading `text`: the one `Units` of this thread, on this text (whatever
 * another caller had opened is gone). Nothing is copied until `cover`.
 */
export function openUnits(text: string): Units {
  (shared as { text: string }).text = text;
  shared.base = 0;
  shared.end = 0;
  return shared;
}

/** Make `[from, to)` of the text readable in `u.codes` (to - from must not exceed WINDOW). */
export function cover(u: Units, from: number, to: number): void {
  if (from >= u.base && to <= u.end) return;
  u.codes = unitsCovering(u.text, from, to);
  u.base = unitWindow.from;
  u.end = unitWindow.to;
}
