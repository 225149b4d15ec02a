/**
 * One task of a sharded run: `clean-corpus shard statistics|merge|clean|finish --work DIR [--shard I/N]`. Any
 * engine that runs commands can drive these (Slurm array jobs, a Kubernetes Indexed Job, GNU parallel): the shard
 * comes from `--shard`, or else from `SLURM_ARRAY_TASK_ID` or `JOB_COMPLETION_INDEX`. A task whose file is already
 * there does nothing; one that fails writes why to the work folder (and exits 2), where the driver finds it.
 */
import fs from 'node:fs';
import type { Io } from '../context.js';
import { cleanShard, finishingEngine, heldBytes, mergeShards, statisticsShard, type ShardHooks } from '../../engine/shards.js';
import { INTERRUPTED } from '../../io/interrupt.js';
import { stderrLine } from '../../report/run-messages.js';
import { shardSources } from '../../formats/shards.js';
import { changedInput, doneFile, readPlan, SHARDED, workPaths, type Plan, type Step } from './plan.js';

/** What a task took, in the work folder beside its log (scripts/bench/sharded.js reads them). */
export interface TaskFigures {
  seconds: number;
  peakRssMiB: number;
  /** Bytes of the file it wrote (0 for finish, whose files are the run's outputs). */
  wroteBytes: number;
  /** Bytes of corpus state it held (merge: the merged state; finish: that and the kept documents' signatures). */
  heldBytes: number;
}

/** The finishing step runs the folder mode of the command line with another engine (cli.ts). */
export type FinishRun = (plan: Plan, engine: ReturnType<typeof finishingEngine>) => Promise<number>;

/** Which shard this task is: `--shard I/N`, or the array index its engine gives it. */
export function shardIndex(given: string | undefined, env: NodeJS.ProcessEnv, tasks: number): number {
  let index: number;
  if (given !== undefined) {
    const m = /^(\d+)\/(\d+)$/.exec(given);
    if (!m) throw new Error(`--shard takes I/N (e.g. 3/8), not "${given}"`);
    if (Number(m[2]) !== tasks) throw new Error(`--shard ${given}: the plan has ${tasks} shards, not ${m[2]}`);
    index = Number(m[1]);
  } else {
    const from = env.SLURM_ARRAY_TASK_ID ?? env.JOB_COMPLETION_INDEX;
    if (from === undefined) throw new Error('which shard? give --shard I/N, or run as an array job (SLURM_ARRAY_TASK_ID or JOB_COMPLETION_INDEX)');
    index = Number(from);
  }
  if (!Number.isInteger(index) || index < 0 || index >= tasks) throw new Error(`shard ${index} is not one of the plan's 0–${tasks - 1}`);
  return index;
}

/**
 * Tests stop a task midway as a crash would: CLEAN_CORPUS_KILL_TASK=step:shard:documents kills this process
 * (SIGKILL, no clean-up) once it has written that many documents of that shard.
 */
function killSwitch(step: Step, shard: number, env: NodeJS.ProcessEnv): ShardHooks['onWritten'] {
  const [s, i, n] = (env.CLEAN_CORPUS_KILL_TASK ?? '').split(':');
  if (s !== step || Number(i) !== shard) return undefined;
  return (written) => {
    if (written >= Number(n)) process.kill(process.pid, 'SIGKILL');
  };
}

/** Run one step (for one shard). Resolves with the exit code. */
export async function runStep(step: Step, work: string, given: string | undefined, io: Io, finish: FinishRun): Promise<number> {
  const plan = readPlan(work);
  const paths = workPaths(work);
  const sharded = SHARDED.has(step);
  const shard = sharded ? shardIndex(given, io.env, plan.tasks) : 0;
  const failed = sharded ? paths.failed(step, shard) : paths.failed(step);
  if (step !== 'finish' && fs.existsSync(doneFile(work, step, shard))) return 0;
  fs.rmSync(failed, { force: true });
  try {
    const started = performance.now();
    const settings = { jobs: plan.jobs };
    const hooks: ShardHooks = { onWritten: killSwitch(step, shard, io.env) };
    const sources = () => shardSources(plan.files, plan.missing, plan.options, plan.jsonl, plan.shards[shard].pieces);
    const firstId = plan.shards[shard]?.firstId ?? 0;
    let held = 0;
    let code = 0;
    const pieces = sharded ? plan.shards[shard].pieces : step === 'finish' ? plan.shards.flatMap((s) => s.pieces) : [];
    const changed = changedInput(plan, pieces);
    if (changed) throw new Error(`${changed} changed since the plan was made; start the run again in another work folder`);
    /** A shard that read other documents than the plan counted would hand on wrong ids: it fails instead. */
    const counted = (docs: number, file: string) => {
      if (docs === plan.shards[shard].docs) return;
      fs.rmSync(file, { force: true });
      throw new Error(`read ${docs} documents where the plan counted ${plan.shards[shard].docs}; were the inputs changed?`);
    };
    if (step === 'statistics') counted(await statisticsShard(sources(), firstId, plan.options, paths.statistics(shard), settings, hooks), paths.statistics(shard));
    else if (step === 'merge') held = heldBytes(await mergeShards(plan.shards.map((_, i) => paths.statistics(i)), plan.options, paths.corpus));
    else if (step === 'clean') counted(await cleanShard(sources(), firstId, plan.options, paths.corpus, paths.clean(shard), settings, hooks), paths.clean(shard));
    else {
      const engine = finishingEngine(plan.shards.map((_, i) => paths.clean(i)), paths.corpus);
      code = await finish(plan, engine);
      held = engine.held();
    }
    const figures: TaskFigures = {
      seconds: Math.round(performance.now() - started) / 1000,
      peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
      wroteBytes: step === 'finish' ? 0 : fs.statSync(doneFile(work, step, shard)).size,
      heldBytes: held,
    };
    fs.writeFileSync(paths.figures(step, sharded ? shard : undefined), JSON.stringify(figures) + '\n');
    // an interrupted finish is not a finished run: the next attempt runs it again
    if (step === 'finish' && code !== INTERRUPTED) fs.writeFileSync(paths.finish, JSON.stringify({ code }) + '\n');
    return code;
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    fs.writeFileSync(failed, why + '\n');
    io.stderr.write(stderrLine(`shard ${step}${sharded ? ` ${shard}/${plan.tasks}` : ''}: ${why}`));
    return 2;
  }
}
