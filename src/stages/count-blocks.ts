/**
 * count-blocks (pass 1): count, for every normalised block, the documents it
 * appears in — once per document however often it repeats there.
 *
 * Split in two so that it can run on worker threads: `hashBlocks` (per
 * document, anywhere) leaves the document's distinct block hashes in
 * `doc.stats.blockHashes`; `mergeBlockCounts` (main thread, input order)
 * adds them to the corpus table. A document that stage near-copies found to
 * copy an earlier one is not counted, so a syndicated article counts once,
 * not once per copy.
 */
import { blockText, type Doc, type DocStats } from '../doc.js';
import type { CorpusState } from '../corpus.js';
import { blockKeyHash } from '../corpus/block-key.js';

/** Leave the distinct block hashes of `doc` in `doc.stats.blockHashes`. */
export function hashBlocks(doc: Doc): void {
  const seen = new Set<bigint>();
  for (const b of doc.blocks) {
    const key = blockKeyHash(blockText(doc, b));
    if (key) seen.add(key.hash);
  }
  (doc.stats ??= {}).blockHashes = BigUint64Array.from(seen);
}

/** Count one document's block hashes in the corpus table (unless it is a near copy of an earlier one). */
export function mergeBlockCounts(stats: DocStats, corpus: CorpusState): void {
  const hashes = stats.blockHashes;
  if (!(hashes instanceof BigUint64Array) || stats.nearCopyOf !== undefined) return;
  corpus.blockCounts.addAll(hashes);
  corpus.countedDocs++;
}
