/**
 * Corpus-wide dedup state, one object per concern, created on first use by
 * the stage that owns it. Everything grows with the corpus is a typed array:
 *
 *   pass 1 (near-copies): an LSH index of long-block signatures, and per
 *   document the earlier document it nearly copies (Int32) and how closely
 *   (Float32); the index is dropped when pass 2 begins;
 *
 *   pass 2 (dedup): exact hashes, an LSH index of cleaned-text signatures,
 *   union-find over document ids, each kept document's index slot, and the
 *   input paths of kept documents;
 *
 *   pass 2 (cross-doc): hashes of long paragraphs already kept.
 */
import { Hash64Map } from '../kit/hash-table.js';
import { NearIndex } from './near-index.js';
import type { DedupParams } from './params.js';
import { PathTable } from './paths.js';
import { UnionFind } from './union-find.js';
import { grown } from '../kit/typed-arrays.js';

/** Pass 1: which documents nearly copy an earlier one, judged on long blocks. */
export class NearCopyState {
  /** Dropped (undefined) once pass 2 starts: only the verdicts are needed then. */
  index: NearIndex | undefined;
  private of = new Int32Array(1024).fill(-1);
  private sim = new Float32Array(1024);
  private copied = new Uint8Array(1024);

  constructor(params: DedupParams) {
    this.index = new NearIndex(params);
  }

  /** Record that document `id` nearly copies document `of`. */
  mark(id: number, of: number, similarity: number): void {
    this.of = grown(this.of, id, (n) => new Int32Array(n), -1);
    this.sim = grown(this.sim, id, (n) => new Float32Array(n));
    this.copied = grown(this.copied, of, (n) => new Uint8Array(n));
    this.of[id] = of;
    this.sim[id] = similarity;
    this.copied[of] = 1;
  }

  /** The pass-1 verdict for `id`: the document it copies, or undefined. */
  verdict(id: number): { of: number; similarity: number } | undefined {
    return id < this.of.length && this.of[id] >= 0 ? { of: this.of[id], similarity: this.sim[id] } : undefined;
  }

  /** True when some later document was found to copy `id` in pass 1. */
  hasCopies(id: number): boolean {
    return id < this.copied.length && this.copied[id] === 1;
  }

  /** Bytes held now. */
  bytes(): number {
    return (this.index?.lsh.bytes() ?? 0) + this.of.byteLength + this.sim.byteLength + this.copied.byteLength;
  }
}

/** Pass 2: exact and near duplicates of the cleaned text. */
export class DedupState {
  readonly exact = new Hash64Map();
  readonly near: NearIndex;
  readonly clusters = new UnionFind();
  readonly paths = new PathTable();
  /** LSH slot of each kept document (-1: not indexed). */
  private slots = new Int32Array(1024).fill(-1);

  /** `expected`: documents pass 1 saw, at most as many as will be indexed. */
  constructor(params: DedupParams, expected = 0) {
    this.near = new NearIndex(params, expected);
  }

  setSlot(id: number, slot: number): void {
    this.slots = grown(this.slots, id, (n) => new Int32Array(n), -1);
    this.slots[id] = slot;
  }

  slotOf(id: number): number {
    return id < this.slots.length ? this.slots[id] : -1;
  }

  /** Bytes held now. */
  bytes(): number {
    return this.exact.bytes() + this.near.lsh.bytes() + this.clusters.bytes() + this.paths.size() + this.slots.byteLength;
  }
}

/** Pass 2: long paragraphs already kept, by hash, with the document that kept them first. */
export class CrossDocState {
  readonly seen = new Hash64Map();
}
