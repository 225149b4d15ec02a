/**
 * A sharded run from one command: `clean-corpus INPUTS -o OUT --executor slurm|local --tasks N [--work DIR]`.
 * Makes the plan (or finds the one a run of the same command left), hands the steps still to do to the executor,
 * shows the shards done per step, and exits as one process would — the finishing task's exit code, 2 when a task
 * failed (naming its shard and log), 130 on Ctrl-C (which cancels what was submitted). Running the same command
 * again resumes: the shards whose files are in the work folder are not run again.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Options } from '../../options.js';
import { displayPath, type InputFile, type MissingInput } from '../../io/inputs.js';
import type { JsonlChoice } from '../../formats/sources.js';
import { cutShards, sizeInputs } from '../../formats/shards.js';
import { INTERRUPTED, watchInterrupts } from '../../io/interrupt.js';
import { stderrLine } from '../../report/run-messages.js';
import * as say from '../../report/shard-messages.js';
import { EXIT, UsageError, type Io, type ModeContext } from '../context.js';
import { folderInputs } from '../folder.js';
import { parseJobs } from '../../cli/options.js';
import { EXECUTOR_OPTIONS } from '../../cli/command.js';
import { localExecutor } from './local.js';
import { slurmExecutor } from './slurm.js';
import { fingerprint, pending, readPlan, stamp, STEPS, workPaths, writePlan, PLAN_VERSION, SHARDED, type Plan, type Step } from './plan.js';
import type { Executor, Submission } from './executor.js';

export interface ShardedRun {
  /** The run's own arguments, without the executor's: what the finishing task runs, as one process would. */
  argv: string[];
  cwd: string;
  tasks: number;
  jobs: number;
  options: Options;
  jsonl: JsonlChoice;
  files: InputFile[];
  missing: MissingInput[];
  work: string;
  /** The work folder is ours to remove once the run is done (it was not named with --work). */
  ownWork: boolean;
  quiet: boolean;
}

/** Flags that change only what the run prints, not what it writes: a rerun that differs in them resumes. */
const PRESENTATION = new Set(['-q', '--quiet', '-v', '--verbose', '--json', '--no-color']);

/** Make the plan, or take the one in the work folder when it is this run's; refuse another run's. */
export async function planRun(run: ShardedRun): Promise<{ plan: Plan; resumed: boolean }> {
  const mine = { cwd: run.cwd, argv: run.argv, tasks: run.tasks, jobs: run.jobs, files: run.files, missing: run.missing };
  const print = fingerprint({ ...mine, argv: run.argv.filter((a) => !PRESENTATION.has(a)) });
  if (fs.existsSync(workPaths(run.work).plan)) {
    const plan = readPlan(run.work);
    if (plan.fingerprint === print) {
      // what is printed may change between attempts: the finishing step, which prints, runs with this command's flags
      if (plan.argv.join('\0') !== run.argv.join('\0')) {
        plan.argv = run.argv;
        await writePlan(run.work, plan);
      }
      return { plan, resumed: true };
    }
    throw new PlanMismatch(say.otherPlanSentence(displayPath(run.work, run.cwd)));
  }
  const sizes = await sizeInputs(run.files, run.missing, run.options, run.jsonl);
  const plan: Plan = { version: PLAN_VERSION, fingerprint: print, ...mine, stamps: run.files.map((f) => stamp(f.abs)), options: run.options, jsonl: run.jsonl, shards: cutShards(sizes, run.tasks) };
  await writePlan(run.work, plan);
  return { plan, resumed: false };
}

/** The plan's work folder belongs to another run. */
export class PlanMismatch extends UsageError {}

