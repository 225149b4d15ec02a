/**
 * report.json, version 2: the run's summary. Tool, options, totals, the
 * share of the input's characters removed for each reason, how much each
 * document lost (a histogram), the boilerplate dictionary and the duplicate
 * clusters. The documents themselves are in documents.jsonl beside it.
 */
import type { Code, RemovalCode } from '../record/codes.js';
import type { Totals } from './entries.js';
import type { DictionaryEntry } from './dictionary.js';
import type { Cluster } from './clusters.js';

export const REPORT_VERSION = 2;

/** Bins of the histogram of how much each document lost: [0, 10%), [10%, 20%) … [90%, 100%]. */
export const LOST_BINS = 10;

export interface Summary {
  version: typeof REPORT_VERSION;
  tool: object;
  options: object;
  /** The other two files, by name, in the summary's folder. */
  files: { documents: string; page: string };
  /** The run was stopped by a signal: the documents file lists the documents done. */
  interrupted?: true;
  totals: Totals;
  /** Share of the input's characters removed, by reason (0–1). */
  removedShare: Partial<Record<Code, number>>;
  /** Documents (with any text) by the share of their text cleaning removed, in LOST_BINS bins of 10%. */
  lostHistogram: number[];
  timings?: Record<string, number>;
  boilerplate: {
    /** The most blocks the dictionary holds (report.dictionaryMax). */
    max: number;
    /** Removals of blocks met once it was full: their text is on their documents' lines. */
    notListed: number;
    /** Each block once, the most frequent first. */
    blocks: DictionaryEntry[];
  };
  clusters: Cluster[];
}

/** Which histogram bin a document that lost `share` (0–1) of its text falls in. */
export function lostBin(share: number): number {
  return Math.min(LOST_BINS - 1, Math.floor(share * LOST_BINS));
}

export function removedShare(totals: Totals): Partial<Record<RemovalCode, number>> {
  const out: Partial<Record<RemovalCode, number>> = {};
  for (const [code, n] of Object.entries(totals.removedChars) as [RemovalCode, number][])
    out[code] = totals.charsIn > 0 ? Math.round((1e6 * n) / totals.charsIn) / 1e6 : 0;
  return out;
}
