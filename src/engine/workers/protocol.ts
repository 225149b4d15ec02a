/**
 * Messages between the main thread and the workers of the pool.
 */
import type { Doc, DocSource } from '../../record/doc.js';
import type { Options } from '../../options.js';
import type { PassTimings } from '../../stage.js';
import type { StatsResult } from '../../record/slim.js';
import type { SpillPlace, SpillRef } from '../spill.js';
import type { Locator } from '../source.js';
import type { MessagePort } from 'node:worker_threads';

/** Given to every worker at start. */
export interface WorkerInit {
  options: Options;
  /** URL of the module whose `statistics` and `clean` lists the worker runs. */
  pipeline: string;
  /** URL of the module whose `readLocator` reads a document's bytes (source.ts). */
  reader: string;
  /** The spill (engine/spill.ts): pass 1 keeps prepared documents there, pass 2 reads them back. */
  spill?: SpillPlace;
  /** Where to answer: a port of this worker's own, which the pool can read without the event loop (pool.ts `poll`). */
  replies: MessagePort;
}

/** One document to run through a pass. */
export interface RunTask {
  type: 'run';
  task: number;
  pass: 1 | 2;
  id: number;
  source: DocSource;
  /**
   * Where the document's bytes are, which the worker reads (formats/read.ts); absent only in pass 2 with `spill`
   * when the locator carries the bytes themselves (then the worker answers `spill-miss` if the spill fails it).
   */
  locator?: Locator;
  /** Pass 2: where pass 1 kept the prepared document. */
  spill?: SpillRef;
}

/** Documents travel in batches (one message, answered by one message holding a `FromWorker` per task). */
export type ToWorker = { type: 'batch'; tasks: RunTask[] } | { type: 'corpus'; shipped: Record<string, unknown> } | { type: 'timings'; task: number };

/** Sent once by a worker, when it has loaded the pipeline and takes documents. */
export interface WorkerReady {
  type: 'ready';
}

export type FromWorker =
  /** Pass 2: the document is not in the spill where pass 1 said (a write that failed) and this worker cannot read its source. */
  | { type: 'spill-miss'; task: number }
  | { type: 'done'; task: number; pass: 1; result: StatsResult }
  | { type: 'done'; task: number; pass: 2; result: Doc }
  | { type: 'timings'; task: number; timings: PassTimings };

