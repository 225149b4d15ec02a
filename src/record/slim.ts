/**
 * What of a document crosses back from the per-document work to the main
 * thread. The main thread needs the output, the text (the report quotes
 * removed spans from it), blocks, removals, findings and whatever pass-2
 * stages left for the corpus stages (signatures) — not the bytes, the raw
 * text or the HTML tag context of every block, which only the per-document
 * stages use. The same trimming runs with and without workers (here for the
 * inline executor, in wire.ts `packDoc` for a worker's answer), so the corpus
 * stages see the same record whatever `--jobs` is.
 */
import type { Doc, DocStats } from './doc.js';
import type { SpillRef } from '../engine/spill.js';

/** Fields of a finished document that only the per-document stages use. */
export const DROPPED_FIELDS = ['bytes', 'raw', 'rawBlocks', 'blockKeys'] as const;

/** Drop what only the per-document stages need. Mutates and returns `doc`. */
export function slimDoc(doc: Doc): Doc {
  // set to undefined, not deleted: deleting keys turns the record into a slower dictionary object, and it does not
  // travel any more (a worker's answer is a new object, wire.ts)
  for (const key of DROPPED_FIELDS) doc[key] = undefined;
  for (const b of doc.blocks) if (b.context) b.context = undefined;
  return doc;
}

/** The pass-1 result of a document: only its statistics and fate. */
export interface StatsResult {
  status: Doc['status'];
  stats?: DocStats;
  /** Where pass 1 kept the prepared document, when it did (engine/passes.ts). */
  spill?: SpillRef;
}

/**
 * Typed arrays of at most this many bytes are copied, not transferred: V8 keeps
 * them inside the object (`typed_array_max_size_in_heap`), and asking for their
 * `.buffer` makes it move them out to a buffer of their own, which costs more
 * than copying a few bytes (e.g. a document's one 64-bit hash).
 */
const COPY_BYTES = 64;

/**
 * ArrayBuffers to transfer (not copy) with a message carrying `values`:
 * typed arrays that own their whole, non-shared buffer, other than small ones.
 */
export function transferables(values: Iterable<unknown>): ArrayBuffer[] {
  const out: ArrayBuffer[] = [];
  for (const v of values) {
    if (!ArrayBuffer.isView(v) || v.byteLength <= COPY_BYTES) continue;
    const buf = v.buffer;
    if (buf instanceof ArrayBuffer && v.byteOffset === 0 && v.byteLength === buf.byteLength && !out.includes(buf)) out.push(buf);
  }
  return out;
}
