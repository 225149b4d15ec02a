/**
 * A pool worker: runs the per-document lists of the pipeline (`statistics`
 * for pass 1, `clean` for pass 2) on documents posted by the main thread and
 * posts back only what the main thread needs (see slim.ts).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createCorpusState } from '../corpus.js';
import type { Doc } from '../doc.js';
import type { Context, PassTimings, Stage } from '../stage.js';
import type { FromWorker, RunTask, ToWorker, WorkerInit, WorkerReady } from './protocol.js';
import { reviveCorpus } from './share.js';
import { docFromRead, placedRecordDoc, readFileDoc, recordDoc } from './load.js';
import { ChunkReader } from '../io/chunk-reader.js';
import { transferables } from './slim.js';
import { packDoc } from './wire.js';
import { passLists, readAs, runClean, runCleanSpilled, runStatistics } from './passes.js';
import { SpillReader, SpillWriter } from '../io/spill.js';

const init = workerData as WorkerInit;
const lists = passLists((await import(init.pipeline)) as { statistics: readonly Stage[]; clean: readonly Stage[] });
const writer = init.spill ? new SpillWriter(init.spill.dir, init.spill.budget) : undefined;
const reader = init.spill ? new SpillReader(init.spill.dir) : undefined;
/** JSON Lines records' lines, read from their files here (RecordPlace). */
const lines = new ChunkReader();
const timings: PassTimings = { 1: {}, 2: {} };
const ctx: Context = { options: init.options, corpus: createCorpusState() };
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
    // a file can be read again here; other sources (a record's line, a pipe's bytes) the main thread posts again
    if (!msg.file) return { type: 'spill-miss', task: msg.task };
  }
  const as = readAs(msg.pass, writer);
  const doc = msg.file
    ? await readFileDoc(msg.id, msg.source, msg.file, timings[msg.pass])
    : msg.record?.bytes
      ? await recordDoc(msg.id, msg.source, { bytes: msg.record.bytes, field: msg.record.field }, as, timings[msg.pass])
      : msg.record?.at
        ? await placedRecordDoc(msg.id, msg.source, msg.record.at, msg.record.field, lines, as, timings[msg.pass])
      : docFromRead(msg.id, msg.source, { ok: true, bytes: msg.bytes ?? new Uint8Array(0), text: msg.text });
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
