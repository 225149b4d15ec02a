/**
 * The command line's grammar: every flag with its help, the examples at the end of `--help`, and which flags a
 * config file may set. Parsing them into options is cli/options.ts; running them is cli.ts.
 */
import os from 'node:os';
import { Command, Option } from 'commander';
import { SKIPPABLE } from '../options.js';
import { DEFAULT_TEXT_FIELD } from '../formats/jsonl.js';

/** The output folder of a folder run without `--output`. */
export const DEFAULT_OUTPUT = 'clean-corpus-out';

/** The flags as commander hands them over. */
export interface CliFlags {
  output?: string;
  report?: string;
  encoding?: string;
  format: 'auto' | 'text' | 'html' | 'jsonl' | 'warc';
  set: string[];
  listThresholds?: boolean;
  json?: boolean;
  quiet?: boolean;
  verbose?: boolean;
  color: boolean;
  keepDuplicates?: boolean;
  jsonl?: boolean;
  textField: string;
  filesFrom?: string;
  null?: boolean;
  check?: boolean;
  write?: boolean;
  deleteDuplicates?: boolean;
  config?: string | false;
  maxBytes?: string;
  explain?: boolean;
  skip?: string;
  jobs?: string;
  spill?: boolean;
  executor?: 'local' | 'slurm';
  tasks?: string;
  work?: string;
  partition?: string;
  sbatch?: string;
}

/** Options a config file may not set: they say what this one command does, not how the corpus is cleaned. */
export const COMMAND_ONLY = new Set(['version', 'listThresholds', 'set', 'config', 'filesFrom', 'null', 'check', 'write', 'deleteDuplicates', 'executor', 'tasks', 'work', 'partition', 'sbatch']);
/** The options of a sharded run's executor (each with a value): not part of the run its plan pins. */
export const EXECUTOR_OPTIONS = ['--executor', '--tasks', '--work', '--partition', '--sbatch'];
/** Options whose value is a path: in a config file, relative to the file's folder. */
export const PATH_OPTIONS = new Set(['output', 'report', 'work']);

/** The command, built to throw (not exit) on a mistake, `--help` and `--version`, and to print nothing itself. */
export function buildCommand(version: string): Command {
  return new Command()
    .name('clean-corpus')
    .description('Turn scraped web pages into clean, deduplicated UTF-8 text, with a report of everything removed.')
    .version(version, '-V, --version')
    .argument('[inputs...]', 'files, folders (read recursively) or globs')
    .option('-o, --output <dir>', `folder for the cleaned tree and report.json (default: ./${DEFAULT_OUTPUT})`)
    .option('--report <file>', 'where to write the JSON report (default: <output>/report.json)')
    .option('--encoding <name>', 'read every input in this encoding instead of detecting it')
    .addOption(new Option('--format <format>', 'treat inputs as text or HTML instead of sniffing, or read every input as JSON Lines or WARC records').choices(['auto', 'text', 'html', 'jsonl', 'warc']).default('auto'))
    .option('--skip <stages>', `stages not to run, comma-separated: ${SKIPPABLE.join(', ')}`)
    .option('--max-bytes <size>', 'skip any input larger than this (e.g. 64M; default 512M; same as --set input.maxBytes=N)')
    .option('--set <name=value>', 'override a threshold (repeatable; see --list-thresholds)', (v: string, acc: string[]) => [...acc, v], [] as string[])
    .option('--list-thresholds', 'print every threshold with its default and source, then exit')
    .option('--json', 'print the summary as JSON on stdout')
    .option('-q, --quiet', 'print nothing on stderr but errors')
    .option('-v, --verbose', 'also list the documents skipped for having no text (empty, or nothing left after cleaning); they are counted in the summary either way')
    .option('--no-color', 'never colour the output (NO_COLOR is honoured too)')
    .option('--keep-duplicates', 'write duplicate documents too (they are still reported as duplicates)')
    .option('--jsonl', 'read inputs as JSON Lines, one record per line (.jsonl files are read so anyway)')
    .option('--text-field <name>', 'field of a JSON Lines record (or column of a Parquet row) that holds the text', DEFAULT_TEXT_FIELD)
    .option('--files-from <file>', 'read input paths from a file, one per line ("-": standard input)')
    .option('-0, --null', 'with --files-from: paths are separated by NUL characters (find -print0, git ls-files -z)')
    .option('--check', 'write nothing; list each file that cleaning would change or that duplicates another; exit 1 if any')
    .option('--write', 'clean the given files in place, atomically; duplicates are reported, not deleted')
    .option('--delete-duplicates', 'with --write: delete files (or records) that duplicate an earlier one')
    .option('--config <file>', 'read options from this JSON file (default: the nearest .clean-corpusrc.json or package.json "clean-corpus" key)')
    .option('--no-config', 'ignore config files')
    .option('--explain', 'print every block of every file with its class and the reason, on stdout')
    .option('-j, --jobs <n>', `threads for the per-document work: this one and N − 1 workers (default: the number of cores, ${os.availableParallelism()} here; 1 = no worker threads)`)
    .option('--no-spill', 'prepare each document again in the second pass instead of keeping it in a temporary folder (TMPDIR) between the passes')
    .addOption(new Option('--executor <where>', 'run sharded: as processes on this machine, or as Slurm array jobs (output identical to one process)').choices(['local', 'slurm']))
    .option('--tasks <n>', 'with --executor: shards of the run (default: the number of cores for local, 16 for slurm)')
    .option('--work <dir>', "with --executor: folder for the plan and the shards' files, on a file system every task sees; kept, so that the same command resumes (default: beside the output, removed when done)")
    .option('--partition <name>', 'with --executor slurm: the partition to submit to')
    .option('--sbatch <args>', 'with --executor slurm: more sbatch arguments, e.g. "--time=2:00:00 --mem=8G"')
    .exitOverride()
    .configureOutput({ writeOut: () => {}, writeErr: () => {} });
}

/** The end of --help: one line for each way in, as people copy from it. */
/** What `--help` prints after the options (commander's `helpInformation` leaves out text added with addHelpText). */
export const helpEnd = (): string => `\nExit codes: 0 done, 1 findings in check mode, 2 usage error or an input that could not be read.\n\n${EXAMPLES}\n`;

const EXAMPLES = `Examples:
  clean-corpus ./pages -o out/                        a folder: out/a.txt for pages/a.html, a report in out/report.json
  clean-corpus 'crawl/**/*.html' -o out/              a glob (quoted, so the shell leaves it alone)
  curl -s https://example.org | clean-corpus > a.txt  a pipe: one page in, its text out
  clean-corpus --jsonl < dump.jsonl > clean.jsonl     JSON Lines from a pipe: the "text" field of each record
  clean-corpus data/ -o out/                          data/a.jsonl.gz → out/a.jsonl.gz, data/b.jsonl.zst → out/b.jsonl.zst
  clean-corpus CC-MAIN-x.warc.gz -o out/              WARC/WET: response and conversion records → out/CC-MAIN-x.jsonl.gz
  zcat x.warc.gz | clean-corpus --format warc > x.jsonl   WARC from a pipe: records {id, url, date, text} out
  clean-corpus train.parquet -o out/                  Parquet: the "text" column of each row → out/train.parquet, other columns kept
  clean-corpus --check docs/ ; clean-corpus --write docs/   check (exit 1 if anything would change) or clean in place
  clean-corpus crawl/ -o out/ --executor slurm --tasks 64    sharded over a Slurm cluster: the files one process writes
  clean-corpus shard plan|statistics|merge|clean|finish --work DIR [--shard I/N]   one step, for any array-job engine`;
