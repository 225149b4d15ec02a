/**
 * The UTF-16 code units of a document's text in a typed array, for the
 * character loops of the classifier and the repeat finder. V8 reads a typed
 * array element at a fraction of the cost of `charCodeAt` on a string (which
 * checks the string's shape on every call): copying the text once, natively,
 * and reading the copy halves the cost of a loop over it (our measurement on
 * the 32 MB bench corpus).
 *
 * One buffer per thread, reused from document to document. A text longer than
 * WINDOW code units is not copied whole: a window of it is, from where the
 * loops read, so a document of hundreds of megabytes costs no second copy.
 */

/** Code units copied at most at once (8 MiB of buffer). */
export const WINDOW = 1 << 22;

/** Node writes 'utf16le'; a typed array reads in the machine's order. */
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** A text and a window of its code units: `codes[i - base]` is `text.charCodeAt(i)` for `base <= i < end`. */
export interface Units {
  readonly text: string;
  codes: Uint16Array;
  base: number;
  end: number;
}

let bytes = Buffer.alloc(0);
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
  const text = u.text;
  const start = text.length <= WINDOW ? 0 : from;
  const stop = text.length <= WINDOW ? text.length : Math.min(text.length, Math.max(to, from + WINDOW));
  const length = stop - start;
  if (bytes.length < 2 * length) {
    bytes = Buffer.allocUnsafeSlow(Math.max(2 * length, 2 * bytes.length, 1 << 12));
    u.codes = new Uint16Array(bytes.buffer, bytes.byteOffset, bytes.length >> 1);
  } else if (u.codes.buffer !== bytes.buffer) u.codes = new Uint16Array(bytes.buffer, bytes.byteOffset, bytes.length >> 1);
  if (LITTLE_ENDIAN) bytes.write(start === 0 && stop === text.length ? text : text.slice(start, stop), 0, 'utf16le');
  else for (let i = 0; i < length; i++) u.codes[i] = text.charCodeAt(start + i);
  u.base = start;
  u.end = stop;
}
