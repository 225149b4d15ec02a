/**
 * One document through one pass, the same on the main thread (`--jobs 1`) and
 * in a worker, with the spill in between: pass 1 runs the stages both lists
 * begin with (the `prepare` stages), keeps the document as they left it
 * (prepared.ts, engine/spill.ts), then runs its own stages; pass 2 starts from the
 * kept document and runs only what follows those shared stages. A document
 * prepared once gives the same record as one prepared twice, so the output does
 * not depend on whether it was kept.
 */
import type { Doc } from '../record/doc.js';
import { decodePrepared, encodePrepared } from '../record/prepared.js';
import { SpillReader, SpillWriter, type SpillRef } from './spill.js';
import { runStages, timed, type Context, type Stage } from '../stage.js';
import type { StatsResult } from '../record/slim.js';

/** The per-document lists, cut where they stop sharing stages. */
export interface PassLists {
  /** The stages both lists begin with; empty when they share none (then nothing is kept). */
  shared: readonly Stage[];
  /** What pass 1 runs after them. */
  statistics: readonly Stage[];
  /** What pass 2 runs after them. */
  clean: readonly Stage[];
}

/** Cut `statistics` and `clean` after their common head (the same stage objects, in the same order). */
export function passLists(lists: { statistics: readonly Stage[]; clean: readonly Stage[] }): PassLists {
  let n = 0;
  while (n < lists.statistics.length && n < lists.clean.length && lists.statistics[n] === lists.clean[n]) n++;
  return { shared: lists.statistics.slice(0, n), statistics: lists.statistics.slice(n), clean: lists.clean.slice(n) };
}

/**
 * How pass `pass` reads a document: a document pass 1 keeps (with a spill `writer`) is read as pass 2 reads it, so
 * that the kept copy serves pass 2 (a record's text span is noted for the writer).
 */
export function readAs(pass: 1 | 2, writer?: SpillWriter): 1 | 2 {
  return pass === 1 && writer ? 2 : pass;
}

/**
 * Pass 1 on a read document. With a `writer`, the document is kept after the
 * shared stages (when it is still to be cleaned) and the result says where.
 */
export function runStatistics(doc: Doc, lists: PassLists, ctx: Context, writer?: SpillWriter): StatsResult {
  runStages(doc, lists.shared, ctx);
  let spill: SpillRef | undefined;
  if (writer && lists.shared.length > 0 && doc.status === 'kept') spill = timed(ctx.timings, 'spill', () => writer.append(encodePrepared(doc)));
  runStages(doc, lists.statistics, ctx);
  return { status: doc.status, stats: doc.stats, ...(spill ? { spill } : {}) };
}

/** Pass 2 on a read document: every stage of `clean`. */
export function runClean(doc: Doc, lists: PassLists, ctx: Context): Doc {
  runStages(doc, lists.shared, ctx);
  return runStages(doc, lists.clean, ctx);
}

/**
 * Pass 2 from the spill: document `id` as pass 1 kept it, then what `clean`
 * runs after the shared stages; undefined when it cannot be read back (a write
 * that failed): the caller then reads the document from its source.
 */
export function runCleanSpilled(id: number, ref: SpillRef, reader: SpillReader, lists: PassLists, ctx: Context): Doc | undefined {
  let doc: Doc;
  try {
    doc = timed(ctx.timings, 'spill-read', () => decodePrepared(reader.read(ref), id));
  } catch {
    return undefined;
  }
  return runStages(doc, lists.clean, ctx);
}
