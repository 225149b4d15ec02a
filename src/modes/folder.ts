/**
 * Folder mode: files, folders and globs in, a cleaned tree under the output folder and the report beside it, a
 * summary on stderr (or as JSON on stdout). The mode only gathers the inputs and their outputs and hands each
 * finished document to the writers and the session (modes/session.ts); the corpus is run by the engine it is given,
 * `runCorpus` unless another is passed (a sharded run over many processes drives the same writers and report).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { runCorpus } from '../engine/run.js';
import type { Doc } from '../record/doc.js';
import type { StageTimings } from '../stage.js';
import { expandInputs, inputBytesUpTo, isInside, displayPath, type ExpandResult } from '../io/inputs.js';
import { checkOutputPaths } from '../io/paths.js';
import { ProgressLine } from '../io/progress-line.js';
import { formatOf, inputSources, outputNamesFor } from '../formats/sources.js';
import { folderOutputs, OutputRefused } from '../formats/outputs.js';
import { formatSummary } from '../report/terminal-summary.js';
import { formatExplain } from '../report/explain.js';
import { reportPaths } from '../report/names.js';
import { UsageError, type ModeContext } from './context.js';
import { Session } from './session.js';

/** Runs the pipeline over a corpus, as `runCorpus` (engine/run.ts) does; the folder mode's engine. */
export type CorpusRunner = typeof runCorpus;

/** What only a folder run is told. */
export interface FolderChoice {
  /** The output folder (absolute). */
  outDir: string;
  /** `--keep-duplicates`: write duplicate documents too. */
  keepDuplicates: boolean;
  /** `--explain`: every block of every document on stdout. */
  explain: boolean;
  /** `--json`: the summary as JSON on stdout. */
  json: boolean;
  /** The engine; by default `runCorpus`, loaded only now (its stages' tables cost ~90 ms to build: `--help` stays quick). */
  engine?: CorpusRunner;
  /** The inputs as listed already (the plan of a sharded run, which its finishing task must follow), instead of listing `args`. */
  inputs?: ExpandResult;
}

/**
 * The output folder and report of a folder run checked, and its inputs listed: `args` expanded in a stable order,
 * without the output folder, the report's files and `exclude` (a sharded run's work folder).
 */
export async function folderInputs(args: string[], io: ModeContext['io'], outDir: string, reportPath: string, exclude: string[] = []): Promise<ExpandResult> {
  if (args.length === 0) throw new UsageError('no input given: name files, folders or globs');
  for (const arg of args) {
    const abs = path.resolve(io.cwd, arg);
    if (fs.existsSync(abs) && fs.statSync(abs).isDirectory() && isInside(abs, outDir))
      throw new UsageError(`the output folder ${displayPath(outDir, io.cwd)} contains the input ${arg}; choose another --output`);
  }
  const pathProblem = checkOutputPaths(outDir, reportPath, io.cwd);
  if (pathProblem) throw new UsageError(pathProblem);
  return expandInputs(args, [outDir, ...Object.values(reportPaths(reportPath)), ...exclude], io.cwd);
}

/** Clean `args` (files, folders, globs) into `folder.outDir`; resolves to the exit code. */
export async function runFolder(args: string[], ctx: ModeContext, folder: FolderChoice): Promise<number> {
  const { io, options, jsonl } = ctx;
  const started = performance.now();
  const { outDir } = folder;
  const reportPath = ctx.reportPath ?? path.join(outDir, 'report.json');
  const { files, missing } = folder.inputs ?? (await folderInputs(args, io, outDir, reportPath));
  const names = outputNamesFor(files, jsonl);
  // what every output needs checked (a Parquet schema that can be written again) stops the run before anything is written
  const outputs = await folderOutputs(files, names, jsonl, { outDir, cwd: io.cwd, keepDuplicates: folder.keepDuplicates }).catch((err: unknown) => {
    throw err instanceof OutputRefused ? new UsageError(err.message) : err;
  });
  const sources = inputSources(files, missing, options, jsonl);
  const engine = folder.engine ?? (await import('../engine/run.js')).runCorpus;

  // the totals cost a stat of every input: only for a terminal, the only place the line is drawn; a file of
  // records has no document count up front
  const progress = new ProgressLine(
    io.stderr,
    io.stderr.isTTY ? { docs: files.some((f) => formatOf(f, jsonl).name !== 'document') ? undefined : files.length + missing.length, bytes: inputBytesUpTo(files, Infinity) } : {},
  );
  const reportOptions = { ...options, output: outDir, quiet: ctx.quiet };
  const session = new Session({
    mode: 'folder',
    stderr: io.stderr,
    quiet: ctx.quiet,
    verbose: ctx.verbose,
    color: ctx.color,
    reportPath,
    header: { tool: ctx.header.tool, options: reportOptions },
    progress,
  });
  const timings: StageTimings = {};
  const busy = { main: 0, workers: [] as number[] };
  try {
    await engine(progress.counting(sources), options, {
      shouldStop: () => session.interrupted,
      onProgress: (pass, done) => progress.update(pass, done),
      onDoc: async (doc: Doc) => {
        const written = await outputs.add(doc, timings);
        if (folder.explain) io.stdout.write(formatExplain(doc));
        session.sayProblem(session.add(doc, written, timings));
      },
    }, { ...ctx.run, timings, busy, inputBytes: (limit) => inputBytesUpTo(files, limit) });
  } finally {
    session.releaseSignals();
    progress.clear();
  }
  for (const problem of await outputs.close(session.interrupted)) session.problem(problem);
  const stageMs = roundTimings(timings);
  const finishing = performance.now();
  session.finish(stageMs);
  // after the summary is written (which holds the other timings): the time to write it and the page
  stageMs['report:finish'] = Math.round((performance.now() - finishing) * 10) / 10;
  const seconds = (performance.now() - started) / 1000;
  const info = { totals: session.totals, outputDir: displayPath(outDir, io.cwd), reportPath: displayPath(reportPath, io.cwd), seconds, verbose: ctx.verbose };
  const threads = { mainBusyMs: Math.round(busy.main), workersBusyMs: busy.workers.map(Math.round) };
  if (folder.json) io.stdout.write(JSON.stringify({ ...info, interrupted: session.interrupted, jobs: ctx.run.jobs, timings: stageMs, threads }) + '\n');
  if (!ctx.quiet) io.stderr.write(formatSummary(info, ctx.color));
  return session.end({ of: files.length + missing.length });
}

/** Milliseconds per stage, rounded to 0.1 ms (per-document stages are summed over threads). */
function roundTimings(t: StageTimings): StageTimings {
  return Object.fromEntries(Object.entries(t).map(([k, v]) => [k, Math.round(v * 10) / 10]));
}
