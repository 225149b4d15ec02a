/**
 * What a run mode (pipe, check, write) gets from the command line: streams,
 * options and output choices, already checked.
 */
import type { Io } from '../cli.js';
import type { Options } from '../options.js';
import type { JsonlChoice } from '../formats/sources.js';
import type { GuardedOutput } from '../io/stdout.js';

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
