/**
 * A run's inputs cut into shards for a sharded run (engine/shards.ts): the formats' side. The inputs are listed
 * once, in the order one process reads them (inputs that named nothing first, then the files), to learn each one's
 * documents and bytes; then the documents, in that order, are cut into `tasks` runs of about equal bytes. A file of
 * records (JSON Lines, WARC, Parquet) may be cut between records, so that one large file still spreads over the
 * tasks; within a file, records are taken to be of about equal size (the listing keeps no per-record figure, so
 * that the plan of a corpus of billions of records stays small).
 */
import fs from 'node:fs';
import type { Options } from '../options.js';
import type { Source } from '../engine/source.js';
import type { InputFile, MissingInput } from '../io/inputs.js';
import { fileChunks } from './jsonl.js';
import { documentFormat } from './document.js';
import { formatOf, listOptions, missingSource, type JsonlChoice } from './sources.js';

/** Records `[from, to)` of input `input` (an index into the missing inputs, then the files). */
export interface Piece {
  input: number;
  from: number;
  to: number;
}

export interface Shard {
  /** Global id (input position) of the shard's first document. */
  firstId: number;
  docs: number;
  /** Bytes of its documents, as the formats measure them (decompressed where the records are). */
  bytes: number;
  pieces: Piece[];
}

/** Documents and bytes of each input: the missing ones (one failed document each), then the files. */
export interface InputSizes {
  docs: number[];
  bytes: number[];
}

/** List every input once: its documents and their bytes. */
export async function sizeInputs(files: InputFile[], missing: MissingInput[], options: Options, jsonl: JsonlChoice): Promise<InputSizes> {
  const docs: number[] = missing.map(() => 1);
  const bytes: number[] = missing.map(() => 0);
  const document = documentFormat();
  const list = listOptions(options, jsonl);
  for (const f of files) {
    const format = formatOf(f, jsonl, document);
    let onDisk = 0;
    try {
      onDisk = fs.statSync(f.abs).size;
    } catch {
      // fails in the run, as one document
    }
    if (format.name === 'document') {
      docs.push(1);
      bytes.push(onDisk);
      continue;
    }
    let n = 0;
    let sum = 0;
    for await (const src of format.sources(f, () => fileChunks(f.abs), list)) {
      n++;
      sum += src.locator.size ?? 0;
    }
    docs.push(n);
    bytes.push(sum > 0 ? sum : onDisk);
  }
  return { docs, bytes };
}

/**
 * Cut the documents into `tasks` shards of consecutive documents and about equal bytes: a document goes to the
 * shard its middle byte falls in, counting bytes over the whole run. Shards may be empty (more tasks than documents).
 */
export function cutShards(sizes: InputSizes, tasks: number): Shard[] {
  const total = sizes.bytes.reduce((a, b) => a + b, 0);
  const per = total / tasks;
  const shards: Shard[] = Array.from({ length: tasks }, () => ({ firstId: 0, docs: 0, bytes: 0, pieces: [] }));
  const shardAt = (byte: number) => (per > 0 ? Math.min(tasks - 1, Math.floor(byte / per)) : 0);
  let before = 0;
  let id = 0;
  const ids: number[] = [];
  for (let input = 0; input < sizes.docs.length; input++) {
    const d = sizes.docs[input];
    const b = sizes.bytes[input];
    const each = d > 0 ? b / d : 0;
    let from = 0;
    while (from < d) {
      const k = shardAt(before + (from + 0.5) * each);
      // the first record past shard k's end: its middle byte reaches the next shard
      let to = each > 0 && k < tasks - 1 ? Math.ceil(((k + 1) * per - before) / each - 0.5) : d;
      to = Math.min(d, Math.max(from + 1, to));
      const s = shards[k];
      if (s.docs === 0) ids[k] = id;
      s.pieces.push({ input, from, to });
      s.docs += to - from;
      s.bytes += (to - from) * each;
      id += to - from;
      from = to;
    }
    before += b;
  }
  // an empty shard starts where the documents before it end
  let next = 0;
  for (let k = 0; k < tasks; k++) {
    shards[k].firstId = shards[k].docs > 0 ? ids[k] : next;
    next = shards[k].firstId + shards[k].docs;
    shards[k].bytes = Math.round(shards[k].bytes);
  }
  return shards;
}

/** The sources of one shard's pieces, in input order (call once per pass). */
export function shardSources(files: InputFile[], missing: MissingInput[], options: Options, jsonl: JsonlChoice, pieces: readonly Piece[]): () => AsyncIterable<Source> {
  const list = listOptions(options, jsonl);
  return async function* () {
    const document = documentFormat();
    for (const { input, from, to } of pieces) {
      if (input < missing.length) {
        yield missingSource(missing[input]);
        continue;
      }
      const f = files[input - missing.length];
      let i = 0;
      for await (const src of formatOf(f, jsonl, document).sources(f, () => fileChunks(f.abs), list)) {
        if (i >= from) yield src;
        if (++i >= to) break;
      }
    }
  };
}
