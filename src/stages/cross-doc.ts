/**
 * cross-doc (pass 2, in input order, after dedup): a long paragraph that an
 * earlier kept document already carried — a quoted passage, a reused intro —
 * is removed from later documents with code `repeat-across-docs`.
 *
 * It runs after dedup on purpose: a syndicated copy is dropped whole as a
 * duplicate first, so neither it nor its original is hollowed out paragraph
 * by paragraph here. Short repeats are boilerplate (another stage's concern);
 * only blocks of at least `crossDoc.minChars` characters count. State: one
 * 64-bit hash per long kept paragraph, in an open-addressing table.
 */
import { keptLength, removeSpan, type Doc } from '../doc.js';
import { hash64Folded } from '../hash.js';
import type { Context } from '../stage.js';
import { CrossDocState } from '../dedup/state.js';
import { assemble } from './assemble.js';

/** Remove from a kept `doc` the long paragraphs an earlier kept document had, then remember its own. */
export function crossDoc(doc: Doc, ctx: Context): void {
  const state = (ctx.corpus.crossDoc ??= new CrossDocState());
  const minChars = ctx.options.thresholds['crossDoc.minChars'];
  const fresh: bigint[] = [];
  let removed = false;
  for (const b of doc.blocks) {
    if (b.end - b.start < minChars || keptLength(doc, b.start, b.end) !== b.end - b.start) continue;
    const key = hash64Folded(doc.text.slice(b.start, b.end));
    const first = state.seen.get(key);
    if (first >= 0 && first !== doc.id) {
      const where = ctx.corpus.dedup?.paths.get(first);
      removed = removeSpan(doc, 'repeat-across-docs', b.start, b.end, where ? `already kept in ${where}` : undefined) > 0 || removed;
    } else fresh.push(key);
  }
  if (removed) assemble(doc);
  if (doc.status !== 'kept') return;
  for (const key of fresh) state.seen.set(key, doc.id);
}
