/**
 * dedup (pass 2, in input order, after assemble): drop documents whose cleaned
 * text is an exact or near duplicate of an earlier kept document.
 *
 *   exact: a 64-bit hash of the output with all whitespace removed, so copies
 *   that differ only in spaces or line breaks hash alike;
 *
 *   near: a MinHash signature of the output (src/dedup/), LSH candidates
 *   among kept documents, confirmed when the estimated Jaccard similarity
 *   reaches `dedup.threshold`; failing that, a pass-1 long-block match
 *   (stage near-copies) is accepted when the cleaned texts also reach
 *   `dedup.confirmThreshold`.
 *
 * The earliest document of a cluster is kept whole; later ones get status
 * `duplicate`, `doc.duplicate` (kept path, id, similarity, cluster) and a
 * finding. A cluster is numbered by the id of its kept document — its
 * position in the report's `documents` list.
 */
import type { Doc } from '../record/doc.js';
import type { Context } from '../stage.js';
import { dedupParams } from '../dedup/params.js';
import { DedupState } from '../dedup/state.js';
import { signForDedup } from './dedup-sign.js';

/** How a document is named in "duplicate of …": its input path, with the line for JSON Lines records. */
export function docName(doc: Doc): string {
  return doc.source.line !== undefined ? `${doc.source.path}:${doc.source.line}` : doc.source.path;
}

/**
 * Decide whether the assembled `doc` duplicates an earlier kept document; if
 * so mark it, else remember it. Reads the hash and signature stage dedup-sign
 * left on the document (and makes them here when it did not run).
 */
export function dedup(doc: Doc, ctx: Context): void {
  const t = ctx.options.thresholds;
  // sized for the documents pass 1 counted: its LSH table does not grow (and re-insert everything) on the way
  const state = (ctx.corpus.dedup ??= new DedupState(dedupParams(t), ctx.corpus.documents));
  // pass 1 is over; its index is no longer needed, only its verdicts
  if (ctx.corpus.nearCopies) ctx.corpus.nearCopies.index = undefined;

  if (!doc.textHash) signForDedup(doc, t);
  const key = doc.textHash;
  if (!key) return; // nothing but whitespace
  const exactOf = state.exact.getHalves(key[0], key[1]);
  if (exactOf >= 0) return markDuplicate(doc, state, exactOf, 1, 'duplicate-exact');

  const sig = doc.signature;
  const near = state.near;
  const m = sig && near.match(sig);
  const early = ctx.corpus.nearCopies?.verdict(doc.id);
  if (early && sig && (!m || early.similarity > m.similarity)) {
    // the article matched in pass 1; accept it if the cleaned texts agree too.
    // Its similarity is the better figure then: the template still in the text lowers the other
    const root = state.clusters.find(early.of);
    const slot = state.slotOf(root);
    if (slot >= 0 && near.lsh.similarity(sig, slot) >= t['dedup.confirmThreshold'])
      return markDuplicate(doc, state, root, early.similarity, 'duplicate-near', 'long-blocks');
  }
  if (m) return markDuplicate(doc, state, m.id, m.similarity, 'duplicate-near');

  state.exact.setHalves(key[0], key[1], doc.id);
  state.setSlot(doc.id, sig ? near.add(sig, doc.id) : -1);
  state.paths.set(doc.id, docName(doc));
  if (ctx.corpus.nearCopies?.hasCopies(doc.id)) doc.cluster = doc.id;
}

function markDuplicate(
  doc: Doc,
  state: DedupState,
  of: number,
  similarity: number,
  code: 'duplicate-exact' | 'duplicate-near',
  basis: 'text' | 'long-blocks' = 'text',
): void {
  const cluster = state.clusters.union(doc.id, of);
  const path = state.paths.get(cluster) ?? '';
  doc.status = 'duplicate';
  doc.duplicate = { of: path, ofId: cluster, similarity, cluster };
  doc.findings.push({
    code,
    severity: 'warning',
    stage: 'dedup',
    args: { of: path, similarity: Math.round(similarity * 1000) / 1000, basis },
  });
}
