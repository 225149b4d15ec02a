/**
 * cross-doc (pass 2, in input order, after dedup): a long paragraph that an
 * earlier kept document already carried — a quoted passage, a reused intro —
 * is removed from later documents with code `repeat-across-docs`.
 *
 * It runs after dedup on purpose: a syndicated copy is dropped whole as a
 * duplicate first, so neither it nor its original is hollowed out paragraph
 * by paragraph here. Short repeats are boilerplate (another stage's concern);
 * only blocks of at least `crossDoc.minChars` characters count. The hashes
 * come from stage cross-doc-sign; state: one 64-bit hash per long kept
 * paragraph, in an open-addressing table.
 */
import { removeSpan, type Doc } from '../record/doc.js';
import type { Context } from '../stage.js';
import { CrossDocState } from '../dedup/state.js';
import { assemble } from './assemble.js';
import { hashParagraphs } from './cross-doc-sign.js';

/** Remove from a kept `doc` the long paragraphs an earlier kept document had, then remember its own. */
export function crossDoc(doc: Doc, ctx: Context): void {
  const state = (ctx.corpus.crossDoc ??= new CrossDocState());
  // made here when stage cross-doc-sign did not run
  if (!doc.paragraphHashes) hashParagraphs(doc, ctx.options.thresholds);
  const hashes = doc.paragraphHashes!;
  const fresh: number[] = [];
  let removed = false;
  for (let i = 0; i < hashes.length; i += 3) {
    const b = doc.blocks[hashes[i]];
    const first = state.seen.getHalves(hashes[i + 1], hashes[i + 2]);
    if (first >= 0 && first !== doc.id) {
      const where = ctx.corpus.dedup?.paths.get(first);
      removed = removeSpan(doc, 'repeat-across-docs', b.start, b.end, where ? `already kept in ${where}` : undefined) > 0 || removed;
    } else fresh.push(i);
  }
  if (removed) assemble(doc);
  if (doc.status !== 'kept') return;
  for (const i of fresh) state.seen.setHalves(hashes[i + 1], hashes[i + 2], doc.id);
}
