/**
 * Pipes, JSON Lines and file lists: the real binary in real shell pipelines.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bash, cli, FIXTURES, listFiles, tmpDir, EAGER_WORKERS, EAGER_WORKER_FLAGS, readReport, REPORT_FILES } from '../helpers.js';

const SEEDS = path.join(FIXTURES, 'seeds');
const seedNames = fs.readdirSync(SEEDS).sort();

/** The folder run's output for every seed, to compare the pipe with. */
function folderOutputs(): Map<string, Buffer> {
  const out = tmpDir();
  expect(cli([SEEDS, '-o', out]).code).toBe(0);
  return new Map(seedNames.map((n) => [n, fs.readFileSync(path.join(out, n))]));
}

interface Report {
  documents: { input: string; line?: number; id?: string; status: string; findings: { code: string }[] }[];
}

describe('clean-corpus reading standard input', () => {
  it('cleans each seed from `cat seed | clean-corpus` to exactly what the folder run writes, nothing on stderr', () => {
    const expected = folderOutputs();
    for (const n of seedNames) {
      const r = bash(`cat '${path.join(SEEDS, n)}' | clean-corpus`);
      expect(r.code, n).toBe(0);
      expect(r.stdout, n).toBe(expected.get(n)!.toString('utf8'));
      expect(r.stderr, n).toBe('');
    }
  });

  it('reads standard input for "-" and writes the report only to --report', () => {
    const dir = tmpDir();
    const r = bash(`clean-corpus - --report '${dir}/r.json' < fixtures/seeds/002_5233119f56ed92b3.txt`);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('천문학적인 자금으로 인재 영입에 나섰던 메타 초지능연구소(MSL)가');
    expect(r.stdout).not.toMatch(/[{}]"|"status"/);
    const report = readReport<Report>(path.join(dir, 'r.json'));
    expect(report.documents).toMatchObject([{ input: '<stdin>', status: 'kept' }]);
  });

  // A closed pipe used to be an unhandled EPIPE error: a stack trace and exit 1. Then it ended the process at once
  // and left the run's temporary files behind (the spill in TMPDIR; partial outputs and report in the output folder).
  it('ends quietly with exit 0 when the reader closes the pipe (| head -c 10), leaving no temporary file', () => {
    const dir = tmpDir();
    const tmp = tmpDir();
    const big = path.join(dir, 'big.txt');
    fs.writeFileSync(big, Array.from({ length: 100_000 }, (_, i) => `Line ${i} of a long document, with some words.\n\n`).join(''));
    for (const input of [big, path.join(SEEDS, '000_ce966927f2f8c2aa.txt')]) {
      const r = bash(`clean-corpus < '${input}' | head -c 10 | wc -c; echo "exit=\${PIPESTATUS[0]}"`, { env: { TMPDIR: tmp } });
      expect(r.stdout.replace(/ +/g, '')).toBe('10\nexit=0\n');
      expect(r.stderr).toBe('');
    }
    const jsonl = path.join(dir, 'big.jsonl');
    // distinct texts: 50,000 copies of one sentence would rightly be corpus boilerplate and duplicates
    const lines = Array.from({ length: 50_000 }, (_, i) => JSON.stringify({ id: i, text: sentence(i) }) + '\n');
    fs.writeFileSync(jsonl, lines.join(''));
    const r = bash(`clean-corpus --jsonl < '${jsonl}' | head -n 2; echo "exit=\${PIPESTATUS[0]}"`, { env: { TMPDIR: tmp } });
    expect(r.stdout).toBe(`${lines[0]}${lines[1]}exit=0\n`);
    expect(r.stderr).toBe('');
    // a folder run whose --explain listing is cut short: the output folder holds finished files only
    const e = bash(`clean-corpus --explain big.jsonl -o out | head -c 100 | wc -c; echo "exit=\${PIPESTATUS[0]}"`, { cwd: dir, env: { TMPDIR: tmp } });
    expect(e.stdout.replace(/ +/g, '')).toBe('100\nexit=0\n');
    expect(listFiles(path.join(dir, 'out')).filter((f) => f.includes('.tmp-'))).toEqual([]);
    expect(fs.readdirSync(tmp)).toEqual([]);
  });

  it('refuses --json and --explain when stdout carries the text', () => {
    for (const flag of ['--json', '--explain']) {
      const r = bash(`echo hello | clean-corpus ${flag}`);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(new RegExp(`^clean-corpus: ${flag} prints on stdout`));
    }
  });
});

const WORDS = 'the of and to in is that it was for on are with as his they at be this from have or by one had but what all were when we there can an your which their said if do will each about how up out them then she many some so these would other into has more her two like him see time could no make than first been its who now people my made over did down only way find use may water long little very after words called just where most know'.split(' ');

/** A distinct English sentence for record `i` (a seeded walk over common words). */
function sentence(i: number): string {
  let x = (i + 1) * 2654435761;
  const words = Array.from({ length: 24 }, () => {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    return WORDS[x % WORDS.length];
  });
  return `Record ${i} says ${words.join(' ')}.`;
}

const RECORDS = [
  '{"id":"a1","url":"https://example.com/1","text":"First   record.\\n\\n\\n\\nIts second paragraph.","2":"integer-like key","n":12345678901234567890}',
  '{"id":2,"text":"Second record.","meta":{"lang":"ko","tags":["x","}"]}}',
  '{"id":"broken", "text": ',
  '',
  '{"id":"c3","body":"no text field"}',
  '{"text":"A record without an id."}',
];

describe('JSON Lines', () => {
  it('cleans each record, keeps ids and every other field byte for byte, and reports a malformed line', () => {
    const dir = tmpDir();
    fs.writeFileSync(path.join(dir, 'data.jsonl'), RECORDS.join('\n') + '\n');
    const r = bash(`cat data.jsonl | clean-corpus --jsonl --report report.json`, { cwd: dir });
    expect(r.code).toBe(2); // a line that could not be read, as for an unreadable file
    const lines = r.stdout.split('\n');
    expect(lines).toEqual([
      '{"id":"a1","url":"https://example.com/1","text":"First record.\\n\\nIts second paragraph.","2":"integer-like key","n":12345678901234567890}',
      '{"id":2,"text":"Second record.","meta":{"lang":"ko","tags":["x","}"]}}',
      '{"text":"A record without an id."}',
      '',
    ]);
    expect(r.stderr).toMatch(/^<stdin>:3: error: line 3: not a JSON object/m);
    expect(r.stderr).toMatch(/^<stdin>:5: skipped: line 5: no string field "text"/m);
    const report = readReport<Report>(path.join(dir, 'report.json'));
    expect(report.documents.map((d) => [d.line, d.id, d.status])).toEqual([
      [1, 'a1', 'kept'],
      [2, '2', 'kept'],
      [3, undefined, 'error'],
      [5, undefined, 'skipped'],
      [6, undefined, 'kept'],
    ]);
    expect(report.documents[2].findings.map((f) => f.code)).toEqual(['jsonl-malformed']);
    expect(report.documents[3].findings.map((f) => f.code)).toEqual(['jsonl-no-text']);
  });

  it('reads another field with --text-field, and .jsonl files without --jsonl in a folder run', () => {
    const dir = tmpDir();
    fs.mkdirSync(path.join(dir, 'in/sub'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'in/sub/a.jsonl'), '{"body":"One  two.","id":1}\r\n{"body":"Three."}\n');
    fs.writeFileSync(path.join(dir, 'in/b.txt'), 'Plain   text.');
    const r = cli(['in', '-o', 'out', '--text-field', 'body'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(listFiles(path.join(dir, 'out'))).toEqual(['b.txt', ...REPORT_FILES, 'sub/a.jsonl']);
    expect(fs.readFileSync(path.join(dir, 'out/sub/a.jsonl'), 'utf8')).toBe('{"body":"One two.","id":1}\n{"body":"Three."}\n');
    expect(fs.readFileSync(path.join(dir, 'out/b.txt'), 'utf8')).toBe('Plain text.\n');
    const report = readReport<Report>(path.join(dir, 'out/report.json'));
    expect(report.documents.map((d) => d.input)).toEqual(['in/b.txt', 'in/sub/a.jsonl:1', 'in/sub/a.jsonl:2']);
  });

  // standard input is read once: pass 1 keeps it in a temporary file (the spool) for pass 2, instead of in memory
  it('streams records from a pipe to what a folder run writes, with 1 or 2 jobs, and leaves no temporary file', () => {
    const dir = tmpDir();
    // a footer on every page (corpus boilerplate, found in pass 1) and a few pages twice (duplicates)
    const lines = Array.from({ length: 600 }, (_, i) => JSON.stringify({ id: i, text: `${sentence(i)}\n\n${sentence(i + 1000)}\n\nShare this story with your friends today.` }));
    for (const i of [5, 50, 500]) lines.push(lines[i].replace(`"id":${i}`, `"id":"copy of ${i}"`));
    fs.writeFileSync(path.join(dir, 'pages.jsonl'), lines.join('\n') + '\n');
    expect(cli(['pages.jsonl', '-o', 'out'], { cwd: dir }).code).toBe(0);
    const expected = fs.readFileSync(path.join(dir, 'out/pages.jsonl'), 'utf8');
    expect(expected).not.toContain('Share this story');
    expect(expected.split('\n')).toHaveLength(600 + 1);
    for (const jobs of ['1', '2']) {
      const tmp = tmpDir();
      // the worker starts, and takes records, even for these few hundred
      const r = bash(`cat pages.jsonl | clean-corpus --jsonl --jobs ${jobs} ${EAGER_WORKER_FLAGS.join(' ')}`, { cwd: dir, env: { TMPDIR: tmp, ...EAGER_WORKERS } });
      expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: '' });
      expect(r.stdout).toBe(expected);
      expect(fs.readdirSync(tmp)).toEqual([]);
    }
    // no room for the spool: it says so, and cleans all the same
    const r = bash(`cat pages.jsonl | clean-corpus --jsonl`, { cwd: dir, env: { TMPDIR: path.join(dir, 'no-such-folder') } });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^clean-corpus: cannot keep standard input in \S*no-such-folder for the second pass \(ENOENT[^\n]*\); keeping the rest of it in memory\n$/);
    expect(r.stdout).toBe(expected);
  });

  it('lists an empty .jsonl file in the report and still writes its (empty) output', () => {
    const dir = tmpDir();
    fs.mkdirSync(path.join(dir, 'in'));
    fs.writeFileSync(path.join(dir, 'in/empty.jsonl'), '');
    const r = cli(['in', '-o', 'out', '--json'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).totals).toMatchObject({ documents: 1, skipped: 1 });
    expect(fs.readFileSync(path.join(dir, 'out/empty.jsonl'), 'utf8')).toBe('');
  });
});

