/**
 * The hostile folder (tests/fixtures/hostile.ts: binaries, empty and BOM-only
 * files, broken encodings, NULs, a 300 MB line, 100,000-deep HTML, broken
 * links, a pipe, colliding names…) runs to the end through the real binary:
 * exit 0 or 2, no stack trace, every input in the report with its status, and
 * only valid UTF-8 written.
 */
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, listFiles, tmpDir, type CliResult, readReport, REPORT_FILES } from '../helpers.js';
import { BIG_LINE_BYTES, makeHostile } from '../fixtures/hostile.js';

interface Entry {
  input: string;
  output: string | null;
  status: string;
  message?: string;
  findings: { code: string; severity: string; message: string }[];
}

const isRoot = process.getuid?.() === 0;
let cwd: string;
let result: CliResult;
let entries: Map<string, Entry>;
/** The same folder (without the big line) with the content filters off: what reading and decoding alone make of it. */
let plainCwd: string;
let plainEntries: Map<string, Entry>;
/** Stages that judge content; off for the checks of what was read, on in the main run. */
const CONTENT_STAGES = 'classify,boilerplate,repeats,dedup,cross-doc';

beforeAll(() => {
  cwd = tmpDir();
  makeHostile(cwd);
  // the output folder sits inside the input folder: it must never be read back; --verbose: the empty files are
  // listed on stderr too
  result = cli(['in', '-o', 'in/clean-out', '--verbose'], { cwd });
  const report = readReport<{ documents: Entry[] }>(path.join(cwd, 'in/clean-out/report.json'));
  entries = new Map(report.documents.map((d) => [d.input, d]));
  plainCwd = tmpDir();
  makeHostile(plainCwd, { bigLineBytes: 0 });
  expect([0, 2]).toContain(cli(['in', '-o', 'in/clean-out', '--skip', CONTENT_STAGES], { cwd: plainCwd }).code);
  const plain = readReport<{ documents: Entry[] }>(path.join(plainCwd, 'in/clean-out/report.json'));
  plainEntries = new Map(plain.documents.map((d) => [d.input, d]));
}, 300_000);

// 600 MB of input and output: removed now, not left to the helper's exit hook (which a killed worker never runs)
afterAll(() => {
  fs.rmSync(cwd, { recursive: true, force: true });
  fs.rmSync(plainCwd, { recursive: true, force: true });
});

const entry = (input: string) => {
  const e = entries.get(input);
  expect(e, `${input} is in the report`).toBeDefined();
  return e!;
};
const finding = (input: string) => entry(input).findings.map((f) => f.code);
const plainEntry = (input: string) => {
  const e = plainEntries.get(input);
  expect(e, `${input} is in the report`).toBeDefined();
  return e!;
};
const plainOutput = (f: string) => fs.readFileSync(path.join(plainCwd, 'in/clean-out', f), 'utf8');

