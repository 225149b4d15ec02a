/**
 * What a sharded run (modes/sharded/) says on stderr about its steps: resuming, a step done, a task that failed,
 * an interrupt. The driver hands over data; the sentences are written only here, each without the `clean-corpus: `
 * put before it (report/run-messages.ts `stderrLine`).
 */

/** A rerun found its plan: the steps already done, and the shards left of each sharded step. */
export function resumingSentence(work: string, done: readonly string[], left: readonly { step: string; shards: number }[], tasks: number): string {
  const steps = done.length > 0 ? `: ${done.join(', ')} done` : '';
  return `resuming the run in ${work}${steps}${left.map((l) => `; ${l.step}: ${l.shards} of ${tasks} shards to do`).join('')}`;
}

/** Every task of a step succeeded. */
export function stepDoneSentence(step: string, shards: number | undefined, executor: string): string {
  return `${step}: ${shards === undefined ? 'done' : `${shards} shard${shards === 1 ? '' : 's'}`} (${executor})`;
}

/** A task failed: its step, its shard (of the plan's), why, and where its log is. */
export function taskFailedSentence(step: string, shard: { index: number; of: number } | undefined, why: string, log: string): string {
  return `the ${step} task${shard ? ` of shard ${shard.index}/${shard.of}` : ''} failed (${why}); its log: ${log}`;
}

/** Why a task failed when it left no word of its own: killed (SIGKILL), ended by another signal, or its exit status. */
export function taskEndSentence(exit: number): string {
  if (exit === 137) return 'killed';
  return exit > 128 ? `ended by signal ${exit - 128}` : `ended with status ${exit}`;
}

export const REDO_SENTENCE = 'run the same command again to redo only what failed';

/** Ctrl-C: the tasks were cancelled, and the run resumes from its work folder. */
export function shardedInterruptedSentence(work: string): string {
  return `interrupted; the tasks were cancelled. Run the same command again to resume from ${work}`;
}

/** The work folder holds another run's plan. */
export function otherPlanSentence(work: string): string {
  return `the work folder ${work} holds the plan of another run (other inputs, options or --tasks, or inputs changed since); remove it or choose another --work`;
}

/** `clean-corpus shard plan`: where the plan went, and what it holds. */
export function planWrittenSentence(file: string, documents: number, shards: number): string {
  return `${file}: ${documents} documents in ${shards} shards`;
}
