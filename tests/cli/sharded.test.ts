/**
 * A sharded run (--executor local, and the stage commands any array-job engine runs) writes the files and the
 * report one process writes; a task killed midway is redone, alone, by running the same command again.
 * (The Slurm executor, against a real cluster: slurm.test.ts.)
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, FIXTURES, listFiles, oneProcess, ROOT, tmpDir, writtenIn } from '../helpers.js';

const INPUTS = ['seeds', 'dupes', 'site', 'pages'].map((d) => path.join(FIXTURES, d));

/** A JSON Lines corpus of the fixtures' pages (duplicates among them), for the records layout. */
function recordsCorpus(): string {
  const dir = tmpDir();
  const lines = INPUTS.flatMap((d) => listFiles(d).map((f) => JSON.stringify({ id: f, text: fs.readFileSync(path.join(d, f), 'utf8') })));
  // two files, the second larger: a file is split between shards by records
  fs.writeFileSync(path.join(dir, 'a.jsonl'), lines.slice(0, 10).join('\n') + '\n');
  fs.writeFileSync(path.join(dir, 'b.jsonl'), lines.slice(10).join('\n') + '\n');
  return dir;
}

/** Run `args` once in one process and once with `sharded`, into the same output folder; both results. */
function both(inputs: string[], sharded: string[], env: NodeJS.ProcessEnv = {}) {
  const base = tmpDir();
  const out = path.join(base, 'out');
  const { code, stderr, ...first } = oneProcess(inputs, out);
  const one = { code, stderr };
  const many = cli([...inputs, '-o', out, '-q', ...sharded], { env: { ...process.env, ...env } });
  return { one, first, many, second: fs.existsSync(out) ? writtenIn(out) : undefined, base, out };
}

describe('clean-corpus --executor local', () => {
  it('writes the files and report of one process: one file per page', () => {
    const r = both(INPUTS, ['--executor', 'local', '--tasks', '3']);
    expect(r.many.stderr).toBe('');
    expect(r.many.code).toBe(r.one.code);
    expect(r.first.report.documents.filter((d: { status: string }) => d.status === 'duplicate').length).toBeGreaterThan(10);
    expect(r.second).toEqual(r.first);
    // the work folder is gone once the run is done (it was not named)
    expect(fs.readdirSync(r.base)).toEqual(['out']);
  }, 60_000);

  it('writes the files and report of one process: records, a file split between shards', () => {
    const corpus = recordsCorpus();
    const work = path.join(tmpDir(), 'work');
    const r = both([corpus], ['--executor', 'local', '--tasks', '4', '--work', work]);
    expect(r.many.code).toBe(0);
    expect(r.second).toEqual(r.first);
    // b.jsonl was cut between records: some shard starts inside it
    const plan = JSON.parse(fs.readFileSync(path.join(work, 'plan.json'), 'utf8')) as { shards: { pieces: { input: number; from: number }[] }[] };
    expect(plan.shards.some((s) => s.pieces.some((p) => p.input === 1 && p.from > 0))).toBe(true);
  }, 60_000);

  it('reads every format and takes every option as one process does', () => {
    const formats = ['jsonl', 'warc', 'wet', 'parquet', 'damaged'].map((d) => path.join(ROOT, 'tests/fixtures/formats', d));
    const options = ['--keep-duplicates', '--skip', 'repeats', '--set', 'dedup.threshold=0.8'];
    const r = both([...formats, ...options], ['--executor', 'local', '--tasks', '3']);
    // the damaged streams fail in both runs alike
    expect(r.one.code).toBe(2);
    expect(r.many.code).toBe(2);
    expect(r.many.stderr).toBe(r.one.stderr);
    expect(r.second).toEqual(r.first);
  }, 60_000);

  it('redoes only the task that was killed, and the output is still that of one process', () => {
    const work = path.join(tmpDir(), 'work');
    const r = both(INPUTS, ['--executor', 'local', '--tasks', '3', '--work', work], { CLEAN_CORPUS_KILL_TASK: 'clean:1:2' });
    expect(r.many.code).toBe(2);
    expect(r.many.stderr).toContain('the clean task of shard 1/3 failed (killed); its log: ');
    expect(r.many.stderr).toContain('clean-00001.log');
    const kept = ['statistics/00000.frames', 'statistics/00001.frames', 'statistics/00002.frames', 'corpus.state', 'clean/00000.frames', 'clean/00002.frames'];
    const before = kept.map((f) => fs.statSync(path.join(work, f)).mtimeMs);
    expect(fs.existsSync(path.join(work, 'clean/00001.frames'))).toBe(false);

    const again = cli([...INPUTS, '-o', r.out, '-q', '--executor', 'local', '--tasks', '3', '--work', work]);
    expect(again.code).toBe(0);
    expect(kept.map((f) => fs.statSync(path.join(work, f)).mtimeMs)).toEqual(before);
    expect(writtenIn(r.out)).toEqual(r.first);
    // the work folder named with --work stays, for the next resume
    expect(fs.existsSync(path.join(work, 'plan.json'))).toBe(true);
  }, 90_000);

  it('refuses a work folder that holds another run', () => {
    const work = path.join(tmpDir(), 'work');
    const out = path.join(tmpDir(), 'out');
    expect(cli([INPUTS[0], '-o', out, '-q', '--executor', 'local', '--tasks', '2', '--work', work]).code).toBe(0);
    const other = cli([INPUTS[1], '-o', out, '-q', '--executor', 'local', '--tasks', '2', '--work', work]);
    expect(other.code).toBe(2);
    expect(other.stderr).toMatch(/holds the plan of another run .*choose another --work/);
  }, 60_000);
});

