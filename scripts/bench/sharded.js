/**
 * The sharded run's figures: the bench corpus cleaned by one process, then with `--executor local --tasks N`;
 * wall time, and per step the slowest task, the largest peak RSS of a task, the bytes its files hold and the corpus
 * state it held (from the figures each task leaves in the work folder); and whether every output and the report
 * (timings aside) are byte-identical to the one process's.
 *
 *   node scripts/bench/sharded.js [--size 128] [--layout files,jsonl] [--tasks 1,2,4] [--executor local|slurm] [--data DIR]
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from './generate.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const BIN = path.join(ROOT, 'bin', 'clean-corpus.js');
const arg = (name, dflt) => {
  const i = process.argv.indexOf(name);
  return i === -1 ? dflt : process.argv[i + 1];
};
const size = Number(arg('--size', '128'));
const layouts = arg('--layout', 'files,jsonl').split(',');
const taskCounts = arg('--tasks', '1,2,4').split(',').map(Number);
const executor = arg('--executor', 'local');
const data = path.resolve(arg('--data', path.join(ROOT, 'bench-data')));

/** Wall seconds and peak RSS (KiB, of the largest process: GNU time's %M) of one command. */
function timed(args) {
  const t0 = performance.now();
  const r = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });
  const seconds = (performance.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(`clean-corpus ${args.join(' ')} exited ${r.status}: ${r.stderr.slice(-2000)}`);
  return { seconds, maxRssKiB: Number(r.stderr.trim().split('\n').pop()) };
}

/** Every file under `dir` with its bytes; report.json without its timings. */
function snapshot(dir) {
  const out = new Map();
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else {
        let bytes = fs.readFileSync(p, 'utf8');
        if (e.name === 'report.json') bytes = bytes.replace(/"timings": \{[^}]*\}/, '"timings": {}');
        out.set(path.relative(dir, p), bytes);
      }
    }
  };
  walk(dir);
  return out;
}

const same = (a, b) => a.size === b.size && [...a].every(([k, v]) => b.get(k) === v);
const mib = (b) => (b / 1024 / 1024).toFixed(1);

const dir = path.join(data, `corpus-${size}mb-seed1`);
const info = generate(dir, size, 1);
console.log(`sharded runs — ${os.cpus()[0]?.model ?? 'cpu'} ×${os.availableParallelism()}, Node ${process.version}; corpus ${size} MB, ${info.documents} pages; executor ${executor}`);
for (const layout of layouts) {
  const input = path.join(dir, layout);
  const out = path.join(data, 'out-sharded');
  const work = path.join(data, 'work-sharded');
  fs.rmSync(out, { recursive: true, force: true });
  const one = timed([BIN, input, '-o', out, '-q', '--jobs', '1']);
  const reference = snapshot(out);
  console.log(`\n${layout}: one process, --jobs 1: ${one.seconds.toFixed(2)} s, peak RSS ${(one.maxRssKiB / 1024).toFixed(0)} MiB`);
  for (const tasks of taskCounts) {
    fs.rmSync(out, { recursive: true, force: true });
    fs.rmSync(work, { recursive: true, force: true });
    const run = timed([BIN, input, '-o', out, '-q', '--executor', executor, '--tasks', String(tasks), '--work', work]);
    const identical = same(reference, snapshot(out));
    console.log(`  --tasks ${tasks}: ${run.seconds.toFixed(2)} s wall; output and report ${identical ? 'byte-identical' : 'DIFFERENT'} to one process`);
    for (const step of ['statistics', 'merge', 'clean', 'finish']) {
      const figs = fs.readdirSync(path.join(work, 'logs')).filter((f) => f.startsWith(step) && f.endsWith('.json')).map((f) => JSON.parse(fs.readFileSync(path.join(work, 'logs', f), 'utf8')));
      const slowest = Math.max(...figs.map((f) => f.seconds));
      const rss = Math.max(...figs.map((f) => f.peakRssMiB));
      const wrote = figs.reduce((n, f) => n + f.wroteBytes, 0);
      const held = Math.max(...figs.map((f) => f.heldBytes));
      console.log(`    ${step.padEnd(10)} ${String(figs.length).padStart(2)} task(s): slowest ${slowest.toFixed(2)} s, peak RSS ${rss} MiB a task${wrote ? `, wrote ${mib(wrote)} MiB` : ''}${held ? `, state held ${mib(held)} MiB` : ''}`);
    }
  }
  fs.rmSync(out, { recursive: true, force: true });
  fs.rmSync(work, { recursive: true, force: true });
}
