/**
 * Messages between the main thread and the workers of the pool.
 */
import type { Doc, DocSource } from '../doc.js';
import type { Options } from '../options.js';
import type { PassTimings } from '../stage.js';
import type { StatsResult } from './slim.js';
import type { SpillPlace, SpillRef } from '../io/spill.js';
import type { RecordPlace } from '../io/jsonl.js';
import type { MessagePort } from 'node:worker_threads';

/** Given to every worker at start. */
export interface WorkerInit {
  options: Options;
  /** URL of the module whose `statistics` and `clean` lists the worker runs. */
  pipeline: string;
  /** The spill (io/spill.ts): pass 1 keeps prepared documents there, pass 2 reads them back. */
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
   * Exactly one of: the bytes, text already decoded, a JSON Lines record's line to parse, a file the worker reads
   * itself, or (pass 2) where pass 1 kept the prepared document (with a file, as well: it is read if that fails).
   */
  bytes?: Uint8Array;
  text?: string;
  /** A record's line: its bytes, or (a regular file) where to read them. */
  record?: { bytes?: Uint8Array; field: string; at?: RecordPlace };
  file?: { abs: string; maxBytes: number };
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

/**
 * The bytes as a Uint8Array that owns its whole ArrayBuffer, so that posting
 * it to a worker copies only these bytes — not the larger buffer it may be a
 * view of (e.g. the read chunk a JSON Lines record's line sits in).
 */
export function ownBytes(bytes: Uint8Array): Uint8Array {
  const owns = bytes.buffer instanceof ArrayBuffer && bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
  // not `bytes.slice()`: on a Buffer that is a view of the same memory
  return owns ? bytes : new Uint8Array(bytes);
}
