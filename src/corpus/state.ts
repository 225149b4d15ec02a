/**
 * Corpus-wide state: what the first pass learns about the whole corpus (how
 * many documents each block appears in) and what the second pass remembers of
 * the documents it has kept (signatures for duplicate detection). Kept compact
 * — fixed-size hashes in typed arrays — since it is what grows with the corpus.
 *
 * With worker threads (src/engine/), the state lives on the main thread:
 *   - a pass-1 stage runs in a worker, leaves the document's contribution in
 *     `doc.stats` (typed arrays: e.g. distinct block hashes as a
 *     BigUint64Array, a MinHash signature as a Uint32Array), and its
 *     `merge(stats, corpus)` folds it in here, in input order;
 *   - after pass 1 the state is posted once to every worker: give each field a
 *     SharedArrayBuffer-backed form (`HashCounts` in corpus/hash-counts.ts, or
 *     typed arrays over a SharedArrayBuffer) so it is shared, not copied;
 *     another class needs a case in engine/workers/share.ts;
 *   - pass-2 `clean` stages only read it; what pass 2 remembers (kept
 *     signatures, paragraphs already kept) belongs to the `corpus` stages,
 *     which run on the main thread.
 */
import { HashCounts } from './hash-counts.js';
import type { CrossDocState, DedupState, NearCopyState } from '../dedup/state.js';

/** State shared by the stages of one run. Each capability adds its own field. */
export interface CorpusState {
  /** Documents seen in the first pass. */
  documents: number;
  /** Pass 1 near copies by long blocks (stage near-copies), created on first use. */
  nearCopies?: NearCopyState;
  /** Pass 2 exact and near duplicates (stage dedup), created on first use. */
  dedup?: DedupState;
  /** Pass 2 long paragraphs already kept (stage cross-doc), created on first use. */
  crossDoc?: CrossDocState;
  /** In how many counted documents each normalised block appears (pass 1, count-blocks). */
  blockCounts: HashCounts;
  /** Documents whose blocks were counted (not near copies, not skipped). */
  countedDocs: number;
  /** Pass 1: hashes of the whitespace-folded texts seen, so that exact copies are not counted (stage near-copies). */
  pass1Texts?: HashCounts;
}

export function createCorpusState(): CorpusState {
  return { documents: 0, blockCounts: new HashCounts(), countedDocs: 0 };
}
