/**
 * The shape of a stage, what it needs of the stages before it, and the loop
 * that runs a list of them over one document.
 *
 * Stages are tied by what they leave on the record, never by each other's
 * names: one `provides` a field (`blockKeys`, `blockCounts`), another `needs`
 * it. So `--skip` is resolved here, once, over the whole pipeline
 * (`stagesOff`): turning a stage off turns off what cannot work without it,
 * and a stage whose only work is for stages now off.
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
  /**
   * The stages not to run: `options.skip` resolved over the whole pipeline (`stagesOff`), by whoever runs it (the
   * engine, a worker, `cleanText`). Without it, the stages `options.skip` names (a list run alone, in a test).
   */
  off?: ReadonlySet<string>;
}

/** Milliseconds spent per stage name, summed over the documents of a run. */
export type StageTimings = Record<string, number>;

/**
 * What a stage may leave for later ones, by the field it fills: of the document (`Doc`), of its pass-1 statistics
 * (`DocStats`) or of the corpus state (`CorpusState`).
 */
export type Provision = keyof Doc | keyof DocStats | keyof CorpusState;

/** What a stage needs of earlier stages and leaves for later ones (all optional: most stages only read the text). */
export interface StageDeps {
  /** What it cannot work without: it is off when every stage that provides one of them is off. */
  needs?: readonly Provision[];
  /** What it reads when it is there, and does without otherwise. */
  uses?: readonly Provision[];
  /** What it leaves for later stages. */
  provides?: readonly Provision[];
  /**
   * Its only work is what it provides (a hash made where the document is cleaned, for a later stage to look up):
   * it is off when every stage that needs it is off.
   */
  onlyProvides?: boolean;
}

/** A stage: a named function of one document. It mutates the document and nothing outside `ctx.corpus`. */
export interface Stage extends StageDeps {
  /** Its name for `--skip`, timings and `internal-error` findings. */
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
export const stage = (name: string, run: (doc: Doc, ctx: Context) => void, deps: StageDeps = {}): Stage => ({ name, run, ...deps });

/**
 * The names of the stages `--skip` turns off among `stages`, the stages of a whole pipeline (every list of it): those
 * `skip` names, then — until nothing changes — every stage that needs something only stages now off provide, and
 * every stage that only provides, for stages that are all off. Something no stage of `stages` provides, or no stage
 * needs, turns nothing off: a stage run without its provider makes what it needs itself.
 */
export function stagesOff(stages: Iterable<Stage>, skip: readonly string[]): ReadonlySet<string> {
  const all = [...new Set(stages)];
  const off = new Set(skip);
  const providers = (p: Provision) => all.filter((s) => s.provides?.includes(p));
  const allOff = (list: Stage[]) => list.length > 0 && list.every((s) => off.has(s.name));
  for (let changed = true; changed; ) {
    changed = false;
    for (const s of all) {
      if (off.has(s.name)) continue;
      const cut = (s.needs ?? []).some((p) => allOff(providers(p)));
      const idle = s.onlyProvides === true && allOff(all.filter((t) => t.needs?.some((p) => s.provides?.includes(p))));
      if (cut || idle) {
        off.add(s.name);
        changed = true;
      }
    }
  }
  return off;
}

/** `stagesOff` over every list of a pipeline module (pipeline.ts, or a test's stand-in). */
export function pipelineOff(lists: { statistics: readonly Stage[]; clean: readonly Stage[]; corpus?: readonly Stage[] }, skip: readonly string[]): ReadonlySet<string> {
  return stagesOff([...lists.statistics, ...lists.clean, ...(lists.corpus ?? [])], skip);
}

/** Whether the stage named `name` runs in `ctx` (see `Context.off`). */
export function stageRuns(ctx: Context, name: string): boolean {
  return ctx.off ? !ctx.off.has(name) : !ctx.options.skip.includes(name);
}

/**
 * Run stages in order, but those `--skip` turns off (`Context.off`). A document that is skipped, failed or found to be
 * a duplicate goes no further; a stage that throws fails only its document.
 */
export function runStages(doc: Doc, stages: readonly Stage[], ctx: Context): Doc {
  const { off } = ctx;
  const skip = ctx.options.skip;
  for (const s of stages) {
    if (doc.status !== 'kept') break;
    if (off ? off.has(s.name) : skip.length > 0 && skip.includes(s.name)) continue;
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
  for (const s of stages) if (s.merge && stageRuns(ctx, s.name)) s.merge(stats, ctx, id);
}

/**
 * One document's pass-1 result taken in, in input order: its statistics merged (`mergeStats`), and the document
 * counted, whether it had statistics or not (a failed read counts too). One process and a sharded run's merge alike.
 */
export function foldDocument(stats: DocStats | undefined, stages: readonly Stage[], ctx: Context, id: number): void {
  mergeStats(stats, stages, ctx, id);
  ctx.corpus.documents++;
}
