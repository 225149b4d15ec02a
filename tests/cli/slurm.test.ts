/**
 * --executor slurm against a real Slurm cluster (a one-node one that .ci/run starts with .ci/slurm-cluster.sh):
 * array jobs chained with afterok write the files and report one process writes; a task killed midway fails the
 * run with its shard and log named, and the same command then redoes only what is missing.
 * Without Slurm it is skipped on a workstation, and fails under CI (CI=1), where it must run.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, FIXTURES, oneProcess, tmpDir, writtenIn } from '../helpers.js';

const INPUTS = ['seeds', 'dupes', 'site'].map((d) => path.join(FIXTURES, d));
const up = spawnSync('sinfo', ['-h', '-o', '%t'], { encoding: 'utf8' });
const ready = up.status === 0 && /idle|mix|alloc/.test(up.stdout);

describe('clean-corpus --executor slurm', () => {
  it.runIf(!ready && Boolean(process.env.CI))('has a Slurm cluster to run on under CI', () => {
    expect.fail(`no Slurm node is up (sinfo: ${(up.stderr || up.stdout || String(up.error)).trim()}); .ci/run starts one with .ci/slurm-cluster.sh`);
  });

  it.runIf(ready)('writes the files and report of one process, and resumes after a killed task', () => {
    const base = tmpDir();
    // the work folder and the outputs must be where every node sees them; one node here
    const out = path.join(base, 'out');
    const work = path.join(base, 'work');
    const { code, stderr: _, ...first } = oneProcess(INPUTS, out);
    expect(code).toBe(0);

    const killed = cli([...INPUTS, '-o', out, '-q', '--executor', 'slurm', '--tasks', '4', '--work', work], { env: { ...process.env, CLEAN_CORPUS_KILL_TASK: 'statistics:2:1' } });
    expect(killed.code).toBe(2);
    expect(killed.stderr).toMatch(/the statistics task of shard 2\/4 failed \(.*\); its log: .*statistics-00002\.log/);
    expect(fs.existsSync(path.join(work, 'statistics/00001.frames'))).toBe(true);
    const before = fs.statSync(path.join(work, 'statistics/00001.frames')).mtimeMs;

    const again = cli([...INPUTS, '-o', out, '--executor', 'slurm', '--tasks', '4', '--work', work]);
    expect(again.code).toBe(0);
    expect(again.stderr).toContain('statistics: 1 of 4 shards to do');
    expect(fs.statSync(path.join(work, 'statistics/00001.frames')).mtimeMs).toBe(before);
    // the summary the finishing job printed, relayed here
    expect(again.stderr).toMatch(/\d+ documents, .* kept, \d+ duplicate/);
    fs.rmSync(out, { recursive: true });
    // quiet, as the one-process run was, for the same report options
    expect(cli([...INPUTS, '-o', out, '-q', '--executor', 'slurm', '--tasks', '4', '--work', work]).code).toBe(0);
    expect(writtenIn(out)).toEqual(first);
  }, 180_000);
});
