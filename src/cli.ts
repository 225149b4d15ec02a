/**
 * The command line: glue that turns arguments and the config file into options, chooses the mode (a folder run, a
 * pipe, `--check`/`--write`) and turns what goes wrong outside every run into a line on stderr and an exit code.
 * The flags are defined in cli/command.ts and checked in cli/options.ts; each mode is a driver in modes/ over one
 * session (modes/session.ts). The only module that touches argv and the process.
 */
import fs from 'node:fs';
import path from 'node:path';
import { CommanderError, type Command } from 'commander';
import type { Options } from './options.js';
import { displayPath } from './io/inputs.js';
import { removePendingTemps } from './io/write.js';
import { readPathList } from './io/files-from.js';
import { StdinOverflow } from './io/stdin.js';
import { guardOutput, type GuardedOutput } from './io/stdout.js';
import { ConfigError, findConfig, loadConfig, type ConfigurableOption } from './config.js';
import { internalErrorSentence, stderrLine, stdinOverflowSentence } from './report/run-messages.js';
import { buildCommand, COMMAND_ONLY, DEFAULT_OUTPUT, helpEnd, PATH_OPTIONS, type CliFlags } from './cli/command.js';
import { inputChoice, listThresholds, parseJobs, toOptions } from './cli/options.js';
import { EXIT, UsageError, type Io, type ModeContext } from './modes/context.js';
import type { CorpusRunner } from './modes/folder.js';
import type { ExpandResult } from './io/inputs.js';

/** For bin/clean-corpus.js, which ends the process at once when stdout closes or something escapes `main`. */
export { removePendingTemps };
export type { Io };

export function toolInfo(): { name: string; version: string } {
  try {
    const pkg = JSON.parse(fs.readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { name: string; version: string };
    return { name: pkg.name, version: pkg.version };
  } catch {
    return { name: 'clean-corpus', version: '0.0.0' };
  }
}

/** What the tasks of a sharded run (modes/sharded/) give the folder mode in place of what a command line gives. */
export interface Drive {
  /** The finishing task's engine: the cleaned shards instead of the inputs. */
  engine?: CorpusRunner;
  /** The inputs the plan listed. */
  inputs?: ExpandResult;
  /** `clean-corpus shard plan`: make the plan of a sharded run, and stop. */
  planOnly?: boolean;
}

/** Run the CLI; resolves to the exit code. */
export async function main(argv: string[], io: Io = processIo(), drive: Drive = {}): Promise<number> {
  if (argv[2] === 'shard') {
    const { runShardCommand } = await import('./modes/sharded/command.js');
    return runShardCommand(argv.slice(3), io, main);
  }
  const command = buildCommand(toolInfo().version);
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
        io.stdout.write(err.code === 'commander.version' ? `${toolInfo().version}\n` : command.helpInformation() + helpEnd());
        return EXIT.ok;
      }
      io.stderr.write(stderrLine(`${err.message.replace(/^error: /, '')}\nTry 'clean-corpus --help'.`));
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
      io.stderr.write(stderrLine(`config file ${err.message}`));
      return EXIT.error;
    }
    if (err instanceof UsageError) {
      io.stderr.write(stderrLine(`${err.message}\nTry 'clean-corpus --help'.`));
      return EXIT.error;
    }
    // a failure outside any one document, in any mode: leave no temporary file behind (partial outputs, the report)
    removePendingTemps();
    // in pass 1: nothing was written yet but temporary files
    io.stderr.write(stderrLine(err instanceof StdinOverflow ? stdinOverflowSentence(err) : internalErrorSentence(err)));
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

/** Choose the mode: check/fix files, a pipe (no input, or "-"), or a folder run. Each loads only when chosen. */
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
  const ctx: ModeContext = {
    io,
    out,
    options,
    jsonl: inputChoice(flags),
    reportPath: flags.report ? path.resolve(io.cwd, flags.report) : undefined,
    header: { tool: toolInfo(), options: { ...options, quiet: Boolean(flags.quiet) } },
    quiet: Boolean(flags.quiet),
    verbose: Boolean(flags.verbose),
    color,
    run: { jobs: parseJobs(flags.jobs), spill: flags.spill !== false, eagerWorkers: io.env.CLEAN_CORPUS_EAGER_WORKERS === '1' },
  };
  if ((flags.check || flags.write) && flags.executor) throw new UsageError(`--executor cannot be used with --${flags.check ? 'check' : 'write'}`);
  if (flags.check || flags.write) {
    if (flags.explain) throw new UsageError(`--explain cannot be used with --${flags.check ? 'check' : 'write'}: it lists the blocks of a folder run`);
    if (args.length === 0 || args.includes('-')) throw new UsageError(`--${flags.check ? 'check' : 'write'} needs files, folders or globs (or --files-from)`);
    const { runCheck } = await import('./modes/check.js');
    return runCheck(args, ctx, { write: Boolean(flags.write), deleteDuplicates: Boolean(flags.deleteDuplicates) });
  }
  if ((args.length === 0 && !flags.filesFrom) || (args.length === 1 && args[0] === '-')) {
    if (flags.json) throw new UsageError('--json prints on stdout, which carries the cleaned text when reading standard input; use --report FILE');
    if (flags.explain) throw new UsageError('--explain prints on stdout, which carries the cleaned text when reading standard input; name a file instead');
    if (flags.executor) throw new UsageError('--executor needs files, folders or globs: standard input cannot be shared out between tasks');
    const noInput = 'no input given: name files, folders or globs, or pipe a document to standard input';
    if (args.length === 0 && io.stdin.isTTY) throw new UsageError(noInput);
    // the pipe mode (and the engine under it) loads before standard input is kept anywhere: loading takes ~0.2 s,
    // and a signal in that time, with the spool already made, met no handler and left the spool behind
    const { isEmptyInput, openStdin, runPipe } = await import('./modes/pipe.js');
    const input = await openStdin(ctx);
    if (args.length === 0 && (await isEmptyInput(input))) throw new UsageError(noInput);
    return runPipe(input, ctx);
  }
  if (args.includes('-')) throw new UsageError('"-" (standard input) cannot be mixed with other inputs');
  const outDir = path.resolve(io.cwd, flags.output ?? DEFAULT_OUTPUT);
  if (flags.executor || drive.planOnly) {
    const { runShardedFolder } = await import('./modes/sharded/driver.js');
    return runShardedFolder(args, ctx, { ...flags, outDir, argv, planOnly: Boolean(drive.planOnly) });
  }
  for (const name of ['tasks', 'work', 'partition', 'sbatch'] as const) if (flags[name] !== undefined) throw new UsageError(`--${name} works only with --executor`);
  const { runFolder } = await import('./modes/folder.js');
  return runFolder(args, ctx, { outDir, keepDuplicates: flags.keepDuplicates === true, explain: Boolean(flags.explain), json: Boolean(flags.json), engine: drive.engine, inputs: drive.inputs });
}

function processIo(): Io {
  return { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env, cwd: process.cwd() };
}
