/**
 * The plan of a sharded run and its work folder. The plan pins what every task must agree on: the run's own
 * arguments (to finish it as one process would), the options they resolved to, the inputs as they were listed (so
 * a task never lists them differently), and the shards. Its fingerprint — the arguments, the tasks and each input's
 * size and time — tells a rerun of the same command (which resumes) from another run (which must not reuse it).
 *
 *   WORK/plan.json                 the plan
 *   WORK/statistics/00003.frames   pass 1 of shard 3 (engine/shards.ts), present once complete
 *   WORK/corpus.state              the merged corpus state
 *   WORK/clean/00003.frames        pass 2 of shard 3
 *   WORK/finish.json               the finished run: its exit code
 *   WORK/failed/clean-00003.txt    why a task failed (removed when it succeeds)
 *   WORK/logs/clean-00003.log      what a task printed
 *   WORK/logs/clean-00003.json     what it took: seconds, peak memory, bytes written and held
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Options } from '../../options.js';
import type { InputFile, MissingInput } from '../../io/inputs.js';
import type { JsonlChoice } from '../../formats/sources.js';
import type { Shard } from '../../formats/shards.js';
import { writeAtomic } from '../../io/write.js';

export const PLAN_VERSION = 1;

/** The steps of a sharded run, in order; those with one task per shard are `SHARDED`. */
export const STEPS = ['statistics', 'merge', 'clean', 'finish'] as const;
export type Step = (typeof STEPS)[number];
export const SHARDED: ReadonlySet<Step> = new Set(['statistics', 'clean']);

export interface Plan {
  version: typeof PLAN_VERSION;
  fingerprint: string;
  /** Working folder of the command that made the plan: the run's arguments are read from it. */
  cwd: string;
  /** The run's own arguments (inputs and options), without those of the executor. */
  argv: string[];
  tasks: number;
  /** Threads per task (`--jobs`; 1 unless given). */
  jobs: number;
  options: Options;
  jsonl: JsonlChoice;
  files: InputFile[];
  /** Each file's size and modification time when the plan was made (`stamp`). */
  stamps: ([number, number] | null)[];
  missing: MissingInput[];
  shards: Shard[];
}

/** The work folder's files. */
export function workPaths(work: string) {
  const shardName = (i: number) => String(i).padStart(5, '0');
  return {
    plan: path.join(work, 'plan.json'),
    statistics: (i: number) => path.join(work, 'statistics', `${shardName(i)}.frames`),
    corpus: path.join(work, 'corpus.state'),
    clean: (i: number) => path.join(work, 'clean', `${shardName(i)}.frames`),
    finish: path.join(work, 'finish.json'),
    failed: (step: Step, i?: number) => path.join(work, 'failed', i === undefined ? `${step}.txt` : `${step}-${shardName(i)}.txt`),
    log: (step: Step, i?: number) => path.join(work, 'logs', i === undefined ? `${step}.log` : `${step}-${shardName(i)}.log`),
    figures: (step: Step, i?: number) => path.join(work, 'logs', i === undefined ? `${step}.json` : `${step}-${shardName(i)}.json`),
  };
}

/** The file whose presence says the task of `step` (for shard `i`) is complete. */
export function doneFile(work: string, step: Step, i: number): string {
  const p = workPaths(work);
  if (step === 'statistics') return p.statistics(i);
  if (step === 'clean') return p.clean(i);
  return step === 'merge' ? p.corpus : p.finish;
}

/** The shards of `step` not yet complete (one "shard", 0, for the single-task steps). */
export function pending(work: string, plan: Plan, step: Step): number[] {
  const all = SHARDED.has(step) ? plan.shards.map((_, i) => i) : [0];
  return all.filter((i) => !fs.existsSync(doneFile(work, step, i)));
}

/** An input's size and modification time, or null when it cannot be read (it fails in the run, as one document). */
export function stamp(abs: string): [number, number] | null {
  try {
    const st = fs.statSync(abs);
    return [st.size, st.mtimeMs];
  } catch {
    return null;
  }
}

/**
 * The inputs of `pieces` that changed since the plan was made: a task would read other documents than the plan
 * counted, under the wrong ids. The first such input's name, or undefined.
 */
export function changedInput(plan: Plan, pieces: readonly { input: number }[]): string | undefined {
  for (const { input } of pieces) {
    const f = plan.files[input - plan.missing.length];
    if (f && JSON.stringify(stamp(f.abs)) !== JSON.stringify(plan.stamps[input - plan.missing.length])) return f.display;
  }
  return undefined;
}

/** The fingerprint of a run: its arguments, its tasks, and each input's size and modification time. */
export function fingerprint(p: Pick<Plan, 'cwd' | 'argv' | 'tasks' | 'jobs' | 'files' | 'missing'>): string {
  const what = { v: PLAN_VERSION, cwd: p.cwd, argv: p.argv, tasks: p.tasks, jobs: p.jobs, files: p.files.map((f) => [f.abs, f.rel, stamp(f.abs)]), missing: p.missing };
  return crypto.createHash('sha256').update(JSON.stringify(what)).digest('hex');
}

export function readPlan(work: string): Plan {
  const file = workPaths(work).plan;
  let plan: Plan;
  try {
    plan = JSON.parse(fs.readFileSync(file, 'utf8')) as Plan;
  } catch (err) {
    throw new Error(`no plan in ${work} (${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'plan.json is missing' : (err as Error).message}); make one with "clean-corpus shard plan"`);
  }
  if (plan.version !== PLAN_VERSION) throw new Error(`${file} is a plan of version ${plan.version}; this clean-corpus reads version ${PLAN_VERSION}`);
  return plan;
}

/** Write the plan, and the folders the tasks write into. */
export async function writePlan(work: string, plan: Plan): Promise<void> {
  for (const sub of ['statistics', 'clean', 'failed', 'logs']) fs.mkdirSync(path.join(work, sub), { recursive: true });
  await writeAtomic(workPaths(work).plan, JSON.stringify(plan, null, 1) + '\n');
}
