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
import { defaultOptions, SKIPPABLE, type Options } from './options.js';
import { applyThresholds, THRESHOLDS, type ThresholdSpec } from './thresholds.js';
import { expandInputs, inputBytesUpTo, isInside, displayPath, type InputFile, type MissingInput } from './io/inputs.js';
import { fileURLToPath } from 'node:url';
import { removePendingTemps } from './io/write.js';
import { INTERRUPTED, watchInterrupts } from './io/interrupt.js';
import { parseByteSize } from './io/size.js';
import { checkOutputPaths } from './io/paths.js';
import { formatSummary, listsOnStderr, problemLine } from './report/terminal-summary.js';
import { formatExplain } from './report/explain.js';
import { canonicalEncoding } from './stages/detect-encoding.js';
import type { Doc } from './record/doc.js';
import { checkDedupThresholds } from './dedup/params.js';
import { ConfigError, findConfig, loadConfig, type ConfigurableOption } from './config.js';
import { formatOf, inputSources, outputNamesFor, type JsonlChoice } from './formats/sources.js';
import { DEFAULT_TEXT_FIELD } from './formats/jsonl.js';
import { ProgressLine } from './io/progress-line.js';
import { readPathList } from './io/files-from.js';
import { readDocument, StdinOverflow, StdinSpool } from './io/stdin.js';
import type { PipeInput } from './modes/pipe.js';
import { guardOutput, type GuardedOutput } from './io/stdout.js';
import { folderOutputs, OutputRefused } from './formats/outputs.js';
import type { ModeContext } from './modes/context.js';
import { Tally } from './modes/tally.js';
import { reportPaths } from './report/names.js';
import type { StageTimings } from './stage.js';

/** For bin/clean-corpus.js, which ends the process at once when stdout closes or something escapes `main`. */
export { removePendingTemps };

/** Exit codes (ripgrep-style: they carry meaning). */
export const EXIT = { ok: 0, findings: 1, error: 2, interrupted: INTERRUPTED } as const;

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
  format: 'auto' | 'text' | 'html' | 'jsonl' | 'warc';
  set: string[];
  listThresholds?: boolean;
  json?: boolean;
  quiet?: boolean;
  verbose?: boolean;
  color: boolean;
  keepDuplicates?: boolean;
  jsonl?: boolean;
  textField: string;
  filesFrom?: string;
  null?: boolean;
  check?: boolean;
  write?: boolean;
  deleteDuplicates?: boolean;
  config?: string | false;
  maxBytes?: string;
  explain?: boolean;
  skip?: string;
  jobs?: string;
  spill?: boolean;
  executor?: 'local' | 'slurm';
  tasks?: string;
  work?: string;
  partition?: string;
  sbatch?: string;
}

/** What a sharded run's tasks give the folder mode (modes/sharded/): the engine that finishes it, and the inputs its plan listed. */
export interface Drive {
  engine?: typeof import('./engine/run.js').runCorpus;
  inputs?: { files: InputFile[]; missing: MissingInput[] };
  /** `clean-corpus shard plan`: make the plan of a sharded run, and stop. */
  planOnly?: boolean;
}

/** Options a config file may not set: they say what this one command does, not how the corpus is cleaned. */
const COMMAND_ONLY = new Set(['version', 'listThresholds', 'set', 'config', 'filesFrom', 'null', 'check', 'write', 'deleteDuplicates', 'executor', 'tasks', 'work', 'partition', 'sbatch']);
/** The options of a sharded run's executor (with a value each): not part of the run a plan pins. */
const EXECUTOR_OPTIONS = ['--executor', '--tasks', '--work', '--partition', '--sbatch'];
/** Options whose value is a path: in a config file, relative to the file's folder. */
const PATH_OPTIONS = new Set(['output', 'report', 'work']);

