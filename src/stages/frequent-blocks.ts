/**
 * Frequent blocks (pass 2; stage `boilerplate`, removal code
 * `boilerplate-corpus`, names kept for `--skip` and the report): blocks found
 * in many documents of the corpus — menus, footers, notices, "no comments yet"
 * — are removed from every document, the first included. (Not to be confused
 * with the classifier's `boilerplate-block`, judged on one page alone.) Order matters: frequent SHORT blocks are boilerplate, while
 * a LONG block shared by a few documents is content (a syndicated article must
 * not be hollowed out), so long blocks need both more documents and a share
 * of the corpus. A corpus of one document removes nothing here; the
 * classifier does the work.
 *
 *   short block: in ≥ max(2, min(boilerplate.minDocs, N)) documents
 *   long block (key ≥ boilerplate.longChars): in ≥ max(3, min(boilerplate.longMinDocs, N), ⌈boilerplate.longShare · N⌉)
 *
 * where N is the number of documents counted in pass 1.
 */
import { removeSpan, type Doc } from '../record/doc.js';
import type { CorpusState } from '../corpus/state.js';
import type { Thresholds } from '../thresholds.js';
import { KEY_STRIDE, keysOf } from './block-keys.js';

/** Documents a block of normalised length `keyLength` must appear in, in a corpus of `n` counted documents. */
export function minDocsFor(keyLength: number, n: number, t: Thresholds): number {
  if (keyLength >= t['boilerplate.longChars'])
    return Math.max(3, Math.min(t['boilerplate.longMinDocs'], n), Math.ceil(t['boilerplate.longShare'] * n));
  return Math.max(2, Math.min(t['boilerplate.minDocs'], n));
}

/** The least count of a block this stage acts on, in a corpus of `n` counted documents: lower counts are as good as none. */
export function leastCountUsed(n: number, t: Thresholds): number {
  return Math.min(minDocsFor(0, n, t), minDocsFor(t['boilerplate.longChars'], n, t));
}

/**
 * The removal details of one corpus and thresholds, made once per count: a
 * corpus has few distinct counts, and every document of a site repeats them.
 */
let details = { docs: -1, needShort: -1, needLong: -1, text: new Map<number, string>() };
const MAX_DETAILS = 1 << 12;

function detail(seen: number, long: boolean, docs: number, needShort: number, needLong: number): string {
  if (details.docs !== docs || details.needShort !== needShort || details.needLong !== needLong || details.text.size >= MAX_DETAILS)
    details = { docs, needShort, needLong, text: new Map() };
  const key = 2 * seen + (long ? 1 : 0);
  let text = details.text.get(key);
  if (text === undefined) details.text.set(key, (text = `in ${seen} of ${docs} documents (threshold ${long ? needLong : needShort})`));
  return text;
}

/** Remove from `doc` the blocks found in enough documents of the corpus (counted in pass 1 by stage count-blocks). */
export function removeFrequentBlocks(doc: Doc, corpus: CorpusState, t: Thresholds): void {
  const counts = corpus.blockCounts;
  const docs = corpus.countedDocs;
  if (docs < 2) return;
  const needShort = minDocsFor(0, docs, t);
  const needLong = minDocsFor(t['boilerplate.longChars'], docs, t);
  const known = keysOf(doc);
  for (let i = 0; i < doc.blocks.length; i++) {
    const b = doc.blocks[i];
    const length = known[KEY_STRIDE * i + 2];
    if (length === 0) continue;
    const seen = counts.getHalves(known[KEY_STRIDE * i], known[KEY_STRIDE * i + 1]);
    const long = length >= t['boilerplate.longChars'];
    if (seen >= (long ? needLong : needShort)) removeSpan(doc, 'boilerplate-corpus', b.start, b.end, detail(seen, long, docs, needShort, needLong));
  }
}
