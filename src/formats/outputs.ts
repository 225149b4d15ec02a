/**
 * What a folder run writes for each finished document, whatever its format: a document's text to its `.txt`, a
 * record to its file's JSON Lines output (compressed as the input was; WARC's as gzip), a Parquet row to its
 * file's Parquet output. The folder mode hands every document here, in input order, and knows no format.
 */
import path from 'node:path';
import type { Doc } from '../record/doc.js';
import type { StageTimings } from '../stage.js';
import { displayPath, type InputFile } from '../io/inputs.js';
import { writeAtomic } from '../io/write.js';
import { markWriteFailed } from '../record/write-failed.js';
import { isRecordSource, outputLine } from './jsonl.js';
import { jsonlFolderOutputs } from './folder-jsonl.js';
import { prepareEncoders } from './compression.js';
import { isRowSource, ParquetOutputs, parquetFormat, unwritableColumn } from './parquet.js';
import { formatOf, type JsonlChoice } from './sources.js';

/** An input whose output cannot be written: the run stops before anything is written, with this message. */
export class OutputRefused extends Error {}

export interface FolderOutputs {
  /** Write (or gather) `doc`'s output; the output's path as shown, or null when nothing was written for it. */
  add(doc: Doc, timings: StageTimings): Promise<string | null>;
  /** Finish every output (with `interrupted`, drop those that would be written whole only now); error sentences. */
  close(interrupted: boolean): Promise<string[]>;
}

/**
 * The outputs of a folder run of `files`, under `outDir` at `names` (from `outputNamesFor`). Checks first what must
 * hold before anything is written (a Parquet schema that can be written again), and throws `OutputRefused` if not.
 */
export async function folderOutputs(
  files: InputFile[],
  names: string[],
  choice: JsonlChoice,
  opts: { outDir: string; cwd: string; keepDuplicates: boolean },
): Promise<FolderOutputs> {
  for (const f of files.filter((f) => formatOf(f, choice) === parquetFormat)) {
    const bad = await unwritableColumn(f.abs).catch(() => undefined);
    if (bad) throw new OutputRefused(`cannot write column "${bad.column}" of ${f.display} again (${bad.reason}); nothing was written`);
  }
  // outputs that keep an input's zstd compression need its encoder loaded
  if (names.some((n) => n.endsWith('.zst'))) await prepareEncoders();
  const outputOf = new Map<string, string>(files.map((f, i) => [f.display, names[i]]));
  const { outDir, cwd } = opts;
  const records = jsonlFolderOutputs(outDir, outputOf, cwd);
  const rows = new ParquetOutputs(choice.field);
  const failed = (doc: Doc, target: string, err: unknown) => markWriteFailed(doc, displayPath(target, cwd), err);
  const time = (timings: StageTimings, t0: number) => (timings.write = (timings.write ?? 0) + (performance.now() - t0));
  return {
    async add(doc, timings) {
      if (isRowSource(doc.source)) {
        const target = path.join(outDir, outputOf.get(doc.source.file)!);
        await rows.add(doc, target).catch((err: unknown) => failed(doc, target, err));
        return doc.status === 'kept' ? displayPath(target, cwd) : null;
      }
      if (isRecordSource(doc.source)) {
        const t0 = performance.now();
        const written = records.add(doc);
        time(timings, t0);
        return written;
      }
      if (!((doc.status === 'kept' || (opts.keepDuplicates && doc.status === 'duplicate')) && doc.output !== undefined)) return null;
      const target = path.join(outDir, outputOf.get(doc.source.path)!);
      const t0 = performance.now();
      try {
        // the write itself is synchronous; time it before awaiting, so other documents' work is not counted
        const writing = writeAtomic(target, doc.output);
        time(timings, t0);
        await writing;
        return displayPath(target, cwd);
      } catch (err) {
        failed(doc, target, err);
        return null;
      }
    },
    async close(interrupted) {
      const problems: string[] = [];
      if (interrupted) rows.abort();
      else await rows.close().catch((err: unknown) => problems.push(`could not write a Parquet output: ${(err as Error).message}`));
      const recordsFailed = records.close();
      if (recordsFailed) problems.push(recordsFailed);
      return problems;
    },
  };
}

/** What a pipe writes on standard output for a finished document: its text, or its record's line; nothing when not kept. */
export function pipeOutput(doc: Doc): string | undefined {
  if (doc.status !== 'kept') return undefined;
  if (!isRecordSource(doc.source)) return doc.output;
  const line = outputLine(doc, false);
  return line === undefined ? undefined : line + '\n';
}
