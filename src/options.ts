/**
 * Options of a run: what the command line and config file decide. Stages see
 * only this object, never argv or the environment.
 */
import { defaultThresholds, type Thresholds } from './thresholds.js';

export interface Options {
  /** Force this encoding for every input instead of detecting one. */
  encoding?: string;
  /** Treat inputs as this format instead of sniffing (`auto`). */
  format: 'auto' | 'text' | 'html';
  /** Named heuristic thresholds (see thresholds.ts). */
  thresholds: Thresholds;
  /** Stages not to run (`--skip`): names from `SKIPPABLE`. */
  skip: string[];
}

/**
 * Stages a user may turn off with `--skip` (the decoding and normalising
 * stages, and assemble, always run): e.g. `--skip classify,boilerplate` keeps
 * every block and still removes repeats and duplicates. The names are those of
 * the stages in pipeline.ts; skipping one also turns off what cannot work
 * without it (stage.ts `stagesOff`: count-blocks takes boilerplate along).
 */
export const SKIPPABLE: readonly string[] = ['columns', 'unwrap', 'near-copies', 'count-blocks', 'boilerplate', 'classify', 'repeats', 'dedup', 'cross-doc'];

export function defaultOptions(): Options {
  return { format: 'auto', thresholds: defaultThresholds(), skip: [] };
}
