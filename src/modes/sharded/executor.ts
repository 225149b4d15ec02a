/**
 * What runs the tasks of a sharded run: this machine's processes (local.ts) or a Slurm cluster's jobs (slurm.ts).
 * The driver (driver.ts) gives an executor the steps with their pending shards, in order; the executor runs them,
 * each step after the one before has succeeded, and says how it ended.
 */
import type { Plan, Step } from './plan.js';

/** A step to run, for these shards (for the single-task steps, `[0]`). */
export interface Submission {
  step: Step;
  shards: number[];
}

/** The tasks of a step that failed: the driver names them, with their logs. */
export interface StepFailure {
  step: Step;
  /** The shards that failed (empty for a single-task step). */
  shards: number[];
  /** Exit status of the first that failed (137 when killed). */
  exit: number;
}

export interface Executor {
  readonly name: 'local' | 'slurm';
  /**
   * Run `submissions` in order. Resolves with the finishing task's exit code once it has run, or with the step that
   * failed. `onProgress` is told the tasks of a step done so far.
   */
  run(work: string, plan: Plan, submissions: Submission[], onProgress: (step: Step, done: number, of: number) => void): Promise<StepFailure | { code: number }>;
  /** Stop what runs and what is queued (Ctrl-C): the run can be resumed by the same command. */
  cancel(): void | Promise<void>;
}
