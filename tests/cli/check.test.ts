/**
 * --check and --write: what a hook or CI sees, and that nothing is touched
 * that need not be.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, FIXTURES, listFiles, tmpDir, EAGER_WORKERS, EAGER_WORKER_FLAGS, REPORT_FILES } from '../helpers.js';

const SEEDS = path.join(FIXTURES, 'seeds');
const seedNames = fs.readdirSync(SEEDS).sort();

/** Bytes and mtime of every file under `dir`, to prove nothing was touched. */
function snapshot(dir: string): Map<string, { bytes: Buffer; mtimeMs: number }> {
  return new Map(listFiles(dir).map((f) => [f, { bytes: fs.readFileSync(path.join(dir, f)), mtimeMs: fs.statSync(path.join(dir, f)).mtimeMs }]));
}

function copySeeds(): string {
  const dir = tmpDir();
  fs.cpSync(SEEDS, path.join(dir, 'seeds'), { recursive: true });
  return dir;
}

describe('--check', () => {
  it('exits 1 on the seeds, naming each with a reason, and writes nothing', () => {
    const dir = copySeeds();
    const before = snapshot(dir);
    const r = cli(['--check', 'seeds'], { cwd: dir });
    expect(r.code).toBe(1);
    const lines = r.stdout.trim().split('\n');
    expect(lines.map((l) => l.split(':')[0])).toEqual(seedNames.map((n) => `seeds/${n}`));
    expect(lines.find((l) => l.startsWith('seeds/002'))).toMatch(/: would change: 4888 → \d+ bytes, .*HTML to text/);
    expect(snapshot(dir)).toEqual(before);
  });

  it('exits 0 on the cleaned output of the seeds without touching a file', () => {
    const dir = tmpDir();
    expect(cli([SEEDS, '-o', path.join(dir, 'out')]).code).toBe(0);
    for (const f of REPORT_FILES) fs.rmSync(path.join(dir, 'out', f));
    const before = snapshot(dir);
    const r = cli(['--check', 'out'], { cwd: dir });
    expect(r.stdout).toBe('');
    expect(r.code).toBe(0);
    expect(snapshot(dir)).toEqual(before);
  });

  it('checks JSON Lines files record by record', () => {
    const dir = tmpDir();
    fs.writeFileSync(path.join(dir, 'clean.jsonl'), '{"id":1,"text":"Clean."}\n');
    fs.writeFileSync(path.join(dir, 'dirty.jsonl'), '{"id":1,"text":"Also clean."}\n{"id":2,"text":"Two   spaces."}\n');
    const r = cli(['--check', 'clean.jsonl', 'dirty.jsonl'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('dirty.jsonl: would change: 1 of 2 records\n');
  });

  it('lists the same files with 1 and 2 jobs (workers included), and refuses a --jobs that is not a count', () => {
    // the duplicates corpus: near copies and cross-page boilerplate are found across the files of the one run
    const inputs = [SEEDS, path.join(FIXTURES, 'dupes')];
    const one = cli(['--check', ...inputs, '--jobs', '1']);
    expect(one.code).toBe(1);
    expect(one.stdout).toMatch(/duplicate/);
    // the worker starts, and takes documents, even for these few files
    expect(cli(['--check', ...inputs, '--jobs', '2', ...EAGER_WORKER_FLAGS], { env: { ...process.env, NO_COLOR: '1', ...EAGER_WORKERS } })).toEqual(one);
    const bad = cli(['--check', SEEDS, '--jobs', 'all']);
    expect({ code: bad.code, stderr: bad.stderr }).toEqual({ code: 2, stderr: expect.stringMatching(/--jobs takes a whole number from 1 to 1024, not "all"/) });
  });

  it('refuses --check with --write or --explain, and without files', () => {
    expect(cli(['--check', '--write', SEEDS]).code).toBe(2);
    expect(cli(['--check', '--explain', SEEDS]).stderr).toMatch(/--explain cannot be used with --check/);
    expect(cli(['--check'], { input: 'text' }).stderr).toMatch(/--check needs files/);
  });
});

describe('--write', () => {
  it('cleans in place, after which --check exits 0 and a second --write touches nothing', () => {
    const dir = copySeeds();
    fs.chmodSync(path.join(dir, 'seeds', seedNames[0]), 0o640);
    const w = cli(['--write', 'seeds'], { cwd: dir });
    expect(w.code).toBe(0);
    expect(w.stdout.trim().split('\n')).toHaveLength(seedNames.length);
    expect(listFiles(dir)).toEqual(seedNames.map((n) => `seeds/${n}`)); // no temporary file, no report, no output folder

    const out = tmpDir();
    expect(cli([SEEDS, '-o', out]).code).toBe(0);
    for (const n of seedNames) expect(fs.readFileSync(path.join(dir, 'seeds', n)).equals(fs.readFileSync(path.join(out, n))), n).toBe(true);
    expect(fs.statSync(path.join(dir, 'seeds', seedNames[0])).mode & 0o777).toBe(0o640);

    const before = snapshot(dir);
    expect(cli(['--check', 'seeds'], { cwd: dir }).code).toBe(0);
    const again = cli(['--write', 'seeds'], { cwd: dir });
    expect(again.code).toBe(0);
    expect(again.stdout).toBe('');
    expect(snapshot(dir)).toEqual(before);
  });

  it('rewrites a JSON Lines file only where it changes, keeping records it cannot clean', () => {
    const dir = tmpDir();
    const file = path.join(dir, 'data.jsonl');
    fs.writeFileSync(file, '{"id":1,"text":"Two   spaces."}\n{broken\n{"id":3,"body":"no text"}\n');
    const r = cli(['--write', 'data.jsonl'], { cwd: dir });
    expect(r.code).toBe(2); // the broken line is an error, and stays
    expect(fs.readFileSync(file, 'utf8')).toBe('{"id":1,"text":"Two spaces."}\n{broken\n{"id":3,"body":"no text"}\n');
    const mtime = fs.statSync(file).mtimeMs;
    expect(cli(['--write', 'data.jsonl'], { cwd: dir }).stdout).toBe('');
    expect(fs.statSync(file).mtimeMs).toBe(mtime);
  });

  // a record over the size limit is measured, never held: rewriting the file used to replace it with an empty line
  it('leaves a JSON Lines file untouched when one of its records is too large to hold', () => {
    const dir = tmpDir();
    const file = path.join(dir, 'pages.jsonl');
    const keep = 'A record with a sentence long enough to be kept as text by the classifier.';
    const before = [JSON.stringify({ id: 'a', text: keep + '  ' + keep }), JSON.stringify({ id: 'big', text: 'x'.repeat(300) }), JSON.stringify({ id: 'c', text: 'Another record, with a different sentence that the classifier keeps too.' })].join('\n') + '\n';
    fs.writeFileSync(file, before);
    const r = cli(['--write', file, '--set', 'input.maxBytes=200']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('pages.jsonl:2: skipped');
    expect(fs.readFileSync(file, 'utf8')).toBe(before);
    expect(cli(['--check', file, '--set', 'input.maxBytes=200']).code).toBe(0);
  });

  it('writes through a symbolic link to the file it points to', () => {
    const dir = tmpDir();
    fs.writeFileSync(path.join(dir, 'real.txt'), 'Too   many spaces.\n');
    fs.symlinkSync('real.txt', path.join(dir, 'link.txt'));
    expect(cli(['--write', 'link.txt'], { cwd: dir }).code).toBe(0);
    expect(fs.lstatSync(path.join(dir, 'link.txt')).isSymbolicLink()).toBe(true);
    expect(fs.readFileSync(path.join(dir, 'real.txt'), 'utf8')).toBe('Too many spaces.\n');
  });
});

describe('duplicates in check and fix modes', () => {
  /** Two identical articles (three long paragraphs each: pass 1 takes the second for a copy of the first). */
  function twins(): string {
    const dir = tmpDir();
    const page = [
      'The city council voted nine to two on Tuesday night to approve the Riverside tram line, ending a debate that has run for almost six years.',
      'Construction is expected to begin next spring and to take about three years, according to the transport department, which will publish a timetable in May.',
      'Shop owners on Market Street remain worried about two years of closed lanes and noise, so the council promised a fund to compensate them.',
    ].join('\n\n') + '\n';
    fs.writeFileSync(path.join(dir, 'a.txt'), page);
    fs.writeFileSync(path.join(dir, 'b.txt'), page);
    return dir;
  }
  it('reports a duplicate (exit 1) and deletes it only with --delete-duplicates', () => {
    const dir = twins();
    const check = cli(['--check', 'a.txt', 'b.txt'], { cwd: dir });
    expect(check.code).toBe(1);
    expect(check.stdout).toMatch(/^b\.txt: .*duplicate.*a\.txt/m);
    expect(cli(['--write', 'a.txt', 'b.txt'], { cwd: dir }).code).toBe(1);
    expect(listFiles(dir)).toEqual(['a.txt', 'b.txt']);
    const del = cli(['--write', '--delete-duplicates', 'a.txt', 'b.txt'], { cwd: dir });
    expect(del.code).toBe(0);
    expect(del.stdout).toMatch(/^b\.txt: deleted as a duplicate of a\.txt/m);
    expect(listFiles(dir)).toEqual(['a.txt']);
  });
});
