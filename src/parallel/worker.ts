/**
 * A pool worker: runs the per-document lists of the pipeline (`statistics`
 * for pass 1, `clean` for pass 2) on documents posted by the main thread and
 * posts back only what the main thread needs (see slim.ts).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createCorpusState } from '../corpus.js';
import { runStages, type Context, type Stage, type StageTimings } from '../stage.js';
import type { FromWorker, ToWorker, WorkerInit } from './protocol.js';
import { reviveCorpus } from './share.js';
import { docFromRead, readFileDoc } from './load.js';
import { readRecord, type RecordSource } from '../io/jsonl.js';
import { docTransferables, slimDoc, transferables } from './slim.js';

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
    const doc = msg.file
      ? await readFileDoc(msg.id, msg.source, msg.file, timings[msg.pass])
      : msg.record
        ? docFromRead(msg.id, msg.source, readRecord(msg.source as RecordSource, msg.record.bytes, msg.record.field))
        : docFromRead(msg.id, msg.source, { ok: true, bytes: msg.bytes ?? new Uint8Array(0), text: msg.text });
    ctx.timings = timings[msg.pass];
    if (msg.pass === 1) {
      runStages(doc, lists.statistics, ctx);
      const result = { status: doc.status, stats: doc.stats };
      port.postMessage({ type: 'done', task: msg.task, pass: 1, result } satisfies FromWorker, transferables(Object.values(doc.stats ?? {})));
    } else {
      runStages(doc, lists.clean, ctx);
      slimDoc(doc);
      port.postMessage({ type: 'done', task: msg.task, pass: 2, result: doc } satisfies FromWorker, docTransferables(doc));
    }
  }
});
