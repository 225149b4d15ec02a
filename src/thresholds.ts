/**
 * Every heuristic number the pipeline uses, in one registry. Each entry names
 * where its default comes from (a paper, a tool, or a measurement of ours), and
 * each can be overridden with `--set name=value` on the command line or under
 * `"thresholds"` in a config file. `clean-corpus --list-thresholds` prints them.
 */

export interface ThresholdSpec {
  /** Default value. */
  value: number;
  /** What it controls, in one line. */
  doc: string;
  /** Where the default comes from. */
  source: string;
  /** Smallest and largest accepted value. */
  min: number;
  max: number;
  /** Whole numbers only. */
  integer?: boolean;
}

const spec = (value: number, doc: string, source: string, min: number, max: number, integer = false): ThresholdSpec => ({
  value,
  doc,
  source,
  min,
  max,
  integer,
});

/**
 * The registry. Stages read their numbers from `options.thresholds[name]`,
 * never from literals, so the two cannot drift apart.
 */
export const THRESHOLDS = {
  /** Bytes read per input before it is refused as too large. */
  'input.maxBytes': spec(
    512 * 1024 * 1024,
    'largest input document, in bytes, before it is skipped as too large',
    'ours: a generous bound so one file cannot exhaust memory (the 300 MB single-line case must pass)',
    1,
    Number.MAX_SAFE_INTEGER,
    true,
  ),
  /** Share of control bytes in the first 8 KiB above which a file is binary. */
  'input.binaryControlShare': spec(
    0.1,
    'share of control bytes (besides tab, CR, LF, FF, ESC) in the first 8 KiB that marks a file as binary',
    'ours, after the heuristic of file(1) and ripgrep (a NUL marks binary); 10% tolerates stray NULs in text',
    0,
    1,
  ),
  /** HTML tags seen in a .txt file before it is parsed as HTML. */
  'input.htmlSniffTags': spec(
    3,
    'known HTML tags a non-.html file must contain before it is parsed as HTML',
    'ours: seed 002 has dozens; plain text such as "a < b" or one stray "<br>" has fewer than three',
    1,
    1000,
    true,
  ),
  /** Documents per job a run must have before worker threads are started. */
  'parallel.minDocsPerJob': spec(
    200,
    'worker threads are started only for runs of more than this many documents per --jobs; smaller runs stay in one thread',
    'ours (2026-11-23, bench machine): a worker takes ~95 ms of CPU to start; a 30 KB page cleans in ~0.9 ms, so two workers gain ~0.4 ms a page and pay off after ~400 pages (after ~2,000 pages of 4 KB). TODO: re-measure with boilerplate and dedup stages after merge',
    0,
    1_000_000,
    true,
  ),
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
