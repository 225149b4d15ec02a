/**
 * The engine: drives documents from their sources through both passes of the
 * pipeline and hands each finished document to the caller. Knows nothing of
 * argv, folders or terminals; the CLI and the library API both call it.
 *
 * Documents stream: with workers, at most a window of `32 × jobs` documents is read ahead of
 * the one being finished, the per-document lists run on a worker pool and in
 * this thread (`--jobs N`: this one and N − 1 workers), and the pass-1 merges,
 * the `corpus` list and `onDoc` run here, in input order — so the result does
 * not depend on the number of threads.
 */
import type { Doc } from '../record/doc.js';
import type { Options } from '../options.js';
import * as defaultPipeline from '../pipeline.js';
import { foldDocument, pipelineOff, runStages, timed, type Context, type StageTimings } from '../stage.js';
import { createCorpusState } from '../corpus/state.js';
import type { ReadLocator, Source } from './source.js';
import type { StatsResult } from '../record/slim.js';
import type { CorpusState } from '../corpus/state.js';
import { inlineExecutor, poolExecutor, sharedExecutor, type Executor, type PipelineLists } from './executor.js';
import { passLists } from './passes.js';
import { createSpillDir, removeSpillDir, sameFileSystem, spillBudget, SpillIndex, type SpillPlace } from './spill.js';

export type { Source, Locator } from './source.js';

export interface RunHooks {
  /** Called for every document, in input order, once its fate is decided. */
  onDoc(doc: Doc): Promise<void> | void;
  /** Called after each document of each pass (for a progress line). */
  onProgress?(pass: 1 | 2, done: number): void;
  /** Checked between documents; true stops the run early. */
  shouldStop?(): boolean;
}

/** How a run is carried out; nothing here changes its result. */
export interface RunSettings {
  /** Threads for the per-document work; 1 (the default) runs it in this thread. */
  jobs?: number;
  /** When given, filled with milliseconds per stage (per-document stages summed over threads; pass-1 stages prefixed `pass1:`). */
  timings?: StageTimings;
  /** URL of a module exporting `statistics`, `clean` and `corpus` lists in place of ./pipeline.js (tests). */
  pipeline?: string;
  /**
   * URL of the module whose `readLocator` reads the sources' locators (source.ts), on this thread and in every
   * worker; by default the formats' registry, formats/read.js. The engine names it and never imports it: it knows
   * no format.
   */
  reader?: string;
  /**
   * When given, filled at the end with the milliseconds each thread spent working rather than waiting (event-loop
   * utilisation): this one (reading, in-order stages, `onDoc`) and each worker. Shows which side holds the run up.
   */
  busy?: { main: number; workers: number[] };
  /**
   * Keep each document as pass 1 prepared it in a temporary folder (under `TMPDIR`), so that pass 2 does not read,
   * decode, extract and normalise it again (default true). Costs temporary disk space of about the size of the
   * prepared text; the folder is removed when the run ends.
   */
  spill?: boolean;
  /**
   * The bytes of the inputs, when they can be known before the run (named files), summed at least until they pass
   * `limit`. Asked once, with more than one job and `limit` = jobs × `parallel.minBytesPerJob`: worker threads are
   * then started from the first document, or not at all. Without it (standard input) they start once more than
   * jobs × `parallel.minDocsPerJob` documents have been read.
   */
  inputBytes?: (limit: number) => number;
  /**
   * Post documents to the workers while they are still starting. Slower (every document behind one posted waits for
   * the worker's ~0.3 s start), but a run of a few documents then goes through the workers at all: for tests of
   * `--jobs`, which the CLI gives it through the environment variable CLEAN_CORPUS_EAGER_WORKERS=1.
   */
  eagerWorkers?: boolean;
  /**
   * Called once the spill exists, with `release`, which gives it up when it shares a file system with the file
   * `near`: its folder is removed, freeing its space, and pass 2 prepares every document again, as with
   * `--no-spill`; the output is the same. Returns false when there was nothing to give up (no spill, given up
   * already, or on another file system). Standard input's spool calls it when TMPDIR fills (io/stdin.ts): without
   * the spool the rest of the input would be held in memory, while without the spill only CPU time is spent again.
   */
  onSpill?(release: (near: string) => boolean): void;
  /** This run is one shard of a sharded run (engine/shards.ts): one of its passes over part of the corpus. */
  shard?: ShardRole;
}

