/**
 * Pipe mode: one document (or, with `--jsonl`, a stream of records) on
 * standard input, the cleaned text (or records) on standard output. Nothing
 * but output goes to stdout: problems go to stderr (and the summary too, when
 * stderr is a terminal), the report only to `--report FILE`. When the reader
 * goes away (`| head`), the run stops and exits 0 without a word. Signals are
 * handled as in a folder run.
 */
import path from 'node:path';
import type { Doc } from '../record/doc.js';
import { runCorpus, type Source } from '../engine/run.js';
import { bytesSource } from '../formats/document.js';
import { stdinRecordSources } from '../formats/sources.js';
import { pipeOutput } from '../formats/outputs.js';
import type { StdinSpool } from '../io/stdin.js';
import { displayPath } from '../io/inputs.js';
import { removePendingTemps } from '../io/write.js';
import { INTERRUPTED, watchInterrupts } from '../io/interrupt.js';
import { formatSummary, listsOnStderr, problemLine } from '../report/terminal-summary.js';
import type { ModeContext } from './context.js';
import { Tally } from './tally.js';

export const STDIN_NAME = '<stdin>';

/** Standard input as the command line read it: one document (read whole, up to the size limit), or JSON Lines records. */
export type PipeInput = { document: { bytes?: Buffer; size: number } } | { records: StdinSpool };

/** Clean `input` to standard output; resolves to the exit code. */
export async function runPipe(input: PipeInput, ctx: ModeContext): Promise<number> {
  const started = performance.now();
  const { io, out, options } = ctx;
  const maxBytes = options.thresholds['input.maxBytes'];
  const sources =
    'records' in input
      ? stdinRecordSources(STDIN_NAME, input.records, ctx.jsonl, maxBytes)
      : (): Source[] => {
          const { bytes, size } = input.document;
          return [bytesSource({ path: STDIN_NAME, relPath: '' }, bytes && new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), size, maxBytes)];
        };

  const tally = new Tally(ctx.reportPath, ctx.header);
  // First signal: finish the document in hand, write what was done (output and report), exit 130.
  // (standard input stops being read, or the run would wait for input that may never come).
  // Second: remove the temporary files (the spill, the spool, the report being written) and stop at once.
  const interrupts = watchInterrupts(
    () => {
      removePendingTemps();
      tally.abort();
      io.stderr.write(`clean-corpus: interrupted again: stopped at once after ${tally.totals.documents} documents; no report written\n`);
    },
    () => {
      if ('records' in input) input.records.stop();
    },
  );
  try {
    await runCorpus(
      sources,
      options,
      {
        shouldStop: () => out.closed || interrupts.stopped,
        onDoc: async (doc: Doc) => {
          const text = pipeOutput(doc);
          const entry = tally.add(doc, text !== undefined ? '<stdout>' : null);
          if (text !== undefined) await out.write(text);
          if (listsOnStderr(entry, ctx.quiet, ctx.verbose)) io.stderr.write(problemLine(entry, ctx.color) + '\n');
        },
      },
      'records' in input ? { ...ctx.run, onSpill: (release) => (input.records.makeRoom = (spool) => keepSpool(release, spool, io.stderr)) } : ctx.run,
    );
  } finally {
    interrupts.dispose();
    if ('records' in input) input.records.dispose();
  }
  if (interrupts.stopped) {
    tally.finish(true);
    io.stderr.write(`clean-corpus: interrupted after ${tally.totals.documents} documents${ctx.reportPath ? '; the report lists those done' : ''}\n`);
    return INTERRUPTED;
  }
  tally.finish();
  if (out.error) {
    io.stderr.write(`clean-corpus: could not write to standard output: ${out.error.message}\n`);
    return 2;
  }
  // the reader has all it wanted: end as quietly as `head` expects
  if (out.closed) return 0;
  // a filter is silent on success; a person at a terminal still gets the summary
  if (!ctx.quiet && io.stderr.isTTY) io.stderr.write(formatSummary({ totals: tally.totals, verbose: ctx.verbose, reportPath: ctx.reportPath && displayPath(ctx.reportPath, io.cwd), seconds: (performance.now() - started) / 1000 }, ctx.color));
  return tally.totals.error > 0 ? 2 : 0;
}

/**
 * When TMPDIR fills, standard input's spool goes before the spill: without the spool the rest of the input would be
 * held in memory; without the spill, pass 2 only prepares each document again.
 */
function keepSpool(release: (near: string) => boolean, spool: string, stderr: NodeJS.WritableStream): boolean {
  if (!release(spool)) return false;
  stderr.write(`clean-corpus: ${path.dirname(spool)} is full: gave up the prepared documents kept there, to keep standard input for the second pass (slower, same output)\n`);
  return true;
}
