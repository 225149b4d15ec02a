/**
 * WARC and WET through the real binary, on fixture files made by scripts/make-format-fixtures.mjs: response
 * records become JSON Lines records { id, url, date, text } in a gzip'd file, every other record is reported as
 * skipped with its reason, the HTTP header's charset decodes a page that declares none, and a record whose
 * Content-Length lies stops the file there with a finding, the records before it kept.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { bash, cli, EAGER_WORKER_FLAGS, EAGER_WORKERS, FIXTURES, readReport, ROOT, tmpDir } from '../helpers.js';

const FORMATS = path.join(ROOT, 'tests', 'fixtures', 'formats');
const env = { ...process.env, NO_COLOR: '1', ...EAGER_WORKERS };
// corpus-wide boilerplate is found across every document of a run: off, so that runs over different sets compare
const ALONE = ['--set', 'boilerplate.minDocs=1000'];

interface Out {
  id: string;
  url: string;
  date: string;
  text: string;
}
function runWarc(inputs: string[], jobs = 1, extra: string[] = []) {
  const out = tmpDir();
  const r = cli([...inputs, '-o', out, '-q', '--jobs', String(jobs), ...EAGER_WORKER_FLAGS, ...extra], { env });
  const report = readReport(path.join(out, 'report.json'));
  const records = (name: string): Out[] =>
    zlib.gunzipSync(fs.readFileSync(path.join(out, name))).toString('utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
  return { ...r, out, report, records };
}

describe('WARC', () => {
  it('response records with HTML become records {id, url, date, text} in a .jsonl.gz; the others are skipped with a reason', () => {
    const r = runWarc([path.join(FORMATS, 'warc')]);
    expect(r.code).toBe(0);
    const records = r.records('crawl.jsonl.gz');
    expect(records.map((x) => x.url)).toEqual(['https://example.org/en-article', 'https://example.org/zh-news', 'https://example.kr/news', 'https://example.org/site/index']);
    expect(records[0]).toMatchObject({ id: '<urn:uuid:00000000-0000-4000-8000-000000000003>', date: '2024-05-06T07:08:09Z' });
    expect(records[0].text).toContain('Harbour town votes to restore its old ferry line');
    const skipped = r.report.documents.filter((d: { status: string }) => d.status === 'skipped');
    expect(skipped.map((d: { findings: { code: string; message: string }[] }) => [d.findings[0].code, d.findings[0].message.replace(/ \(byte \d+\)/, '')])).toEqual([
      ['warc-record-skipped', 'record 1: a warcinfo record, not a page; skipped'],
      ['warc-record-skipped', 'record 2: a request record, not a page; skipped'],
      ['warc-record-skipped', 'record 6: a payload of type image/png, not a page; skipped'],
      ['warc-record-skipped', 'record 7: a metadata record, not a page; skipped'],
      ['warc-record-skipped', 'record 8: a revisit record, not a page; skipped'],
    ]);
  });

  it('decodes a page by the charset of its HTTP header when the page declares none (EUC-KR)', () => {
    const r = runWarc([path.join(FORMATS, 'warc')]);
    const korean = r.records('crawl.jsonl.gz').find((x) => x.url === 'https://example.kr/news')!;
    expect(korean.text).toContain('서울시는 오늘 새 도서관을 열었다.');
    const entry = r.report.documents.find((d: { input: string }) => d.input.endsWith('crawl.warc.gz:5'));
    // EUC-KR is read as its superset, Windows code page 949 (as browsers do)
    expect(entry).toMatchObject({ encoding: 'cp949', encodingSource: 'declared' });
  });

  it('gives the same records plain or gzip per record, with 1 and 2 jobs', () => {
    const ref = runWarc([path.join(FORMATS, 'warc')]).records('crawl.jsonl.gz');
    expect(runWarc([path.join(FORMATS, 'warc-plain')]).records('crawl.jsonl.gz')).toEqual(ref);
    expect(runWarc([path.join(FORMATS, 'warc')], 2).records('crawl.jsonl.gz')).toEqual(ref);
  });

  it('cleans a page in a response record as it cleans the same page as an HTML file', () => {
    const warc = runWarc([path.join(FORMATS, 'warc')], 1, ALONE).records('crawl.jsonl.gz');
    const html = tmpDir();
    for (const p of ['pages/en-article.html', 'pages/zh-news.html', 'site/index.html']) fs.copyFileSync(path.join(FIXTURES, p), path.join(html, path.basename(p)));
    const files = runWarc([html], 1, ALONE);
    for (const [name, url] of [['en-article', 'https://example.org/en-article'], ['zh-news', 'https://example.org/zh-news'], ['index', 'https://example.org/site/index']]) {
      const text = fs.readFileSync(path.join(files.out, `${name}.txt`), 'utf8');
      expect(warc.find((x) => x.url === url)!.text + '\n', name).toBe(text);
    }
  });

  it('finds duplicates across formats in one run: the WARC pages repeat the HTML files', () => {
    const r = runWarc([path.join(FIXTURES, 'pages'), path.join(FORMATS, 'warc')]);
    const en = r.report.documents.find((d: { input: string }) => d.input.endsWith('crawl.warc.gz:3'));
    expect(en).toMatchObject({ status: 'duplicate' });
    expect(en.duplicateOf).toContain('en-article.html');
  });

  it('reads a WARC from a pipe with --format warc, records on standard output', () => {
    const r = bash(`zcat "${path.join(FORMATS, 'warc', 'crawl.warc.gz')}" | clean-corpus --format warc`);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l) as Out);
    expect(lines.map((l) => l.url)).toEqual(['https://example.org/en-article', 'https://example.org/zh-news', 'https://example.kr/news', 'https://example.org/site/index']);
  });
});

describe('--check and --write on WARC', () => {
  // their output is JSON Lines: --write would have put JSON Lines in place of the WARC file
  it('refuses, naming the file, and leaves it untouched', () => {
    const dir = tmpDir();
    const file = path.join(dir, 'crawl.warc.gz');
    fs.copyFileSync(path.join(FORMATS, 'warc', 'crawl.warc.gz'), file);
    const before = fs.readFileSync(file);
    const r = cli(['--write', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('crawl.warc.gz is WARC');
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });
});

describe('WET', () => {
  it('conversion records are text documents; the warcinfo record is skipped', () => {
    const r = runWarc([path.join(FORMATS, 'wet')], 2);
    expect(r.code).toBe(0);
    const records = r.records('crawl.warc.jsonl.gz');
    expect(records.map((x) => x.url)).toEqual(['https://example.org/ja-blog', 'https://example.org/wrapped']);
    expect(records[0].text.length).toBeGreaterThan(100);
    expect(r.report.totals).toMatchObject({ documents: 3, kept: 2, skipped: 1 });
  });
});

describe('a damaged WARC', () => {
  it('a Content-Length that lies: a finding naming the file and the record, the records before it kept, exit 2', () => {
    const r = runWarc([path.join(FORMATS, 'damaged-warc')], 2);
    expect(r.code).toBe(2);
    const failed = r.report.documents.filter((d: { status: string }) => d.status === 'error');
    expect(failed.map((d: { input: string; findings: { code: string }[] }) => [path.basename(d.input), d.findings[0].code])).toEqual([
      ['long.warc:3', 'warc-corrupt'],
      ['short.warc:3', 'warc-corrupt'],
    ]);
    expect(r.records('long.jsonl.gz').map((x) => x.url)).toEqual(['https://example.org/a', 'https://example.org/b']);
  });
});
