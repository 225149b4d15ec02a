/**
 * The dedup parameters of a run, read from the thresholds registry.
 */
import type { Thresholds } from '../thresholds.js';
import { checkLsh, type LshParams } from './lsh.js';
import type { ShingleParams } from './minhash.js';

export type DedupParams = ShingleParams & LshParams & { threshold: number };

export function dedupParams(t: Thresholds): DedupParams {
  return {
    wordShingle: t['dedup.wordShingle'],
    charShingle: t['dedup.charShingle'],
    charShingleShare: t['dedup.charShingleShare'],
    hashes: t['dedup.hashes'],
    bands: t['dedup.bands'],
    rows: t['dedup.rows'],
    threshold: t['dedup.threshold'],
  };
}

/** An error sentence when the dedup thresholds do not fit together, for the command line. */
export function checkDedupThresholds(t: Thresholds): string | undefined {
  return checkLsh(dedupParams(t));
}
