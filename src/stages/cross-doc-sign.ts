/**
 * cross-doc-sign (pass 2, per document, after assemble): hash the paragraphs
 * stage cross-doc compares — blocks of at least `crossDoc.minChars`
 * characters that no earlier stage touched — where the document is cleaned
 * (on any thread), so that the in-order stage on the main thread only looks
 * them up. Leaves `doc.paragraphHashes` (block index, then the two halves of
 * the whitespace-folded 64-bit hash, for each such block), an array of its
 * own that travels from a worker by transfer. The pipeline runs it only
 * while cross-doc runs (stage.ts).
 */
import { keptLength, type Doc } from '../record/doc.js';
import type { Thresholds } from '../thresholds.js';
import { hash64Folded } from '../kit/hash.js';

/** Hash the long, wholly kept blocks of `doc` into `doc.paragraphHashes`. */
export function hashParagraphs(doc: Doc, t: Thresholds): void {
  const minChars = t['crossDoc.minChars'];
  const out: number[] = [];
  doc.blocks.forEach((b, i) => {
    if (b.end - b.start < minChars || keptLength(doc, b.start, b.end) !== b.end - b.start) return;
    const hash = hash64Folded(doc.text, 0n, b.start, b.end);
    out.push(i, Number(hash & 0xffffffffn), Number(hash >> 32n));
  });
  doc.paragraphHashes = Uint32Array.from(out);
}
