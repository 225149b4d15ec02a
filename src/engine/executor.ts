/**
 * Where the per-document lists run: in this thread (`--jobs 1`, small runs),
 * or shared between it and a worker pool (`--jobs N`). Both give the main
 * thread the same slimmed record, so the output does not depend on which one
 * ran.
 */
import type { Doc, DocSource } from '../record/doc.js';
import { carriesBytes, ownLocator, type ReadLocator, type Source } from './source.js';
import type { CorpusState } from '../corpus/state.js';
import type { Options } from '../options.js';
import { failDoc, sumPassTimings, type Context, type PassTimings, type Stage } from '../stage.js';
import { WorkerPool } from './workers/pool.js';
import { docFromRead, loadDoc } from './load.js';
import { passLists, readAs, runClean, runCleanSpilled, runStatistics } from './passes.js';
import { SpillReader, SpillWriter, type SpillPlace, type SpillRef } from './spill.js';
import { shareCorpus } from './workers/share.js';
import { slimDoc, type StatsResult } from '../record/slim.js';
import { unpackDoc } from '../record/wire.js';

export interface Executor {
  /**
   * Documents the engine may have read ahead of the one it finishes next. The pool needs enough to keep its
   * workers busy; in this thread a document is worked on as it is submitted, so reading ahead would only hold
   * finished documents back from being written (and from an interrupt).
   */
  readonly window: number;
  /** Pass 1: read document `id` from `src` and run `statistics` on it. */
  statistics(id: number, src: Source): Promise<StatsResult>;
  /**
   * Pass 2: read document `id` from `src` (or from the spill at `spill`, where pass 1 kept it prepared) and run
   * `clean` on it; resolves with the slimmed record.
   */
  clean(id: number, src: Source, spill?: SpillRef): Promise<Doc>;
  /** Hand the finished pass-1 state to whoever runs `clean`. */
  shareCorpus(state: CorpusState): void;
  /** Stage timings of the per-document work, per pass (summed over threads). */
  timings(): Promise<PassTimings>;
  /** Milliseconds each worker thread has spent working; empty when the work runs in this thread. */
  busy(): number[];
  close(): Promise<void>;
}

export interface PipelineLists {
  statistics: readonly Stage[];
  clean: readonly Stage[];
  corpus: readonly Stage[];
}

/**
 * Runs the lists in this thread, on the main corpus state itself; with `spill`, pass 1 keeps the prepared
 * documents there for pass 2.
 */
export function inlineExecutor(lists: PipelineLists, readLocator: ReadLocator, ctx: Context, record: boolean, spill?: SpillPlace): Executor & { dropSpill(): void } {
  const timings: PassTimings = { 1: {}, 2: {} };
  const within = (pass: 1 | 2): Context => (record ? { ...ctx, timings: timings[pass] } : ctx);
  const cut = passLists(lists);
  const writer = spill ? new SpillWriter(spill.dir, spill.budget) : undefined;
  const reader = spill ? new SpillReader(spill.dir) : undefined;
  return {
    window: 1,
    statistics: async (id, src) => runStatistics(await loadDoc(readLocator, id, src.source, src.locator, readAs(1, writer), record ? timings[1] : undefined), cut, within(1), writer),
    clean: async (id, src, ref) => {
      // a document pass 1 kept is read back; one that cannot be (a write that failed) is read from its source
      const kept = ref && reader ? runCleanSpilled(id, ref, reader, cut, within(2)) : undefined;
      if (kept) return slimDoc(withFrame(kept, src.source));
      return slimDoc(runClean(await loadDoc(readLocator, id, src.source, src.locator, 2, record ? timings[2] : undefined), cut, within(2)));
    },
    shareCorpus: () => void writer?.close(),
    timings: async () => timings,
    busy: () => [],
    close: async () => {
      writer?.close();
    },
    // the spill was given up: this thread's file is closed, so that removing it frees its space now (a worker's is
    // closed after each batch, and cannot be opened again once the folder is gone)
    dropSpill: () => writer?.abandon(),
  };
}

/**
 * A document that crossed a thread or the spill gets this thread's source back: the copy reading completed (a
 * record's id, its text's span) with the record's own bytes (`frame`), which stayed here for the writer.
 */
