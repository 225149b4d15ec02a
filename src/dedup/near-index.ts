/**
 * A near-duplicate index: an LSH index and the similarity threshold, built
 * from the dedup parameters. Each pass keeps its own. Signatures are made
 * elsewhere (per document, on any thread: see `signerFor`); the index only
 * looks them up and stores them, in input order.
 */
import { LshIndex, type Match } from './lsh.js';
import type { DedupParams } from './params.js';

export class NearIndex {
  readonly lsh: LshIndex;

  /** `expected`: documents likely to be indexed, when known (see LshIndex). */
  constructor(
    readonly params: DedupParams,
    expected = 0,
  ) {
    this.lsh = new LshIndex(params, expected);
  }

  /** The best indexed match for `sig` at or above the threshold. */
  match(sig: Uint32Array): Match | undefined {
    return this.lsh.best(sig, this.params.threshold);
  }

  /** Index `sig` under document `id`; returns its slot. */
  add(sig: Uint32Array, id: number): number {
    return this.lsh.add(sig, id);
  }
}
