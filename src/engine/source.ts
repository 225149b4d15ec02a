/**
 * What the engine knows of an input: a document's `DocSource` (for the report and the writer) and a `Locator`,
 * plain data that says where the document's bytes are. The engine reads no bytes itself: whichever thread cleans a
 * document hands its locator to the reader module (`readerUrl`, the formats' registry by default), so the same
 * locator is read the same way on this thread and on a worker, in either pass. The engine never looks inside one.
 */
import type { DocSource } from '../record/doc.js';
import type { ReadResult } from '../io/read.js';

/**
 * Where a document's bytes are, as structured-clonable data (it is posted to workers as it is): `format` names the
 * format that made it and that reads it. Bytes carried in it (a record taken from a compressed stream, a pipe's
 * document) are sent along; offsets in it are only ever offsets into bytes that are stored as they are read.
 */
export interface Locator {
  format: string;
  /** Bytes the document is about (for sharing work out fairly between threads); 0 when unknown. */
  size?: number;
  [field: string]: unknown;
}

/** One document to read: where it comes from, and where its bytes are. */
export interface Source {
  source: DocSource;
  locator: Locator;
}

/** The reader module's contract (formats/read.ts): a locator's bytes or text, or why there are none. */
export type ReadLocator = (locator: Locator, source: DocSource, pass: 1 | 2) => ReadResult | Promise<ReadResult>;

/** Does `locator` carry bytes (rather than say where to read them)? */
export function carriesBytes(locator: Locator): boolean {
  for (const v of Object.values(locator)) if (v instanceof Uint8Array) return true;
  return false;
}

/**
 * The locator with each byte array owning its whole buffer, so that posting it to a worker copies only those bytes
 * (cloning a view copies the whole buffer it views, e.g. the read chunk a record's line sits in).
 */
export function ownLocator(locator: Locator): Locator {
  if (!carriesBytes(locator)) return locator;
  const own: Locator = { ...locator };
  for (const [k, v] of Object.entries(locator)) if (v instanceof Uint8Array) own[k] = ownBytes(v);
  return own;
}

/** The bytes as a Uint8Array that owns its whole ArrayBuffer (a copy unless they already do). */
export function ownBytes(bytes: Uint8Array): Uint8Array {
  const owns = bytes.buffer instanceof ArrayBuffer && bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
  // not `bytes.slice()`: on a Buffer that is a view of the same memory
  return owns ? bytes : new Uint8Array(bytes);
}
