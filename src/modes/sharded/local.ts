/**
 * `--executor local`: the steps of a sharded run as processes on this machine — every pending shard of a step at
 * once, one step after the other — for one large machine, and for tests of the plan without a cluster. Each task is
 * the same command a Slurm array job runs (`clean-corpus shard STEP --work DIR --shard I/N`), its output in the
 * work folder's log; the finishing task writes on this process's own stdout and stderr, as one process would.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import { SHARDED, workPaths, type Plan, type Step } from './plan.js';
import type { Executor, StepFailure, Submission } from './executor.js';

export function localExecutor(bin: string): Executor {
  const running = new Set<ChildProcess>();
  let cancelled = false;

  const task = (work: string, plan: Plan, step: Step, shard: number | undefined, stdio: 'log' | 'inherit'): Promise<number> => {
    const args = [bin, 'shard', step, '--work', work, ...(shard === undefined ? [] : ['--shard', `${shard}/${plan.tasks}`])];
    const log = stdio === 'log' ? fs.openSync(workPaths(work).log(step, shard), 'w') : undefined;
    const child = spawn(process.execPath, args, { cwd: plan.cwd, stdio: log === undefined ? ['ignore', 'inherit', 'inherit'] : ['ignore', log, log] });
    running.add(child);
    if (log !== undefined) fs.closeSync(log);
    return new Promise((resolve) => {
      child.on('error', () => resolve(2));
      child.on('exit', (code, signal) => {
        running.delete(child);
        // as a shell reports a process a signal ended: 128 + its number (137: SIGKILL)
        resolve(signal ? 128 + (os.constants.signals[signal] ?? 0) : (code ?? 2));
      });
    });
  };

  return {
    name: 'local',
    async run(work: string, plan: Plan, submissions: Submission[], onProgress): Promise<StepFailure | { code: number }> {
      for (const { step, shards } of submissions) {
        if (cancelled) break;
        if (step === 'finish') return { code: await task(work, plan, step, undefined, 'inherit') };
        let done = 0;
        const sharded = SHARDED.has(step);
        const codes = await Promise.all(
          shards.map((i) =>
            task(work, plan, step, sharded ? i : undefined, 'log').then((code) => {
              if (code === 0) onProgress(step, ++done, shards.length);
              return code;
            }),
          ),
        );
        const bad = shards.filter((_, k) => codes[k] !== 0);
        if (bad.length > 0) return { step, shards: sharded ? bad : [], exit: codes.find((c) => c !== 0)! };
      }
      return { code: cancelled ? 130 : 0 };
    },
    cancel(): void {
      cancelled = true;
      for (const child of running) child.kill('SIGTERM');
    },
  };
}
