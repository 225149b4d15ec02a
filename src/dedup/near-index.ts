/**
 * A near-duplicate index: a signer, its scratch signature and an LSH index,
 * built from the dedup parameters. Each pass keeps its own.
 */
import { LshIndex, type Match } from './lsh.js';
import { Signer } from './minhash.js';
import type { DedupParams } from './params.js';

export class NearIndex {
  readonly signer: Signer;
  readonly lsh: LshIndex;
  /** Signature of the text last signed. */
  readonly sig: Uint32Array;
  /** Shingles in the text last signed (0: nothing to compare). */
  shingles = 0;

  constructor(readonly params: DedupParams) {
    this.signer = new Signer(params);
    this.lsh = new LshIndex(params);
    this.sig = new Uint32Array(params.hashes);
  }

  /** Sign `text` into `sig`; returns the number of shingles. */
  sign(text: string): number {
    this.shingles = this.signer.sign(text, this.sig);
    return this.shingles;
  }

  /** The best indexed match for the last signed text at or above the threshold. */
  match(): Match | undefined {
    return this.shingles > 0 ? this.lsh.best(this.sig, this.params.threshold) : undefined;
  }

  /** Index the last signed text under document `id`; returns its slot, or -1 when it had no shingles. */
  add(id: number): number {
    return this.shingles > 0 ? this.lsh.add(this.sig, id) : -1;
  }
}
