/**
 * Sending the corpus state to workers. After pass 1 the state is posted once
 * to every worker; tables backed by a SharedArrayBuffer arrive without a copy
 * (structured clone shares such memory), numbers and small typed arrays are
 * copied. Class instances lose their prototype in a structured clone, so each
 * class of table has a case here that ships its data and rebuilds it.
 */
import type { CorpusState } from '../../corpus/state.js';
import { HashCounts, type HashCountsData } from '../../corpus/hash-counts.js';

type Shipped = { $hashCounts: HashCountsData } | unknown;

/** A structured-clonable form of the state; SharedArrayBuffer-backed tables are shared, not copied. */
export function shareCorpus(state: CorpusState): Record<string, Shipped> {
  const out: Record<string, Shipped> = {};
  for (const [key, value] of Object.entries(state)) out[key] = value instanceof HashCounts ? { $hashCounts: value.toData() } : value;
  return out;
}

/** Rebuild the state in a worker from `shareCorpus`'s form. */
export function reviveCorpus(shipped: Record<string, Shipped>): CorpusState {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(shipped)) {
    const hc = value !== null && typeof value === 'object' && '$hashCounts' in value ? (value as { $hashCounts: HashCountsData }).$hashCounts : undefined;
    out[key] = hc ? new HashCounts(hc) : value;
  }
  return out as unknown as CorpusState;
}
