/**
 * The command line: glue that turns arguments into options, inputs into
 * sources, finished documents into files and report entries, and the totals
 * into a summary and an exit code. The only module that touches argv, the
 * terminal and the process.
 */
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { Command, CommanderError, Option } from 'commander';
import iconv from 'iconv-lite';
import { defaultOptions, type Options } from './options.js';
import { applyThresholds, THRESHOLDS, type ThresholdSpec } from './thresholds.js';
import { expandInputs, isInside, outputNames, displayPath } from './io/inputs.js';
import { readInput } from './io/read.js';
import { writeAtomic, removePendingTemps } from './io/write.js';
import { runCorpus, type Source } from './run.js';
import { addToTotals, docEntry, emptyTotals, ReportWriter, type Totals } from './report.js';
import { formatSummary, problemLine } from './format/summary.js';
import { canonicalEncoding } from './stages/detect-encoding.js';
import type { Doc } from './doc.js';
import type { StageTimings } from './stage.js';

/** Exit codes (ripgrep-style: they carry meaning). */
export const EXIT = { ok: 0, findings: 1, error: 2, interrupted: 130 } as const;

/** Streams and environment, passed in so tests can run the CLI without spawning. */
export interface Io {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
  cwd: string;
}

const DEFAULT_OUTPUT = 'clean-corpus-out';

export function toolInfo(): { name: string; version: string } {
  try {
    const pkg = JSON.parse(fs.readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { name: string; version: string };
    return { name: pkg.name, version: pkg.version };
  } catch {
    return { name: 'clean-corpus', version: '0.0.0' };
  }
}

class UsageError extends Error {}

interface CliFlags {
  output?: string;
  report?: string;
  encoding?: string;
  format: 'auto' | 'text' | 'html';
  set: string[];
  listThresholds?: boolean;
  json?: boolean;
  quiet?: boolean;
  color: boolean;
  jobs?: string;
}

function buildCommand(): Command {
  return new Command()
    .name('clean-corpus')
    .description('Turn scraped web pages into clean, deduplicated UTF-8 text, with a report of everything removed.')
    .version(toolInfo().version, '-V, --version')
    .argument('[inputs...]', 'files, folders (read recursively) or globs')
    .option('-o, --output <dir>', `folder for the cleaned tree and report.json (default: ./${DEFAULT_OUTPUT})`)
    .option('--report <file>', 'where to write the JSON report (default: <output>/report.json)')
    .option('--encoding <name>', 'read every input in this encoding instead of detecting it')
    .addOption(new Option('--format <format>', 'treat inputs as text or HTML instead of sniffing').choices(['auto', 'text', 'html']).default('auto'))
    .option('--set <name=value>', 'override a threshold (repeatable; see --list-thresholds)', (v: string, acc: string[]) => [...acc, v], [] as string[])
    .option('--list-thresholds', 'print every threshold with its default and source, then exit')
    .option('--json', 'print the summary as JSON on stdout')
    .option('-q, --quiet', 'print nothing on stderr but errors')
    .option('--no-color', 'never colour the output (NO_COLOR is honoured too)')
    .option('-j, --jobs <n>', `threads for the per-document work (default: the number of cores, ${os.availableParallelism()} here; 1 = no worker threads)`)
    .addHelpText(
      'after',
      `\nExit codes: 0 done, 1 findings in check mode, 2 usage error or an input that could not be read.\nExample: clean-corpus ./seeds -o out/`,
    )
    .exitOverride()
    .configureOutput({ writeOut: () => {}, writeErr: () => {} });
}

function toOptions(flags: CliFlags): Options {
  const options = defaultOptions();
  options.format = flags.format;
  if (flags.encoding) {
    const name = canonicalEncoding(flags.encoding);
    if (!iconv.encodingExists(name)) throw new UsageError(`unknown encoding "${flags.encoding}" for --encoding`);
    options.encoding = name;
  }
  const overrides: Record<string, string> = {};
  for (const kv of flags.set) {
    const eq = kv.indexOf('=');
    if (eq <= 0) throw new UsageError(`--set takes name=value, not "${kv}"`);
    overrides[kv.slice(0, eq).trim()] = kv.slice(eq + 1).trim();
  }
  const bad = applyThresholds(options.thresholds, overrides);
  if (bad) throw new UsageError(bad);
  return options;
}

function listThresholds(): string {
  return (Object.entries(THRESHOLDS) as [string, ThresholdSpec][])
    .map(([name, s]) => `${name} = ${s.value}\n    ${s.doc}\n    source: ${s.source}`)
    .join('\n');
}

/** Run the CLI; resolves to the exit code. */
export async function main(argv: string[], io: Io = processIo()): Promise<number> {
  const command = buildCommand();
  const color = (flags: Partial<CliFlags>) => flags.color !== false && !io.env.NO_COLOR && Boolean(io.stderr.isTTY);
  let flags: CliFlags;
  let args: string[];
  try {
    command.parse(argv);
    flags = command.opts<CliFlags>();
    args = command.args;
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version') {
        io.stdout.write(err.code === 'commander.version' ? `${toolInfo().version}\n` : command.helpInformation());
        return EXIT.ok;
      }
      io.stderr.write(`clean-corpus: ${err.message.replace(/^error: /, '')}\nTry 'clean-corpus --help'.\n`);
      return EXIT.error;
    }
    throw err;
  }

  try {
    if (flags.listThresholds) {
      io.stdout.write(listThresholds() + '\n');
      return EXIT.ok;
    }
    const options = toOptions(flags);
    return await runFolder(args, flags, options, io, color(flags));
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr.write(`clean-corpus: ${err.message}\nTry 'clean-corpus --help'.\n`);
      return EXIT.error;
    }
    io.stderr.write(`clean-corpus: internal error: ${err instanceof Error ? err.message : String(err)}\n`);
    return EXIT.error;
  }
}

