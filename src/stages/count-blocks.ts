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
import type { Doc, DocStats } from '../record/doc.js';
import type { CorpusState } from '../corpus/state.js';
import { distinctHashes } from '../corpus/distinct.js';
import { KEY_STRIDE, keysOf } from './block-keys.js';

/** The document's block key hashes with a key, two 32-bit halves each (reused). */
let keys = new Uint32Array(2048);

/** Leave the distinct block hashes of `doc` in `doc.stats.blockHashes`. */
export function hashBlocks(doc: Doc): void {
  if (keys.length < 2 * doc.blocks.length) keys = new Uint32Array(4 * doc.blocks.length);
  const known = keysOf(doc);
  let n = 0;
  for (let i = 0; i < doc.blocks.length; i++) {
    if (known[KEY_STRIDE * i + 2] === 0) continue;
    keys[2 * n] = known[KEY_STRIDE * i];
    keys[2 * n + 1] = known[KEY_STRIDE * i + 1];
    n++;
  }
  (doc.stats ??= {}).blockHashes = distinctHashes(keys, n);
}

/** Count one document's block hashes in the corpus table (unless it is a near copy of an earlier one). */
export function mergeBlockCounts(stats: DocStats, corpus: CorpusState): void {
  const hashes = stats.blockHashes;
  if (!hashes || stats.nearCopyOf !== undefined) return;
  corpus.blockCounts.addAll(hashes);
  corpus.countedDocs++;
}