describe('--files-from', () => {
  it('takes NUL-separated names from find -print0, spaces and all', () => {
    const dir = tmpDir();
    fs.mkdirSync(path.join(dir, 'pages/a b'), { recursive: true });
    fs.copyFileSync(path.join(SEEDS, seedNames[0]), path.join(dir, 'pages/a b/one page.txt'));
    fs.copyFileSync(path.join(SEEDS, seedNames[1]), path.join(dir, 'pages/two.txt'));
    fs.writeFileSync(path.join(dir, 'pages/skip.md'), 'not listed');
    const r = bash(`find pages -name '*.txt' -print0 | clean-corpus --files-from - -0 -o out --json`, { cwd: dir });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).totals.documents).toBe(2);
    expect(listFiles(path.join(dir, 'out'))).toEqual(['a b/one page.txt', ...REPORT_FILES, 'two.txt']);
  });

  it('takes one name per line from a file, as git ls-files prints them', () => {
    const dir = tmpDir();
    fs.cpSync(SEEDS, path.join(dir, 'seeds'), { recursive: true });
    const r = bash(`git init -q . && git add seeds && git ls-files > list && clean-corpus --files-from list --check`, { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout.trim().split('\n')).toHaveLength(seedNames.length);
  });

  it('names a list it cannot read, exit 2', () => {
    const r = cli(['--files-from', 'no-such-list']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--files-from no-such-list: no such file/);
  });
});