function buildCommand(): Command {
  return new Command()
    .name('clean-corpus')
    .description('Turn scraped web pages into clean, deduplicated UTF-8 text, with a report of everything removed.')
    .version(toolInfo().version, '-V, --version')
    .argument('[inputs...]', 'files, folders (read recursively) or globs')
    .option('-o, --output <dir>', `folder for the cleaned tree and report.json (default: ./${DEFAULT_OUTPUT})`)
    .option('--report <file>', 'where to write the JSON report (default: <output>/report.json)')
    .option('--encoding <name>', 'read every input in this encoding instead of detecting it')
    .addOption(new Option('--format <format>', 'treat inputs as text or HTML instead of sniffing, or read every input as JSON Lines or WARC records').choices(['auto', 'text', 'html', 'jsonl', 'warc']).default('auto'))
    .option('--skip <stages>', `stages not to run, comma-separated: ${SKIPPABLE.join(', ')}`)
    .option('--max-bytes <size>', 'skip any input larger than this (e.g. 64M; default 512M; same as --set input.maxBytes=N)')
    .option('--set <name=value>', 'override a threshold (repeatable; see --list-thresholds)', (v: string, acc: string[]) => [...acc, v], [] as string[])
    .option('--list-thresholds', 'print every threshold with its default and source, then exit')
    .option('--json', 'print the summary as JSON on stdout')
    .option('-q, --quiet', 'print nothing on stderr but errors')
    .option('-v, --verbose', 'also list the documents skipped for having no text (empty, or nothing left after cleaning); they are counted in the summary either way')
    .option('--no-color', 'never colour the output (NO_COLOR is honoured too)')
    .option('--keep-duplicates', 'write duplicate documents too (they are still reported as duplicates)')
    .option('--jsonl', 'read inputs as JSON Lines, one record per line (.jsonl files are read so anyway)')
    .option('--text-field <name>', 'field of a JSON Lines record (or column of a Parquet row) that holds the text', DEFAULT_TEXT_FIELD)
    .option('--files-from <file>', 'read input paths from a file, one per line ("-": standard input)')
    .option('-0, --null', 'with --files-from: paths are separated by NUL characters (find -print0, git ls-files -z)')
    .option('--check', 'write nothing; list each file that cleaning would change or that duplicates another; exit 1 if any')
    .option('--write', 'clean the given files in place, atomically; duplicates are reported, not deleted')
    .option('--delete-duplicates', 'with --write: delete files (or records) that duplicate an earlier one')
    .option('--config <file>', 'read options from this JSON file (default: the nearest .clean-corpusrc.json or package.json "clean-corpus" key)')
    .option('--no-config', 'ignore config files')
    .option('--explain', 'print every block of every file with its class and the reason, on stdout')
    .option('-j, --jobs <n>', `threads for the per-document work: this one and N − 1 workers (default: the number of cores, ${os.availableParallelism()} here; 1 = no worker threads)`)
    .option('--no-spill', 'prepare each document again in the second pass instead of keeping it in a temporary folder (TMPDIR) between the passes')
    .addOption(new Option('--executor <where>', 'run sharded: as processes on this machine, or as Slurm array jobs (output identical to one process)').choices(['local', 'slurm']))
    .option('--tasks <n>', 'with --executor: shards of the run (default: the number of cores for local, 16 for slurm)')
    .option('--work <dir>', 'with --executor: folder for the plan and the shards\' files, on a file system every task sees; kept, so that the same command resumes (default: beside the output, removed when done)')
    .option('--partition <name>', 'with --executor slurm: the partition to submit to')
    .option('--sbatch <args>', 'with --executor slurm: more sbatch arguments, e.g. "--time=2:00:00 --mem=8G"')
    .addHelpText(
      'after',
      `\nExit codes: 0 done, 1 findings in check mode, 2 usage error or an input that could not be read.\n\n${EXAMPLES}`,
    )
    .exitOverride()
    .configureOutput({ writeOut: () => {}, writeErr: () => {} });
}

function toOptions(flags: CliFlags): Options {
  const options = defaultOptions();
  // jsonl and warc name how inputs are read (formats/sources.ts), not what the text is
  options.format = flags.format === 'jsonl' || flags.format === 'warc' ? 'auto' : flags.format;
  if (flags.skip) {
    options.skip = flags.skip.split(',').map((name) => name.trim()).filter(Boolean);
    const unknown = options.skip.find((name) => !SKIPPABLE.includes(name));
    if (unknown) throw new UsageError(`--skip: no stage "${unknown}" can be skipped (choose from ${SKIPPABLE.join(', ')})`);
  }
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
  if (flags.maxBytes !== undefined) {
    const bytes = parseByteSize(flags.maxBytes);
    if (bytes === undefined) throw new UsageError(`--max-bytes takes a size such as 4096, 64K, 300M or 2G, not "${flags.maxBytes}"`);
    overrides['input.maxBytes'] = String(bytes);
  }
  const bad = applyThresholds(options.thresholds, overrides);
  if (bad) throw new UsageError(bad);
  const badDedup = checkDedupThresholds(options.thresholds);
  if (badDedup) throw new UsageError(badDedup);
  return options;
}