/** `--jobs`: a whole number of threads, 1 or more; the number of cores when not given. */
function parseJobs(value: string | undefined): number {
  if (value === undefined) return os.availableParallelism();
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 1024) throw new UsageError(`--jobs takes a whole number from 1 to 1024, not "${value}"`);
  return n;
}

async function runFolder(args: string[], flags: CliFlags, options: Options, io: Io, color: boolean, jobs = parseJobs(flags.jobs)): Promise<number> {
  if (args.length === 0) throw new UsageError('no input given: name files, folders or globs');
  const started = performance.now();
  const outDir = path.resolve(io.cwd, flags.output ?? DEFAULT_OUTPUT);
  const reportPath = path.resolve(io.cwd, flags.report ?? path.join(outDir, 'report.json'));

  for (const arg of args) {
    const abs = path.resolve(io.cwd, arg);
    if (fs.existsSync(abs) && fs.statSync(abs).isDirectory() && isInside(abs, outDir))
      throw new UsageError(`the output folder ${displayPath(outDir, io.cwd)} contains the input ${arg}; choose another --output`);
  }
  const { files, missing } = await expandInputs(args, [outDir, reportPath], io.cwd);
  const names = outputNames(files.map((f) => f.rel));

  const sources = (): Source[] => [
    ...missing.map((m) => ({
      source: { path: m.display, relPath: '' },
      load: async () => ({ ok: false as const, code: 'read-failed' as const, args: { reason: m.reason } }),
    })),
    ...files.map((f) => ({
      source: { path: f.display, relPath: f.rel },
      load: () => readInput(f.abs, options.thresholds['input.maxBytes']),
      file: { abs: f.abs, maxBytes: options.thresholds['input.maxBytes'] },
    })),
  ];
  const outputOf = new Map<string, string>(files.map((f, i) => [f.display, names[i]]));

  const report = new ReportWriter(reportPath, { tool: toolInfo(), options: reportOptions(options, flags, outDir) });
  const totals: Totals = emptyTotals();
  const progress = progressLine(io, color);
  const timings: StageTimings = {};
  let stop = false;
  const onSignal = () => {
    if (stop) {
      removePendingTemps();
      report.abort();
      process.exit(EXIT.interrupted);
    }
    stop = true;
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  try {
    await runCorpus(sources, options, {
      shouldStop: () => stop,
      onProgress: (pass, done) => progress.update(pass, done, files.length + missing.length),
      onDoc: async (doc: Doc) => {
        let written: string | null = null;
        if (doc.status === 'kept' && doc.output !== undefined) {
          const rel = outputOf.get(doc.source.path)!;
          const target = path.join(outDir, rel);
          const t0 = performance.now();
          try {
            // the write itself is synchronous; time it before awaiting, so other documents' work is not counted
            const writing = writeAtomic(target, doc.output);
            timings.write = (timings.write ?? 0) + (performance.now() - t0);
            await writing;
            written = displayPath(target, io.cwd);
          } catch (err) {
            doc.status = 'error';
            doc.findings.push({ code: 'write-failed', severity: 'error', stage: 'write', args: { output: displayPath(target, io.cwd), reason: (err as Error).message } });
          }
        }
        const t1 = performance.now();
        const entry = docEntry(doc, written);
        report.add(entry);
        timings.report = (timings.report ?? 0) + (performance.now() - t1);
        addToTotals(totals, doc, entry);
        if (doc.status === 'error' || (doc.status === 'skipped' && !flags.quiet)) {
          progress.clear();
          io.stderr.write(problemLine(entry, color) + '\n');
        }
      },
    }, { jobs, timings });
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    progress.clear();
  }
  const stageMs = roundTimings(timings);
  report.finish(totals, stageMs);
  const seconds = (performance.now() - started) / 1000;
  const info = { totals, outputDir: displayPath(outDir, io.cwd), reportPath: displayPath(reportPath, io.cwd), seconds };
  if (flags.json) io.stdout.write(JSON.stringify({ ...info, interrupted: stop, jobs, timings: stageMs }) + '\n');
  if (!flags.quiet) io.stderr.write(formatSummary(info, color));
  if (stop) {
    io.stderr.write(`clean-corpus: interrupted after ${totals.documents} of ${files.length + missing.length} documents; the report lists those done\n`);
    return EXIT.interrupted;
  }
  return totals.error > 0 ? EXIT.error : EXIT.ok;
}

/** Milliseconds per stage, rounded to 0.1 ms (per-document stages are summed over threads). */
function roundTimings(t: StageTimings): StageTimings {
  return Object.fromEntries(Object.entries(t).map(([k, v]) => [k, Math.round(v * 10) / 10]));
}

function reportOptions(options: Options, flags: CliFlags, outDir: string): object {
  return { ...options, output: outDir, quiet: Boolean(flags.quiet) };
}

/** A progress line on a terminal, for runs longer than a moment. */
function progressLine(io: Io, color: boolean) {
  const started = Date.now();
  let last = 0;
  let shown = false;
  const enabled = Boolean(io.stderr.isTTY);
  return {
    update(pass: number, done: number, total: number) {
      const now = Date.now();
      if (!enabled || now - started < 500 || now - last < 100) return;
      last = now;
      shown = true;
      io.stderr.write(`\r${color ? '\x1b[2K' : ''}pass ${pass}/2: ${done}/${total} documents`);
    },
    clear() {
      if (shown) io.stderr.write('\r\x1b[2K');
      shown = false;
    },
  };
}

function processIo(): Io {
  return { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env, cwd: process.cwd() };
}
