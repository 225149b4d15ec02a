/**
 * The corpus state after pass 1, as bytes: what the merge task of a sharded run writes and every cleaning task
 * reads (engine/shards.ts). Only what pass 2 reads is kept — the block counts and the near-copy verdicts; pass 1's
 * own indexes (the near-copy LSH index, the hashes of texts seen) end with pass 1, as they do in one process.
 * Classes lose their prototype in serialisation, so each has its case here, as for worker threads (engine/workers/share.ts).
 */
import v8 from 'node:v8';
import { HashCounts } from './hash-counts.js';
import type { CorpusState } from './state.js';
import { NearCopyState } from '../dedup/state.js';
import { deserialize } from '../kit/structured.js';

interface Stored {
  documents: number;
  countedDocs: number;
  blockCounts: { slots: Uint32Array; size: number };
  nearCopies?: Record<string, unknown>;
}

export function encodeCorpusState(state: CorpusState): Buffer {
  const data = state.blockCounts.toData();
  const stored: Stored = {
    documents: state.documents,
    countedDocs: state.countedDocs,
    // a copy out of the shared buffer, which V8's serialiser does not write
    blockCounts: { slots: new Uint32Array(new Uint32Array(data.slots)), size: data.size },
  };
  if (state.nearCopies) stored.nearCopies = { ...state.nearCopies, index: undefined };
  return v8.serialize(stored);
}

export function decodeCorpusState(bytes: Uint8Array): CorpusState {
  const stored = deserialize<Stored>(bytes);
  const shared = new SharedArrayBuffer(stored.blockCounts.slots.byteLength);
  new Uint32Array(shared).set(stored.blockCounts.slots);
  const state: CorpusState = { documents: stored.documents, countedDocs: stored.countedDocs, blockCounts: new HashCounts({ slots: shared, size: stored.blockCounts.size }) };
  if (stored.nearCopies) state.nearCopies = Object.setPrototypeOf(stored.nearCopies, NearCopyState.prototype) as NearCopyState;
  return state;
}