function listThresholds(): string {
  return (Object.entries(THRESHOLDS) as [string, ThresholdSpec][])
    .map(([name, s]) => `${name} = ${s.value}\n    ${s.doc}\n    source: ${s.source}`)
    .join('\n');
}

/** Run the CLI; resolves to the exit code. */
export async function main(argv: string[], io: Io = processIo(), drive: Drive = {}): Promise<number> {
  if (argv[2] === 'shard') {
    const { runShardCommand } = await import('./modes/sharded/command.js');
    return runShardCommand(argv.slice(3), io, main);
  }
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

  const out = guardOutput(io.stdout);
  try {
    configure(command, io);
    flags = command.opts<CliFlags>();
    if (flags.listThresholds) {
      io.stdout.write(listThresholds() + '\n');
      return EXIT.ok;
    }
    const options = toOptions(flags);
    return await dispatch(args, flags, options, io, color(flags), out, drive, argv.slice(2));
  } catch (err) {
    if (err instanceof ConfigError) {
      io.stderr.write(`clean-corpus: config file ${err.message}\n`);
      return EXIT.error;
    }
    if (err instanceof UsageError || (err instanceof Error && err.name === 'PlanMismatch')) {
      io.stderr.write(`clean-corpus: ${err.message}\nTry 'clean-corpus --help'.\n`);
      return EXIT.error;
    }
    // a failure outside any one document, in any mode: leave no temporary file behind (partial outputs, the report)
    removePendingTemps();
    if (err instanceof StdinOverflow) {
      // in pass 1: nothing was written yet but temporary files
      io.stderr.write(`clean-corpus: standard input is over ${err.limit} bytes, a quarter of this machine's memory, and could not be kept in ${err.dir} (${err.problem}): stopped rather than hold more of it in memory; set TMPDIR to a folder with room, or name the file instead of piping it\n`);
      return EXIT.error;
    }
    io.stderr.write(`clean-corpus: internal error: ${err instanceof Error ? err.message : String(err)}\n`);
    return EXIT.error;
  }
}

/** Apply the config file (unless --no-config): its values for every option not given on the command line. */
function configure(command: Command, io: Io): void {
  const chosen = command.opts<CliFlags>().config;
  if (chosen === false) return;
  const file = chosen ? path.resolve(io.cwd, chosen) : findConfig(io.cwd);
  if (!file) return;
  const allowed: ConfigurableOption[] = command.options
    .filter((o) => !COMMAND_ONLY.has(o.attributeName()))
    .map((o) => ({ key: o.attributeName(), kind: o.negate || o.isBoolean() ? 'boolean' : 'string', choices: o.argChoices, isPath: PATH_OPTIONS.has(o.attributeName()) }));
  const config = loadConfig(file, allowed, displayPath(file, io.cwd));
  for (const [key, value] of Object.entries(config.values))
    if (command.getOptionValueSource(key) !== 'cli') command.setOptionValueWithSource(key, value, 'config');
  // thresholds from the file first, so that --set (later wins) overrides them
  const sets = Object.entries(config.thresholds).map(([name, value]) => `${name}=${value}`);
  command.setOptionValue('set', [...sets, ...command.opts<CliFlags>().set]);
}

/** The end of --help: one line for each way in, as people copy from it. */
const EXAMPLES = `Examples:
  clean-corpus ./pages -o out/                        a folder: out/a.txt for pages/a.html, a report in out/report.json
  clean-corpus 'crawl/**/*.html' -o out/              a glob (quoted, so the shell leaves it alone)
  curl -s https://example.org | clean-corpus > a.txt  a pipe: one page in, its text out
  clean-corpus --jsonl < dump.jsonl > clean.jsonl     JSON Lines from a pipe: the "text" field of each record
  clean-corpus data/ -o out/                          data/a.jsonl.gz → out/a.jsonl.gz, data/b.jsonl.zst → out/b.jsonl.zst
  clean-corpus CC-MAIN-x.warc.gz -o out/              WARC/WET: response and conversion records → out/CC-MAIN-x.jsonl.gz
  zcat x.warc.gz | clean-corpus --format warc > x.jsonl   WARC from a pipe: records {id, url, date, text} out
  clean-corpus train.parquet -o out/                  Parquet: the "text" column of each row → out/train.parquet, other columns kept
  clean-corpus --check docs/ ; clean-corpus --write docs/   check (exit 1 if anything would change) or clean in place`;

