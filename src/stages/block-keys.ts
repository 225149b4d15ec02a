/**
 * block-keys (end of `prepare`): the corpus key hash of every block
 * (corpus/block-key.ts), worked out once per document. Pass 1 counts blocks
 * by it (count-blocks) and pass 2 looks their counts up by it (boilerplate);
 * with the spill (engine/passes.ts) pass 2 starts from the document pass 1
 * prepared, so each block is hashed once in a run instead of twice. Nothing
 * to do when neither of those stages runs.
 */
import type { Doc } from '../record/doc.js';
import type { Options } from '../options.js';
import { blockKeyAt } from '../corpus/block-key.js';

/** Values per block in `Doc.blockKeys`: the low and high halves of the hash, and the key's length. */
export const KEY_STRIDE = 3;

export function blockKeys(doc: Doc, options: Options): void {
  if (options.skip.includes('count-blocks') && options.skip.includes('boilerplate')) return;
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
