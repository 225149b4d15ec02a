/**
 * The CLI run in this process, its streams passed in (`main(argv, io)`), as unified-engine's tests do: what a user
 * would notice — the outputs, the summary, the exit codes 0/1/2, a bad input named on stderr — without spawning.
 * The built modules are used (dist/), as the binary does; the spawn-based tests beside this one stay the reference
 * for signals, pipes and the process's own exit.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Readable, Writable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FIXTURES, listFiles, REPORT_FILES, ROOT, tmpDir } from '../helpers.js';
import type { Io } from '../../src/modes/context.js';
import type { CorpusRunner } from '../../src/modes/folder.js';

const SEEDS = path.join(FIXTURES, 'seeds');
const seedNames = fs.readdirSync(SEEDS).sort();
const dist = (p: string) => pathToFileURL(path.join(ROOT, 'dist', p)).href;

/** A stream that keeps what is written to it. */
function captured(): Writable & { text(): string } {
  const chunks: Buffer[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(Buffer.from(chunk));
      done();
    },
  });
  return Object.assign(stream, { text: () => Buffer.concat(chunks).toString('utf8') });
}

/** Run `main` on `args` in `cwd`, with one thread (unless `args` say otherwise), no config file and no colour; what it wrote and its exit code. */
async function runMain(args: string[], cwd = ROOT): Promise<{ code: number; stdout: string; stderr: string }> {
  const { main } = (await import(dist('cli.js'))) as { main: (argv: string[], io: Io) => Promise<number> };
  const stdout = captured();
  const stderr = captured();
  const io: Io = { stdout, stderr, stdin: Readable.from([]), env: { NO_COLOR: '1' }, cwd };
  const code = await main(['node', 'clean-corpus', '--jobs', '1', '--no-config', ...args], io);
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

describe('main(argv, io): the folder mode in-process', () => {
  it('writes the cleaned tree and the report, prints the summary on the stderr given, exit 0', async () => {
    const out = tmpDir();
    const r = await runMain([SEEDS, '-o', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^clean-corpus: 5 documents, .* — 5 kept\n/);
    expect(r.stderr).toContain(`  output: ${out}\n`);
    expect(listFiles(out)).toEqual([...seedNames, ...REPORT_FILES].sort());
    for (const name of seedNames) expect(fs.readFileSync(path.join(out, name), 'utf8').length, name).toBeGreaterThan(0);
  });

  it('--json prints the summary as one JSON line on the stdout given', async () => {
    const out = tmpDir();
    const r = await runMain([SEEDS, '-o', out, '--json', '-q']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toMatchObject({ totals: { documents: 5, kept: 5, error: 0 }, interrupted: false, jobs: 1 });
  });

  it('names an input that cannot be read on stderr, cleans the others, exit 2', async () => {
    const cwd = tmpDir();
    fs.cpSync(SEEDS, path.join(cwd, 'seeds'), { recursive: true });
    const r = await runMain(['seeds', 'missing.txt', '-o', 'out'], cwd);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^missing\.txt: error: .+$/m);
    expect(r.stderr).toMatch(/5 kept, 1 failed/);
    expect(listFiles(path.join(cwd, 'out'))).toEqual([...seedNames, ...REPORT_FILES].sort());
  });

  it('--help ends with the exit codes and an example for each way in', async () => {
    const r = await runMain(['--help'], tmpDir());
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage: clean-corpus/);
    expect(r.stdout).toContain('Exit codes: 0 done, 1 findings in check mode');
    expect(r.stdout).toContain('--executor slurm --tasks 64');
  });

  it('a usage error is one line and a pointer to --help, exit 2, and nothing is written', async () => {
    const cwd = tmpDir();
    const r = await runMain(['--jobs', '0', SEEDS], cwd);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`clean-corpus: --jobs takes a whole number from 1 to 1024, not "0"\nTry 'clean-corpus --help'.\n`);
    expect(fs.readdirSync(cwd)).toEqual([]);
  });

  it('--check: exit 1 for files that would change, 0 once they are clean', async () => {
    const cwd = tmpDir();
    fs.cpSync(path.join(FIXTURES, 'pages'), path.join(cwd, 'pages'), { recursive: true });
    const before = await runMain(['--check', 'pages'], cwd);
    expect(before.code).toBe(1);
    expect(before.stdout).toMatch(/^pages\/en-article\.html: would change: /m);
    expect(before.stderr).toMatch(/^clean-corpus: 4 documents checked, \d+ would change or duplicate another\n$/);
    expect((await runMain(['--write', 'pages', '-q'], cwd)).code).toBe(0);
    // the pages are text now, though still named .html: read as such, as the README advises for output re-cleaned
    const after = await runMain(['--check', 'pages', '--format', 'text'], cwd);
    expect(after).toMatchObject({ code: 0, stdout: '' });
  });
});

describe('runFolder: the engine is a parameter', () => {
  it('drives the folder mode with the engine it is given, writers and report as with runCorpus', async () => {
    const { runFolder } = await import(dist('modes/folder.js'));
    const { runCorpus } = (await import(dist('engine/run.js'))) as { runCorpus: CorpusRunner };
    const { defaultOptions } = await import(dist('options.js'));
    const { guardOutput } = await import(dist('io/stdout.js'));
    const calls: number[] = [];
    // an engine of its own: counts the documents it hands on, and lets runCorpus do the work
    const engine: CorpusRunner = (sources, options, hooks, settings) =>
      runCorpus(sources, options, {
        ...hooks,
        onDoc: (doc) => {
          calls.push(doc.id);
          return hooks.onDoc(doc);
        },
      }, settings);
    const out = tmpDir();
    const stderr = captured();
    const io: Io = { stdout: captured(), stderr, stdin: Readable.from([]), env: {}, cwd: ROOT };
    const options = defaultOptions();
    const code = await runFolder([SEEDS], {
      io,
      out: guardOutput(io.stdout),
      options,
      jsonl: { all: false, warc: false, field: 'text' },
      header: { tool: { name: 'clean-corpus', version: 'test' }, options },
      quiet: true,
      verbose: false,
      color: false,
      run: { jobs: 1, spill: true, eagerWorkers: false },
    }, { outDir: out, keepDuplicates: false, explain: false, json: false, engine });
    expect(code).toBe(0);
    expect(calls).toHaveLength(seedNames.length);
    expect(listFiles(out)).toEqual([...seedNames, ...REPORT_FILES].sort());
    expect(JSON.parse(fs.readFileSync(path.join(out, 'report.json'), 'utf8'))).toMatchObject({ tool: { version: 'test' }, totals: { documents: 5, kept: 5 } });
  });
});
