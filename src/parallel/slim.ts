/**
 * What of a document crosses back from the per-document work to the main
 * thread. The main thread needs the output, the text (the report quotes
 * removed spans from it), blocks, removals, findings and whatever pass-2
 * stages left for the corpus stages (signatures) — not the bytes, the raw
 * text or the HTML tag context of every block, which only the per-document
 * stages use. The same trimming runs with and without workers, so the corpus
 * stages see the same record whatever `--jobs` is.
 */
import type { Doc, DocStats } from '../doc.js';
import type { SpillRef } from '../io/spill.js';

/** Drop what only the per-document stages need. Mutates and returns `doc`. */
export function slimDoc(doc: Doc): Doc {
  // deleted, not set to undefined: a structured clone would carry the empty keys
  delete doc.bytes;
  delete doc.raw;
  delete doc.rawBlocks;
  delete doc.blockKeys;
  if (doc.blocks.some((b) => b.context)) doc.blocks = doc.blocks.map(({ context: _context, ...rest }) => rest);
  return doc;
}

/** The pass-1 result of a document: only its statistics and fate. */
export interface StatsResult {
  status: Doc['status'];
  stats?: DocStats;
  /** Where pass 1 kept the prepared document, when it did (parallel/passes.ts). */
  spill?: SpillRef;
}

/**
 * ArrayBuffers to transfer (not copy) with a message carrying `values`:
 * typed arrays that own their whole, non-shared buffer.
 */
export function transferables(values: Iterable<unknown>): ArrayBuffer[] {
  const out: ArrayBuffer[] = [];
  for (const v of values) {
    if (!ArrayBuffer.isView(v)) continue;
    const buf = v.buffer;
    if (buf instanceof ArrayBuffer && v.byteOffset === 0 && v.byteLength === buf.byteLength && !out.includes(buf)) out.push(buf);
  }
  return out;
}

/** Buffers a slimmed document can hand over: its own typed-array fields and its stats. */
export function docTransferables(doc: Doc): ArrayBuffer[] {
  return transferables([...Object.values(doc), ...Object.values(doc.stats ?? {})]);
}
