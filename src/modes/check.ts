/**
 * Check and fix modes, for hooks and CI. `--check` writes nothing: it lists
 * each file whose cleaned text differs from its bytes, or that duplicates
 * another, with a one-line reason, on stdout, and exits 1 if there is any.
 * `--write` cleans the files in place, atomically, and leaves a file that is
 * already clean untouched (byte comparison, so its mtime stays). Duplicates
 * are reported, and deleted only with `--delete-duplicates`.
 */
import fs from 'node:fs/promises';
import fsSync from 'node:fs';
import type { Doc } from '../record/doc.js';
import { describe, type Code } from '../record/codes.js';
import { markWriteFailed } from '../record/write-failed.js';
import { runCorpus } from '../engine/run.js';
import { expandInputs, inputBytesUpTo, type InputFile } from '../io/inputs.js';
import { formatOf, inputSources } from '../formats/sources.js';
import { isRecordSource, originalLine, outputLine, JsonlOutputs, type RecordSource } from '../formats/jsonl.js';
import { StreamedOutput } from '../io/streamed-output.js';
import { decompressWhole, encoder, prepareEncoders } from '../formats/compression.js';
import { removePendingTemps, writeAtomic } from '../io/write.js';
import { INTERRUPTED, watchInterrupts } from '../io/interrupt.js';
import { listsOnStderr, problemLine } from '../report/terminal-summary.js';
import type { ModeContext } from './context.js';
import { Tally } from './tally.js';

export interface FixChoice {
  /** Clean in place (`--write`) rather than only report (`--check`). */
  write: boolean;
  /** With `write`: delete documents found to duplicate an earlier one. */
  deleteDuplicates: boolean;
}

/** What changed in one JSON Lines file, gathered record by record. */
interface FileChanges {
  records: number;
  changed: number;
  removed: Partial<Record<Code, number>>;
}

/** Check or fix `args` (files, folders, globs); resolves to the exit code. */
export async function runCheck(args: string[], ctx: ModeContext, fix: FixChoice): Promise<number> {
  const { io, out, options } = ctx;
  const { files, missing } = await expandInputs(args, [], io.cwd);
  const other = files.find((f) => !formatOf(f, ctx.jsonl).inPlace);
  if (other) {
    io.stderr.write(`clean-corpus: --${fix.write ? 'write' : 'check'} cleans text, HTML and JSON Lines files in place; ${other.display} is ${formatOf(other, ctx.jsonl).name.toUpperCase()}: clean it into a folder (-o) instead\n`);
    return 2;
  }
  const byDisplay = new Map<string, InputFile>(files.map((f) => [f.display, f]));
  const tally = new Tally(ctx.reportPath, ctx.header);
  let flagged = 0;
  let rewritten = 0;
  // lines about JSON Lines files wait until the file's last record is in
  const pending: string[] = [];
  const say = async (line?: string) => {
    if (line !== undefined) pending.push(line);
    for (const l of pending.splice(0)) await out.write(l + '\n');
  };
  const changed = (display: string, reason: string) => {
    if (fix.write) rewritten++;
    else flagged++;
    pending.push(`${display}: ${reason}`);
  };
  const records = recordChecker(fix, changed);
  if (files.some((f) => f.display.endsWith('.zst'))) await prepareEncoders();

  // First signal: finish the document in hand (a file is rewritten whole or not at all), then stop.
  // Second: remove the temporary files of writes under way and stop at once.
  const interrupts = watchInterrupts(() => {
    removePendingTemps();
    tally.abort();
  });

  try {
    await runCorpus(inputSources(files, missing, options, ctx.jsonl), options, {
      shouldStop: () => out.closed || interrupts.stopped,
      onDoc: async (doc: Doc) => {
        if (isRecordSource(doc.source)) records.add(doc, byDisplay.get(doc.source.file)!);
        else if (doc.status === 'kept' && doc.output !== undefined) {
          const reason = await compareAndFix(byDisplay.get(doc.source.path)!, doc, fix.write).catch((err: unknown) => {
            markWriteFailed(doc, doc.source.path, err);
            return undefined;
          });
          if (reason) changed(doc.source.path, reason);
        }
        const entry = tally.add(doc, null);
        if (doc.status === 'duplicate') {
          let said = entry.findings.find((f) => f.code.startsWith('duplicate-'))?.message ?? `is a duplicate of ${entry.duplicateOf ?? 'an earlier document'}`;
          if (fix.write && fix.deleteDuplicates) {
            // a duplicate record was already left out of its file's new content
            if (!isRecordSource(doc.source)) await fs.rm(byDisplay.get(doc.source.path)!.abs, { force: true });
            said = describe('duplicate-deleted', { of: entry.duplicateOf ?? '?' });
          } else flagged++;
          pending.push(`${entry.input}: ${said}`);
        }
        await say();
        if (listsOnStderr(entry, ctx.quiet, ctx.verbose)) io.stderr.write(problemLine(entry, ctx.color) + '\n');
      },
    }, { ...ctx.run, inputBytes: (limit) => inputBytesUpTo(files, limit) });
  } finally {
    interrupts.dispose();
  }
  if (interrupts.stopped) {
    // a JSON Lines file whose records were not all read is left as it was
    records.abort();
    await say();
    // the report first: it is a temporary file too until it is finished
    tally.finish(true);
    removePendingTemps();
    io.stderr.write(`clean-corpus: interrupted after ${tally.totals.documents} documents; ${fix.write ? 'files done are cleaned, the others untouched' : 'nothing was written'}\n`);
    return INTERRUPTED;
  }
  const closeFailed = records.close();
  if (closeFailed) {
    io.stderr.write(`clean-corpus: ${closeFailed}\n`);
    tally.totals.error++;
  }
  await say();
  tally.finish();
  if (out.closed && !out.error) return flagged > 0 ? 1 : 0;
  const t = tally.totals;
  if (!ctx.quiet) {
    const summary = fix.write
      ? `clean-corpus: ${t.documents} document${t.documents === 1 ? '' : 's'} checked, ${rewritten} file${rewritten === 1 ? '' : 's'} cleaned in place`
      : `clean-corpus: ${t.documents} document${t.documents === 1 ? '' : 's'} checked, ${flagged} would change or duplicate another`;
    io.stderr.write(summary + (t.duplicate ? `, ${t.duplicate} duplicate` : '') + (t.error ? `, ${t.error} failed` : '') + '\n');
  }
  if (t.error > 0) return 2;
  return flagged > 0 ? 1 : 0;
}

