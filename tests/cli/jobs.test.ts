/**
 * --jobs: the per-document work on worker threads must not change a byte of
 * the output or the report (only the stage timings differ).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, FIXTURES, listFiles, tmpDir } from '../helpers.js';

const SEEDS = path.join(FIXTURES, 'seeds');

function runJobs(jobs: number, input: string) {
  const out = tmpDir();
  // minDocsPerJob=0: workers start even for the five seeds
  const r = cli([input, '-o', out, '--jobs', String(jobs), '--set', 'parallel.minDocsPerJob=0', '--json']);
  expect(r.code).toBe(0);
  const files = listFiles(out);
  const contents = files.filter((f) => f !== 'report.json').map((f) => fs.readFileSync(path.join(out, f), 'utf8'));
  const report = JSON.parse(fs.readFileSync(path.join(out, 'report.json'), 'utf8').split(out).join('<out>'));
  delete report.timings;
  return { files, contents, report, summary: JSON.parse(r.stdout) };
}

describe('clean-corpus --jobs', () => {
  it('writes the same files and report with 1 and 2 jobs', () => {
    const one = runJobs(1, SEEDS);
    const two = runJobs(2, SEEDS);
    expect(two.files).toEqual(one.files);
    expect(two.contents).toEqual(one.contents);
    expect(two.report).toEqual(one.report);
    expect(two.summary.jobs).toBe(2);
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
