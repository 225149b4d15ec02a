/**
 * A small pool of worker threads for the per-document work.
 *
 * Written here rather than taken from piscina or tinypool: the pool only has
 * to post documents in batches, keep two batches in flight per worker,
 * broadcast the corpus state once between the passes and collect stage
 * timings — about two hundred lines — and owning it keeps message shapes and
 * failure handling (a crashed worker fails only the document that crashed it;
 * the others it held are posted again) in plain view. The caller keeps input
 * order (run.ts).
 */
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { sumPassTimings, type PassTimings } from '../../stage.js';
import type { FromWorker, RunTask, ToWorker, WorkerInit, WorkerReady } from './protocol.js';

/** Workers replaced after dying, per pool slot, before the pool gives up (a worker that cannot even start would otherwise be restarted forever). */
const MAX_RESTARTS_PER_WORKER = 3;
/**
 * Documents per message, at most. Each message costs both threads a wake-up and a (de)serialisation call
 * whatever its size: one document per message spent ~100 µs of CPU per document on a loaded machine (profile of
 * a 64 MB JSON Lines run, 2026-11-23). A batch is sent once the queue has that many, or at once when a worker idles.
 */
const BATCH_DOCS = 8;
/** Bytes of input per message, at most (a batch of large documents is cut short), so one message stays small. */
const BATCH_BYTES = 1 << 20;
/** Batches posted to one worker before it answers: one being worked on, one waiting, so no worker idles on a round trip. */
const BATCHES_IN_FLIGHT_PER_WORKER = 2;

interface Pending {
  resolve(msg: FromWorker): void;
  reject(err: Error): void;
}

/** A task posted to a worker: how to answer it, and the job itself when it can be posted again. */
interface Held {
  pending: Pending;
  job?: Job;
}

interface Slot {
  worker: Worker;
  /** Where the worker answers: a port of its own, so that `poll` can take answers in without the event loop. */
  replies: MessagePort;
  /** Tasks posted and not answered, by task number. */
  inFlight: Map<number, Held>;
  /** Batches posted and not answered. */
  batches: number;
  /** Holds a job posted again, which must be alone on its worker (see `fail`). */
  exclusive: boolean;
  /** Set once the worker has loaded the pipeline (its first message); nothing is posted to it before. */
  ready: boolean;
}

interface Job {
  msg: RunTask;
  pending: Pending;
  bytes: number;
  /** Set once the job was held by a worker that died: it is posted again alone, and fails if that worker dies too. */
  retried?: boolean;
}

