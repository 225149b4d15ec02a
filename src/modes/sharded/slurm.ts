/**
 * `--executor slurm`: the steps of a sharded run as Slurm jobs — the sharded steps as array jobs, each step
 * submitted at once with an `afterok` dependency on the one before (and `--kill-on-invalid-dep`, so that a failed
 * task cancels what waits on it). The work folder, the inputs and the outputs must be on a file system every node
 * sees, and `node` at the same path there. This process waits, polling `squeue` and the work folder, and relays the
 * finishing task's stdout and stderr when it is done.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import type { Io } from '../context.js';
import { doneFile, SHARDED, workPaths, type Plan } from './plan.js';
import type { Executor, StepFailure } from './executor.js';

/** How often the queue and the work folder are looked at, in milliseconds. */
const POLL_MS = 1000;

export interface SlurmChoice {
  partition?: string;
  /** More sbatch arguments (`--sbatch "--time=2:00:00 --mem=8G"`), split at spaces. */
  sbatch: string[];
}

/** A shell word, quoted. */
const quote = (s: string) => `'${s.replaceAll("'", "'\\''")}'`;

/** `0,1,2,5` → `0-2,5`: the array a step's pending shards make. */
export function arraySpec(shards: readonly number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < shards.length; ) {
    let j = i;
    while (j + 1 < shards.length && shards[j + 1] === shards[j] + 1) j++;
    parts.push(i === j ? `${shards[i]}` : `${shards[i]}-${shards[j]}`);
    i = j + 1;
  }
  return parts.join(',');
}

function command(name: string, args: string[]): string {
  const r = spawnSync(name, args, { encoding: 'utf8' });
  if (r.error) throw new Error(`${name} could not be run (${(r.error as NodeJS.ErrnoException).code ?? r.error.message}): is Slurm installed here?`);
  if (r.status !== 0) throw new Error(`${name} ${args.join(' ')} failed: ${(r.stderr || r.stdout).trim()}`);
  return r.stdout;
}

export function slurmExecutor(bin: string, choice: SlurmChoice, io: Pick<Io, 'stdout' | 'stderr'>): Executor {
  const submitted: string[] = [];
  let cancelled = false;

  return {
    name: 'slurm',
    async run(work: string, plan: Plan, submissions, onProgress): Promise<StepFailure | { code: number }> {
      const paths = workPaths(work);
      let after: string | undefined;
      for (const { step, shards } of submissions) {
        const run = `exec ${quote(process.execPath)} ${quote(bin)} shard ${step} --work ${quote(work)}`;
        const args = ['--parsable', `--job-name=clean-corpus-${step}`, `--chdir=${plan.cwd}`, '--kill-on-invalid-dep=yes'];
        if (choice.partition) args.push(`--partition=${choice.partition}`);
        args.push(...choice.sbatch);
        if (after) args.push(`--dependency=afterok:${after}`);
        // %5a: the array index, zero-padded as the work folder's names are
        if (SHARDED.has(step)) args.push(`--array=${arraySpec(shards)}`, `--output=${paths.log(step, 0).replace(/00000\.log$/, '%5a.log')}`);
        else if (step === 'finish') args.push(`--output=${paths.log(step).replace(/\.log$/, '.out')}`, `--error=${paths.log(step).replace(/\.log$/, '.err')}`);
        else args.push(`--output=${paths.log(step)}`);
        args.push(`--wrap=${run}`);
        after = command('sbatch', args).trim().split(';')[0];
        submitted.push(after);
      }
      // wait until none of the jobs is queued or running any more
      for (;;) {
        for (const { step, shards } of submissions) if (step !== 'finish') onProgress(step, shards.filter((i) => fs.existsSync(doneFile(work, step, i))).length, shards.length);
        if (cancelled || !queued(submitted)) break;
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      }
      if (cancelled) return { code: 130 };
      for (const { step, shards } of submissions) {
        const missing = shards.filter((i) => !fs.existsSync(doneFile(work, step, i)));
        if (missing.length > 0) return { step, shards: SHARDED.has(step) ? missing : [], exit: 2 };
      }
      // what the finishing task printed, where one process would have printed it
      for (const [ext, stream] of [['.out', io.stdout], ['.err', io.stderr]] as const) {
        const file = paths.log('finish').replace(/\.log$/, ext);
        if (fs.existsSync(file)) stream.write(fs.readFileSync(file));
      }
      return { code: (JSON.parse(fs.readFileSync(paths.finish, 'utf8')) as { code: number }).code };
    },
    cancel(): void {
      cancelled = true;
      if (submitted.length > 0) spawnSync('scancel', submitted);
    },
  };
}

/** Is any of these jobs (or of their array tasks) still pending or running? */
function queued(jobs: string[]): boolean {
  const r = spawnSync('squeue', ['-h', '-o', '%i %T', '-j', jobs.join(',')], { encoding: 'utf8' });
  if (r.status === 0) return r.stdout.trim().length > 0;
  // squeue fails once none of the ids is known any more; any other failure (the controller busy or restarting)
  // says nothing of the jobs, which may still run: ask again at the next poll
  return !/invalid job id/i.test(r.stderr);
}
