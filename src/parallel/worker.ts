/**
 * A pool worker: runs the per-document lists of the pipeline (`statistics`
 * for pass 1, `clean` for pass 2) on documents posted by the main thread and
 * posts back only what the main thread needs (see slim.ts).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createCorpusState } from '../corpus.js';
import { runStages, type Context, type Stage, type StageTimings } from '../stage.js';
import type { FromWorker, RunTask, ToWorker, WorkerInit } from './protocol.js';
import { reviveCorpus } from './share.js';
import { docFromRead, readFileDoc, recordDoc } from './load.js';
import { transferables } from './slim.js';
import { packDoc } from './wire.js';

const init = workerData as WorkerInit;
const lists = (await import(init.pipeline)) as { statistics: readonly Stage[]; clean: readonly Stage[] };
const timings: { 1: StageTimings; 2: StageTimings } = { 1: {}, 2: {} };
const ctx: Context = { options: init.options, corpus: createCorpusState() };
const port = parentPort!;

port.on('message', async (msg: ToWorker) => {
  if (msg.type === 'corpus') {
    ctx.corpus = reviveCorpus(msg.shipped);
  } else if (msg.type === 'timings') {
    port.postMessage({ type: 'timings', task: msg.task, timings } satisfies FromWorker);
  } else {
    // one answer for the whole batch, in the order of its tasks
    const replies: FromWorker[] = [];
    const transfer: ArrayBuffer[] = [];
    for (const task of msg.tasks) replies.push(await runTask(task, transfer));
    port.postMessage(replies, transfer);
  }
});

/** Run one document through its pass; adds the buffers its answer can hand over to `transfer`. */
async function runTask(msg: RunTask, transfer: ArrayBuffer[]): Promise<FromWorker> {
  const doc = msg.file
    ? await readFileDoc(msg.id, msg.source, msg.file, timings[msg.pass])
    : msg.record
      ? await recordDoc(msg.id, msg.source, msg.record, msg.pass, timings[msg.pass])
      : docFromRead(msg.id, msg.source, { ok: true, bytes: msg.bytes ?? new Uint8Array(0), text: msg.text });
  ctx.timings = timings[msg.pass];
  if (msg.pass === 1) {
    runStages(doc, lists.statistics, ctx);
    transfer.push(...transferables(Object.values(doc.stats ?? {})));
    return { type: 'done', task: msg.task, pass: 1, result: { status: doc.status, stats: doc.stats } };
  }
  runStages(doc, lists.clean, ctx);
  const packed = packDoc(doc);
  transfer.push(packed.packed.ints.buffer as ArrayBuffer);
  return { type: 'done', task: msg.task, pass: 2, result: packed };
}
