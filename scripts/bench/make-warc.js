/**
 * A WARC file of the bench corpus's pages (one `response` record each, gzip per record as Common Crawl writes
 * them, with a `request` record before every tenth), for measuring how fast WARC is read:
 *
 *   node scripts/bench/make-warc.js bench-data/256/jsonl out.warc.gz
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const [dir, out] = process.argv.slice(2);
const fd = fs.openSync(out, 'w');
let n = 0;
const record = (type, url, http, body) => {
  const block = Buffer.concat([Buffer.from(http), body]);
  const head = `WARC/1.1\r\nWARC-Type: ${type}\r\nWARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-${String(++n).padStart(12, '0')}>\r\nWARC-Date: 2024-05-06T07:08:09Z\r\nWARC-Target-URI: ${url}\r\nContent-Type: application/http; msgtype=${type}\r\nContent-Length: ${block.length}\r\n\r\n`;
  fs.writeSync(fd, zlib.gzipSync(Buffer.concat([Buffer.from(head), block, Buffer.from('\r\n\r\n')]), { level: 6 }));
};
for (const f of fs.readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort())
  for (const line of fs.readFileSync(path.join(dir, f), 'utf8').split('\n')) {
    if (!line) continue;
    const r = JSON.parse(line);
    const url = r.url ?? `https://example.org/${r.id}`;
    if (n % 10 === 0) record('request', url, `GET / HTTP/1.1\r\nHost: example.org\r\n\r\n`, Buffer.alloc(0));
    const body = Buffer.from(r.text);
    record('response', url, `HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: ${body.length}\r\n\r\n`, body);
  }
fs.closeSync(fd);
console.log(`${out}: ${n} records, ${fs.statSync(out).size} bytes`);
