/**
 * JSON Lines in a folder run: the kept records of `in/a.jsonl` go to
 * `<output>/a.jsonl`, one line each, written atomically; a record that is not
 * kept is left out (the report says why).
 */
import path from 'node:path';
import type { Doc } from '../record/doc.js';
import { markWriteFailed } from '../record/write-failed.js';
import { displayPath } from '../io/inputs.js';
import { JsonlOutputs, outputLine, type RecordSource } from './jsonl.js';
import { StreamedOutput } from '../io/streamed-output.js';
import { encoder } from './compression.js';

/** The JSON Lines outputs of a folder run; zstd outputs need `prepareEncoders()` (formats/compression.ts) done first. */
export function jsonlFolderOutputs(outDir: string, outputOf: Map<string, string>, cwd: string) {
  const outputs = new JsonlOutputs((target, compression) => new StreamedOutput(target, { write: true, compare: false, ...(compression ? { encode: encoder(compression) } : {}) }));
  // records come file by file: the output path of the last file is worked out once, not per record
  let last: { file: string; target: string; display: string } | undefined;
  return {
    /** Send a record to its file; returns the output's path when the record was written. */
    add(doc: Doc): string | null {
      const file = (doc.source as RecordSource).file;
      if (last?.file !== file) {
        const target = path.join(outDir, outputOf.get(file)!);
        last = { file, target, display: displayPath(target, cwd) };
      }
      const target = last.target;
      const source = doc.source as RecordSource;
      // a damaged compressed stream: the records before the damage are written
      const damaged = doc.findings.some((f) => f.code === 'input-corrupt' || f.code === 'warc-corrupt');
      if (!source.frame && doc.status === 'error' && !damaged) {
        // the input could not be read (or stopped part-way): write no partial output
        outputs.abandon(target);
        return null;
      }
      const line = outputLine(doc, false);
      try {
        outputs.add(target, line, source.compression);
      } catch (err) {
        markWriteFailed(doc, displayPath(target, cwd), err);
        return null;
      }
      return line === undefined ? null : last.display;
    },
    /** Finish the last file; returns an error sentence if it could not be written. */
    close(): string | undefined {
      try {
        outputs.close();
        return undefined;
      } catch (err) {
        return `could not write a JSON Lines output: ${(err as Error).message}`;
      }
    },
  };
}
