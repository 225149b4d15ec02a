/**
 * dedup-sign (pass 2, per document, after assemble): what stage dedup needs
 * to know about the cleaned text, computed where the document is cleaned (on
 * any thread) so that the in-order stage on the main thread only looks up:
 *
 *   `doc.textHash`: the 64-bit hash of the output with all whitespace
 *   removed (exact duplicates), as two 32-bit halves;
 *
 *   `doc.signature`: the MinHash signature of the output (near duplicates).
 *
 * Both are typed arrays of their own (not views into scratch space), so they
 * travel from a worker by transfer. The pipeline runs it only while dedup runs
 * (stage.ts).
 */
import type { Doc } from '../record/doc.js';
import type { Thresholds } from '../thresholds.js';
import { FoldedHash } from '../kit/hash.js';
import { foldAndTokenize } from '../dedup/fold-tokens.js';
import { signerFor } from '../dedup/minhash.js';
import { dedupParams } from '../dedup/params.js';

const folder = new FoldedHash();

/** Sign `doc.output` for stage dedup. */
export function signForDedup(doc: Doc, t: Thresholds): void {
  const output = doc.output ?? '';
  const params = dedupParams(t);
  const signer = signerFor(params);
  // one read of the output for the exact hash, the shingling mode and the tokens
  const { mode, count } = foldAndTokenize(signer, folder.reset(), output);
  const exact = folder.digest();
  if (exact === undefined) return;
  doc.textHash = halves(exact);
  const sig = new Uint32Array(params.hashes);
  if (signer.signTokens(mode, count, sig) > 0) doc.signature = sig;
}

/** A 64-bit hash as [low, high] 32-bit halves, in an array of its own. */
export function halves(hash: bigint): Uint32Array {
  return Uint32Array.of(Number(hash & 0xffffffffn), Number(hash >> 32n));
}