function withFrame(doc: Doc, source: DocSource): Doc {
  if (source.frame !== undefined) doc.source = { ...doc.source, frame: source.frame };
  else if (doc.source !== source) doc.source = { ...source, ...doc.source };
  return doc;
}

/** The source as a worker needs it: without the record's own bytes (`frame`), which only the writer here reads. */
function forWorker(source: DocSource): DocSource {
  if (source.frame === undefined) return source;
  const { frame: _frame, ...rest } = source;
  return rest;
}

/**
 * Runs the lists on `jobs` worker threads, `window` documents read ahead. `full()` takes in the answers that have
 * arrived and says whether the workers have all they can take (see sharedExecutor).
 */
export function poolExecutor(jobs: number, options: Options, pipeline: string, reader: string, window: number, spill?: SpillPlace, eager = false): Executor & { full(): boolean } {
  const pool = new WorkerPool(jobs, { options, pipeline, reader, spill }, undefined, eager);
  /**
   * The worker reads the locator. Bytes a locator carries are copied to it, not transferred: the pool posts a
   * document again if the worker holding it dies, so they must stay whole here until it answers.
   */
  const post = async (id: number, src: Source, pass: 1 | 2, spilled?: SpillRef): Promise<{ result?: unknown; miss?: true }> => {
    const source = forWorker(src.source);
    // with the spill, bytes are not sent along in case it fails (the worker then says so, and they are sent)
    const locator = spilled && carriesBytes(src.locator) ? undefined : ownLocator(src.locator);
    const msg: Parameters<WorkerPool['request']>[0] = { type: 'run', pass, id, source, ...(locator ? { locator } : {}), ...(spilled ? { spill: spilled } : {}) };
    const reply = await pool.request(msg, spilled ? spilled.length : (src.locator.size ?? 0));
    if (reply.type === 'spill-miss') return { miss: true };
    if (reply.type !== 'done') throw new Error('unexpected answer from a worker');
    return { result: reply.result };
  };
  return {
    window,
    statistics: async (id, src) => {
      try {
        return (await post(id, src, 1)).result as StatsResult;
      } catch {
        // the document fails again, and is reported, in pass 2
        return { status: 'error' };
      }
    },
    clean: async (id, src, spilled) => {
      try {
        let r = await post(id, src, 2, spilled);
        // not in the spill after all (a write that failed): from its source, as without the spill
        if (r.miss) r = await post(id, src, 2);
        // the worker parsed a record (its id, its text's span); the line itself stayed here, for the writer
        return withFrame(unpackDoc(r.result as Doc), src.source);
      } catch (err) {
        return slimDoc(failDoc(docFromRead(id, src.source, { ok: true, bytes: new Uint8Array(0) }), 'worker', err));
      }
    },
    shareCorpus: (state) => pool.broadcast({ type: 'corpus', shipped: shareCorpus(state) }),
    timings: () => pool.timings(),
    busy: () => pool.busy(),
    close: () => pool.close(),
    full: () => {
      pool.poll();
      return pool.full();
    },
  };
}

/**
 * `--jobs N` with N > 1: this thread and a pool of N − 1 workers share the per-document work. A document goes to the
 * pool unless its workers are full; then this thread runs it at once, between its own in-order work (the pass-1
 * merges, the `corpus` list, writing). So the pool is kept fed first, and this thread, which otherwise waits on
 * it much of the time, takes what it has time for. Compared with N workers and a waiting main thread, it saves
 * one V8 isolate — its compiler and collector time — and the messages of the documents run here (128 MB of JSON
 * Lines, 2 cores: 9.6 s with 2 workers, 8.5 s with this thread and 1; BENCHMARKS.md).
 */
export function sharedExecutor(here: Executor, pool: Executor & { full(): boolean }): Executor {
  const pick = (): Executor => (pool.full() ? here : pool);
  return {
    window: pool.window,
    statistics: (id, src) => pick().statistics(id, src),
    clean: (id, src, spill) => pick().clean(id, src, spill),
    shareCorpus: (state) => {
      here.shareCorpus(state);
      pool.shareCorpus(state);
    },
    timings: async () => sumPassTimings(await Promise.all([here.timings(), pool.timings()])),
    busy: () => pool.busy(),
    close: async () => {
      await Promise.all([here.close(), pool.close()]);
    },
  };
}
