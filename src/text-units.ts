/**
 * A text's UTF-16 code units in a Uint16Array, for the hashing loops. Reading
 * a typed array is about twice as fast as `charCodeAt` on the bench corpus:
 * `charCodeAt` checks the string's representation on every read, and a
 * string built by `+=` (as segment builds `Doc.text`) stays a rope that every
 * read goes through. The copy is one native call (Buffer#write in UTF-16LE,
 * no encoding), a few milliseconds for 32 MB of text.
 *
 * The last two texts are kept (a document's text and its output are read by
 * several stages in turn), in buffers reused from one document to the next.
 */

/** Texts up to this many code units are copied into a reused buffer; a longer one gets an array of its own, dropped with it. */
const REUSED_MAX = 1 << 22;

interface Slot {
  text: string | undefined;
  units: Uint16Array;
  /** Buffer the text is copied into (a view of `units`' memory), when reused. */
  store: Uint16Array;
}

const slots: Slot[] = [0, 1].map(() => ({ text: undefined, units: new Uint16Array(0), store: new Uint16Array(1024) }));
let last = 0;

/**
 * The code units of `text` (exactly `text.length` of them), valid until two
 * other texts have been asked for. Do not write to it.
 */
export function unitsOf(text: string): Uint16Array {
  // a string compares by identity first: the usual hit costs nothing
  if (slots[last].text === text) return slots[last].units;
  const other = 1 - last;
  if (slots[other].text === text) {
    last = other;
    return slots[other].units;
  }
  const slot = slots[other];
  last = other;
  let store = slot.store;
  if (text.length > REUSED_MAX) store = new Uint16Array(text.length);
  else if (text.length > store.length) {
    let size = store.length;
    while (size < text.length) size *= 2;
    store = slot.store = new Uint16Array(size);
  }
  // every platform Node runs on is little-endian: UTF-16LE bytes are the code units
  Buffer.from(store.buffer, store.byteOffset, 2 * text.length).write(text, 0, 'utf16le');
  slot.text = text;
  slot.units = store.subarray(0, text.length);
  return slot.units;
}
