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
const { createDoc } = await load('doc.js');
const { setDecodedText } = await load('parallel/load.js');
const { readRecord } = await load('io/jsonl.js');
const { prepare } = await load('pipeline.js');
const { createCorpusState } = await load('corpus.js');
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
// each step runs over all the documents before the next, timed as a whole: a CPU-time reading per document costs
// microseconds, as much as some steps
const best = {};
let fingerprint = '';
for (let r = 0; r < rounds; r++) {
  const ms = {};
  let t0 = cpu();
  const sources = lines.map((_, id) => ({ path: String(id), relPath: String(id), line: id + 1, file: 'x.jsonl' }));
  const first = lines.map((bytes, id) => readRecord({ ...sources[id] }, bytes, 'text', 1));
  ms['read (pass 1)'] = cpu() - t0;
  t0 = cpu();
  const second = lines.map((bytes, id) => readRecord(sources[id], bytes, 'text', 2));
  ms['read (pass 2)'] = cpu() - t0;
  const docs = second.map((r2, id) => {
    if (!r2.ok || !first[id].ok || first[id].text !== r2.text) throw new Error(`record ${id}: ${JSON.stringify(r2)}`);
    const doc = createDoc(id, sources[id], new Uint8Array(0));
    setDecodedText(doc, r2.text);
    return doc;
  });
  first.length = second.length = 0;
  for (const s of prepare) {
    t0 = cpu();
    for (const doc of docs) if (doc.status === 'kept') s.run(doc, ctx);
    ms[s.name] = cpu() - t0;
  }
  const hash = createHash('sha256');
  for (const doc of docs) {
    const src = doc.source;
    hash.update(`${src.recordId}|${src.textSpan?.start}|${src.textSpan?.end}|`);
    hash.update(doc.text);
    for (const b of doc.blocks) hash.update(`${b.start},${b.end},${b.kind},${b.breakBefore},${JSON.stringify(b.context ?? null)};`);
    hash.update(JSON.stringify(doc.findings) + doc.format + doc.status);
  }
  fingerprint = hash.digest('hex').slice(0, 16);
  for (const [k, v] of Object.entries(ms)) best[k] = Math.min(best[k] ?? Infinity, v);
}
console.log(`${lines.length} records, CPU ms (least of ${rounds}):`, Object.entries(best).map(([k, v]) => `${k} ${Math.round(v)}`).join(', '));
console.log(`fingerprint ${fingerprint}`);
