/**
 * A pool worker: runs the per-document lists of the pipeline (`statistics`
 * for pass 1, `clean` for pass 2) on documents posted by the main thread and
 * posts back only what the main thread needs (see slim.ts).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createCorpusState } from '../../corpus/state.js';
import type { Doc } from '../../record/doc.js';
import { pipelineOff, type Context, type PassTimings, type Stage } from '../../stage.js';
import type { FromWorker, RunTask, ToWorker, WorkerInit, WorkerReady } from './protocol.js';
import { reviveCorpus } from './share.js';
import { loadDoc } from '../load.js';
import type { ReadLocator } from '../source.js';
import { transferables } from '../../record/slim.js';
import { packDoc } from '../../record/wire.js';
import { passLists, readAs, runClean, runCleanSpilled, runStatistics } from '../passes.js';
import { SpillReader, SpillWriter } from '../spill.js';

const init = workerData as WorkerInit;
const pipeline = (await import(init.pipeline)) as { statistics: readonly Stage[]; clean: readonly Stage[]; corpus?: readonly Stage[] };
const lists = passLists(pipeline);
const writer = init.spill ? new SpillWriter(init.spill.dir, init.spill.budget) : undefined;
const reader = init.spill ? new SpillReader(init.spill.dir) : undefined;
/** Reads each document's locator, whatever its format: the engine knows none. */
const { readLocator } = (await import(init.reader)) as { readLocator: ReadLocator };
const timings: PassTimings = { 1: {}, 2: {} };
// --skip resolved over the whole pipeline, as on the main thread (engine/run.ts)
const ctx: Context = { options: init.options, corpus: createCorpusState(), off: pipelineOff(pipeline, init.options.skip) };
const port = parentPort!;
const out = init.replies;

port.on('message', async (msg: ToWorker) => {
  if (msg.type === 'corpus') {
    ctx.corpus = reviveCorpus(msg.shipped);
  } else if (msg.type === 'timings') {
    out.postMessage({ type: 'timings', task: msg.task, timings } satisfies FromWorker);
  } else {
    // one answer for the whole batch, in the order of its tasks
    const replies: FromWorker[] = [];
    const transfer: ArrayBuffer[] = [];
    try {
      for (const task of msg.tasks) replies.push(await runTask(task, transfer));
    } finally {
      // the batch's kept documents are written before it is answered, and no file stays open between batches (a
      // worker that is stopped does not close its files); if writing failed, they are read again in pass 2
      if (writer && !writer.close()) for (const r of replies) if (r.type === 'done' && r.pass === 1) delete r.result.spill;
    }
    out.postMessage(replies, transfer);
  }
});

// the pool posts documents to a worker only once it is ready: until then the main thread runs them itself
out.postMessage({ type: 'ready' } satisfies WorkerReady);

/** Run one document through its pass; adds the buffers its answer can hand over to `transfer`. */
async function runTask(msg: RunTask, transfer: ArrayBuffer[]): Promise<FromWorker> {
  ctx.timings = timings[msg.pass];
  if (msg.spill && reader) {
    const kept = runCleanSpilled(msg.id, msg.spill, reader, lists, ctx);
    if (kept) return answer(msg, kept, transfer);
    // a locator that says where to read is read again here; one that carried bytes the main thread posts again
    if (!msg.locator) return { type: 'spill-miss', task: msg.task };
  }
  if (!msg.locator) throw new Error('a document to read came without its locator');
  const doc = await loadDoc(readLocator, msg.id, msg.source, msg.locator, readAs(msg.pass, writer), timings[msg.pass]);
  if (msg.pass === 1) {
    const result = runStatistics(doc, lists, ctx, writer);
    transfer.push(...transferables(Object.values(doc.stats ?? {})));
    return { type: 'done', task: msg.task, pass: 1, result };
  }
  return answer(msg, runClean(doc, lists, ctx), transfer);
}

/** The pass-2 answer: the document's fields for the main thread, its blocks, removals and typed arrays in one buffer (wire.ts). */
function answer(msg: RunTask, doc: Doc, transfer: ArrayBuffer[]): FromWorker {
  const packed = packDoc(doc);
  transfer.push(packed.packed.ints.buffer as ArrayBuffer);
  return { type: 'done', task: msg.task, pass: 2, result: packed };
}