describe('clean-corpus on the hostile folder', () => {
  it('runs to the end with exit 0 or 2 and no stack trace', () => {
    expect([0, 2]).toContain(result.code);
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(result.stderr).not.toMatch(/^\w*Error:|\b(Type|Range|Reference|Syntax)Error\b/m);
    expect(result.stderr).toMatch(/clean-corpus: \d+ documents/);
  });

  it('lists every input in the report, and never its own output', () => {
    const expected = [
      'binary/archive.zip', 'binary/image.png', 'binary/random.bin', 'binary/random.txt', 'empty.txt', 'bom-only.txt', 'bom-only-utf16.txt',
      'bad-euc-kr.html', 'bad-utf8.html', 'nul-inside.txt', 'deep.html', 'stray-closers.html', 'unclosed.html', 'script-p.html', 'entities.html',
      'x.html', 'x.txt/inside.txt', 'collide/page.html', 'collide/page.htm', 'collide/page.txt', 'dangling-link.txt', 'loop-a.txt', 'loop-b.txt',
      'cycle/file.txt', 'cycle/up', 'fifo.txt', 'unreadable.txt', 'big-line.txt',
    ].map((f) => `in/${f}`);
    expect([...entries.keys()].sort()).toEqual(expected.sort());
  });

  it('gives every input that was not kept a status and a one-line message naming the file on stderr', () => {
    for (const e of entries.values()) {
      expect(['kept', 'skipped', 'error']).toContain(e.status);
      expect(e.findings.map((f) => f.code), e.input).not.toContain('internal-error');
      if (e.status === 'kept') continue;
      expect(e.message, e.input).toBeTruthy();
      expect(result.stderr).toContain(`${e.input}: ${e.status}: ${e.message}`);
    }
  });

  it('writes only valid UTF-8', () => {
    const fatal = new TextDecoder('utf-8', { fatal: true });
    const files = [cwd, plainCwd].flatMap((dir) => listFiles(path.join(dir, 'in/clean-out')).map((f) => path.join(dir, 'in/clean-out', f)));
    expect(files.length).toBeGreaterThan(10);
    for (const f of files) expect(() => fatal.decode(fs.readFileSync(f)), f).not.toThrow();
  });

  it('skips binaries, empty and BOM-only files with their reason', () => {
    for (const f of ['binary/archive.zip', 'binary/image.png', 'binary/random.bin', 'binary/random.txt']) expect(finding(`in/${f}`)).toEqual(['binary']);
    expect(entry('in/binary/image.png').message).toContain('PNG image');
    expect(entry('in/binary/archive.zip').message).toContain('ZIP archive');
    expect(finding('in/empty.txt')).toEqual(['empty']);
    expect(entry('in/bom-only.txt').status).toBe('skipped');
    expect(entry('in/bom-only-utf16.txt').status).toBe('skipped');
  });

  it('keeps text around invalid byte sequences and NULs, and says so', () => {
    expect(finding('in/bad-euc-kr.html')).toContain('decode-replaced');
    expect(plainOutput('bad-euc-kr.txt')).toContain('한국어 문장입니다');
    expect(finding('in/bad-utf8.html')).toContain('decode-replaced');
    expect(plainOutput('bad-utf8.txt')).toMatch(/^valid start \uFFFD.*\uFFFD valid end\n$/);
    expect(plainOutput('nul-inside.txt')).toBe('text with a NUL inside and another, then more ordinary words to read\n');
    expect(finding('in/nul-inside.txt')).toContain('control-chars-removed');
  });

  it('reads hostile HTML as a browser would show it', () => {
    const read = plainOutput;
    expect(read('deep.txt')).toBe('deep text\n');
    expect(read('stray-closers.txt')).toBe('before\n\nafter\n');
    expect(read('unclosed.txt')).toBe('unclosed paragraph bold italic\n');
    expect(read('script-p.txt')).toBe('one\n\ntwo\n');
    expect(read('entities.txt')).toBe('&bogus; &#xZZ; \uFFFD \uFFFD & <b>\n');
  });

  it(`cleans a single ${BIG_LINE_BYTES / 1024 / 1024} MB line: one sentence repeated, kept once`, () => {
    const e = entry('in/big-line.txt') as Entry & { charsIn: number; removed: { code: string; start: number; end: number }[] };
    expect(e.status).toBe('kept');
    expect(e.charsIn).toBe(BIG_LINE_BYTES - 1);
    expect(fs.readFileSync(path.join(cwd, 'in/clean-out/big-line.txt'), 'utf8')).toBe('the quick brown fox jumps over the lazy dog and keeps on running\n');
    const repeated = e.removed.filter((r) => r.code === 'repeat-within-doc').reduce((n, r) => n + r.end - r.start, 0);
    expect(repeated).toBeGreaterThan(BIG_LINE_BYTES - 100);
  });

  it('reports dangling links and link loops as errors, pipes and links back to a parent folder as skipped', () => {
    expect(entry('in/dangling-link.txt')).toMatchObject({ status: 'error', message: expect.stringContaining('dangling symbolic link') });
    expect(entry('in/loop-a.txt')).toMatchObject({ status: 'error', message: expect.stringContaining('symbolic link loop') });
    expect(entry('in/fifo.txt')).toMatchObject({ status: 'skipped', message: expect.stringContaining('named pipe') });
    expect(entry('in/cycle/up')).toMatchObject({ status: 'skipped', message: expect.stringContaining('already read as in') });
    expect(plainEntry('in/cycle/file.txt').status).toBe('kept');
  });

  it('gives each of several inputs that map to one output name its own file', () => {
    const outputs = ['collide/page.html', 'collide/page.htm', 'collide/page.txt', 'x.html', 'x.txt/inside.txt'].map((f) => plainEntry(`in/${f}`).output);
    expect(outputs).toEqual(['in/clean-out/collide/page.html.txt', 'in/clean-out/collide/page.htm.txt', 'in/clean-out/collide/page.txt', 'in/clean-out/x.html.txt', 'in/clean-out/x.txt/inside.txt']);
  });

  // chmod 000 stops nobody when the tests run as root (as in CI): the kernel lets root read anything
  it.skipIf(isRoot)('reports a file without read permission as an error (skipped when run as root, which can read it)', () => {
    expect(entry('in/unreadable.txt')).toMatchObject({ status: 'error', message: expect.stringContaining('permission denied') });
  });
});

