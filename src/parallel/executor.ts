/**
 * Where the per-document lists run: in this thread (`--jobs 1`, small runs)
 * or on a worker pool. Both give the main thread the same slimmed record, so
 * the output does not depend on which one ran.
 */
import type { Doc, DocSource } from '../doc.js';
import { isRecordSource, type RecordSource } from '../io/jsonl.js';
import type { Source } from '../run.js';
import type { CorpusState } from '../corpus.js';
import type { Options } from '../options.js';
import { runStages, type Context, type Stage, type StageTimings } from '../stage.js';
import { WorkerPool } from './pool.js';
import { ownBytes } from './protocol.js';
import { docFromRead, loadDoc } from './load.js';
import { shareCorpus } from './share.js';
import { slimDoc, type StatsResult } from './slim.js';
import { unpackDoc } from './wire.js';

export interface Executor {
  /**
   * Documents the engine may have read ahead of the one it finishes next. The pool needs enough to keep its
   * workers busy; in this thread a document is worked on as it is submitted, so reading ahead would only hold
   * finished documents back from being written (and from an interrupt).
   */
  readonly window: number;
  /** Pass 1: read document `id` from `src` and run `statistics` on it. */
  statistics(id: number, src: Source): Promise<StatsResult>;
  /** Pass 2: read document `id` from `src` and run `clean` on it; resolves with the slimmed record. */
  clean(id: number, src: Source): Promise<Doc>;
  /** Hand the finished pass-1 state to whoever runs `clean`. */
  shareCorpus(state: CorpusState): void;
  /** Stage timings of the per-document work, per pass (summed over threads). */
  timings(): Promise<{ 1: StageTimings; 2: StageTimings }>;
  /** Milliseconds each worker thread has spent working; empty when the work runs in this thread. */
  busy(): number[];
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
    window: 1,
    statistics: async (id, src) => {
      const doc = run(await loadDoc(id, src, record ? timings[1] : undefined, 1), lists.statistics, 1);
      return { status: doc.status, stats: doc.stats };
    },
    clean: async (id, src) => slimDoc(run(await loadDoc(id, src, record ? timings[2] : undefined), lists.clean, 2)),
    shareCorpus: () => {},
    timings: async () => timings,
    busy: () => [],
    close: async () => {},
  };
}

/**
 * The source as a worker needs it: without a JSON Lines record's own line
 * (`frame`), which only the writer on this thread reads (the worker gets a
 * copy of the line's bytes to parse). The document that comes back gets the
 * line again.
 */
function forWorker(source: DocSource): DocSource {
  if (!isRecordSource(source) || !source.frame) return source;
  const { frame: _frame, ...rest } = source;
  return rest;
}

/** Runs the lists on `jobs` worker threads, `window` documents read ahead. */
export function poolExecutor(jobs: number, options: Options, pipeline: string, window: number): Executor {
  const pool = new WorkerPool(jobs, { options, pipeline });
  /**
   * A file is read by the worker; other sources are read here and their bytes copied to it, not transferred: the
   * pool posts a document again if the worker holding it dies, so the bytes must stay whole here until it answers.
   */
  const post = async (id: number, src: Source, pass: 1 | 2): Promise<{ doc?: Doc; result?: unknown }> => {
    let msg: Parameters<WorkerPool['request']>[0];
    const source = forWorker(src.source);
    if (src.file) msg = { type: 'run', pass, id, source, file: src.file };
    // a line is a view of a read chunk, and cloning a view copies its whole buffer: the line's own bytes go
    else if (src.record) msg = { type: 'run', pass, id, source, record: { bytes: ownBytes(src.record.bytes), field: src.record.field } };
    else {
      const doc = await loadDoc(id, src);
      if (doc.status !== 'kept') return { doc };
      msg = doc.raw !== undefined ? { type: 'run', pass, id, source, text: doc.raw } : { type: 'run', pass, id, source, bytes: ownBytes(doc.bytes!) };
    }
    const reply = await pool.request(msg, msg.bytes?.length ?? msg.record?.bytes.length ?? msg.text?.length ?? 0);
    if (reply.type !== 'done') throw new Error('unexpected answer from a worker');
    return { result: reply.result };
  };
  return {
    window,
    statistics: async (id, src) => {
      try {
        const r = await post(id, src, 1);
        return r.doc ? { status: r.doc.status } : (r.result as StatsResult);
      } catch {
        // the document fails again, and is reported, in pass 2
        return { status: 'error' };
      }
    },
    clean: async (id, src) => {
      try {
        const r = await post(id, src, 2);
        if (r.doc) return slimDoc(r.doc);
        const doc = unpackDoc(r.result as Doc);
        // the worker parsed a record (its id, its text's span); the line itself stayed here, for the writer
        doc.source = isRecordSource(src.source) ? ({ ...doc.source, frame: src.source.frame } as RecordSource) : src.source;
        return doc;
      } catch (err) {
        const doc = docFromRead(id, src.source, { ok: true, bytes: new Uint8Array(0) });
        doc.status = 'error';
        doc.findings.push({ code: 'internal-error', severity: 'error', stage: 'worker', args: { stage: 'worker', reason: (err as Error).message } });
        return slimDoc(doc);
      }
    },
    shareCorpus: (state) => pool.broadcast({ type: 'corpus', shipped: shareCorpus(state) }),
    timings: () => pool.timings(),
    busy: () => pool.busy(),
    close: () => pool.close(),
  };
}
