/**
 * --jobs: the per-document work on worker threads must not change a byte of
 * the output or the report (only the stage timings differ).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, FIXTURES, listFiles, tmpDir } from '../helpers.js';

const SEEDS = path.join(FIXTURES, 'seeds');

function runJobs(jobs: number, ...inputs: string[]) {
  const out = tmpDir();
  // minDocsPerJob=0: workers start even for the five seeds
  const r = cli([...inputs, '-o', out, '--jobs', String(jobs), '--set', 'parallel.minDocsPerJob=0', '--json']);
  // a missing input makes the run exit 2; anything else, 0
  expect(r.code).toBe(inputs.some((i) => !fs.existsSync(i)) ? 2 : 0);
  const files = listFiles(out);
  const contents = files.filter((f) => f !== 'report.json').map((f) => fs.readFileSync(path.join(out, f), 'utf8'));
  const report = JSON.parse(fs.readFileSync(path.join(out, 'report.json'), 'utf8').split(out).join('<out>'));
  delete report.timings;
  return { files, contents, report, summary: JSON.parse(r.stdout) };
}

describe('clean-corpus --jobs', () => {
  it('writes the same files and report with 1 and 2 jobs', () => {
    // the duplicates corpus and the site make pass-1 counts and near copies matter
    const inputs = [SEEDS, path.join(FIXTURES, 'dupes'), path.join(FIXTURES, 'site'), path.join(FIXTURES, 'pages')];
    const one = runJobs(1, ...inputs);
    const two = runJobs(2, ...inputs);
    expect(one.report.documents.filter((d: { status: string }) => d.status === 'duplicate').length).toBeGreaterThan(10);
    expect(two.files).toEqual(one.files);
    expect(two.contents).toEqual(one.contents);
    expect(two.report).toEqual(one.report);
    expect(two.summary.jobs).toBe(2);
  });

  it('reports empty, binary and missing inputs the same way with 1 and 2 jobs', () => {
    const dir = tmpDir();
    fs.cpSync(SEEDS, dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'empty.txt'), '');
    fs.writeFileSync(path.join(dir, 'image.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]));
    const missing = path.join(dir, 'no-such-file.txt');
    const one = runJobs(1, dir, missing);
    const two = runJobs(2, dir, missing);
    expect(two.report).toEqual(one.report);
    expect(two.files).toEqual(one.files);
    expect(one.report.totals).toMatchObject({ documents: 8, kept: 5, skipped: 2, error: 1 });
  });

  it('reports time per stage in the JSON summary and the report', () => {
    const { summary } = runJobs(2, SEEDS);
    for (const name of ['read', 'decode', 'extract', 'normalise', 'segment', 'assemble', 'write']) expect(summary.timings[name]).toBeGreaterThanOrEqual(0);
  });

  it('refuses a --jobs that is not a whole number of 1 or more', () => {
    const r = cli([SEEDS, '-o', tmpDir(), '--jobs', '0']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--jobs takes a whole number');
  });
});
