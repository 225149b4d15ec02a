/**
 * What a run says on stderr about itself rather than about one document: how it was interrupted, what became of
 * standard input and standard output, why a mode refused its inputs. The modes hand over data; the sentences are
 * written only here (each without the `clean-corpus: ` a session puts before it). The sentences about documents
 * are in record/codes.ts, the summaries in terminal-summary.ts.
 */

/** The run modes as far as their sentences differ: a folder run, a pipe, `--check` and `--write`. */
export type RunMode = 'folder' | 'pipe' | 'check' | 'write';

/**
 * After a first signal, once the run has ended: how many documents were done (of how many, when known) and what the
 * user is left with — the files done in place, nothing at all, or the report, when there is one.
 */
export function interruptedSentence(mode: RunMode, done: { documents: number; of?: number; report: boolean }): string {
  const left =
    mode === 'write' ? 'files done are cleaned, the others untouched' : mode === 'check' ? 'nothing was written' : done.report ? 'the report lists those done' : undefined;
  return `interrupted after ${done.documents}${done.of === undefined ? '' : ` of ${done.of}`} documents${left ? `; ${left}` : ''}`;
}

/**
 * On a second signal, just before the process dies of it: no report was written, and a folder run's outputs are each
 * whole (written atomically). `--check` and `--write` end silently.
 */
export function stoppedAtOnceSentence(mode: RunMode, documents: number): string | undefined {
  if (mode === 'check' || mode === 'write') return undefined;
  return `interrupted again: stopped at once after ${documents} documents; ${mode === 'folder' ? 'their outputs are complete, ' : ''}no report written`;
}

/** Standard input grew past what may be held in memory, and its spool could not be written (io/stdin.ts). */
export function stdinOverflowSentence(overflow: { limit: number; dir: string; problem: string }): string {
  return `standard input is over ${overflow.limit} bytes, a quarter of this machine's memory, and could not be kept in ${overflow.dir} (${overflow.problem}): stopped rather than hold more of it in memory; set TMPDIR to a folder with room, or name the file instead of piping it`;
}

/** Standard input's spool could not be written: the rest of the input is kept in memory instead. */
export function stdinInMemorySentence(dir: string, problem: string): string {
  return `cannot keep standard input in ${dir} for the second pass (${problem}); keeping the rest of it in memory`;
}

/** TMPDIR filled: the spill was given up so that standard input's spool could go on. */
export function spillGivenUpSentence(dir: string): string {
  return `${dir} is full: gave up the prepared documents kept there, to keep standard input for the second pass (slower, same output)`;
}

/** Standard output failed for another reason than its reader going away (a full disk behind a redirect). */
export function stdoutFailedSentence(reason: string): string {
  return `could not write to standard output: ${reason}`;
}

/** `--check` or `--write` named a file of a format that cannot be cleaned in place. */
export function notInPlaceSentence(mode: 'check' | 'write', file: string, format: string): string {
  return `--${mode} cleans text, HTML and JSON Lines files in place; ${file} is ${format.toUpperCase()}: clean it into a folder (-o) instead`;
}

/** Anything that went wrong outside every document and stage. */
export function internalErrorSentence(err: unknown): string {
  return `internal error: ${err instanceof Error ? err.message : String(err)}`;
}

/** A sentence as a line on stderr, headed by the tool's name as Unix tools do. */
export function stderrLine(sentence: string): string {
  return `clean-corpus: ${sentence}\n`;
}
