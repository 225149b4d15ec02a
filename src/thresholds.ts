/**
 * Every heuristic number the pipeline uses, in one registry. Each entry names
 * where its default comes from (a paper, a tool, or a measurement of ours), and
 * each can be overridden with `--set name=value` on the command line or under
 * `"thresholds"` in a config file. `clean-corpus --list-thresholds` prints them.
 *
 * The entries are declared by family in thresholds/ (input, dedup, plain-text, repeats, classify, run); this
 * module joins them, in that order, which is the order `--list-thresholds` prints.
 */
import type { ThresholdSpec } from './thresholds/spec.js';
import { INPUT_THRESHOLDS } from './thresholds/input.js';
import { DEDUP_THRESHOLDS } from './thresholds/dedup.js';
import { PLAIN_TEXT_THRESHOLDS } from './thresholds/plain-text.js';
import { REPEAT_THRESHOLDS } from './thresholds/repeats.js';
import { CLASSIFY_THRESHOLDS } from './thresholds/classify.js';
import { RUN_THRESHOLDS } from './thresholds/run.js';

export type { ThresholdSpec } from './thresholds/spec.js';

/**
 * The registry. Stages read their numbers from `options.thresholds[name]`,
 * never from literals, so the two cannot drift apart.
 */
export const THRESHOLDS = {
  ...INPUT_THRESHOLDS,
  ...DEDUP_THRESHOLDS,
  ...PLAIN_TEXT_THRESHOLDS,
  ...REPEAT_THRESHOLDS,
  ...CLASSIFY_THRESHOLDS,
  ...RUN_THRESHOLDS,
} satisfies Record<string, ThresholdSpec>;


export type ThresholdName = keyof typeof THRESHOLDS;
export type Thresholds = Record<ThresholdName, number>;

/** Default value of every threshold. */
export function defaultThresholds(): Thresholds {
  const out = {} as Thresholds;
  for (const [name, s] of Object.entries(THRESHOLDS) as [ThresholdName, ThresholdSpec][]) out[name] = s.value;
  return out;
}

/** Check and apply overrides; returns an error sentence for the first bad one. */
export function applyThresholds(base: Thresholds, overrides: Record<string, unknown>): string | undefined {
  for (const [name, raw] of Object.entries(overrides)) {
    const s = (THRESHOLDS as Record<string, ThresholdSpec>)[name];
    if (!s) return `unknown threshold "${name}" (see --list-thresholds)`;
    const value = typeof raw === 'number' ? raw : Number(raw);
    if (!Number.isFinite(value) || (s.integer && !Number.isInteger(value)) || value < s.min || value > s.max)
      return `threshold "${name}" takes ${s.integer ? 'a whole number' : 'a number'} from ${s.min} to ${s.max}, not "${String(raw)}"`;
    (base as Record<string, number>)[name] = value;
  }
  return undefined;
}
