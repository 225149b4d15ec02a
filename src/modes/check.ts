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
import { markWriteFailed } from '../record/write-failed.js';
import { runCorpus } from '../engine/run.js';
import { expandInputs, inputBytesUpTo, type InputFile } from '../io/inputs.js';
import { formatOf, inputSources } from '../formats/sources.js';
import { isRecordSource, originalLine, outputLine, JsonlOutputs, type RecordSource } from '../formats/jsonl.js';
import { StreamedOutput } from '../io/streamed-output.js';
import { decompressWhole, encoder, prepareEncoders } from '../formats/compression.js';
import { removePendingTemps, writeAtomic } from '../io/write.js';
import { checkSummaryLine, duplicateLine, fileChangeLine, recordsChangeLine, type RemovedChars } from '../report/check-lines.js';
import { notInPlaceSentence, stderrLine } from '../report/run-messages.js';
import { EXIT, type ModeContext } from './context.js';
import { Session } from './session.js';

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
  removed: RemovedChars;
}

/** Check or fix `args` (files, folders, globs); resolves to the exit code. */
export async function runCheck(args: string[], ctx: ModeContext, fix: FixChoice): Promise<number> {
  const { io, out, options } = ctx;
  const mode = fix.write ? 'write' : 'check';
  const { files, missing } = await expandInputs(args, [], io.cwd);
  const other = files.find((f) => !formatOf(f, ctx.jsonl).inPlace);
  if (other) {
    io.stderr.write(stderrLine(notInPlaceSentence(mode, other.display, formatOf(other, ctx.jsonl).name)));
    return EXIT.error;
  }
  const byDisplay = new Map<string, InputFile>(files.map((f) => [f.display, f]));
  let flagged = 0;
  let rewritten = 0;
  // lines about JSON Lines files wait until the file's last record is in
  const pending: string[] = [];
  const print = async () => {
    for (const l of pending.splice(0)) await out.write(l + '\n');
  };
  const changed = (display: string, reason: string) => {
    if (fix.write) rewritten++;
    else flagged++;
    pending.push(`${display}: ${reason}`);
  };
  const records = recordChecker(fix, changed);
  if (files.some((f) => f.display.endsWith('.zst'))) await prepareEncoders();

  // a signal lets the document in hand finish: a file is rewritten whole or not at all
  const session = new Session({ mode, stderr: io.stderr, quiet: ctx.quiet, verbose: ctx.verbose, color: ctx.color, reportPath: ctx.reportPath, header: ctx.header });
  try {
    await runCorpus(inputSources(files, missing, options, ctx.jsonl), options, {
      shouldStop: () => out.closed || session.interrupted,
      onDoc: async (doc: Doc) => {
        if (isRecordSource(doc.source)) records.add(doc, byDisplay.get(doc.source.file)!);
        else if (doc.status === 'kept' && doc.output !== undefined) {
          const reason = await compareAndFix(byDisplay.get(doc.source.path)!, doc, fix.write).catch((err: unknown) => {
            markWriteFailed(doc, doc.source.path, err);
            return undefined;
          });
          if (reason) changed(doc.source.path, reason);
        }
        const entry = session.add(doc, null);
        if (doc.status === 'duplicate') {
          const deleted = fix.write && fix.deleteDuplicates;
          // a duplicate record was already left out of its file's new content
          if (deleted && !isRecordSource(doc.source)) await fs.rm(byDisplay.get(doc.source.path)!.abs, { force: true });
          if (!deleted) flagged++;
          pending.push(`${entry.input}: ${duplicateLine(entry, deleted)}`);
        }
        await print();
        session.sayProblem(entry);
      },
    }, { ...ctx.run, inputBytes: (limit) => inputBytesUpTo(files, limit) });
  } finally {
    session.releaseSignals();
  }
  if (session.interrupted) {
    // a JSON Lines file whose records were not all read is left as it was
    records.abort();
    await print();
    // the report first: it is a temporary file too until it is finished
    session.finish();
    removePendingTemps();
    return session.end();
  }
  const closeFailed = records.close();
  if (closeFailed) session.problem(closeFailed);
  await print();
  session.finish();
  if (out.closed && !out.error) return session.end({ findings: flagged, readerGone: true });
  if (!ctx.quiet) io.stderr.write(checkSummaryLine(session.totals, fix.write, fix.write ? rewritten : flagged));
  return session.end({ findings: flagged });
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
      if (differs) changed(displays.get(target)!, recordsChangeLine(c, fix.write));
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
  const removed: RemovedChars = {};
  for (const r of doc.removed) removed[r.code] = (removed[r.code] ?? 0) + (r.end - r.start);
  const change = { bytesBefore: before.length, bytesAfter: after.length, removed, html: doc.format === 'html', encoding: doc.encoding, encodingSource: doc.encodingSource };
  if (!write) return fileChangeLine(change, false);
  const target = await fs.realpath(file.abs);
  await writeAtomic(target, after, modeOf(target));
  return fileChangeLine(change, true);
}
