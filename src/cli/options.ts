/**
 * The flags, checked and turned into what a run needs: the cleaning options (thresholds, stages skipped, the
 * encoding), how inputs are read, the number of threads. A flag that makes no sense is a `UsageError`.
 */
import os from 'node:os';
import iconv from 'iconv-lite';
import { defaultOptions, SKIPPABLE, type Options } from '../options.js';
import { applyThresholds, THRESHOLDS, type ThresholdSpec } from '../thresholds.js';
import { parseByteSize } from '../io/size.js';
import { canonicalEncoding } from '../stages/detect-encoding.js';
import { checkDedupThresholds } from '../dedup/params.js';
import type { JsonlChoice } from '../formats/sources.js';
import { UsageError } from '../modes/context.js';
import type { CliFlags } from './command.js';

/** The options a run is cleaned with, from the flags: stages skipped, the encoding, thresholds set. */
export function toOptions(flags: CliFlags): Options {
  const options = defaultOptions();
  // jsonl and warc name how inputs are read (formats/sources.ts), not what the text is
  options.format = flags.format === 'jsonl' || flags.format === 'warc' ? 'auto' : flags.format;
  if (flags.skip) {
    options.skip = flags.skip.split(',').map((name) => name.trim()).filter(Boolean);
    const unknown = options.skip.find((name) => !SKIPPABLE.includes(name));
    if (unknown) throw new UsageError(`--skip: no stage "${unknown}" can be skipped (choose from ${SKIPPABLE.join(', ')})`);
  }
  if (flags.encoding) {
    const name = canonicalEncoding(flags.encoding);
    if (!iconv.encodingExists(name)) throw new UsageError(`unknown encoding "${flags.encoding}" for --encoding`);
    options.encoding = name;
  }
  const overrides: Record<string, string> = {};
  for (const kv of flags.set) {
    const eq = kv.indexOf('=');
    if (eq <= 0) throw new UsageError(`--set takes name=value, not "${kv}"`);
    overrides[kv.slice(0, eq).trim()] = kv.slice(eq + 1).trim();
  }
  if (flags.maxBytes !== undefined) {
    const bytes = parseByteSize(flags.maxBytes);
    if (bytes === undefined) throw new UsageError(`--max-bytes takes a size such as 4096, 64K, 300M or 2G, not "${flags.maxBytes}"`);
    overrides['input.maxBytes'] = String(bytes);
  }
  const bad = applyThresholds(options.thresholds, overrides);
  if (bad) throw new UsageError(bad);
  const badDedup = checkDedupThresholds(options.thresholds);
  if (badDedup) throw new UsageError(badDedup);
  return options;
}

/** `--list-thresholds`: every threshold with its default, what it does and its source. */
export function listThresholds(): string {
  return (Object.entries(THRESHOLDS) as [string, ThresholdSpec][])
    .map(([name, s]) => `${name} = ${s.value}\n    ${s.doc}\n    source: ${s.source}`)
    .join('\n');
}

/** How inputs are read: `--jsonl` or `--format jsonl`, `--format warc`, or by their names. */
export function inputChoice(flags: CliFlags): JsonlChoice {
  return { all: Boolean(flags.jsonl) || flags.format === 'jsonl', warc: flags.format === 'warc', field: flags.textField };
}

/** `--jobs`: a whole number of threads, 1 or more; the number of cores when not given. */
export function parseJobs(value: string | undefined): number {
  if (value === undefined) return os.availableParallelism();
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 1024) throw new UsageError(`--jobs takes a whole number from 1 to 1024, not "${value}"`);
  return n;
}
