/**
 * Writes the small fixture files of tests/fixtures/formats/ from the pages in fixtures/: the same pages as
 * compressed JSON Lines (gzip, zstd), as a gzip'd page, and damaged copies (a truncated gzip member, a cut zstd
 * frame). No real crawl data: every byte comes from fixtures/ and this script.
 *
 *   node scripts/make-format-fixtures.mjs
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { init, compress } from '@bokuweb/zstd-wasm';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(ROOT, 'tests', 'fixtures', 'formats');
const PAGES = ['pages/en-article.html', 'pages/zh-news.html', 'site/index.html', 'site/bericht.html', 'site/fragen.html', 'site/termine.html', 'pages/ja-blog.txt'];
await init();
// pages in a fixed order, with ids; gzip without a timestamp (mtime 0), so the files are the same on every run
const pages = PAGES.map((p) => ({ id: p, text: fs.readFileSync(path.join(ROOT, 'fixtures', p), 'utf8') }));
const jsonl = Buffer.from(pages.map((p) => JSON.stringify(p)).join('\n') + '\n');
const write = (rel, bytes) => {
  fs.mkdirSync(path.dirname(path.join(OUT, rel)), { recursive: true });
  fs.writeFileSync(path.join(OUT, rel), bytes);
};
const gzip = (b) => zlib.gzipSync(b, { level: 9 });

write('jsonl/pages.jsonl.gz', gzip(jsonl));
write('jsonl/pages.jsonl.zst', compress(jsonl, 3));
write('page/en-article.html.gz', gzip(fs.readFileSync(path.join(ROOT, 'fixtures/pages/en-article.html'))));
// damaged: the gzip member cut in its last third, the zstd frame cut likewise
const gz = gzip(jsonl);
write('damaged/cut.jsonl.gz', gz.subarray(0, Math.floor(gz.length * 0.7)));
// one zstd frame per record (as a streaming writer flushes), so that whole records come before the cut
const zs = Buffer.concat(pages.map((p) => compress(Buffer.from(JSON.stringify(p) + '\n'), 3)));
write('damaged/cut.jsonl.zst', zs.subarray(0, Math.floor(zs.length * 0.7)));
console.log(`wrote ${OUT}`);

// ---- WARC and WET, gzip per record as Common Crawl writes them (and one plain WARC) ----
const { WARCRecord, WARCSerializer } = await import('warcio');
const iconv = (await import('iconv-lite')).default;
const DATE = '2024-05-06T07:08:09Z';
let ids = 0;
const nextId = () => `<urn:uuid:00000000-0000-4000-8000-${String(++ids).padStart(12, '0')}>`;
async function* once(bytes) {
  yield bytes;
}
const record = (opts, body = new Uint8Array(0)) =>
  WARCRecord.create({ date: DATE, warcVersion: 'WARC/1.1', ...opts, warcHeaders: { 'WARC-Record-ID': nextId(), ...(opts.warcHeaders ?? {}) } }, once(body));
const page = (p) => fs.readFileSync(path.join(ROOT, 'fixtures', p));
const html = (url, body, type = 'text/html; charset=utf-8', version = 'WARC/1.1') =>
  record({ url, type: 'response', warcVersion: version, statusline: 'HTTP/1.1 200 OK', httpHeaders: { 'Content-Type': type } }, body);
// a Korean page with no charset of its own: only the HTTP header says EUC-KR
const korean = iconv.encode('<html><body><p>서울시는 오늘 새 도서관을 열었다. 도서관에는 책 오만 권이 있고, 시민 누구나 무료로 이용할 수 있다. 개관식에는 시민 수백 명이 참석했다.</p></body></html>', 'euc-kr');

async function warc(records, gzip) {
  const parts = [];
  for (const r of records) parts.push(Buffer.from(await WARCSerializer.serialize(r, { gzip })));
  return Buffer.concat(parts);
}
const crawl = () => [
  WARCRecord.createWARCInfo({ filename: 'crawl.warc.gz', warcVersion: 'WARC/1.1', date: DATE, warcHeaders: { 'WARC-Record-ID': nextId() } }, { software: 'clean-corpus fixtures', format: 'WARC File Format 1.1' }),
  record({ url: 'https://example.org/en-article', type: 'request', statusline: 'GET /en-article HTTP/1.1', httpHeaders: { Host: 'example.org' } }),
  html('https://example.org/en-article', page('pages/en-article.html')),
  html('https://example.org/zh-news', page('pages/zh-news.html'), 'text/html', 'WARC/1.0'),
  html('https://example.kr/news', korean, 'text/html; charset=EUC-KR'),
  record({ url: 'https://example.org/logo.png', type: 'response', statusline: 'HTTP/1.1 200 OK', httpHeaders: { 'Content-Type': 'image/png' } }, Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex')),
  record({ url: 'https://example.org/en-article', type: 'metadata', warcHeaders: { 'Content-Type': 'application/warc-fields' } }, Buffer.from('fetchTimeMs: 120\r\n')),
  record({ url: 'https://example.org/en-article', type: 'revisit', warcHeaders: { 'WARC-Profile': 'http://netpreserve.org/warc/1.1/revisit/identical-payload-digest' } }),
  html('https://example.org/site/index', page('site/index.html')),
];
ids = 0;
write('warc/crawl.warc.gz', await warc(crawl(), true));
ids = 0;
write('warc-plain/crawl.warc', await warc(crawl(), false));
ids = 100;
const text = (url, body) => record({ url, type: 'conversion', warcHeaders: { 'Content-Type': 'text/plain' } }, Buffer.from(body));
write('wet/crawl.warc.wet.gz', await warc([
  WARCRecord.createWARCInfo({ filename: 'crawl.warc.wet.gz', warcVersion: 'WARC/1.0', date: DATE, warcHeaders: { 'WARC-Record-ID': nextId() } }, { software: 'clean-corpus fixtures' }),
  text('https://example.org/ja-blog', page('pages/ja-blog.txt').toString('utf8')),
  text('https://example.org/wrapped', page('pages/wrapped.txt').toString('utf8')),
], true));
// damaged: a Content-Length that lies (plain WARC, so the lie shows): the last record's says more than the file
// holds (a file cut short); the second record's says less than its payload, so the third begins in the wrong place
ids = 200;
const good = await warc([html('https://example.org/a', page('pages/en-article.html')), html('https://example.org/b', page('pages/zh-news.html')), html('https://example.org/c', page('site/fragen.html'))], false);
const lie = (url, by) => good.toString('latin1').replace(new RegExp(`(WARC-Target-URI: https://example\\.org/${url}[\\s\\S]*?Content-Length: )(\\d+)`), (_, head, n) => head + String(Number(n) + by));
write('damaged-warc/long.warc', Buffer.from(lie('c', 5000), 'latin1'));
write('damaged-warc/short.warc', Buffer.from(lie('b', -300), 'latin1'));
console.log('wrote WARC fixtures');

// ---- Parquet: the pages as rows, with string, integer, float, boolean, list and timestamp columns ----
const { parquetWriteBuffer } = await import('hyparquet-writer');
const schema = [
  { name: 'root', num_children: 7 },
  { name: 'id', type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'REQUIRED' },
  { name: 'rank', type: 'INT64', repetition_type: 'OPTIONAL' },
  { name: 'score', type: 'DOUBLE', repetition_type: 'OPTIONAL' },
  { name: 'checked', type: 'BOOLEAN', repetition_type: 'OPTIONAL' },
  { name: 'tags', repetition_type: 'OPTIONAL', converted_type: 'LIST', num_children: 1 },
  { name: 'list', repetition_type: 'REPEATED', num_children: 1 },
  { name: 'element', type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'OPTIONAL' },
  { name: 'fetched', type: 'INT64', repetition_type: 'OPTIONAL', logical_type: { type: 'TIMESTAMP', isAdjustedToUTC: true, unit: 'MICROS' } },
  { name: 'text', type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'OPTIONAL' },
];
// the pages, then a row without text and a copy of the first page (a duplicate)
const rows = [...pages, { id: 'no-text', text: null }, { id: 'copy', text: pages[0].text }];
write('parquet/pages.parquet', Buffer.from(parquetWriteBuffer({
  schema,
  columnData: [
    { name: 'id', data: rows.map((r) => r.id) },
    { name: 'rank', data: rows.map((_, i) => BigInt(i + 1)) },
    { name: 'score', data: rows.map((_, i) => (i % 3 === 0 ? null : i / 4)) },
    { name: 'checked', data: rows.map((_, i) => i % 2 === 0) },
    { name: 'tags', data: rows.map((_, i) => (i % 2 ? ['news', `t${i}`] : [])) },
    { name: 'fetched', data: rows.map((_, i) => new Date(Date.UTC(2024, 0, 1 + i, 12))) },
    { name: 'text', data: rows.map((r) => r.text) },
  ],
  rowGroupSize: 4,
})));
// a column of a type that cannot be written again (BSON): written as ENUM, then the footer's converted type
// changed (ENUM 4 → BSON 20, zigzag varints 0x08 → 0x28 after the name and field header 0x25)
const bson = Buffer.from(parquetWriteBuffer({
  schema: [{ name: 'root', num_children: 2 }, { name: 'text', type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'OPTIONAL' }, { name: 'legacy', type: 'BYTE_ARRAY', converted_type: 'ENUM', repetition_type: 'OPTIONAL' }],
  columnData: [{ name: 'text', data: [pages[0].text, pages[1].text] }, { name: 'legacy', data: ['x', 'y'] }],
}));
const at = bson.lastIndexOf(Buffer.concat([Buffer.from('legacy'), Buffer.from([0x25, 0x08])]));
if (at < 0) throw new Error('could not find the legacy column in the footer');
bson[at + 7] = 0x28;
write('parquet-unwritable/legacy.parquet', bson);
console.log('wrote Parquet fixtures');
