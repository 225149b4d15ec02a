/**
 * Pipe mode: one document (or, with `--jsonl`, a stream of records) on
 * standard input, the cleaned text (or records) on standard output. Nothing
 * but output goes to stdout: problems go to stderr (and the summary too, when
 * stderr is a terminal), the report only to `--report FILE`. When the reader goes away (`| head`), the run stops
 * and exits 0 without a word.
 */
import type { Doc } from '../doc.js';
import { runCorpus, type Source } from '../run.js';
import { jsonlSources, isRecordSource, outputLine } from '../io/jsonl.js';
import { byteLength } from '../io/stdin.js';
import { displayPath } from '../io/inputs.js';
import { formatSummary, problemLine } from '../format/summary.js';
import type { ModeContext } from './context.js';
import { Tally } from './tally.js';

export const STDIN_NAME = '<stdin>';

/** Clean `input` (standard input, already read whole) to standard output; resolves to the exit code. */
export async function runPipe(input: Buffer[], ctx: ModeContext): Promise<number> {
  const started = performance.now();
  const { io, out, options } = ctx;
  const maxBytes = options.thresholds['input.maxBytes'];
  const size = byteLength(input);
  // records are read from the chunks as they are; one document needs them joined
  const bytes = ctx.jsonl.all || size > maxBytes ? undefined : input.length === 1 ? input[0] : Buffer.concat(input);
  const sources = ctx.jsonl.all
    ? () => jsonlSources({ display: STDIN_NAME, rel: '' }, ctx.jsonl.field, () => input, maxBytes)
    : (): Source[] => [
        {
          source: { path: STDIN_NAME, relPath: '' },
          load: async () =>
            bytes === undefined
              ? { ok: false, code: 'too-large', args: { size, limit: maxBytes } }
              : { ok: true, bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
        },
      ];

  const tally = new Tally(ctx.reportPath, ctx.header);
  await runCorpus(sources, options, {
    shouldStop: () => out.closed,
    onDoc: async (doc: Doc) => {
      const text = doc.status !== 'kept' ? undefined : isRecordSource(doc.source) ? lineOf(doc) : doc.output;
      const entry = tally.add(doc, text !== undefined ? '<stdout>' : null);
      if (text !== undefined) await out.write(text);
      if (doc.status === 'error' || (doc.status === 'skipped' && !ctx.quiet)) io.stderr.write(problemLine(entry, ctx.color) + '\n');
    },
  });
  tally.finish();
  if (out.error) {
    io.stderr.write(`clean-corpus: could not write to standard output: ${out.error.message}\n`);
    return 2;
  }
  // the reader has all it wanted: end as quietly as `head` expects
  if (out.closed) return 0;
  // a filter is silent on success; a person at a terminal still gets the summary
  if (!ctx.quiet && io.stderr.isTTY) io.stderr.write(formatSummary({ totals: tally.totals, reportPath: ctx.reportPath && displayPath(ctx.reportPath, io.cwd), seconds: (performance.now() - started) / 1000 }, ctx.color));
  return tally.totals.error > 0 ? 2 : 0;
}

function lineOf(doc: Doc): string | undefined {
  const line = outputLine(doc, false);
  return line === undefined ? undefined : line + '\n';
}
