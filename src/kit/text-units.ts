/**
 * A text's UTF-16 code units in a Uint16Array, for the hashing loops. Reading
 * a typed array is about twice as fast as `charCodeAt` on the bench corpus:
 * `charCodeAt` checks the string's representation on every read, and a
 * string built by `+=` (as segment builds `Doc.text`) stays a rope that every
 * read goes through. The copy is one native call (Buffer#write in UTF-16LE,
 * no encoding), a few milliseconds for 32 MB of text.
 *
 * The last two texts are kept (a document's text and its output are read by
 * several stages in turn), in buffers reused from one document to the next;
 * a text of more than 4 Mi code units is copied a window at a time.
 */

/** Texts up to this many code units are copied whole, into a reused buffer; a longer one a window at a time. */
export const WHOLE_MAX = 1 << 22;
/** Code units in a window of a longer text (plus one, for the second half of a pair that ends it). */
const WINDOW = 1 << 20;

interface Slot {
  text: string | undefined;
  units: Uint16Array;
}

/** The last two texts copied whole, in buffers reused from one document to the next. */
const slots: Slot[] = [0, 1].map(() => ({ text: undefined, units: new Uint16Array(0) }));
const stores = [new Uint16Array(1024), new Uint16Array(1024)];
let last = 0;
/** The window of a longer text last asked for. */
const big = { text: undefined as string | undefined, units: new Uint16Array(0), from: 0, to: 0 };

/**
 * Where the array `unitsAt` last returned sits in its text: element
 * `i - unitWindow.from` is `text.charCodeAt(i)` for `unitWindow.from <= i <
 * unitWindow.to`, and for one more `i` when the text goes on.
 */
export const unitWindow = { from: 0, to: 0 };

/**
 * The code units of `text` from `start` on: an array placed by `unitWindow`, with
 * `unitWindow.from <= start < unitWindow.to` (unless `start` is the end). The array
 * holds all of a text of up to 4 Mi units (from 0 to its length); of a
 * longer one, a window of about 1 Mi units — so a document of hundreds of MB
 * is never copied whole — and a loop over `[start, end)` asks again at
 * `unitWindow.to` until it reaches `end`. Valid until two other texts, or another
 * window, are asked for. Do not write to it.
 */
export function unitsAt(text: string, start: number, end = text.length): Uint16Array {
  if (text.length > WHOLE_MAX) return windowOf(text, start, end);
  unitWindow.from = 0;
  unitWindow.to = text.length;
  // a string compares by identity first: the usual hit costs nothing
  if (slots[last].text === text) return slots[last].units;
  if (slots[1 - last].text === text) {
    last = 1 - last;
    return slots[last].units;
  }
  last = 1 - last;
  let store = stores[last];
  if (text.length > store.length) {
    let size = store.length;
    while (size < text.length) size *= 2;
    store = stores[last] = new Uint16Array(size);
  }
  slots[last].text = text;
  slots[last].units = copy(text, 0, text.length, store);
  return slots[last].units;
}

function windowOf(text: string, start: number, end: number): Uint16Array {
  // the window in place serves while it reaches the end or still has half a window ahead
  const fits = big.text === text && big.from <= start && start < big.to && (end <= big.to || big.to - start >= WINDOW / 2);
  if (!fits) fill(text, start, start + WINDOW);
  unitWindow.from = big.from;
  unitWindow.to = big.to;
  return big.units;
}

/**
 * Like `unitsAt`, but the array holds all of `[start, end)` (at most WHOLE_MAX units), for loops that index a
 * range directly rather than asking again at `unitWindow.to`. Valid until another text or window is asked for.
 */
export function unitsCovering(text: string, start: number, end: number): Uint16Array {
  if (text.length <= WHOLE_MAX) return unitsAt(text, start, end);
  if (!(big.text === text && big.from <= start && end <= big.to)) fill(text, start, Math.max(end, start + WINDOW));
  unitWindow.from = big.from;
  unitWindow.to = big.to;
  return big.units;
}

/** Make the window `[from, to)` of `text` (and one unit more, when the text goes on). */
function fill(text: string, from: number, to: number): void {
  to = Math.min(text.length, to);
  if (big.units.length < to - from + 1) big.units = new Uint16Array(Math.max(WINDOW, to - from) + 1);
  big.text = text;
  big.from = from;
  big.to = to;
  copy(text, from, Math.min(text.length, to + 1), big.units);
}

/** Code units `[start, end)` of `text` written into `store`; the view of them. */
function copy(text: string, start: number, end: number, store: Uint16Array): Uint16Array {
  // every platform Node runs on is little-endian: UTF-16LE bytes are the code units
  const part = start === 0 && end === text.length ? text : text.slice(start, end);
  Buffer.from(store.buffer, store.byteOffset, 2 * part.length).write(part, 0, 'utf16le');
  return store.subarray(0, part.length);
}