/** Choose the mode: check/fix files, a pipe (no input, or "-"), or a folder run. */
async function dispatch(args: string[], flags: CliFlags, options: Options, io: Io, color: boolean, out: GuardedOutput, drive: Drive, argv: string[]): Promise<number> {
  if (flags.check && flags.write) throw new UsageError('--check and --write cannot be used together');
  if (flags.deleteDuplicates && !flags.write) throw new UsageError('--delete-duplicates works only with --write');
  if (flags.null && !flags.filesFrom) throw new UsageError('-0 works only with --files-from');
  if (flags.filesFrom) {
    try {
      args = [...args, ...(await readPathList(flags.filesFrom, Boolean(flags.null), io.stdin, (p) => path.resolve(io.cwd, p)))];
    } catch (err) {
      throw new UsageError((err as Error).message);
    }
    // an empty list (no staged files, nothing found) is nothing to do, not a mistake
    if (args.length === 0) return EXIT.ok;
  }
  const jsonl = inputChoice(flags);
  const ctx: ModeContext = {
    io,
    out,
    options,
    jsonl,
    reportPath: flags.report ? path.resolve(io.cwd, flags.report) : undefined,
    header: { tool: toolInfo(), options: { ...options, quiet: Boolean(flags.quiet) } },
    quiet: Boolean(flags.quiet),
    verbose: Boolean(flags.verbose),
    color,
    run: { jobs: parseJobs(flags.jobs), spill: flags.spill !== false, eagerWorkers: io.env.CLEAN_CORPUS_EAGER_WORKERS === '1' },
  };
  if (flags.check || flags.write) {
    if (flags.explain) throw new UsageError(`--explain cannot be used with --${flags.check ? 'check' : 'write'}: it lists the blocks of a folder run`);
    if (args.length === 0 || args.includes('-')) throw new UsageError(`--${flags.check ? 'check' : 'write'} needs files, folders or globs (or --files-from)`);
    const { runCheck } = await import('./modes/check.js');
    return runCheck(args, ctx, { write: Boolean(flags.write), deleteDuplicates: Boolean(flags.deleteDuplicates) });
  }
  if ((flags.check || flags.write) && flags.executor) throw new UsageError(`--executor cannot be used with --${flags.check ? 'check' : 'write'}`);
  if ((args.length === 0 && !flags.filesFrom) || (args.length === 1 && args[0] === '-')) {
    if (flags.executor) throw new UsageError('--executor needs files, folders or globs: standard input cannot be shared out between tasks');
    if (flags.json) throw new UsageError('--json prints on stdout, which carries the cleaned text when reading standard input; use --report FILE');
    if (flags.explain) throw new UsageError('--explain prints on stdout, which carries the cleaned text when reading standard input; name a file instead');
    if (args.length === 0 && io.stdin.isTTY) throw new UsageError('no input given: name files, folders or globs, or pipe a document to standard input');
    // the pipe mode (and the engine under it) loads before standard input is kept anywhere: loading takes ~0.2 s,
    // and a signal in that time, with the spool already made, met no handler and left the spool behind
    const { runPipe } = await import('./modes/pipe.js');
    const input: PipeInput = jsonl.all || jsonl.warc
      ? { records: new StdinSpool(io.stdin, (problem) => io.stderr.write(`clean-corpus: cannot keep standard input in ${os.tmpdir()} for the second pass (${problem}); keeping the rest of it in memory\n`)) }
      : { document: await readDocument(io.stdin, options.thresholds['input.maxBytes']) };
    if (args.length === 0 && ('records' in input ? await input.records.isEmpty() : input.document.size === 0)) {
      if ('records' in input) input.records.dispose();
      throw new UsageError('no input given: name files, folders or globs, or pipe a document to standard input');
    }
    return runPipe(input, ctx);
  }
  if (args.includes('-')) throw new UsageError('"-" (standard input) cannot be mixed with other inputs');
  if (flags.executor || drive.planOnly) return runShardedFolder(args, flags, options, io, argv, Boolean(drive.planOnly));
  for (const name of ['tasks', 'work', 'partition', 'sbatch'] as const)
    if (flags[name] !== undefined) throw new UsageError(`--${name} works only with --executor`);
  return runFolder(args, flags, options, io, color, ctx.run, drive);
}

