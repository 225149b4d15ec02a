/**
 * Where the per-document lists run: in this thread (`--jobs 1`, small runs)
 * or on a worker pool. Both give the main thread the same slimmed record, so
 * the output does not depend on which one ran.
 */
import type { Doc } from '../doc.js';
import type { CorpusState } from '../corpus.js';
import type { Options } from '../options.js';
import { runStages, type Context, type Stage, type StageTimings } from '../stage.js';
import { WorkerPool } from './pool.js';
import { ownBytes } from './protocol.js';
import { shareCorpus } from './share.js';
import { slimDoc, type StatsResult } from './slim.js';

export interface Executor {
  /** Pass 1: run `statistics` on a loaded document. */
  statistics(doc: Doc): Promise<StatsResult>;
  /** Pass 2: run `clean` on a loaded document; resolves with the slimmed record. */
  clean(doc: Doc): Promise<Doc>;
  /** Hand the finished pass-1 state to whoever runs `clean`. */
  shareCorpus(state: CorpusState): void;
  /** Stage timings of the per-document work, per pass (summed over threads). */
  timings(): Promise<{ 1: StageTimings; 2: StageTimings }>;
  close(): Promise<void>;
}

export interface PipelineLists {
  statistics: readonly Stage[];
  clean: readonly Stage[];
  corpus: readonly Stage[];
}

/** Runs the lists in this thread, on the main corpus state itself. */
export function inlineExecutor(lists: PipelineLists, ctx: Context, record: boolean): Executor {
  const timings: { 1: StageTimings; 2: StageTimings } = { 1: {}, 2: {} };
  const run = (doc: Doc, stages: readonly Stage[], pass: 1 | 2) => runStages(doc, stages, record ? { ...ctx, timings: timings[pass] } : ctx);
  return {
    statistics: async (doc) => {
      run(doc, lists.statistics, 1);
      return { status: doc.status, stats: doc.stats };
    },
    clean: async (doc) => slimDoc(run(doc, lists.clean, 2)),
    shareCorpus: () => {},
    timings: async () => timings,
    close: async () => {},
  };
}

/** Runs the lists on `jobs` worker threads; documents travel as transferred bytes. */
export function poolExecutor(jobs: number, options: Options, pipeline: string): Executor {
  const pool = new WorkerPool(jobs, { options, pipeline });
  const post = async (doc: Doc, pass: 1 | 2) => {
    const bytes = ownBytes(doc.bytes!);
    doc.bytes = undefined;
    const reply = await pool.request({ type: 'run', pass, id: doc.id, source: doc.source, bytes }, [bytes.buffer as ArrayBuffer]);
    if (reply.type !== 'done') throw new Error('unexpected answer from a worker');
    return reply.result;
  };
  return {
    statistics: async (doc) => {
      if (doc.status !== 'kept') return { status: doc.status };
      try {
        return (await post(doc, 1)) as StatsResult;
      } catch {
        // the document fails again, and is reported, in pass 2
        return { status: 'error' };
      }
    },
    clean: async (doc) => {
      if (doc.status !== 'kept') return slimDoc(doc);
      try {
        return (await post(doc, 2)) as Doc;
      } catch (err) {
        doc.status = 'error';
        doc.findings.push({ code: 'internal-error', severity: 'error', stage: 'worker', args: { stage: 'worker', reason: (err as Error).message } });
        return slimDoc(doc);
      }
    },
    shareCorpus: (state) => pool.broadcast({ type: 'corpus', shipped: shareCorpus(state) }),
    timings: () => pool.timings(),
    close: () => pool.close(),
  };
}
