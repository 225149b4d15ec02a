/**
 * Pipe mode: one document (or, with `--jsonl`, a stream of records) on
 * standard input, the cleaned text (or records) on standard output. Nothing
 * but output goes to stdout: problems go to stderr (and the summary too, when
 * stderr is a terminal), the report only to `--report FILE`. When the reader
 * goes away (`| head`), the run stops and exits 0 without a word. Signals are
 * handled as in a folder run (modes/session.ts).
 */
import os from 'node:os';
import path from 'node:path';
import type { Doc } from '../record/doc.js';
import { runCorpus, type Source } from '../engine/run.js';
import { bytesSource } from '../formats/document.js';
import { stdinRecordSources } from '../formats/sources.js';
import { pipeOutput } from '../formats/outputs.js';
import { readDocument, StdinSpool } from '../io/stdin.js';
import { displayPath } from '../io/inputs.js';
import { formatSummary } from '../report/terminal-summary.js';
import { spillGivenUpSentence, stderrLine, stdinInMemorySentence, stdoutFailedSentence } from '../report/run-messages.js';
import type { ModeContext } from './context.js';
import { Session } from './session.js';

export const STDIN_NAME = '<stdin>';

/** Standard input as the command line read it: one document (read whole, up to the size limit), or JSON Lines records. */
export type PipeInput = { document: { bytes?: Buffer; size: number } } | { records: StdinSpool };

/** Standard input, read whole as one document, or kept (spooled) as records with `--jsonl` or `--format warc`. */
export async function openStdin(ctx: ModeContext): Promise<PipeInput> {
  const { io } = ctx;
  if (ctx.jsonl.all || ctx.jsonl.warc) return { records: new StdinSpool(io.stdin, (problem) => io.stderr.write(stderrLine(stdinInMemorySentence(os.tmpdir(), problem)))) };
  return { document: await readDocument(io.stdin, ctx.options.thresholds['input.maxBytes']) };
}

/** Whether standard input held nothing at all; an empty spool is removed. */
export async function isEmptyInput(input: PipeInput): Promise<boolean> {
  if (!('records' in input)) return input.document.size === 0;
  const empty = await input.records.isEmpty();
  if (empty) input.records.dispose();
  return empty;
}

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

  const session = new Session({
    mode: 'pipe',
    stderr: io.stderr,
    quiet: ctx.quiet,
    verbose: ctx.verbose,
    color: ctx.color,
    reportPath: ctx.reportPath,
    header: ctx.header,
    // standard input stops being read, or the run would wait for input that may never come
    onFirstSignal: () => {
      if ('records' in input) input.records.stop();
    },
  });
  try {
    await runCorpus(
      sources,
      options,
      {
        shouldStop: () => out.closed || session.interrupted,
        onDoc: async (doc: Doc) => {
          const text = pipeOutput(doc);
          const entry = session.add(doc, text !== undefined ? '<stdout>' : null);
          if (text !== undefined) await out.write(text);
          session.sayProblem(entry);
        },
      },
      'records' in input ? { ...ctx.run, onSpill: (release) => (input.records.makeRoom = (spool) => keepSpool(release, spool, session)) } : ctx.run,
    );
  } finally {
    session.releaseSignals();
    if ('records' in input) input.records.dispose();
  }
  session.finish();
  if (session.interrupted) return session.end();
  if (out.error) {
    session.problem(stdoutFailedSentence(out.error.message));
    return session.end();
  }
  if (out.closed) return session.end({ readerGone: true });
  // a filter is silent on success; a person at a terminal still gets the summary
  if (!ctx.quiet && io.stderr.isTTY) io.stderr.write(formatSummary({ totals: session.totals, verbose: ctx.verbose, reportPath: ctx.reportPath && displayPath(ctx.reportPath, io.cwd), seconds: (performance.now() - started) / 1000 }, ctx.color));
  return session.end();
}

/**
 * When TMPDIR fills, standard input's spool goes before the spill: without the spool the rest of the input would be
 * held in memory; without the spill, pass 2 only prepares each document again.
 */
function keepSpool(release: (near: string) => boolean, spool: string, session: Session): boolean {
  if (!release(spool)) return false;
  session.say(spillGivenUpSentence(path.dirname(spool)));
  return true;
}