describe('clean-corpus shard STEP', () => {
  it('runs from the stage commands as an array-job engine would, with the index from its environment', () => {
    const base = tmpDir();
    const out = path.join(base, 'out');
    const work = path.join(base, 'work');
    const { code, stderr: _, ...first } = oneProcess(INPUTS, out);
    expect(code).toBe(0);

    const plan = cli(['shard', 'plan', '--work', work, '--tasks', '3', ...INPUTS, '-o', out, '-q']);
    expect(plan.code).toBe(0);
    expect(plan.stdout).toMatch(/plan\.json: \d+ documents in 3 shards/);
    // Slurm's index, a Kubernetes Indexed Job's, and --shard
    const step = (name: string, env: NodeJS.ProcessEnv = {}, more: string[] = []) => cli(['shard', name, '--work', work, ...more], { env: { ...process.env, ...env } });
    expect(step('statistics', { SLURM_ARRAY_TASK_ID: '0' }).code).toBe(0);
    expect(step('statistics', { JOB_COMPLETION_INDEX: '1' }).code).toBe(0);
    expect(step('statistics', {}, ['--shard', '2/3']).code).toBe(0);
    expect(step('merge').code).toBe(0);
    for (const i of [0, 1, 2]) expect(step('clean', {}, ['--shard', `${i}/3`]).code).toBe(0);
    const finish = step('finish');
    expect(finish.code).toBe(0);
    expect(writtenIn(out)).toEqual(first);

    // an input changed after the plan was made: its shard would read other documents under the plan's ids
    const copy = path.join(base, 'seeds');
    fs.cpSync(INPUTS[0], copy, { recursive: true });
    const work2 = path.join(base, 'work2');
    expect(cli(['shard', 'plan', '--work', work2, '--tasks', '2', copy, '-o', path.join(base, 'out2')]).code).toBe(0);
    fs.appendFileSync(path.join(copy, listFiles(copy)[0]), 'one more line\n');
    const changed = cli(['shard', 'statistics', '--work', work2, '--shard', '0/2']);
    expect(changed.code).toBe(2);
    expect(changed.stderr).toContain('changed since the plan was made');

    const wrong = step('clean', {}, ['--shard', '1/4']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('the plan has 3 shards, not 4');
    const none = step('clean');
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('which shard?');
  }, 90_000);
});
