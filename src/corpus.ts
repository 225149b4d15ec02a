/**
 * Corpus-wide state: what the first pass learns about the whole corpus (how
 * many documents each block appears in) and what the second pass remembers of
 * the documents it has kept (signatures for duplicate detection). Kept compact
 * — fixed-size hashes in typed arrays — since it is what grows with the corpus.
 */
import { createBlockCounts, type BlockCounts } from './corpus/block-counts.js';

/** State shared by the stages of one run. Each capability adds its own field. */
export interface CorpusState {
  /** Documents seen in the first pass. */
  documents: number;
  /** In how many counted documents each normalised block appears (pass 1, count-blocks). */
  blockCounts: BlockCounts;
}

export function createCorpusState(): CorpusState {
  return { documents: 0, blockCounts: createBlockCounts() };
}
