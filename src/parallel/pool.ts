/**
 * A small pool of worker threads for the per-document work.
 *
 * Written here rather than taken from piscina or tinypool: the pool only has
 * to post a document's bytes with a transfer list, keep two documents in
 * flight per worker, broadcast the corpus state once between the passes and
 * collect stage timings — about a hundred lines — and owning it keeps message
 * shapes, transfer lists and failure handling (a crashed worker fails only the
 * documents it held) in plain view. The caller keeps input order (run.ts).
 */
import { Worker } from 'node:worker_threads';
import type { StageTimings } from '../stage.js';
import type { FromWorker, ToWorker, WorkerInit } from './protocol.js';

/** Workers replaced after dying, per pool slot, before the pool gives up (a worker that cannot even start would otherwise be restarted forever). */
const MAX_RESTARTS_PER_WORKER = 3;
/** Documents posted to one worker before it answers: one being worked on, one waiting, so no worker idles on a round trip. */
const IN_FLIGHT_PER_WORKER = 2;

interface Pending {
  resolve(msg: FromWorker): void;
  reject(err: Error): void;
}

interface Slot {
  worker: Worker;
  inFlight: Map<number, Pending>;
}

export class WorkerPool {
  private readonly slots: Slot[] = [];
  private readonly queue: { msg: ToWorker & { task: number }; transfer: ArrayBuffer[]; pending: Pending }[] = [];
  private nextTask = 0;
  private closed = false;
  /** The last broadcast, replayed to a worker that replaces a dead one. */
  private state?: ToWorker;
  private restarts = 0;
  /** Set once workers keep dying: every request fails with it. */
  private broken?: Error;

  constructor(
    readonly size: number,
    private readonly init: WorkerInit,
    private readonly script: URL = new URL('./worker.js', import.meta.url),
  ) {
    for (let i = 0; i < size; i++) this.slots.push(this.spawn());
  }

  /** Post a task; resolves with the worker's answer, rejects if the worker dies with it. */
  request(msg: Omit<Extract<ToWorker, { type: 'run' }>, 'task'>, transfer: ArrayBuffer[] = []): Promise<FromWorker> {
    return new Promise((resolve, reject) => {
      if (this.broken) return reject(this.broken);
      this.queue.push({ msg: { ...msg, task: this.nextTask++ } as ToWorker & { task: number }, transfer, pending: { resolve, reject } });
      this.dispatch();
    });
  }

  /** Send the same message to every worker (the corpus state after pass 1); messages keep their order per worker. */
  broadcast(msg: ToWorker): void {
    this.state = msg;
    for (const slot of this.slots) slot.worker.postMessage(msg);
  }

  /** Stage timings summed over the workers, per pass. */
  async timings(): Promise<{ 1: StageTimings; 2: StageTimings }> {
    const sum: { 1: StageTimings; 2: StageTimings } = { 1: {}, 2: {} };
    const answers = await Promise.all(
      this.slots.map(
        (slot) =>
          new Promise<FromWorker>((resolve, reject) => {
            const task = this.nextTask++;
            slot.inFlight.set(task, { resolve, reject });
            slot.worker.postMessage({ type: 'timings', task } satisfies ToWorker);
          }),
      ),
    );
    for (const a of answers) {
      if (a.type !== 'timings') continue;
      for (const pass of [1, 2] as const) for (const [name, ms] of Object.entries(a.timings[pass])) sum[pass][name] = (sum[pass][name] ?? 0) + ms;
    }
    return sum;
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }

  private spawn(): Slot {
    const worker = new Worker(this.script, { workerData: this.init });
    const slot: Slot = { worker, inFlight: new Map() };
    if (this.state) worker.postMessage(this.state);
    worker.on('message', (msg: FromWorker) => {
      const p = slot.inFlight.get(msg.task);
      slot.inFlight.delete(msg.task);
      p?.resolve(msg);
      this.dispatch();
    });
    const fail = (err: Error) => {
      for (const p of slot.inFlight.values()) p.reject(err);
      slot.inFlight.clear();
      if (this.closed) return;
      const i = this.slots.indexOf(slot);
      if (i < 0) return;
      if (++this.restarts > MAX_RESTARTS_PER_WORKER * this.size) {
        this.broken = new Error(`worker threads keep failing (last: ${err.message})`);
        for (const job of this.queue.splice(0)) job.pending.reject(this.broken);
        this.slots.splice(i, 1);
        return;
      }
      // replace the dead worker so the run goes on; only the documents it held fail
      this.slots[i] = this.spawn();
      this.dispatch();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => {
      if (!this.closed && this.slots.includes(slot)) fail(new Error(`worker stopped with exit code ${code}`));
    });
    return slot;
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      let best: Slot | undefined;
      for (const s of this.slots) if (s.inFlight.size < IN_FLIGHT_PER_WORKER && (!best || s.inFlight.size < best.inFlight.size)) best = s;
      if (!best) return;
      const job = this.queue.shift()!;
      best.inFlight.set(job.msg.task, job.pending);
      best.worker.postMessage(job.msg, job.transfer);
    }
  }
}
