/**
 * The engine's side of a sharded run: the corpus cut into shards of consecutive documents, each pass's
 * per-document work done by one task per shard, and what is corpus-wide merged, not rebuilt. Every step is a
 * function of files in a work folder, so that any number of processes on any number of machines (Slurm array
 * jobs, local processes) can run them, and a rerun redoes only the steps whose file is missing:
 *
 *   statistics (one task per shard): pass 1 on the shard's documents; each document's statistics (block hashes,
 *     near-copy signatures), unmerged, in a frame file;
 *   merge (one task): every shard's statistics folded in global input order by the stages' own `merge` — the
 *     same calls, in the same order, as one process makes — into the corpus state, of which it writes what pass 2
 *     reads (the pipeline's `corpusForCleaning`: the block counts high enough to matter, the near-copy verdicts);
 *   clean (one task per shard): pass 2's per-document work on that state; each cleaned document (its text, output,
 *     removals and the signatures the corpus stages read) in a frame file;
 *   finish (one task): the in-order `corpus` stages (duplicates, paragraphs already kept) over every shard's
 *     documents in global input order, handing each to `onDoc` as one process does — so the output and the report
 *     are the same. It holds what one process holds: the signatures and paragraph hashes of kept documents; the
 *     documents' text streams through, one at a time.
 *
 * A shard's documents keep their global ids (`firstId` onwards), so ids, clusters and report entries are those of
 * one process. The engine knows no format: the caller gives each shard's sources.
 */
import fs from 'node:fs';
import type { Doc } from '../record/doc.js';
import type { Options } from '../options.js';
import * as defaultPipeline from '../pipeline.js';
import { foldDocument, pipelineOff, runStages, type Context } from '../stage.js';
import { createCorpusState, type CorpusState } from '../corpus/state.js';
import { decodeCorpusState, encodeCorpusState } from '../corpus/state-file.js';
import { packDoc, unpackDoc } from '../record/wire.js';
import type { StatsResult } from '../record/slim.js';
import type { Source } from './source.js';
import { runCorpus, type RunHooks, type RunSettings } from './run.js';
import { FrameWriter, readFrames } from './frames.js';
import { writeAtomic } from '../io/write.js';

/** One document's pass-1 result, as a statistics task writes it. */
interface StatsFrame {
  id: number;
  result: StatsResult;
}

/** Hooks a shard task may want: progress, and an early stop (a signal). */
export type ShardHooks = Pick<RunHooks, 'onProgress' | 'shouldStop'> & {
  /** Called after each document written (tests stop a task midway with it). */
  onWritten?(n: number): void;
};

/** Pass 1 over one shard: each document's statistics to `out`. Returns the documents done. */
export function statisticsShard(sources: () => AsyncIterable<Source>, firstId: number, options: Options, out: string, settings: RunSettings = {}, hooks: ShardHooks = {}): Promise<number> {
  return writeShard(out, hooks, (append) =>
    runCorpus(sources, options, { onDoc: () => {}, onProgress: hooks.onProgress, shouldStop: hooks.shouldStop }, {
      ...settings,
      // the spill is not used across tasks
      spill: false,
      shard: { pass: 1, firstId, onStats: (result, id) => append({ id, result: { status: result.status, stats: result.stats } } satisfies StatsFrame) },
    }),
  );
}

/**
 * Run one shard's pass with `append` writing to the frame file `out`: the file is moved into place (complete) only
 * when the pass ran to its end; stopped or failed, nothing is left in place.
 */
async function writeShard(out: string, hooks: ShardHooks, pass: (append: (value: unknown) => void) => Promise<number>): Promise<number> {
  const writer = new FrameWriter(out);
  let n = 0;
  try {
    const done = await pass((value) => {
      writer.append(value);
      hooks.onWritten?.(++n);
    });
    if (hooks.shouldStop?.()) writer.abandon();
    else writer.close();
    return done;
  } catch (err) {
    writer.abandon();
    throw err;
  }
}

/**
 * Fold the statistics of every shard, given in shard order, into the corpus state, and write it to `out`. Each
 * document's statistics go through the pass-1 stages' `merge`, in global input order, as in one process.
 */
export async function mergeShards(files: readonly string[], options: Options, out: string, lists = defaultPipeline): Promise<CorpusState> {
  const ctx: Context = { options, corpus: createCorpusState(), off: pipelineOff(lists, options.skip) };
  let expected = -1;
  for (const file of files)
    for (const frame of readFrames<StatsFrame>(file)) {
      if (expected >= 0 && frame.id !== expected) throw new Error(`${file}: document ${frame.id} where ${expected} was expected; the shards do not follow one another`);
      foldDocument(frame.result.stats, lists.statistics, ctx, frame.id);
      expected = frame.id + 1;
    }
  // only what pass 2 reads: it goes to every cleaning task
  await writeAtomic(out, encodeCorpusState(lists.corpusForCleaning?.(ctx.corpus, options) ?? ctx.corpus));
  return ctx.corpus;
}

/** Pass 2's per-document work over one shard, on the merged state in `corpusFile`: each cleaned document to `out`. */
export function cleanShard(
  sources: () => AsyncIterable<Source>,
  firstId: number,
  options: Options,
  corpusFile: string,
  out: string,
  settings: RunSettings = {},
  hooks: ShardHooks = {},
): Promise<number> {
  const corpus = decodeCorpusState(fs.readFileSync(corpusFile));
  return writeShard(out, hooks, (append) =>
    runCorpus(sources, options, { onDoc: (doc) => append(packDoc(doc)), onProgress: hooks.onProgress, shouldStop: hooks.shouldStop }, {
      ...settings,
      spill: false,
      shard: { pass: 2, firstId, corpus },
    }),
  );
}

/**
 * The finishing step as an engine: the same contract as `runCorpus`, but the documents come cleaned from the
 * shards' files (in shard order) and only the in-order `corpus` stages run here, before `onDoc`. A mode that runs
 * the corpus through an engine (the folder mode) thus writes the same files and report from a sharded run.
 */
export function finishingEngine(files: readonly string[], corpusFile: string, lists = defaultPipeline): typeof runCorpus & { held(): number } {
  let ctx: Context | undefined;
  const engine = async (_sources: Parameters<typeof runCorpus>[0], options: Options, hooks: RunHooks): Promise<number> => {
    ctx = { options, corpus: decodeCorpusState(fs.readFileSync(corpusFile)), off: pipelineOff(lists, options.skip) };
    let n = 0;
    for (const file of files)
      for (const packed of readFrames<Doc>(file)) {
        if (hooks.shouldStop?.()) return n;
        const doc = unpackDoc(packed);
        runStages(doc, lists.corpus, ctx);
        await hooks.onDoc(doc);
        hooks.onProgress?.(2, ++n);
      }
    return n;
  };
  // the state the in-order stages hold at the end: signatures, paragraph hashes and paths of the kept documents
  return Object.assign(engine, { held: () => (ctx ? heldBytes(ctx.corpus) : 0) });
}

/** Bytes the corpus state holds: what the merge and the finishing step need in memory beyond one document. */
export function heldBytes(state: CorpusState): number {
  return state.blockCounts.byteLength + (state.nearCopies?.bytes() ?? 0) + (state.dedup?.bytes() ?? 0) + (state.crossDoc?.seen.bytes() ?? 0);
}
