/**
 * `clean-corpus shard STEP --work DIR [--shard I/N]`: one step of a sharded run, for whatever runs the tasks.
 *
 *   clean-corpus shard plan --work DIR --tasks N INPUTS… [options]   the plan (the run's own arguments follow)
 *   clean-corpus shard statistics --work DIR [--shard I/N]            pass 1 of a shard
 *   clean-corpus shard merge --work DIR                               the corpus state from every shard's pass 1
 *   clean-corpus shard clean --work DIR [--shard I/N]                 pass 2 of a shard
 *   clean-corpus shard finish --work DIR                              duplicates, paragraphs kept, the files and report
 *
 * Without --shard, the shard is the array index the task's engine gives it (SLURM_ARRAY_TASK_ID, or a Kubernetes
 * Indexed Job's JOB_COMPLETION_INDEX).
 */
import path from 'node:path';
import type { Drive, Io } from '../../cli.js';

/** The command line's entry (cli.ts `main`), given rather than imported: cli.ts loads this module. */
type Main = (argv: string[], io: Io, drive: Drive) => Promise<number>;
import { STEPS, type Step } from './plan.js';
import { runStep } from './tasks.js';

const USAGE = `usage: clean-corpus shard plan --work DIR --tasks N INPUTS… [options]
       clean-corpus shard ${STEPS.join('|')} --work DIR [--shard I/N]`;

export async function runShardCommand(args: string[], io: Io, main: Main): Promise<number> {
  const [step, ...rest] = args;
  let work: string | undefined;
  let shard: string | undefined;
  const others: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    if (a === '--work' || a === '--shard') {
      if (i + 1 >= rest.length) return usage(io, `${a} needs a value`);
      if (a === '--work') work = rest[++i];
      else shard = rest[++i];
    } else if (a.startsWith('--work=')) work = a.slice(7);
    else if (a.startsWith('--shard=')) shard = a.slice(8);
    else others.push(a);
  }
  if (step === 'plan') {
    if (!work) return usage(io, 'shard plan needs --work DIR');
    return main([process.execPath, 'clean-corpus', ...others, '--work', work], io, { planOnly: true });
  }
  if (!STEPS.includes(step as Step)) return usage(io, step ? `no step "${step}"` : 'which step?');
  if (!work) return usage(io, `shard ${step} needs --work DIR`);
  if (others.length > 0) return usage(io, `shard ${step} takes only --work and --shard, not ${others[0]}`);
  const dir = path.resolve(io.cwd, work);
  try {
    return await runStep(step as Step, dir, shard, io, (plan, engine) =>
      // the run as one process would finish it, from the same working folder, on the inputs the plan listed
      main([process.execPath, 'clean-corpus', ...plan.argv], { ...io, cwd: plan.cwd }, { engine, inputs: { files: plan.files, missing: plan.missing } }),
    );
  } catch (err) {
    io.stderr.write(`clean-corpus: shard ${step}: ${err instanceof Error ? err.message : String(err)}\n`);
    return 2;
  }
}

function usage(io: Io, problem: string): number {
  io.stderr.write(`clean-corpus: ${problem}\n${USAGE}\n`);
  return 2;
}
