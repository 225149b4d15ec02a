/**
 * Test helpers: run stages on inline strings, and spawn the real binary.
 */
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll } from 'vitest';
import { createDoc, type Doc } from '../src/record/doc.js';
import { defaultOptions, type Options } from '../src/options.js';
import { runStages, type Stage } from '../src/stage.js';
import { createCorpusState } from '../src/corpus/state.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const BIN = path.join(ROOT, 'bin', 'clean-corpus.js');
export const FIXTURES = path.join(ROOT, 'fixtures');

/** A document made of `text` (UTF-8), as if read from `file`. */
export function doc(text: string | Uint8Array, file = 'doc.txt'): Doc {
  const bytes = typeof text === 'string' ? new TextEncoder().encode(text) : text;
  return createDoc(0, { path: file, relPath: file }, bytes);
}

/** Run `stages` over a document made of `text`. */
export function run(stages: readonly Stage[], text: string | Uint8Array, opts: Partial<Options> = {}, file = 'doc.txt'): Doc {
  return runStages(doc(text, file), stages, { options: { ...defaultOptions(), ...opts }, corpus: createCorpusState() });
}

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Spawn the built CLI. */
export function cli(args: string[], options: SpawnSyncOptions & { input?: string | Buffer } = {}): CliResult {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined },
    maxBuffer: 64 * 1024 * 1024,
    ...options,
  });
  return { code: r.status, stdout: String(r.stdout ?? ''), stderr: String(r.stderr ?? '') };
}

/**
 * A fresh temporary folder, removed once the test file's tests are done. (An `exit` handler did not do it: vitest
 * does not end its worker processes that way, and each `npm test` left ~90 folders in TMPDIR.)
 */
const tmpDirs: string[] = [];
afterAll(() => {
  for (const dir of tmpDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});
export function tmpDir(prefix = 'clean-corpus-test-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  tmpDirs.push(dir);
  return dir;
}

/**
 * Environment for runs that must go through the worker threads even when they are small: workers start whatever
 * the input's size, and get documents while they are still starting (which the main thread would otherwise run).
 */
export const EAGER_WORKERS = { CLEAN_CORPUS_EAGER_WORKERS: '1' };
export const EAGER_WORKER_FLAGS = ['--set', 'parallel.minBytesPerJob=0', '--set', 'parallel.minDocsPerJob=0'];

/** All files under `dir`, relative, sorted. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.push(path.relative(dir, p).split(path.sep).join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

/**
 * Run a bash script in which `clean-corpus` runs the built binary, so tests
 * can use real pipes (`cat seed | clean-corpus | head -c 10`).
 */
export function bash(script: string, options: SpawnSyncOptions = {}): CliResult {
  const r = spawnSync('bash', ['-c', `clean-corpus() { "$CC_NODE" "$CC_BIN" "$@"; }\n${script}`], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    ...options,
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, CC_NODE: process.execPath, CC_BIN: BIN, ...(options.env ?? {}) },
  });
  return { code: r.status, stdout: String(r.stdout ?? ''), stderr: String(r.stderr ?? '') };
}

/**
 * A report (version 2) read back whole: the summary at `summary` with the lines of its documents file as
 * `documents`, for tests that look at both.
 */
export function readReport<T = any>(summary: string): T {
  const s = JSON.parse(fs.readFileSync(summary, 'utf8')) as { files: { documents: string } };
  const lines = fs.readFileSync(path.join(path.dirname(summary), s.files.documents), 'utf8').split('\n').filter(Boolean);
  return { ...s, documents: lines.map((l) => JSON.parse(l) as unknown) } as T;
}

/** The report's three files in an output folder: summary, documents, page (sorted). */
export const REPORT_FILES = ['documents.jsonl', 'report.html', 'report.json'];
export const isReportFile = (f: string): boolean => REPORT_FILES.includes(f);

/** The report read back whole (as `readReport`), with the output folder's path replaced by `<out>` and without timings. */
export function reportWithout(out: string): { report: any; page: string } {
  const report = JSON.parse(JSON.stringify(readReport(path.join(out, 'report.json'))).split(out).join('<out>'));
  delete report.timings;
  return { report, page: fs.readFileSync(path.join(out, 'report.html'), 'utf8').split(out).join('<out>') };
}

/** What a run wrote to `out`: its files, the content of every output, and the report without timings (`reportWithout`). */
export function writtenIn(out: string): { files: string[]; contents: string[]; report: any; page: string } {
  const files = listFiles(out);
  return { files, contents: files.filter((f) => !isReportFile(f)).map((f) => fs.readFileSync(path.join(out, f), 'utf8')), ...reportWithout(out) };
}

/** Run `inputs` in one process into `out`, and what it wrote; `out` is then removed, for the run compared with it. */
export function oneProcess(inputs: string[], out: string): ReturnType<typeof writtenIn> & { code: number | null; stderr: string } {
  const r = cli([...inputs, '-o', out, '-q']);
  const written = writtenIn(out);
  fs.rmSync(out, { recursive: true });
  return { ...written, code: r.code, stderr: r.stderr };
}
