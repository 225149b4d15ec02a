/**
 * A block's shape as bits, the one table the document's byte codecs share
 * (prepared.ts for the spill, wire.ts for a worker's answer): the kind's index
 * in the low bits, then the paragraph break. Each codec puts its own flags in
 * the bits above, from `FREE_BIT` up.
 */
import type { Block, BlockKind } from './doc.js';

/** Block kinds by index (room for 8: `KIND_MASK`). */
const KINDS: readonly BlockKind[] = ['paragraph', 'line', 'heading', 'list-item', 'table-row'];
const KIND_MASK = 7;
/** Set when a blank line precedes the block (`Block.breakBefore`). */
const BREAK_BEFORE = 1 << 3;
/** The lowest bit left to a codec's own flags. */
export const FREE_BIT = 4;

/** The kind and paragraph break of `b` as bits. */
export function shapeFlags(b: Block): number {
  return KINDS.indexOf(b.kind) | (b.breakBefore ? BREAK_BEFORE : 0);
}

/** The kind `flags` hold. */
export const kindOf = (flags: number): BlockKind => KINDS[flags & KIND_MASK];

/** Whether `flags` hold a paragraph break before the block. */
export const breaksBefore = (flags: number): boolean => (flags & BREAK_BEFORE) !== 0;