export class WorkerPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private flushScheduled = false;
  private nextTask = 0;
  private closed = false;
  /** The last broadcast, replayed to a worker that replaces a dead one. */
  private state?: ToWorker;
  private restarts = 0;
  /** Set once workers keep dying: every request fails with it. */
  private broken?: Error;

  constructor(
    readonly size: number,
    /** All but the answer port, which each worker gets its own of. */
    private readonly init: Omit<WorkerInit, 'replies'>,
    private readonly script: URL = new URL('./worker.js', import.meta.url),
    /** Post documents to a worker before it has started, rather than leave them to the main thread (see RunSettings.eagerWorkers). */
    private readonly eager = false,
  ) {
    for (let i = 0; i < size; i++) this.slots.push(this.spawn());
  }

  /**
   * Post a task; resolves with the worker's answer, rejects if the worker dies with it. `bytes` (the size of the
   * input it carries) only shapes batches. Tasks posted in one turn of the event loop travel together.
   */
  request(msg: Omit<RunTask, 'task'>, bytes = 0): Promise<FromWorker> {
    return new Promise((resolve, reject) => {
      if (this.broken) return reject(this.broken);
      this.queue.push({ msg: { ...msg, task: this.nextTask++ }, pending: { resolve, reject }, bytes });
      if (this.queue.length >= BATCH_DOCS * this.slots.length) this.dispatch();
      else if (!this.flushScheduled) {
        this.flushScheduled = true;
        setImmediate(() => {
          this.flushScheduled = false;
          this.dispatch();
        });
      }
    });
  }

  /** Send the same message to every worker (the corpus state after pass 1); messages keep their order per worker. */
  broadcast(msg: ToWorker): void {
    this.state = msg;
    for (const slot of this.slots) slot.worker.postMessage(msg);
  }

  /** Stage timings summed over the workers, per pass. */
  async timings(): Promise<PassTimings> {
    const answers = await Promise.all(
      this.slots.map(
        (slot) =>
          new Promise<FromWorker>((resolve, reject) => {
            const task = this.nextTask++;
            slot.inFlight.set(task, { pending: { resolve, reject } });
            slot.batches++;
            slot.worker.postMessage({ type: 'timings', task } satisfies ToWorker);
          }),
      ),
    );
    return sumPassTimings(answers.flatMap((a) => (a.type === 'timings' ? [a.timings] : [])));
  }

  /** Milliseconds each worker has spent working (not waiting for messages) so far. */
  busy(): number[] {
    return this.slots.map((s) => s.worker.performance.eventLoopUtilization().active);
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
    for (const s of this.slots) s.replies.close();
  }

  private spawn(): Slot {
    const { port1: replies, port2 } = new MessageChannel();
    const worker = new Worker(this.script, { workerData: { ...this.init, replies: port2 }, transferList: [port2] });
    const slot: Slot = { worker, replies, inFlight: new Map(), batches: 0, exclusive: false, ready: this.eager };
    if (this.state) worker.postMessage(this.state);
    replies.on('message', (reply: FromWorker | FromWorker[] | WorkerReady) => {
      this.take(slot, reply);
      this.dispatch();
    });
    const fail = (err: Error) => {
      // an answer the worker sent before it died may still come: its documents are posted again below instead
      slot.replies.close();
      const held = [...slot.inFlight.values()];
      slot.inFlight.clear();
      slot.batches = 0;
      slot.exclusive = false;
      // A worker holds a batch or two: only the document that killed it should fail. Each of the others (its
      // message was copied, not transferred, so it is still whole here) is posted again, alone; one that kills
      // that worker too fails.
      const retry: Job[] = [];
      for (const h of held) {
        if (this.closed || !h.job || h.job.retried) h.pending.reject(err);
        else {
          h.job.retried = true;
          retry.push(h.job);
        }
      }
      if (this.closed) return;
      this.queue.unshift(...retry.sort((a, b) => a.msg.task - b.msg.task));
      const i = this.slots.indexOf(slot);
      if (i < 0) return;
      if (++this.restarts > MAX_RESTARTS_PER_WORKER * this.size) {
        this.broken = new Error(`worker threads keep failing (last: ${err.message})`);
        for (const job of this.queue.splice(0)) job.pending.reject(this.broken);
        this.slots.splice(i, 1);
        return;
      }
      // replace the dead worker so the run goes on
      this.slots[i] = this.spawn();
      this.dispatch();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => {
      if (!this.closed && this.slots.includes(slot)) fail(new Error(`worker stopped with exit code ${code}`));
    });
    return slot;
  }

  /**
   * Take in the answers that have arrived (resolving their requests) and refill the workers, without waiting for the
   * event loop: a caller that works between requests (the main thread running documents itself) calls it between
   * documents, or the workers would idle until it next awaits something.
   */
  poll(): void {
    for (const slot of this.slots) {
      for (let m = receiveMessageOnPort(slot.replies); m; m = receiveMessageOnPort(slot.replies)) this.take(slot, m.message as FromWorker | FromWorker[] | WorkerReady);
    }
    this.dispatch(false);
  }

  /**
   * Whether the workers hold, with what is queued for them, as many documents as they take at once (full batches in
   * all their places). Workers still loading take none: a document posted to one would hold up every document
   * finished after it (input order) for the ~0.3 s a worker takes to start.
   */
  full(): boolean {
    let n = this.queue.length;
    let ready = 0;
    for (const slot of this.slots) {
      n += slot.inFlight.size;
      if (slot.ready) ready++;
    }
    return n >= ready * BATCH_DOCS * BATCHES_IN_FLIGHT_PER_WORKER;
  }

  private take(slot: Slot, reply: FromWorker | FromWorker[] | WorkerReady): void {
    if (!Array.isArray(reply) && reply.type === 'ready') {
      slot.ready = true;
      return;
    }
    slot.batches--;
    slot.exclusive = false;
    for (const msg of Array.isArray(reply) ? reply : [reply]) {
      const held = slot.inFlight.get(msg.task);
      slot.inFlight.delete(msg.task);
      held?.pending.resolve(msg);
    }
  }

  /** Post queued tasks in batches to the workers with room, spreading them evenly. */
  private dispatch(partial = true): void {
    while (this.queue.length > 0) {
      // a job posted again waits for a worker with nothing else in hand, so that if it kills it, it fails alone
      const alone = this.queue[0].retried === true;
      const open = this.slots.filter((s) => s.ready && !s.exclusive && (alone ? s.batches === 0 : s.batches < BATCHES_IN_FLIGHT_PER_WORKER));
      if (open.length === 0) return;
      const best = open.reduce((a, b) => (b.batches < a.batches ? b : a));
      const size = Math.min(BATCH_DOCS, Math.ceil(this.queue.length / open.length));
      // between documents (`poll`) a short batch goes only to a worker with nothing in hand
      if (!partial && size < BATCH_DOCS && best.batches > 0) return;
      const batch: RunTask[] = [];
      let bytes = 0;
      while (batch.length < size && this.queue.length > 0 && (batch.length === 0 || (bytes + this.queue[0].bytes <= BATCH_BYTES && !this.queue[0].retried))) {
        const job = this.queue.shift()!;
        best.inFlight.set(job.msg.task, { pending: job.pending, job });
        batch.push(job.msg);
        bytes += job.bytes;
        if (job.retried) {
          best.exclusive = true;
          break;
        }
      }
      best.batches++;
      best.worker.postMessage({ type: 'batch', tasks: batch } satisfies ToWorker);
    }
  }
}
