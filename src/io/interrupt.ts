/**
 * SIGINT and SIGTERM during a run. The first signal only asks the run to stop
 * after the document in hand (`stopped`), so that what was done is complete
 * and can be reported; the second calls `atOnce` (remove temporary files, say
 * so) and ends the process by the signal itself — a shell shows 128+n, 130
 * for SIGINT. `process.exit()` alone could hang: it waits for a thread blocked
 * opening a named pipe that nobody writes to.
 */
export interface Interrupts {
  /** True once a first signal has arrived. */
  readonly stopped: boolean;
  /** Stop listening (the run is over). */
  dispose(): void;
}

/** Exit status of a run ended by a signal, for callers that return it. */
export const INTERRUPTED = 130;

/** `atOnce` runs on the second signal, before the process ends; `first`, when given, on the first (to end a wait on input). */
export function watchInterrupts(atOnce: () => void, first?: () => void): Interrupts {
  let stopped = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopped) {
      atOnce();
      dispose();
      process.kill(process.pid, signal);
      process.exit(INTERRUPTED);
    }
    stopped = true;
    first?.();
  };
  const dispose = () => {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return {
    get stopped() {
      return stopped;
    },
    dispose,
  };
}
