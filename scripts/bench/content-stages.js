/**
 * CPU time of the pass-2 content stages (boilerplate, classify, repeats,
 * assemble) on a folder of JSON Lines files, in one thread, run as the engine
 * runs them: each document is prepared (decode … segment) and then goes
 * through the content stages, so the caches hold what they hold in a real run.
 * Pass 1 runs once first. Prints the least CPU milliseconds per stage over the
 * rounds; CPU time, not wall time, so that other work on the machine counts
 * less (it still does, through the caches: compare runs made side by side).
 *
 *   npm run build && node scripts/bench/content-stages.js [DIR] [ROUNDS]
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const dir = process.argv[2] ?? path.join(ROOT, 'bench-data');
const rounds = Number(process.argv[3] ?? 2);
const load = (m) => import(path.join(ROOT, 'dist', m));
const { createDoc } = await load('record/doc.js');
const { setDecodedText } = await load('engine/load.js');
const { statistics, clean } = await load('pipeline.js');
const { runStages, mergeStats } = await load('stage.js');
const { createCorpusState } = await load('corpus/state.js');
const { defaultOptions } = await load('options.js');

const CONTENT = ['boilerplate', 'classify', 'repeats', 'assemble'];
const ctx = { options: defaultOptions(), corpus: createCorpusState() };
const texts = [];
for (const f of fs.readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort())
  for (const line of fs.readFileSync(path.join(dir, f), 'utf8').split('\n')) if (line) texts.push(JSON.parse(line).text);
const docOf = (id, text) => {
  const d = createDoc(id, { path: String(id), relPath: String(id) }, new Uint8Array(0));
  setDecodedText(d, text);
  return d;
};
texts.forEach((text, id) => {
  const d = runStages(docOf(id, text), statistics, ctx);
  mergeStats(d.stats, statistics, ctx, id);
  ctx.corpus.documents++;
});
const prepare = clean.filter((s) => !CONTENT.includes(s.name));
const content = clean.filter((s) => CONTENT.includes(s.name));
const best = {};
for (let r = 0; r < rounds; r++) {
  const ms = {};
  texts.forEach((text, id) => {
    const d = runStages(docOf(id, text), prepare, ctx);
    for (const s of content) {
      if (d.status !== 'kept') break;
      const t0 = process.cpuUsage();
      s.run(d, ctx);
      const u = process.cpuUsage(t0);
      ms[s.name] = (ms[s.name] ?? 0) + (u.user + u.system) / 1000;
    }
  });
  for (const [k, v] of Object.entries(ms)) best[k] = Math.min(best[k] ?? Infinity, v);
}
console.log(`${texts.length} documents, CPU ms per stage (least of ${rounds}):`, Object.entries(best).map(([k, v]) => `${k} ${Math.round(v)}`).join(', '));