export async function runSharded(run: ShardedRun, executor: Executor, io: Io): Promise<number> {
  const { plan, resumed } = await planRun(run);
  const submissions: Submission[] = [];
  for (const step of STEPS) {
    // the finishing step writes the user's files: it always runs (they may have been removed since)
    const shards = step === 'finish' ? [0] : pending(run.work, plan, step);
    if (shards.length > 0) submissions.push({ step, shards });
  }
  const tell = (sentence: string) => {
    if (!run.quiet) io.stderr.write(stderrLine(sentence));
  };
  const work = displayPath(run.work, run.cwd);
  if (resumed) {
    const done = STEPS.filter((s) => s !== 'finish' && !submissions.some((x) => x.step === s));
    const left = submissions.filter((s) => SHARDED.has(s.step)).map((s) => ({ step: s.step, shards: s.shards.length }));
    tell(say.resumingSentence(work, done, left, plan.tasks));
  }
  const shown = new Map<Step, number>();
  const interrupts = watchInterrupts(() => void executor.cancel(), () => void executor.cancel());
  let result;
  try {
    result = await executor.run(run.work, plan, submissions, (step, done, of) => {
      if (shown.get(step) === done) return;
      shown.set(step, done);
      if (done === of) tell(say.stepDoneSentence(step, SHARDED.has(step) ? of : undefined, executor.name));
    });
  } finally {
    interrupts.dispose();
  }
  if (interrupts.stopped) {
    io.stderr.write(stderrLine(say.shardedInterruptedSentence(work)));
    return INTERRUPTED;
  }
  if ('step' in result) {
    const paths = workPaths(run.work);
    const which = SHARDED.has(result.step) ? result.shards.map((i) => ({ i, failed: paths.failed(result.step, i), log: paths.log(result.step, i) })) : [{ i: -1, failed: paths.failed(result.step), log: paths.log(result.step) }];
    for (const { i, failed, log } of which) {
      const why = fs.existsSync(failed) ? fs.readFileSync(failed, 'utf8').trim() : say.taskEndSentence(result.exit);
      io.stderr.write(stderrLine(say.taskFailedSentence(result.step, i >= 0 ? { index: i, of: plan.tasks } : undefined, why, displayPath(log, run.cwd))));
    }
    io.stderr.write(stderrLine(say.REDO_SENTENCE));
    return 2;
  }
  if (result.code !== INTERRUPTED && run.ownWork) fs.rmSync(run.work, { recursive: true, force: true });
  return result.code;
}

/** What the command line tells a sharded folder run, besides what every mode gets. */
export interface ShardedChoice {
  outDir: string;
  /** The command's own arguments (after `clean-corpus`). */
  argv: string[];
  executor?: 'local' | 'slurm';
  tasks?: string;
  work?: string;
  jobs?: string;
  partition?: string;
  sbatch?: string;
  /** `clean-corpus shard plan`: make the plan and stop. */
  planOnly: boolean;
}

/** `--executor local|slurm`: the folder run sharded, or only its plan. Resolves to the exit code. */
export async function runShardedFolder(args: string[], ctx: ModeContext, choice: ShardedChoice): Promise<number> {
  const { io } = ctx;
  const executor = choice.executor ?? 'local';
  const tasks = choice.tasks === undefined ? (executor === 'local' ? os.availableParallelism() : DEFAULT_SLURM_TASKS) : Number(choice.tasks);
  if (!Number.isInteger(tasks) || tasks < 1 || tasks > MAX_TASKS) throw new UsageError(`--tasks takes a whole number from 1 to ${MAX_TASKS}, not "${choice.tasks}"`);
  const work = choice.work !== undefined ? path.resolve(io.cwd, choice.work) : defaultWork(choice.outDir);
  const reportPath = ctx.reportPath ?? path.join(choice.outDir, 'report.json');
  const { files, missing } = await folderInputs(args, io, choice.outDir, reportPath, [work]);
  const run: ShardedRun = {
    argv: withoutExecutorOptions(choice.argv),
    cwd: io.cwd,
    tasks,
    // one thread a task unless said: the tasks are the parallelism
    jobs: choice.jobs === undefined ? 1 : parseJobs(choice.jobs),
    options: ctx.options,
    jsonl: ctx.jsonl,
    files,
    missing,
    work,
    ownWork: choice.work === undefined,
    quiet: ctx.quiet,
  };
  if (choice.planOnly) {
    const { plan } = await planRun(run);
    io.stdout.write(say.planWrittenSentence(displayPath(workPaths(work).plan, io.cwd), plan.shards.reduce((n, s) => n + s.docs, 0), plan.tasks) + '\n');
    return EXIT.ok;
  }
  const bin = fileURLToPath(new URL('../../../bin/clean-corpus.js', import.meta.url));
  const chosen =
    executor === 'slurm' ? slurmExecutor(bin, { partition: choice.partition, sbatch: choice.sbatch?.split(/\s+/).filter(Boolean) ?? [] }, io) : localExecutor(bin);
  return runSharded(run, chosen, io);
}

/** Tasks of a Slurm run when --tasks is not given. */
const DEFAULT_SLURM_TASKS = 16;
/** At most this many shards (a plan lists each; Slurm's MaxArraySize defaults to 1001, and sites raise it). */
const MAX_TASKS = 100_000;

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

/** The work folder when --work is not given: beside the output, named after it. */
export function defaultWork(outDir: string): string {
  return path.join(path.dirname(outDir), `.${path.basename(outDir)}.clean-corpus-work`);
}
