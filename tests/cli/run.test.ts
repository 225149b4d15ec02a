/**
 * CLI tests: spawn the built binary on fixture folders and check what a user sees.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { cli, FIXTURES, listFiles, tmpDir, readReport as readHelper, REPORT_FILES } from '../helpers.js';

const SEEDS = path.join(FIXTURES, 'seeds');
const seedNames = fs.readdirSync(SEEDS).sort();

interface Report {
  version: number;
  tool: { name: string; version: string };
  options: object;
  totals: { documents: number; kept: number; error: number; skipped: number };
  documents: { input: string; output: string | null; status: string; encoding: string; encodingSource: string; charsIn: number; charsOut: number; removed: unknown[]; message?: string; findings: { code: string }[] }[];
}
const readReport = (file: string) => readHelper<Report>(file);

describe('clean-corpus <folder> -o <dir>', () => {
  it('writes a cleaned tree, report.json and a summary, and leaves the inputs alone', () => {
    const out = tmpDir();
    const before = seedNames.map((n) => fs.readFileSync(path.join(SEEDS, n)));
    const r = cli([SEEDS, '-o', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/5 documents/);
    expect(r.stderr).toContain(`output: ${out}`);
    expect(listFiles(out)).toEqual([...seedNames, ...REPORT_FILES].sort());
    expect(seedNames.map((n) => fs.readFileSync(path.join(SEEDS, n)))).toEqual(before);

    const report = readReport(path.join(out, 'report.json'));
    expect(report.version).toBe(2);
    expect(report.tool.name).toBe('clean-corpus');
    expect(report.totals).toMatchObject({ documents: 5, kept: 5, error: 0 });
    expect(report.documents.map((d) => path.basename(d.input))).toEqual(seedNames);
    for (const d of report.documents) {
      expect(d).toMatchObject({ status: 'kept', encoding: 'utf-8', encodingSource: 'utf8' });
      expect(fs.readFileSync(d.output!, 'utf8').length).toBe(d.charsOut);
    }
  });

  it('strips every tag, attribute and entity from the one-line HTML seed', () => {
    const out = tmpDir();
    expect(cli([SEEDS, '-o', out]).code).toBe(0);
    const text = fs.readFileSync(path.join(out, '002_5233119f56ed92b3.txt'), 'utf8');
    expect(text).not.toMatch(/<\/?[a-z][^>]*>/i);
    expect(text).not.toMatch(/&[a-z#0-9]+;/i);
    expect(text).not.toMatch(/dmcf-|contents-hash|data-translation|class=/);
    expect(text).toContain('천문학적인 자금으로 인재 영입에 나섰던 메타 초지능연구소(MSL)가');
  });

  it('writes to ./clean-corpus-out by default and names it in the summary', () => {
    const cwd = tmpDir();
    fs.cpSync(SEEDS, path.join(cwd, 'seeds'), { recursive: true });
    const r = cli(['seeds'], { cwd });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('output: clean-corpus-out');
    expect(listFiles(path.join(cwd, 'clean-corpus-out'))).toContain('report.json');
  });

  it('mirrors nested folders, maps .html to .txt and keeps both names when two inputs collide', () => {
    const cwd = tmpDir();
    fs.mkdirSync(path.join(cwd, 'in/sub'), { recursive: true });
    fs.writeFileSync(path.join(cwd, 'in/sub/page.html'), '<p>Hello from HTML.</p>');
    fs.writeFileSync(path.join(cwd, 'in/sub/page.htm'), '<p>Hello from HTM.</p>');
    fs.writeFileSync(path.join(cwd, 'in/top.txt'), 'Plain text.');
    const r = cli(['in', '-o', 'out'], { cwd });
    expect(r.code).toBe(0);
    expect(listFiles(path.join(cwd, 'out'))).toEqual([...REPORT_FILES, 'sub/page.htm.txt', 'sub/page.html.txt', 'top.txt'].sort());
    expect(fs.readFileSync(path.join(cwd, 'out/sub/page.html.txt'), 'utf8')).toBe('Hello from HTML.\n');
  });

  it('accepts globs and reads files in a stable sorted order', () => {
    const r = cli(['fixtures/seeds/00[31]_*.txt', '-o', tmpDir(), '--json']);
    expect(r.code).toBe(0);
    const summary = JSON.parse(r.stdout) as { totals: { documents: number } };
    expect(summary.totals.documents).toBe(2);
  });

  it('goes on past a missing input and exits 2, naming it', () => {
    const out = tmpDir();
    const r = cli(['does-not-exist', SEEDS, '-o', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/does-not-exist: error: could not read the file: no such file or folder/);
    const report = readReport(path.join(out, 'report.json'));
    expect(report.totals).toMatchObject({ documents: 6, kept: 5, error: 1 });
  });

  it('skips binary files with a reason and still exits 0', () => {
    const cwd = tmpDir();
    fs.mkdirSync(path.join(cwd, 'in'));
    fs.writeFileSync(path.join(cwd, 'in/a.txt'), 'Some text.');
    fs.writeFileSync(path.join(cwd, 'in/logo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
    const r = cli(['in', '-o', 'out'], { cwd });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/in\/logo\.png: skipped: looks like a binary file \(PNG image\)/);
    expect(listFiles(path.join(cwd, 'out'))).toEqual(['a.txt', ...REPORT_FILES].sort());
  });

  it('refuses an output folder that holds the input, exit 2, writing nothing', () => {
    const cwd = tmpDir();
    fs.mkdirSync(path.join(cwd, 'in'));
    fs.writeFileSync(path.join(cwd, 'in/a.txt'), 'Some text.');
    const r = cli(['in', '-o', '.'], { cwd });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/contains the input in/);
    expect(fs.readFileSync(path.join(cwd, 'in/a.txt'), 'utf8')).toBe('Some text.');
  });

  it('never reads back its own output folder placed inside the input', () => {
    const cwd = tmpDir();
    fs.mkdirSync(path.join(cwd, 'in'));
    fs.writeFileSync(path.join(cwd, 'in/a.txt'), 'Some text.');
    expect(cli(['in', '-o', 'in/out'], { cwd }).code).toBe(0);
    const r = cli(['in', '-o', 'in/out', '--json'], { cwd });
    expect(JSON.parse(r.stdout).totals.documents).toBe(1);
  });

  it('gives usage errors exit 2 and a hint', () => {
    expect(cli([]).code).toBe(2);
    const r = cli([SEEDS, '--set', 'no.such=1']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown threshold "no.such"/);
    expect(cli([SEEDS, '--encoding', 'klingon']).stderr).toMatch(/unknown encoding "klingon"/);
  });
});

describe('encodings', () => {
  // Seeds re-encoded: the output must be byte-identical to the output of the same text in UTF-8.
  // A few characters (•, ©, NBSP) have no code in CP949; iconv turns them into "?", in both copies.
  const cases: [string, (s: string) => Buffer][] = [
    ['cp949', (s) => iconv.encode(s, 'cp949')],
    ['euc-kr', (s) => iconv.encode(s, 'euc-kr')],
    ['gb18030', (s) => iconv.encode(s, 'gb18030')],
    ['utf-16le with BOM', (s) => Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(s, 'utf-16le')])],
    ['utf-16be with BOM', (s) => Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(s, 'utf-16be')])],
    ['utf-8 with BOM', (s) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(s)])],
  ];
  const codec = (name: string) => name.split(' ')[0];

  it.each(cases)('seeds in %s clean to the same UTF-8 as in UTF-8', (name, encode) => {
    const cwd = tmpDir();
    fs.mkdirSync(path.join(cwd, 'utf8'));
    fs.mkdirSync(path.join(cwd, 'enc'));
    for (const n of seedNames) {
      const original = fs.readFileSync(path.join(SEEDS, n), 'utf8');
      const representable = iconv.decode(iconv.encode(original, codec(name)), codec(name));
      fs.writeFileSync(path.join(cwd, 'utf8', n), representable);
      fs.writeFileSync(path.join(cwd, 'enc', n), encode(representable));
    }
    expect(cli(['utf8', '-o', 'out-utf8'], { cwd }).code).toBe(0);
    expect(cli(['enc', '-o', 'out-enc'], { cwd }).code).toBe(0);
    for (const n of seedNames) {
      const a = fs.readFileSync(path.join(cwd, 'out-utf8', n));
      const b = fs.readFileSync(path.join(cwd, 'out-enc', n));
      expect(b.equals(a), n).toBe(true);
    }
    const report = readReport(path.join(cwd, 'out-enc/report.json'));
    expect(new Set(report.documents.map((d) => d.encodingSource))).toEqual(new Set([name.includes('BOM') ? 'bom' : 'detected']));
  });
});
