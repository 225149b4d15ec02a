/**
 * SIGINT/SIGTERM in the middle of a folder run: the run ends cleanly with exit
 * 130, says what was done, and leaves every output either absent or complete
 * and no temporary file behind.
 */
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, cli, listFiles, tmpDir, readReport, REPORT_FILES } from '../helpers.js';

const FILES = 40;
/** The pages are short lines the classifier would drop; these tests are about signals, not content. */
const FILTERS_OFF = ['--skip', 'classify,boilerplate,repeats'];
let cwd: string;
let reference: Map<string, string>;

/** Slow enough to interrupt: each page nests 50,000 elements (about 0.1 s each). */
function makeInput(dir: string): void {
  fs.mkdirSync(path.join(dir, 'in'));
  for (let i = 0; i < FILES; i++) {
    const body = `<p>Page ${i} begins here.</p>` + '<div>'.repeat(50_000) + `<p>Deep paragraph of page ${i}.</p>` + '</div>'.repeat(50_000);
    fs.writeFileSync(path.join(dir, 'in', `page-${String(i).padStart(3, '0')}.html`), body);
  }
}

const outputs = (out: string) => new Map(listFiles(out).filter((f) => f.endsWith('.txt')).map((f) => [f, fs.readFileSync(path.join(out, f), 'utf8')]));

/** Run the binary with `args`, send `signals` once `ready()` holds, and wait for it to end. */
function interrupt(args: string[], signals: NodeJS.Signals[], ready: () => boolean, env: NodeJS.ProcessEnv = {}): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args, ...FILTERS_OFF], { cwd, env: { ...process.env, NO_COLOR: '1', ...env } });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    // never leave a child behind, even if it ignores the signals (it would wait on the pipe for ever)
    const guard = setTimeout(() => child.kill('SIGKILL'), 45_000);
    child.on('close', (code, signal) => {
      clearTimeout(guard);
      clearInterval(poll);
      resolve({ code, signal, stderr });
    });
    const poll = setInterval(() => {
      if (!ready()) return;
      clearInterval(poll);
      // signals sent together would merge into one
      signals.forEach((s, i) => setTimeout(() => child.kill(s), i * 100));
    }, 10);
  });
}

/** Ready once the first output page of a folder run into `out` exists. */
const firstOutput = (out: string) => () => fs.existsSync(out) && fs.readdirSync(out).some((f) => /^page-\d+\.txt$/.test(f));

const temps = (dir: string) => listFiles(dir).filter((f) => /\.tmp-/.test(f));

beforeAll(() => {
  cwd = tmpDir();
  makeInput(cwd);
  const r = cli(['in', '-o', 'reference', ...FILTERS_OFF], { cwd });
  expect(r.code).toBe(0);
  reference = outputs(path.join(cwd, 'reference'));
  expect(reference.size).toBe(FILES);
}, 120_000);

afterAll(() => fs.rmSync(cwd, { recursive: true, force: true }));