/**
 * What one task of a sharded run does with its part of the corpus, whose first document has the global id
 * `firstId`. Pass 1: the statistics of each document go to `onStats` in input order, unmerged (the merge task folds
 * every shard's in global order). Pass 2: the per-document cleaning on the merged `corpus` state; each cleaned
 * document goes to `onDoc` before the in-order `corpus` stages, which the finishing task runs over all shards.
 */
export type ShardRole =
  | { pass: 1; firstId: number; onStats(result: StatsResult, id: number): Promise<void> | void }
  | { pass: 2; firstId: number; corpus: CorpusState };

/**
 * Documents read ahead per job. Results are finished in input order, so one slow document holds up the ones behind
 * it: with 2 per job the workers sat idle 40% of a 32 MB run waiting on the head. Documents travel to the workers in
 * batches (engine/workers/pool.ts: up to 8, two batches in flight per worker), so the window holds those 16 and as many
 * again being read and finished (documents are a few KB each, so the window costs little memory).
 */
const WINDOW_PER_JOB = 32;
/** Longest stretch, in milliseconds, the engine runs without letting signal handlers and timers in. */
const YIELD_MS = 25;

/**
 * Run the pipeline over `sources` (a function, because the statistics pass
 * reads the corpus a second time). Returns the number of documents processed.
 */
