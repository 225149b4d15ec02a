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
import type { Doc } from '../doc.js';
import { describe, type Code } from '../codes.js';
import { runCorpus } from '../run.js';
import { expandInputs, type InputFile } from '../io/inputs.js';
import { inputSources } from '../io/sources.js';
import { isRecordSource, outputLine, JsonlOutputs } from '../io/jsonl.js';
import { StreamedOutput } from '../io/streamed-output.js';
import { writeAtomic } from '../io/write.js';
import { problemLine } from '../format/summary.js';
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
  const byDisplay = new Map<string, InputFile>(files.map((f) => [f.display, f]));
  const tally = new Tally(ctx.reportPath, ctx.header);
  let flagged = 0;
  let rewritten = 0;
  const say = (line: string) => out.write(line + '\n');
  const fail = (doc: Doc, code: 'write-failed' | 'read-failed', err: unknown) => {
    doc.status = 'error';
    doc.findings.push({ code, severity: 'error', stage: 'write', args: { output: doc.source.path, reason: (err as Error).message } });
  };

  // JSON Lines files: compared (and rewritten) record by record, as a stream
  const changes = new Map<string, FileChanges>();
  const jsonl = new JsonlOutputs(
    (target) => new StreamedOutput(target, { write: fix.write, compare: true, mode: modeOf(target) }),
    (target, changed) => {
      const display = displayOfTarget.get(target)!;
      const c = changes.get(display) ?? { records: 0, changed: 0, removed: {} };
      changes.delete(display);
      if (!changed) return;
      if (fix.write) rewritten++;
      else flagged++;
      const reasons = [`${c.changed} of ${c.records} records`, ...removalReasons(c.removed)].join(', ');
      pendingLines.push(`${display}: ${describe(fix.write ? 'cleaned-in-place' : 'would-change', { reasons })}`);
    },
  );
  const displayOfTarget = new Map<string, string>();
  const targetOf = new Map<string, string>();
  const pendingLines: string[] = [];

  await runCorpus(inputSources(files, missing, options, ctx.jsonl), options, {
    shouldStop: () => out.closed,
    onDoc: async (doc: Doc) => {
      const duplicate = doc.status === 'duplicate';
      if (isRecordSource(doc.source)) {
        const file = byDisplay.get(doc.source.file);
        if (file) {
          let target = targetOf.get(file.display);
          if (target === undefined) {
            // write through a symbolic link, not over it
            target = fsSync.realpathSync(file.abs);
            targetOf.set(file.display, target);
            displayOfTarget.set(target, file.display);
          }
          const c = changes.get(file.display) ?? { records: 0, changed: 0, removed: {} };
          changes.set(file.display, c);
          const line = duplicate && fix.deleteDuplicates && fix.write ? undefined : outputLine(doc, true);
          if (doc.source.frame) {
            c.records++;
            if (line !== doc.source.frame.line) c.changed++;
            for (const r of doc.removed) c.removed[r.code] = (c.removed[r.code] ?? 0) + (r.end - r.start);
          }
          try {
            jsonl.add(target, line);
          } catch (err) {
            fail(doc, 'write-failed', err);
          }
        }
      } else if (doc.status === 'kept' && doc.output !== undefined) {
        const file = byDisplay.get(doc.source.path)!;
        const reason = await compareAndFix(file, doc, fix.write).catch((err: unknown) => fail(doc, fix.write ? 'write-failed' : 'read-failed', err));
        if (reason) {
          if (fix.write) rewritten++;
          else flagged++;
          await say(`${doc.source.path}: ${reason}`);
        }
      }
      const entry = tally.add(doc, null);
      if (duplicate) {
        flagged++;
        const said = entry.findings.find((f) => f.code.startsWith('duplicate-'))?.message ?? `is a duplicate of ${entry.duplicateOf ?? 'an earlier document'}`;
        let line = `${entry.input}: ${said}`;
        if (fix.write && fix.deleteDuplicates) {
          // a duplicate record was already left out of its file's new content
          if (!isRecordSource(doc.source)) await fs.rm(byDisplay.get(doc.source.path)!.abs, { force: true });
          line = `${entry.input}: ${describe('duplicate-deleted', { of: entry.duplicateOf ?? '?' })}`;
          flagged--;
        }
        await say(line);
      }
      for (const l of pendingLines.splice(0)) await say(l);
      if (doc.status === 'error' || (doc.status === 'skipped' && !ctx.quiet)) io.stderr.write(problemLine(entry, ctx.color) + '\n');
    },
  });
  try {
    jsonl.close();
  } catch (err) {
    io.stderr.write(`clean-corpus: ${(err as Error).message}\n`);
    tally.totals.error++;
  }
  for (const l of pendingLines.splice(0)) await say(l);
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