/** How inputs are read: `--jsonl` or `--format jsonl`, `--format warc`, or by their names. */
function inputChoice(flags: CliFlags): JsonlChoice {
  return { all: Boolean(flags.jsonl) || flags.format === 'jsonl', warc: flags.format === 'warc', field: flags.textField };
}

/** `--jobs`: a whole number of threads, 1 or more; the number of cores when not given. */
function parseJobs(value: string | undefined): number {
  if (value === undefined) return os.availableParallelism();
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 1024) throw new UsageError(`--jobs takes a whole number from 1 to 1024, not "${value}"`);
  return n;
}

/** The output folder and report of a folder run, checked, and its inputs listed (all but `exclude`). */
async function folderInputs(args: string[], flags: CliFlags, io: Io, exclude: string[] = []) {
  if (args.length === 0) throw new UsageError('no input given: name files, folders or globs');
  const outDir = path.resolve(io.cwd, flags.output ?? DEFAULT_OUTPUT);
  const reportPath = path.resolve(io.cwd, flags.report ?? path.join(outDir, 'report.json'));
  for (const arg of args) {
    const abs = path.resolve(io.cwd, arg);
    if (fs.existsSync(abs) && fs.statSync(abs).isDirectory() && isInside(abs, outDir))
      throw new UsageError(`the output folder ${displayPath(outDir, io.cwd)} contains the input ${arg}; choose another --output`);
  }
  const pathProblem = checkOutputPaths(outDir, reportPath, io.cwd);
  if (pathProblem) throw new UsageError(pathProblem);
  const { files, missing } = await expandInputs(args, [outDir, ...Object.values(reportPaths(reportPath)), ...exclude], io.cwd);
  return { outDir, reportPath, files, missing };
}

/** `--executor local|slurm`: the run sharded (modes/sharded/), or only its plan (`clean-corpus shard plan`). */
async function runShardedFolder(args: string[], flags: CliFlags, options: Options, io: Io, argv: string[], planOnly: boolean): Promise<number> {
  const executor = flags.executor ?? 'local';
  const tasks = flags.tasks === undefined ? (executor === 'local' ? os.availableParallelism() : 16) : Number(flags.tasks);
  if (!Number.isInteger(tasks) || tasks < 1 || tasks > 100_000) throw new UsageError(`--tasks takes a whole number from 1 to 100000, not "${flags.tasks}"`);
  const outDir = path.resolve(io.cwd, flags.output ?? DEFAULT_OUTPUT);
  const { defaultWork, planRun, runSharded } = await import('./modes/sharded/driver.js');
  const work = flags.work !== undefined ? path.resolve(io.cwd, flags.work) : defaultWork(outDir);
  const { files, missing } = await folderInputs(args, flags, io, [work]);
  const run = {
    argv: withoutExecutorOptions(argv), cwd: io.cwd, tasks, jobs: flags.jobs === undefined ? 1 : parseJobs(flags.jobs), options, jsonl: inputChoice(flags),
    files, missing, work, ownWork: flags.work === undefined, quiet: Boolean(flags.quiet),
  };
  if (planOnly) {
    const { plan } = await planRun(run);
    io.stdout.write(`${displayPath(path.join(work, 'plan.json'), io.cwd)}: ${plan.shards.reduce((n, s) => n + s.docs, 0)} documents in ${plan.tasks} shards\n`);
    return EXIT.ok;
  }
  const bin = fileURLToPath(new URL('../bin/clean-corpus.js', import.meta.url));
  const chosen = executor === 'slurm'
    ? (await import('./modes/sharded/slurm.js')).slurmExecutor(bin, { partition: flags.partition, sbatch: flags.sbatch?.split(/\s+/).filter(Boolean) ?? [] }, io)
    : (await import('./modes/sharded/local.js')).localExecutor(bin);
  return runSharded(run, chosen, io);
}

/** A command line without the executor's options (and their values): the run itself, as its plan pins it. */
function withoutExecutorOptions(argv: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (EXECUTOR_OPTIONS.includes(a)) i++;
    else if (!EXECUTOR_OPTIONS.some((o) => a.startsWith(`${o}=`))) out.push(a);
  }
  return out;
}

