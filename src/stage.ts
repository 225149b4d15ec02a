/**
 * The shape of a stage and the loop that runs a list of them over one document.
 */
import type { Doc, DocStats } from './record/doc.js';
import type { Options } from './options.js';
import type { CorpusState } from './corpus/state.js';

/** What a stage may see besides the document: the options and the corpus-wide state. */
export interface Context {
  options: Options;
  corpus: CorpusState;
  /** When set, runStages adds each stage's wall time (ms) under its name. */
  timings?: StageTimings;
}

/** Milliseconds spent per stage name, summed over the documents of a run. */
export type StageTimings = Record<string, number>;

/** A stage: a named function of one document. It mutates the document and nothing outside `ctx.corpus`. */
export interface Stage {
  name: string;
  run(doc: Doc, ctx: Context): void;
  /**
   * Pass-1 stages only: fold one document's `doc.stats` (what `run` left there)
   * into the corpus state. Called on the main thread, in input order, so `run`
   * can work in a worker on a document while the state lives in one place.
   */
  merge?(stats: DocStats, ctx: Context, id: number): void;
}

/** Wrap a function as a stage. */
export const stage = (name: string, run: (doc: Doc, ctx: Context) => void): Stage => ({ name, run });

/**
 * Run stages in order, but those named in `options.skip`. A document that is skipped, failed or found to be a
 * duplicate goes no further; a stage that throws fails only its document.
 */
export function runStages(doc: Doc, stages: readonly Stage[], ctx: Context): Doc {
  const skip = ctx.options.skip;
  for (const s of stages) {
    if (doc.status !== 'kept') break;
    if (skip.length > 0 && skip.includes(s.name)) continue;
    const t0 = ctx.timings ? performance.now() : 0;
    try {
      s.run(doc, ctx);
    } catch (err) {
      failDoc(doc, s.name, err);
    }
    if (ctx.timings) ctx.timings[s.name] = (ctx.timings[s.name] ?? 0) + (performance.now() - t0);
  }
  return doc;
}

/** Fail `doc` with an `internal-error` finding: what went wrong where (`stage`) in our code, not in the input. */
export function failDoc(doc: Doc, stage: string, err: unknown): Doc {
  doc.status = 'error';
  doc.bytes = undefined;
  doc.raw = undefined;
  doc.findings.push({ code: 'internal-error', severity: 'error', stage, args: { stage, reason: err instanceof Error ? err.message : String(err) } });
  return doc;
}

/** Stage timings of the per-document work, per pass (pass 1's are reported as `pass1:<stage>`). */
export type PassTimings = { 1: StageTimings; 2: StageTimings };

/** Several threads' pass timings summed, stage by stage, into a new record. */
export function sumPassTimings(parts: Iterable<PassTimings>): PassTimings {
  const sum: PassTimings = { 1: {}, 2: {} };
  for (const part of parts) for (const pass of [1, 2] as const) for (const [name, ms] of Object.entries(part[pass])) sum[pass][name] = (sum[pass][name] ?? 0) + ms;
  return sum;
}

/** Run `fn`, adding its wall time in milliseconds to `timings[name]` when there are timings to fill. */
export function timed<T>(timings: StageTimings | undefined, name: string, fn: () => T): T {
  if (!timings) return fn();
  const t0 = performance.now();
  const out = fn();
  timings[name] = (timings[name] ?? 0) + (performance.now() - t0);
  return out;
}

/**
 * Fold one document's pass-1 `stats` into the corpus state: the `merge` of
 * each stage, in list order (a later merge may read what an earlier one noted
 * in `stats`). Main thread, input order.
 */
export function mergeStats(stats: DocStats | undefined, stages: readonly Stage[], ctx: Context, id: number): void {
  if (!stats) return;
  for (const s of stages) if (s.merge && !ctx.options.skip.includes(s.name)) s.merge(stats, ctx, id);
}
