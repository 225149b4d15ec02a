/**
 * The floor the benchmark compares against: the least any tool must do with
 * the same data — read each record or file, parse it (JSON.parse per line),
 * NFC-normalise the text, serialise it and write it out. One thread.
 *
 *   node scripts/bench/floor.js jsonl|files <input dir> <output dir>
 *
 * Prints `{"documents", "bytes", "maxRssKiB"}` as JSON on stdout.
 */
import fs from 'node:fs';
import path from 'node:path';

const [layout, input, output] = process.argv.slice(2);
fs.rmSync(output, { recursive: true, force: true });
fs.mkdirSync(output, { recursive: true });
let documents = 0;
let bytes = 0;

if (layout === 'jsonl') {
  for (const name of fs.readdirSync(input).filter((n) => n.endsWith('.jsonl')).sort()) {
    const out = fs.openSync(path.join(output, name), 'w');
    const fd = fs.openSync(path.join(input, name), 'r');
    const chunk = Buffer.allocUnsafe(1 << 20);
    let rest = Buffer.alloc(0);
    let parts = [];
    let pending = 0;
    for (let n; (n = fs.readSync(fd, chunk, 0, chunk.length, null)) > 0; ) {
      let buf = Buffer.concat([rest, chunk.subarray(0, n)]);
      let start = 0;
      for (let nl = buf.indexOf(10, start); nl !== -1; nl = buf.indexOf(10, start)) {
        const record = JSON.parse(buf.toString('utf8', start, nl));
        bytes += nl - start + 1;
        documents++;
        const line = JSON.stringify({ id: record.id, url: record.url, text: record.text.normalize('NFC') }) + '\n';
        parts.push(line);
        pending += line.length;
        if (pending > 1 << 20) {
          fs.writeSync(out, parts.join(''));
          parts = [];
          pending = 0;
        }
        start = nl + 1;
      }
      rest = Buffer.from(buf.subarray(start));
    }
    if (parts.length) fs.writeSync(out, parts.join(''));
    fs.closeSync(fd);
    fs.closeSync(out);
  }
} else {
  const walk = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else {
        const buf = fs.readFileSync(p);
        bytes += buf.length;
        documents++;
        const target = path.join(output, path.relative(input, p));
        fs.mkdirSync(path.dirname(target), { recursive: true });
        fs.writeFileSync(target, buf.toString('utf8').normalize('NFC'));
      }
    }
  };
  walk(input);
}
process.stdout.write(JSON.stringify({ documents, bytes, maxRssKiB: process.resourceUsage().maxRSS }) + '\n');