async function runFolder(args: string[], flags: CliFlags, options: Options, io: Io, color: boolean, run: ModeContext['run'], drive: Drive = {}): Promise<number> {
  const { jobs } = run;
  const started = performance.now();
  const { outDir, reportPath, files, missing } = drive.inputs
    ? { outDir: path.resolve(io.cwd, flags.output ?? DEFAULT_OUTPUT), reportPath: path.resolve(io.cwd, flags.report ?? path.join(path.resolve(io.cwd, flags.output ?? DEFAULT_OUTPUT), 'report.json')), ...drive.inputs }
    : await folderInputs(args, flags, io);
  const jsonl = inputChoice(flags);
  const names = outputNamesFor(files, jsonl);
  // what every output needs checked (a Parquet schema that can be written again) stops the run before anything is written
  const outputs = await folderOutputs(files, names, jsonl, { outDir, cwd: io.cwd, keepDuplicates: flags.keepDuplicates === true }).catch((err: unknown) => {
    throw err instanceof OutputRefused ? new UsageError(err.message) : err;
  });
  const sources = inputSources(files, missing, options, jsonl);

  const tally = new Tally(reportPath, { tool: toolInfo(), options: reportOptions(options, flags, outDir) });
  const totals = tally.totals;
  // the totals cost a stat of every input: only for a terminal, the only place the line is drawn; a file of
  // records has no document count up front
  const progress = new ProgressLine(
    io.stderr,
    io.stderr.isTTY ? { docs: files.some((f) => formatOf(f, jsonl).name !== 'document') ? undefined : files.length + missing.length, bytes: inputBytesUpTo(files, Infinity) } : {},
  );
  const timings: StageTimings = {};
  const busy = { main: 0, workers: [] as number[] };
  // First signal: finish the document in hand, write the report of what was done, exit 130.
  // Second: remove the temporary files of writes under way (outputs, in-place rewrites, the report) and stop at once.
  // the stages load here, not with the command line (their tables cost ~90 ms to build): --help stays quick
  const runCorpus = drive.engine ?? (await import('./engine/run.js')).runCorpus;
  const interrupts = watchInterrupts(() => {
    removePendingTemps();
    tally.abort();
    progress.clear();
    io.stderr.write(`clean-corpus: interrupted again: stopped at once after ${totals.documents} documents; their outputs are complete, no report written\n`);
  });

  try {
    await runCorpus(progress.counting(sources), options, {
      shouldStop: () => interrupts.stopped,
      onProgress: (pass, done) => progress.update(pass, done),
      onDoc: async (doc: Doc) => {
        const written = await outputs.add(doc, timings);
        if (flags.explain) io.stdout.write(formatExplain(doc));
        const t1 = performance.now();
        const entry = tally.add(doc, written);
        timings.report = (timings.report ?? 0) + (performance.now() - t1);
        if (listsOnStderr(entry, Boolean(flags.quiet), Boolean(flags.verbose))) {
          progress.clear();
          io.stderr.write(problemLine(entry, color) + '\n');
        }
      },
    }, { ...run, timings, busy, inputBytes: (limit) => inputBytesUpTo(files, limit) });
  } finally {
    interrupts.dispose();
    progress.clear();
  }
  const stop = interrupts.stopped;
  for (const problem of await outputs.close(stop)) {
    io.stderr.write(`clean-corpus: ${problem}\n`);
    totals.error++;
  }
  const stageMs = roundTimings(timings);
  const finishing = performance.now();
  tally.finish(stop, stageMs);
  // after the summary is written (which holds the other timings): the time to write it and the page
  stageMs['report:finish'] = Math.round((performance.now() - finishing) * 10) / 10;
  const seconds = (performance.now() - started) / 1000;
  const info = { totals, outputDir: displayPath(outDir, io.cwd), reportPath: displayPath(reportPath, io.cwd), seconds, verbose: Boolean(flags.verbose) };
  const threads = { mainBusyMs: Math.round(busy.main), workersBusyMs: busy.workers.map(Math.round) };
  if (flags.json) io.stdout.write(JSON.stringify({ ...info, interrupted: stop, jobs, timings: stageMs, threads }) + '\n');
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

function processIo(): Io {
  return { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env, cwd: process.cwd() };
}