export async function runCorpus(
  sources: () => AsyncIterable<Source> | Iterable<Source>,
  options: Options,
  hooks: RunHooks,
  settings: RunSettings = {},
): Promise<number> {
  const pipelineUrl = settings.pipeline ?? new URL('../pipeline.js', import.meta.url).href;
  const lists: PipelineLists = settings.pipeline ? await import(settings.pipeline) : defaultPipeline;
  const readerUrl = settings.reader ?? new URL('../formats/read.js', import.meta.url).href;
  const { readLocator } = (await import(readerUrl)) as { readLocator: ReadLocator };
  const shard = settings.shard;
  const ctx: Context = { options, corpus: shard?.pass === 2 ? shard.corpus : createCorpusState(), timings: settings.timings, off: pipelineOff(lists, options.skip) };
  const firstId = shard?.firstId ?? 0;
  // the spill pays when both passes run and begin with the same stages (see engine/passes.ts)
  const spillDir = settings.spill !== false && !shard && lists.statistics.length > 0 && passLists(lists).shared.length > 0 ? createSpillDir() : undefined;
  let kept = spillDir ? new SpillIndex() : undefined;
  const elu = performance.eventLoopUtilization();
  const jobs = Math.max(1, Math.floor(settings.jobs ?? 1));
  // the spill's budget is shared by the threads that write to it: every thread that may do per-document work
  const place: SpillPlace | undefined = spillDir ? { dir: spillDir, budget: Math.floor(spillBudget(spillDir) / jobs) } : undefined;
  const here = inlineExecutor(lists, readLocator, ctx, settings.timings !== undefined, place);
  if (spillDir)
    settings.onSpill?.((near) => {
      if (!kept || !sameFileSystem(spillDir, near)) return false;
      // references still coming back from the workers are dropped with the rest
      kept = undefined;
      here.dropSpill();
      removeSpillDir(spillDir);
      return true;
    });
  let executor: Executor = here;
  let corpusShared = false;
  // A worker costs a start and a compiler warming up of its own: a small run is faster in one thread.
  const minBytes = jobs * options.thresholds['parallel.minBytesPerJob'];
  const inputBytes = jobs > 1 ? settings.inputBytes?.(minBytes) : undefined;
  const worthWorkers = (docsSeen: number): boolean =>
    inputBytes !== undefined ? inputBytes > minBytes : docsSeen > jobs * options.thresholds['parallel.minDocsPerJob'];
  /**
   * The executor for the `docsSeen`-th document of a pass: this thread alone, then (once the run is known to be
   * large enough) this thread and jobs − 1 workers. Which thread runs a document does not change its result.
   */
  const choose = (docsSeen: number): Executor => {
    if (executor === here && jobs > 1 && worthWorkers(docsSeen)) {
      const pool = poolExecutor(jobs - 1, options, pipelineUrl, readerUrl, jobs * WINDOW_PER_JOB, place, settings.eagerWorkers);
      if (corpusShared) pool.shareCorpus(ctx.corpus);
      executor = sharedExecutor(here, pool);
    }
    return executor;
  };

  /** One pass: documents in, results out in input order, at most `window` in flight. */
  async function pass<R>(submit: (e: Executor, id: number, src: Source) => Promise<R>, finish: (r: R, n: number) => Promise<void> | void): Promise<number> {
    const window: Promise<R>[] = [];
    let n = 0;
    let done = 0;
    const drainTo = async (size: number) => {
      while (window.length > size) await finish(await window.shift()!, ++done);
    };
    let yielded = performance.now();
    for await (const src of sources()) {
      // Reads are synchronous and the in-thread executor never waits on I/O: give the event loop a turn now
      // and then, or a SIGINT handler (and a progress line) would only run once the whole pass is over.
      if (performance.now() - yielded > YIELD_MS) {
        await new Promise((resolve) => setImmediate(resolve));
        yielded = performance.now();
      }
      if (hooks.shouldStop?.()) return done;
      const e = choose(++n);
      window.push(submit(e, firstId + n - 1, src));
      await drainTo(e.window - 1);
    }
    await drainTo(0);
    return done;
  }

  try {
    if (shard?.pass === 1)
      return await pass(
        (e, id, src) => e.statistics(id, src),
        async (r, n) => {
          await shard.onStats(r, firstId + n - 1);
          hooks.onProgress?.(1, n);
        },
      );
    if (shard?.pass === 2) {
      // pass 1 ran in other tasks, and its merged state was handed in
      executor.shareCorpus(ctx.corpus);
      corpusShared = true;
    } else if (lists.statistics.length > 0) {
      await pass(
        (e, id, src) =>
          e.statistics(id, src).then((r) => {
            if (r.spill) kept?.set(id, r.spill, lineBytes(src));
            return r;
          }),
        (r, n) => {
          // results arrive in input order, so document n (1-based) has id n - 1
          timed(ctx.timings, 'pass1:merge', () => foldDocument(r.stats, lists.statistics, ctx, n - 1));
          hooks.onProgress?.(1, n);
        },
      );
      if (hooks.shouldStop?.()) return ctx.corpus.documents;
      executor.shareCorpus(ctx.corpus);
      corpusShared = true;
    }
    return await pass(
      (e, id, src) => e.clean(id, src, kept?.get(id, lineBytes(src))),
      async (doc, n) => {
        if (hooks.shouldStop?.()) return;
        if (!shard) runStages(doc, lists.corpus, ctx);
        await hooks.onDoc(doc);
        hooks.onProgress?.(2, n);
      },
    );
  } finally {
    if (settings.busy) {
      settings.busy.main = performance.eventLoopUtilization(elu).active;
      settings.busy.workers = executor.busy();
    }
    if (settings.timings) {
      // timings are a nicety: a pool that lost a worker must not turn a finished run into a failure
      const per = await executor.timings().catch(() => ({ 1: {}, 2: {} }));
      for (const [name, ms] of Object.entries(per[1])) add(settings.timings, `pass1:${name}`, ms);
      for (const [name, ms] of Object.entries(per[2])) add(settings.timings, name, ms);
    }
    await executor.close();
    if (spillDir) removeSpillDir(spillDir);
  }
}

/**
 * The size of a record's own bytes (-1 for sources without them): pass 2 uses what pass 1 kept of a record only
 * when they are the same size, since the writer splices the output into them at the span pass 1 found.
 */
const lineBytes = (src: Source): number => src.source.frame?.length ?? -1;

const add = (t: StageTimings, name: string, ms: number) => {
  t[name] = (t[name] ?? 0) + ms;
};