/**
 * JSON Lines files in check and fix modes: each record's new line is streamed
 * into a comparison with the file (and, fixing, into its replacement); when a
 * file's last record is in, `changed` hears whether it differs and why.
 */
function recordChecker(fix: FixChoice, changed: (display: string, reason: string) => void) {
  const targets = new Map<string, string>();
  const displays = new Map<string, string>();
  let tally: FileChanges = { records: 0, changed: 0, removed: {} };
  const outputs = new JsonlOutputs(
    (target, compression) =>
      new StreamedOutput(target, { write: fix.write, compare: true, mode: modeOf(target), ...(compression ? { encode: encoder(compression), decode: (bytes) => decompressWhole(bytes, compression) } : {}) }),
    (target, differs) => {
      const c = tally;
      tally = { records: 0, changed: 0, removed: {} };
      const reasons = [`${c.changed} of ${c.records} records`, ...removalReasons(c.removed)].join(', ');
      if (differs) changed(displays.get(target)!, describe(fix.write ? 'cleaned-in-place' : 'would-change', { reasons }));
    },
  );
  return {
    add(doc: Doc, file: InputFile): void {
      let target = targets.get(file.display);
      if (target === undefined) {
        // write through a symbolic link, not over it
        target = fsSync.realpathSync(file.abs);
        targets.set(file.display, target);
        displays.set(target, file.display);
      }
      const frame = (doc.source as RecordSource).frame;
      if (!frame && (doc.status === 'error' || doc.source.line !== undefined)) {
        // the file could not be read (or stopped part-way), or holds a record too large to have been kept:
        // never replace it with what was read
        outputs.abandon(target);
        return;
      }
      const line = doc.status === 'duplicate' && fix.write && fix.deleteDuplicates ? undefined : outputLine(doc, true);
      try {
        // first, so that a new file's count starts after the previous file is closed
        outputs.add(target, line, (doc.source as RecordSource).compression);
      } catch (err) {
        markWriteFailed(doc, file.display, err);
      }
      if (!frame) return;
      tally.records++;
      if (line !== originalLine(doc.source as RecordSource)) tally.changed++;
      for (const r of doc.removed) tally.removed[r.code] = (tally.removed[r.code] ?? 0) + (r.end - r.start);
    },
    /** Give up the file in hand: it stays as it was (on interrupt). */
    abort(): void {
      outputs.abort();
    },
    /** Finish the last file; an error sentence if it could not be written. */
    close(): string | undefined {
      try {
        outputs.close();
        return undefined;
      } catch (err) {
        return (err as Error).message;
      }
    },
  };
}

/** Permissions of an existing file, kept when it is rewritten. */
function modeOf(file: string): number | undefined {
  try {
    return fsSync.statSync(file).mode & 0o7777;
  } catch {
    return undefined;
  }
}

/**
 * Compare a plain file's bytes with its cleaned text; when they differ, say
 * why in one line (and with `write`, replace the file atomically).
 */
async function compareAndFix(file: InputFile, doc: Doc, write: boolean): Promise<string | undefined> {
  const before = await fs.readFile(file.abs);
  const after = Buffer.from(doc.output!, 'utf8');
  if (before.equals(after)) return undefined;
  const counted: Partial<Record<Code, number>> = {};
  for (const r of doc.removed) counted[r.code] = (counted[r.code] ?? 0) + (r.end - r.start);
  const reasons = removalReasons(counted);
  if (doc.format === 'html') reasons.push('HTML to text');
  if (doc.encoding && (doc.encoding !== 'utf-8' || doc.encodingSource === 'bom')) reasons.push(`${doc.encodingSource === 'bom' ? `${doc.encoding} with BOM` : doc.encoding} to UTF-8`);
  if (reasons.length === 0) reasons.push('normalised (spaces, blank lines, Unicode)');
  const args = { reasons: [`${before.length} → ${after.length} bytes`, ...reasons].join(', ') };
  if (!write) return describe('would-change', args);
  const target = await fs.realpath(file.abs);
  await writeAtomic(target, after, modeOf(target));
  return describe('cleaned-in-place', args);
}

/** `code N chars` for each removal reason, largest first. */
function removalReasons(removed: Partial<Record<Code, number>>): string[] {
  return (Object.entries(removed) as [Code, number][]).sort((a, b) => b[1] - a[1]).map(([code, n]) => `${code} ${n} chars`);
}