describe('interrupting a folder run', () => {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    it(`${signal}: stops after the document in hand, reports what was done, exit 130, no temp file`, async () => {
      const out = path.join(cwd, `out-${signal}`);
      // pass 2 must take a while per page for the signal to land in it: without the spill it parses each deep page
      // again (with it, pass 2 starts from the prepared pages and is over before the signal comes)
      const r = await interrupt(['in', '-o', out, '--no-spill'], [signal], firstOutput(out));
      expect(r.code).toBe(130);
      const done = /interrupted after (\d+) of (\d+) documents/.exec(r.stderr);
      expect(done, r.stderr).not.toBeNull();
      expect(Number(done![1])).toBeLessThan(FILES);
      expect(temps(out)).toEqual([]);

      const report = readReport<{ interrupted?: boolean; documents: { output: string | null }[] }>(path.join(out, 'report.json'));
      expect(report.interrupted).toBe(true);
      expect(report.documents).toHaveLength(Number(done![1]));
      // every output written is complete, and the report lists exactly those
      const written = outputs(out);
      for (const [f, text] of written) expect(text, f).toBe(reference.get(f));
      expect(report.documents.map((d) => path.basename(d.output!)).sort()).toEqual([...written.keys()].sort());
    }, 60_000);
  }

  it('a second signal stops at once: no report, outputs absent or complete, no temp file', async () => {
    // a page, then a named pipe nobody writes to: the statistics pass (pass 1) waits on it for as long as the
    // test needs, so the signals come while the report is open and before any output is written
    fs.mkdirSync(path.join(cwd, 'slow'));
    fs.copyFileSync(path.join(cwd, 'in/page-000.html'), path.join(cwd, 'slow/page-000.html'));
    execFileSync('mkfifo', [path.join(cwd, 'slow/pipe')]);
    const out = path.join(cwd, 'out-twice');
    // the spill's temporary folder (pass 1 keeps prepared pages there) goes with the other temporary files
    const tmp = fs.mkdtempSync(path.join(cwd, 'tmp-'));
    const started = Date.now();
    const r = await interrupt(
      ['slow/page-000.html', 'slow/pipe', '-o', out],
      ['SIGINT', 'SIGINT'],
      () => fs.existsSync(path.join(out, 'documents.jsonl')) && Date.now() - started > 1000,
      { TMPDIR: tmp },
    );
    expect(fs.readdirSync(tmp)).toEqual([]);
    // it dies of the signal, as a shell expects (shown there as exit 130)
    expect(r).toMatchObject({ code: null, signal: 'SIGINT' });
    expect(r.stderr).toContain('interrupted again');
    expect(temps(out)).toEqual([]);
    for (const f of REPORT_FILES) expect(fs.existsSync(path.join(out, f)), f).toBe(false);
    for (const [f, text] of outputs(out)) expect(text, f).toBe(reference.get(f));
  }, 60_000);

  it('--write: SIGINT leaves every file either untouched or fully cleaned, and no temp file', async () => {
    const dir = path.join(cwd, 'in-place');
    fs.cpSync(path.join(cwd, 'in'), dir, { recursive: true });
    const original = new Map(fs.readdirSync(dir).map((f) => [f, fs.readFileSync(path.join(dir, f), 'utf8')]));
    // signal once the first file has been rewritten
    const report = path.join(cwd, 'in-place-report.json');
    const r = await interrupt(['--write', dir, '--report', report], ['SIGINT'], () => fs.readFileSync(path.join(dir, 'page-000.html'), 'utf8') !== original.get('page-000.html'));
    expect(r.code, r.stderr).toBe(130);
    expect(r.stderr).toMatch(/interrupted after \d+ documents; files done are cleaned, the others untouched/);
    expect(temps(dir)).toEqual([]);
    let cleaned = 0;
    for (const [f, before] of original) {
      const now = fs.readFileSync(path.join(dir, f), 'utf8');
      const after = reference.get(f.replace(/\.html$/, '.txt'));
      expect([before, after], f).toContain(now);
      if (now === after) cleaned++;
    }
    expect(cleaned).toBeGreaterThan(0);
    expect(cleaned).toBeLessThan(FILES);
    expect(JSON.parse(fs.readFileSync(report, 'utf8'))).toMatchObject({ interrupted: true });
  }, 60_000);
});

describe('interrupting a pipe', () => {
  // The first signal used to kill the process outright, leaving the spill in TMPDIR; and pass 1 waits on standard
  // input for as long as the writer is silent, so the signal must also end that wait.
  it('SIGINT while standard input is silent: stops at once, marks the report, exit 130, no temporary file', async () => {
    const tmp = tmpDir();
    const report = path.join(tmpDir(), 'report.json');
    const child = spawn(process.execPath, [BIN, '--jsonl', '--report', report], { env: { ...process.env, NO_COLOR: '1', TMPDIR: tmp } });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const stdout: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => stdout.push(d));
    for (let i = 0; i < 10; i++) child.stdin.write(JSON.stringify({ id: i, text: `Record ${i} has a sentence of its own.` }) + '\n');
    // stdin stays open: signal once the input is being kept for pass 2
    const guard = setTimeout(() => child.kill('SIGKILL'), 20_000);
    const poll = setInterval(() => {
      if (!fs.readdirSync(tmp).some((f) => f.startsWith('clean-corpus-stdin-'))) return;
      clearInterval(poll);
      setTimeout(() => child.kill('SIGINT'), 200);
    }, 10);
    const [code, signal] = await new Promise<[number | null, string | null]>((resolve) => child.on('close', (c, s) => resolve([c, s])));
    clearTimeout(guard);
    clearInterval(poll);
    expect({ code, signal, stderr }).toEqual({ code: 130, signal: null, stderr: 'clean-corpus: interrupted after 0 documents; the report lists those done\n' });
    expect(Buffer.concat(stdout).length).toBe(0);
    expect(readReport(report)).toMatchObject({ interrupted: true, documents: [] });
    expect(fs.readdirSync(tmp)).toEqual([]);
  }, 30_000);
});