describe('clean-corpus on a glob over the hostile folder', () => {
  // fast-glob dropped links and pipes silently and went round cycle/up -> .. forty times
  it('reports links and pipes it matches, and reads a file reached round a loop once', () => {
    const dir = tmpDir();
    fs.mkdirSync(path.join(dir, 'g/cycle'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'g/cycle/file.txt'), 'a file in a folder that links to its parent\n');
    fs.symlinkSync('..', path.join(dir, 'g/cycle/up'));
    fs.symlinkSync('nowhere.txt', path.join(dir, 'g/dangling.txt'));
    fs.symlinkSync('loop.txt', path.join(dir, 'g/loop.txt'));
    execFileSync('mkfifo', [path.join(dir, 'g/fifo.txt')]);
    const r = cli(['g/**/*.txt', '-o', 'out', '--skip', CONTENT_STAGES], { cwd: dir });
    expect(r.code).toBe(2);
    const report = readReport<{ documents: Entry[] }>(path.join(dir, 'out/report.json'));
    expect(Object.fromEntries(report.documents.map((d) => [d.input, d.status]))).toEqual({
      'g/dangling.txt': 'error',
      'g/loop.txt': 'error',
      'g/fifo.txt': 'skipped',
      'g/cycle/file.txt': 'kept',
    });
  });
});

describe('paths that cannot be used', () => {
  it('refuses a file given as the output folder, and a folder given as the report, before reading anything', () => {
    const dir = tmpDir();
    fs.writeFileSync(path.join(dir, 'a.txt'), 'some text\n');
    fs.writeFileSync(path.join(dir, 'taken'), '');
    fs.mkdirSync(path.join(dir, 'folder'));
    const r1 = cli(['a.txt', '-o', 'taken'], { cwd: dir });
    expect(r1).toMatchObject({ code: 2, stderr: expect.stringContaining('the output taken is a file, not a folder') });
    const r2 = cli(['a.txt', '-o', 'out', '--report', 'folder'], { cwd: dir });
    expect(r2).toMatchObject({ code: 2, stderr: expect.stringContaining('the report path folder is a folder') });
    expect(fs.existsSync(path.join(dir, 'out'))).toBe(false);
  });

  it('names a folder given where a file is expected in the report', () => {
    const dir = tmpDir();
    fs.mkdirSync(path.join(dir, 'x.txt'));
    const r = cli(['x.txt/', 'missing.txt', '-o', 'out'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('missing.txt: error: could not read the file: no such file or folder');
  });
});

describe('--max-bytes', () => {
  it('skips a larger input with a message giving its size and the limit', () => {
    const dir = tmpDir();
    fs.writeFileSync(path.join(dir, 'small.txt'), 'small\n');
    fs.writeFileSync(path.join(dir, 'large.txt'), 'large '.repeat(400));
    const r = cli(['.', '-o', 'out', '--max-bytes', '1K', '--skip', CONTENT_STAGES], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('large.txt: skipped: is 2400 bytes, over the limit of 1024 bytes (--max-bytes)');
    expect(listFiles(path.join(dir, 'out'))).toEqual([...REPORT_FILES, 'small.txt']);
  });

  it('refuses a size it cannot read', () => {
    const r = cli(['fixtures/seeds', '--max-bytes', 'lots']);
    expect(r).toMatchObject({ code: 2, stderr: expect.stringContaining('--max-bytes takes a size such as') });
  });
});
