/**
 * count-blocks (pass 1): count, for every normalised block, the documents it
 * appears in — once per document however often it repeats there. Documents an
 * earlier pass-1 stage marked as duplicates are not counted (runStages stops
 * before this stage), so a syndicated article counts once, not once per copy.
 */
import { blockText, type Doc } from '../doc.js';
import type { CorpusState } from '../corpus.js';
import { addBlock } from '../corpus/block-counts.js';
import { blockHash, blockKey } from '../corpus/block-key.js';

export function countBlocks(doc: Doc, corpus: CorpusState): void {
  if (doc.status !== 'kept') return;
  const seen = new Set<bigint>();
  for (const b of doc.blocks) {
    const key = blockKey(blockText(doc, b));
    if (!key) continue;
    const h = blockHash(key);
    if (seen.has(h)) continue;
    seen.add(h);
    addBlock(corpus.blockCounts, h);
  }
  corpus.blockCounts.docs++;
}
