/**
 * CPU time of parsing JSON Lines records (`readRecord`, pass 1 and pass 2) and
 * of the `prepare` stages (decode, extract, normalise, unwrap, segment) on a
 * folder of JSON Lines files, in one thread. Prints the least CPU milliseconds
 * per step over the rounds, and a fingerprint of what they produced (text,
 * blocks, contexts, findings, text spans) to compare two builds: the same
 * fingerprint means the same prepared documents.
 *
 *   npm run build && node scripts/bench/prepare-stages.js [DIR] [ROUNDS]
 */
import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const dir = process.argv[2] ?? path.join(ROOT, 'bench-data');
const rounds = Number(process.argv[3] ?? 3);
const load = (m) => import(path.join(ROOT, 'dist', m));
const { createDoc } = await load('record/doc.js');
const { setDecodedText } = await load('engine/load.js');
const { readRecord } = await load('formats/jsonl.js');
const { prepare } = await load('pipeline.js');
const { createCorpusState } = await load('corpus/state.js');
const { defaultOptions } = await load('options.js');

const ctx = { options: defaultOptions(), corpus: createCorpusState() };
const lines = [];
for (const f of fs.readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort()) {
  const buf = fs.readFileSync(path.join(dir, f));
  for (let from = 0, nl; from < buf.length; from = nl + 1) {
    nl = buf.indexOf(0x0a, from);
    if (nl === -1) nl = buf.length;
    if (nl > from) lines.push(buf.subarray(from, nl));
  }
}
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
// each step runs over a chunk of documents before the next step, timed as a whole: a CPU-time reading per
// document costs microseconds, as much as some steps; chunks keep few documents alive at once, as the engine does
const CHUNK = 64;
const best = {};
let fingerprint = '';
for (let r = 0; r < rounds; r++) {
  const ms = {};
  const time = (name, fn) => {
    const t0 = cpu();
    const out = fn();
    ms[name] = (ms[name] ?? 0) + cpu() - t0;
    return out;
  };
  const hash = createHash('sha256');
  for (let from = 0; from < lines.length; from += CHUNK) {
    const chunk = lines.slice(from, from + CHUNK);
    const sources = chunk.map((_, k) => ({ path: String(from + k), relPath: String(from + k), line: from + k + 1, file: 'x.jsonl' }));
    const first = time('read (pass 1)', () => chunk.map((bytes, k) => readRecord({ ...sources[k] }, bytes, 'text', 1)));
    const second = time('read (pass 2)', () => chunk.map((bytes, k) => readRecord(sources[k], bytes, 'text', 2)));
    const docs = second.map((r2, k) => {
      if (!r2.ok || !first[k].ok || first[k].text !== r2.text) throw new Error(`record ${from + k}: ${JSON.stringify(r2)}`);
      const doc = createDoc(from + k, sources[k], new Uint8Array(0));
      setDecodedText(doc, r2.text);
      return doc;
    });
    for (const s of prepare) time(s.name, () => docs.forEach((doc) => doc.status === 'kept' && s.run(doc, ctx)));
    for (const doc of docs) {
      const src = doc.source;
      hash.update(`${src.recordId}|${src.textSpan?.start}|${src.textSpan?.end}|`);
      hash.update(doc.text);
      for (const b of doc.blocks) hash.update(`${b.start},${b.end},${b.kind},${b.breakBefore},${JSON.stringify(b.context ?? null)};`);
      hash.update(JSON.stringify(doc.findings) + doc.format + doc.status);
    }
  }
  fingerprint = hash.digest('hex').slice(0, 16);
  for (const [k, v] of Object.entries(ms)) best[k] = Math.min(best[k] ?? Infinity, v);
}
console.log(`${lines.length} records, CPU ms (least of ${rounds}):`, Object.entries(best).map(([k, v]) => `${k} ${Math.round(v)}`).join(', '));
console.log(`fingerprint ${fingerprint}`);
