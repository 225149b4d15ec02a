/**
 * What passes between the command line and a run mode (folder, pipe, check, write): the streams, options and output
 * choices a mode gets, already checked; the error it throws when its inputs or outputs make no sense together; the
 * exit codes it returns.
 */
import type { Options } from '../options.js';
import { INTERRUPTED } from '../io/interrupt.js';
import type { JsonlChoice } from '../formats/sources.js';
import type { GuardedOutput } from '../io/stdout.js';

/** Streams and environment, passed in so tests can run the CLI without spawning. */
export interface Io {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
  cwd: string;
}

export interface ModeContext {
  io: Io;
  /** Standard output, guarded against a closed pipe. */
  out: GuardedOutput;
  options: Options;
  jsonl: JsonlChoice;
  /** Absolute path of the JSON report, when one was asked for. */
  reportPath?: string;
  /** Header of the report (tool and options). */
  header: { tool: object; options: object };
  quiet: boolean;
  /** `--verbose`: list ordinary skips on stderr too. */
  verbose: boolean;
  color: boolean;
  /** How the engine runs (`--jobs`, `--no-spill`): the same in every mode. */
  run: { jobs: number; spill: boolean; eagerWorkers: boolean };
}

/** A mistake in how the command was called: the CLI prints it with a pointer to `--help` and exits 2. */
export class UsageError extends Error {}

/** Exit codes (ripgrep-style: they carry meaning). */
export const EXIT = { ok: 0, findings: 1, error: 2, interrupted: INTERRUPTED } as const;
