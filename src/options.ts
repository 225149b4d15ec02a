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
  /** Stages not to run (`--skip`): names from `SKIPPABLE` in pipeline.ts. */
  skip: string[];
}

export function defaultOptions(): Options {
  return { format: 'auto', thresholds: defaultThresholds(), skip: [] };
}
