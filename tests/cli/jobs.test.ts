/**
 * --jobs: the per-document work on worker threads must not change a byte of
 * the output or the report (only the stage timings differ).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, FIXTURES, listFiles, tmpDir, EAGER_WORKERS, EAGER_WORKER_FLAGS, isReportFile, reportWithout } from '../helpers.js';

const SEEDS = path.join(FIXTURES, 'seeds');

function runJobs(jobs: number, inputs: string[], code = inputs.some((i) => !fs.existsSync(i)) ? 2 : 0) {
  const out = tmpDir();
  // workers start, and take documents, even for the five seeds
  const r = cli([...inputs, '-o', out, '--jobs', String(jobs), ...EAGER_WORKER_FLAGS, '--json'], { env: { ...process.env, NO_COLOR: '1', ...EAGER_WORKERS } });
  // a missing input makes the run exit 2; anything else, 0 unless the caller says otherwise
  expect(r.code).toBe(code);
  const files = listFiles(out);
  const contents = files.filter((f) => !isReportFile(f)).map((f) => fs.readFileSync(path.join(out, f), 'utf8'));
  const { report, page } = reportWithout(out);
  return { files, contents, report, page, summary: JSON.parse(r.stdout) };
}

describe('clean-corpus --jobs', () => {
  it('writes the same files and report with 1, 2 and 3 jobs', () => {
    // the duplicates corpus and the site make pass-1 counts and near copies matter
    const inputs = [SEEDS, path.join(FIXTURES, 'dupes'), path.join(FIXTURES, 'site'), path.join(FIXTURES, 'pages')];
    const one = runJobs(1, inputs);
    expect(one.report.documents.filter((d: { status: string }) => d.status === 'duplicate').length).toBeGreaterThan(10);
    // 2: this thread and a worker share the documents; 3: and a second worker
    for (const jobs of [2, 3]) {
      const many = runJobs(jobs, inputs);
      expect(many.files).toEqual(one.files);
      expect(many.contents).toEqual(one.contents);
      expect(many.report).toEqual(one.report);
      expect(many.page).toBe(one.page);
      expect(many.summary.jobs).toBe(jobs);
      expect(many.summary.threads.workersBusyMs).toHaveLength(jobs - 1);
    }
  });

  it('keeps a small run in one thread whatever --jobs says (workers would only slow it down)', () => {
    const threads = (...args: string[]) => {
      const r = cli([SEEDS, '-o', tmpDir(), '--jobs', '4', '--json', ...args]);
      expect(r.code).toBe(0);
      return JSON.parse(r.stdout).threads.workersBusyMs.length;
    };
    // the five seeds hold 30 KB, far below 16 MiB a job
    expect(threads()).toBe(0);
    // the inputs' size decides, not their number: 5 KB a job is little enough to start the 3 workers
    expect(threads('--set', 'parallel.minBytesPerJob=5000')).toBe(3);
  });

  it('reports empty, binary and missing inputs the same way with 1 and 2 jobs', () => {
    const dir = tmpDir();
    fs.cpSync(SEEDS, dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'empty.txt'), '');
    fs.writeFileSync(path.join(dir, 'image.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]));
    const missing = path.join(dir, 'no-such-file.txt');
    const one = runJobs(1, [dir, missing]);
    const two = runJobs(2, [dir, missing]);
    expect(two.report).toEqual(one.report);
    expect(two.files).toEqual(one.files);
    expect(one.report.totals).toMatchObject({ documents: 8, kept: 5, skipped: 2, error: 1 });
  });

  // records are parsed in the workers from copies of their lines' bytes; a line that the reader carried over a chunk
  // boundary (1 MB chunks) once had its bytes transferred, detaching the line the writer still needed
  it('writes the same JSON Lines with 1 and 2 jobs, records crossing the reader chunks included', () => {
    const dir = tmpDir();
    // distinct made-up Korean prose, so that records are kept and written rather than dropped as duplicates
    let seed = 7;
    const syllable = () => String.fromCharCode(0xac00 + ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % 2000));
    const sentence = () => Array.from({ length: 9 }, () => syllable() + syllable() + syllable()).join(' ') + '다.';
    const lines = ['\uFEFF{"id":"first","text":"짧은 기록입니다. 한 문장뿐입니다."}'];
    for (let i = 0; lines.join('\n').length < 1.5 * 2 ** 20; i++)
      lines.push(JSON.stringify({ id: `r${i}`, text: Array.from({ length: 10 }, () => Array.from({ length: 6 }, sentence).join(' ')).join('\n\n'), lang: 'ko', note: 'é' }));
    lines.splice(7, 0, '', '{"text": broken', '{"id":"no-text"}');
    // LF mostly (a line of more than 4 KB carried over a chunk boundary then owns its whole buffer), a few CRLF
    fs.writeFileSync(path.join(dir, 'pages.jsonl'), lines.map((l, i) => (i % 10 === 3 ? l + '\r\n' : l + '\n')).join(''));
    const one = runJobs(1, [dir], 2);
    const two = runJobs(2, [dir], 2);
    expect(two.report).toEqual(one.report);
    expect(two.contents).toEqual(one.contents);
    const written = two.contents[0].trimEnd().split('\n').map((l: string) => JSON.parse(l));
    expect(one.report.totals.documents).toBeGreaterThan(300);
    expect(written.length).toBeGreaterThan(300);
    expect(written.filter((r: { id: string }) => r.id !== 'first').every((r: { lang: string; note: string }) => r.lang === 'ko' && r.note === 'é')).toBe(true);
    // the broken line, and nothing else
    expect(one.report.totals.error).toBe(1);
  });

  it('reports time per stage in the JSON summary and the report', () => {
    const { summary } = runJobs(2, [SEEDS]);
    // documents are prepared once, in pass 1 (`pass1:`), and kept for pass 2 (`spill`, `spill-read`)
    for (const name of ['pass1:read', 'pass1:decode', 'pass1:extract', 'pass1:normalise', 'pass1:segment', 'pass1:spill', 'spill-read', 'assemble', 'write'])
      expect(summary.timings[name]).toBeGreaterThanOrEqual(0);
  });

  it('refuses a --jobs that is not a whole number of 1 or more', () => {
    const r = cli([SEEDS, '-o', tmpDir(), '--jobs', '0']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--jobs takes a whole number');
  });
});
