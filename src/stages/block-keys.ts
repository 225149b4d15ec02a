/**
 * block-keys (end of `prepare`): the corpus key hash of every block
 * (corpus/block-key.ts), worked out once per document into `doc.blockKeys`
 * for the stages that count blocks (pass 1) and look their counts up (pass 2);
 * with the spill (engine/passes.ts) pass 2 starts from the document pass 1
 * prepared, so each block is hashed once in a run instead of twice. The
 * pipeline runs it only while a stage that needs the keys runs (stage.ts).
 */
import type { Doc } from '../record/doc.js';
import { blockKeyAt } from '../corpus/block-key.js';

/** Values per block in `Doc.blockKeys`: the low and high halves of the hash, and the key's length. */
export const KEY_STRIDE = 3;

export function blockKeys(doc: Doc): void {
  doc.blockKeys = hashEveryBlock(doc);
}

/** The block keys of `doc`: those stage block-keys left, or worked out now (a stage run without it, in a test). */
export function keysOf(doc: Doc): Uint32Array {
  return doc.blockKeys ?? hashEveryBlock(doc);
}

function hashEveryBlock(doc: Doc): Uint32Array {
  const keys = new Uint32Array(KEY_STRIDE * doc.blocks.length);
  for (let i = 0; i < doc.blocks.length; i++) {
    const b = doc.blocks[i];
    // a block without a key (no letter, too long) keeps length 0
    keys[KEY_STRIDE * i + 2] = blockKeyAt(doc.text, b.start, b.end, keys, KEY_STRIDE * i);
  }
  return keys;
}
