/**
 * Compressed JSON Lines and gzip'd pages through the real binary: the same records as plain JSON Lines give the
 * same output, compressed as the input was, on one thread and through the workers; a damaged stream keeps the
 * records before the damage and names the file.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decompress as unzstd } from 'fzstd';
import { bash, cli, EAGER_WORKER_FLAGS, EAGER_WORKERS, FIXTURES, readReport, ROOT, tmpDir } from '../helpers.js';

const FORMATS = path.join(ROOT, 'tests', 'fixtures', 'formats');
const GZ = path.join(FORMATS, 'jsonl', 'pages.jsonl.gz');
const ZST = path.join(FORMATS, 'jsonl', 'pages.jsonl.zst');
const env = { ...process.env, NO_COLOR: '1', ...EAGER_WORKERS };

/** Run one input into a fresh folder; the decompressed output of `name`, and the report. */
function runOne(input: string, jobs: number, name: string) {
  const out = tmpDir();
  const r = cli([input, '-o', out, '-q', '--jobs', String(jobs), ...EAGER_WORKER_FLAGS], { env });
  const bytes = fs.readFileSync(path.join(out, name));
  const text = name.endsWith('.gz') ? zlib.gunzipSync(bytes) : name.endsWith('.zst') ? Buffer.from(unzstd(bytes)) : bytes;
  const report = readReport(path.join(out, 'report.json'));
  return { code: r.code, bytes, text: text.toString('utf8'), report };
}

describe('compressed JSON Lines', () => {
  // the plain file the compressed ones were made from
  const plainDir = tmpDir();
  const plain = path.join(plainDir, 'pages.jsonl');
  fs.writeFileSync(plain, zlib.gunzipSync(fs.readFileSync(GZ)));

  it('a .jsonl.gz and a .jsonl.zst give the records plain JSON Lines gives, compressed as they came, with 1 and 2 jobs', () => {
    const reference = runOne(plain, 1, 'pages.jsonl');
    expect(reference.code).toBe(0);
    expect(reference.text.split('\n').length).toBeGreaterThan(3);
    for (const [input, name, magic] of [[GZ, 'pages.jsonl.gz', [0x1f, 0x8b]], [ZST, 'pages.jsonl.zst', [0x28, 0xb5]]] as const)
      for (const jobs of [1, 2]) {
        const r = runOne(input, jobs, name);
        expect(r.code, `${name} --jobs ${jobs}`).toBe(0);
        expect([...r.bytes.subarray(0, 2)]).toEqual(magic);
        expect(r.text, `${name} --jobs ${jobs}`).toBe(reference.text);
        expect(r.report.totals).toEqual(reference.report.totals);
      }
  });

  it('a gzip file named .jsonl is known by its first bytes, and its output stays gzip', () => {
    const dir = tmpDir();
    fs.copyFileSync(GZ, path.join(dir, 'pages.jsonl'));
    const r = runOne(path.join(dir, 'pages.jsonl'), 2, 'pages.jsonl');
    expect(r.code).toBe(0);
    expect(zlib.gunzipSync(r.bytes).toString('utf8')).toBe(runOne(plain, 1, 'pages.jsonl').text);
  });

  it('finds duplicates across formats in one run: the zstd records repeat the gzip ones', () => {
    const out = tmpDir();
    const r = cli([path.join(FORMATS, 'jsonl'), '-o', out, '-q', '--jobs', '2', ...EAGER_WORKER_FLAGS], { env });
    expect(r.code).toBe(0);
    const report = readReport(path.join(out, 'report.json'));
    const zst = report.documents.filter((d: { input: string }) => d.input.includes('.jsonl.zst:'));
    expect(zst.length).toBeGreaterThan(3);
    expect(zst.every((d: { status: string }) => d.status === 'duplicate')).toBe(true);
  });

  it('reads compressed records from a pipe with --jsonl, as it reads plain ones', () => {
    const viaGzip = bash(`cat "${GZ}" | clean-corpus --jsonl --jobs 2 ${EAGER_WORKER_FLAGS.join(' ')}`, { env: EAGER_WORKERS });
    const viaPlain = bash(`cat "${plain}" | clean-corpus --jsonl`);
    expect(viaGzip.code).toBe(0);
    expect(viaGzip.stdout).toBe(viaPlain.stdout);
    expect(viaGzip.stdout.length).toBeGreaterThan(100);
  });
});

describe('--check and --write on compressed JSON Lines', () => {
  // compressed bytes seldom match between two encoders: the content is compared, decompressed
  it('cleans a .jsonl.gz in place, still gzip, after which --check exits 0 and --write touches nothing', () => {
    const dir = tmpDir();
    const file = path.join(dir, 'pages.jsonl.gz');
    fs.copyFileSync(GZ, file);
    expect(cli(['--check', dir]).code).toBe(1);
    expect(cli(['--write', dir]).code).toBe(0);
    const written = fs.readFileSync(file);
    expect([...written.subarray(0, 2)]).toEqual([0x1f, 0x8b]);
    expect(zlib.gunzipSync(written).toString('utf8')).not.toContain('<p>');
    const mtime = fs.statSync(file).mtimeMs;
    expect(cli(['--check', dir]).code).toBe(0);
    expect(cli(['--write', dir]).code).toBe(0);
    expect(fs.statSync(file).mtimeMs).toBe(mtime);
  });
});

describe('damaged compressed input', () => {
  it('a cut gzip member or zstd frame: a finding naming the file, the records before it kept, exit 2', () => {
    for (const jobs of [1, 2]) {
      const out = tmpDir();
      const r = cli([path.join(FORMATS, 'damaged'), '-o', out, '--jobs', String(jobs), ...EAGER_WORKER_FLAGS], { env });
      expect(r.code).toBe(2);
      const report = readReport(path.join(out, 'report.json'));
      for (const name of ['cut.jsonl.gz', 'cut.jsonl.zst']) {
        const failed = report.documents.find((d: { input: string; status: string }) => d.input.endsWith(name) && d.status === 'error');
        expect(failed?.findings[0], name).toMatchObject({ code: 'input-corrupt' });
        expect(r.stderr).toContain(`${name}: error: the ${name.endsWith('gz') ? 'gzip' : 'zstd'} stream is damaged after`);
        // the records before the damage are written
        expect(report.documents.filter((d: { input: string; status: string }) => d.input.includes(`${name}:`) && d.status === 'kept').length).toBeGreaterThan(0);
        expect(fs.existsSync(path.join(out, name))).toBe(true);
      }
    }
  });
});

describe("a gzip'd page", () => {
  it('page.html.gz is cleaned as page.html is, into page.txt', () => {
    const out = tmpDir();
    expect(cli([path.join(FORMATS, 'page', 'en-article.html.gz'), '-o', out, '-q'], { env }).code).toBe(0);
    const ref = tmpDir();
    expect(cli([path.join(FIXTURES, 'pages', 'en-article.html'), '-o', ref, '-q']).code).toBe(0);
    expect(fs.readFileSync(path.join(out, 'en-article.txt'), 'utf8')).toBe(fs.readFileSync(path.join(ref, 'en-article.txt'), 'utf8'));
  });
});
