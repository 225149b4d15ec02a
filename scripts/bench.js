/**
 * `npm run bench`: generate a reproducible corpus, run the real CLI on it in
 * both layouts, and print MB/s, documents/s, peak RSS and time per stage next
 * to a floor that only reads, parses, NFC-normalises, serialises and writes.
 *
 *   npm run bench -- [--size MB]... [--layout files,jsonl] [--jobs N[,N...]] [--repeat N] [--seed N] [--data DIR] [-- CLI flags]
 *
 * Default: one size of 256 MB, both layouts, jobs = cores, one run each;
 * with --repeat the fastest of N runs (floor and CLI alternating) is shown. Give --size twice
 * (e.g. --size 64 --size 256) to see how memory grows with the corpus. Data
 * goes under bench-data/ (gitignored) and is reused while size and seed match.
 * File-system time dominates runs over tens of thousands of small files and
 * varies 2–3× between runs: compare figures within one run.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from './bench/generate.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BIN = path.join(ROOT, 'bin', 'clean-corpus.js');
const FLOOR = path.join(ROOT, 'scripts', 'bench', 'floor.js');

function parseArgs(argv) {
  const a = { sizes: [], layouts: ['files', 'jsonl'], jobs: [os.availableParallelism()], repeat: 1, seed: 1, data: path.join(ROOT, 'bench-data'), extra: [] };
  for (let i = 0; i < argv.length; i++) {
    const v = argv[i + 1];
    if (argv[i] === '--size') (a.sizes.push(Number(v)), i++);
    else if (argv[i] === '--layout') (a.layouts = v.split(',')), i++;
    else if (argv[i] === '--jobs') (a.jobs = v.split(',').map(Number)), i++;
    else if (argv[i] === '--repeat') (a.repeat = Math.max(1, Number(v))), i++;
    else if (argv[i] === '--seed') (a.seed = Number(v)), i++;
    else if (argv[i] === '--data') (a.data = path.resolve(v)), i++;
    else if (argv[i] === '--') a.extra = argv.slice(i + 1), (i = argv.length);
    else throw new Error(`unknown argument ${argv[i]}`);
  }
  if (a.sizes.length === 0) a.sizes.push(256);
  return a;
}

const hasTime = fs.existsSync('/usr/bin/time');

/** Run a node script as a child; wall time from here, peak RSS from /usr/bin/time -v when present. */
function measure(args) {
  const cmd = hasTime ? '/usr/bin/time' : process.execPath;
  const argv = hasTime ? ['-v', process.execPath, ...args] : args;
  const t0 = performance.now();
  const r = spawnSync(cmd, argv, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const seconds = (performance.now() - t0) / 1000;
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr ?? '');
  // CPU seconds (user + system) compare fairly when other work shares the machine; wall time does not
  const cpu = ['User', 'System'].reduce((sum, k) => sum + Number(new RegExp(`${k} time \\(seconds\\): ([\\d.]+)`).exec(r.stderr ?? '')?.[1] ?? NaN), 0);
  if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(' ')} failed (${r.status}):\n${(r.stderr ?? '').slice(-2000)}`);
  let json;
  try {
    json = JSON.parse(r.stdout.trim().split('\n').pop());
  } catch {
    json = {};
  }
  return { seconds, cpuSeconds: cpu, maxRssKiB: rss ? Number(rss[1]) : json.maxRssKiB, json };
}

const mb = (bytes) => bytes / (1024 * 1024);

/** Bytes of each report file in an output folder (report.json, documents.jsonl, report.html). */
function reportSizes(dir) {
  const size = (name) => (fs.existsSync(path.join(dir, name)) ? fs.statSync(path.join(dir, name)).size : 0);
  return { summary: size('report.json'), documents: size('documents.jsonl'), page: size('report.html') };
}
const fmt = (n, d = 1) => n.toFixed(d);

function main() {
  const args = parseArgs(process.argv.slice(2));
  console.log(`clean-corpus benchmark — ${os.cpus()[0]?.model ?? 'cpu'} ×${os.availableParallelism()}, Node ${process.version}, --jobs ${args.jobs.join(',')}`);
  const results = [];
  for (const size of args.sizes) {
    const dir = path.join(args.data, `corpus-${size}mb-seed${args.seed}`);
    const g0 = performance.now();
    const info = generate(dir, size, args.seed);
    console.log(`\ncorpus ${size} MB: ${info.documents} pages, ${fmt(mb(info.textBytes))} MB of text, ${info.shards} shards; planted ${info.planted.exact} exact, ${info.planted.edited} edited, ${info.planted.doubled} doubled bodies (${fmt((performance.now() - g0) / 1000)} s)`);
    for (const layout of args.layouts) {
      const input = path.join(dir, layout);
      const floorOut = path.join(args.data, 'out-floor');
      const cleanOut = path.join(args.data, 'out-clean');
      const fastest = (runs) => runs.reduce((best, r) => (r.seconds < best.seconds ? r : best));
      const floorRuns = [];
      const cleanRuns = new Map(args.jobs.map((j) => [j, []]));
      for (let k = 0; k < args.repeat; k++) {
        floorRuns.push(measure([FLOOR, layout, input, floorOut]));
        fs.rmSync(floorOut, { recursive: true, force: true });
        for (const jobs of args.jobs) {
          fs.rmSync(cleanOut, { recursive: true, force: true });
          const run = measure([BIN, input, '-o', cleanOut, '--json', '-q', '--jobs', String(jobs), ...args.extra]);
          run.report = reportSizes(cleanOut);
          cleanRuns.get(jobs).push(run);
          fs.rmSync(cleanOut, { recursive: true, force: true });
        }
      }
      const floor = fastest(floorRuns);
      const bytes = floor.json.bytes;
      console.log(`  ${layout.padEnd(5)}  floor: ${fmt(floor.seconds, 2)} s (${fmt(floor.cpuSeconds, 2)} s CPU), ${fmt(mb(bytes) / floor.seconds)} MB/s, peak RSS ${fmt(floor.maxRssKiB / 1024, 0)} MiB`);
      for (const [jobs, runs] of cleanRuns) {
        const run = fastest(runs);
        const docs = run.json.totals?.documents ?? 0;
        if (layout === 'jsonl' && docs < info.documents) {
          console.log(`  jsonl: this build read ${docs} documents, not ${info.documents} records — JSON Lines input is not supported yet (issue 5); figures skipped`);
          continue;
        }
        const row = {
          size,
          layout,
          documents: docs,
          megabytes: mb(bytes),
          floor: { seconds: floor.seconds, cpuSeconds: floor.cpuSeconds, maxRssKiB: floor.maxRssKiB },
          clean: { seconds: run.seconds, cpuSeconds: run.cpuSeconds, maxRssKiB: run.maxRssKiB, jobs: run.json.jobs, timings: run.json.timings, threads: run.json.threads, totals: run.json.totals, report: run.report },
        };
        results.push(row);
        console.log(`  --jobs ${jobs}: ${fmt(run.seconds, 2)} s (${fmt(run.cpuSeconds, 2)} s CPU), ${fmt(mb(bytes) / run.seconds)} MB/s, ${fmt(docs / run.seconds, 0)} docs/s, peak RSS ${fmt(run.maxRssKiB / 1024, 0)} MiB — ${fmt(run.seconds / floor.seconds, 2)}× the floor's wall time, ${fmt(run.cpuSeconds / floor.cpuSeconds, 2)}× its CPU time`);
        const rep = run.report;
        const reportMs = (run.json.timings?.report ?? 0) + (run.json.timings?.['report:finish'] ?? 0);
        console.log(`         report: report.json ${fmt(mb(rep.summary), 2)} MB + documents.jsonl ${fmt(mb(rep.documents), 1)} MB = ${fmt((100 * (rep.summary + rep.documents)) / bytes)}% of the input; report.html ${fmt(mb(rep.page), 1)} MB; written in ${fmt(reportMs, 0)} ms (report ${fmt(run.json.timings?.report ?? 0, 0)}, report:finish ${fmt(run.json.timings?.['report:finish'] ?? 0, 0)})`);
        const th = run.json.threads;
        if (th?.workersBusyMs?.length)
          console.log(`         threads busy (s): main ${fmt(th.mainBusyMs / 1000, 2)}, workers ${th.workersBusyMs.map((ms) => fmt(ms / 1000, 2)).join(', ')} (of ${fmt(run.seconds, 2)} s)`);
        const t = run.json.timings ?? {};
        const total = Object.values(t).reduce((x, y) => x + y, 0);
        const stages = Object.entries(t).sort((x, y) => y[1] - x[1]);
        console.log(`         time per stage (ms, per-document stages summed over threads):`);
        for (const [name, ms] of stages) console.log(`           ${name.padEnd(28)} ${fmt(ms, 0).padStart(9)}  ${fmt((100 * ms) / total).padStart(5)}%`);
      }
    }
  }
  const file = path.join(args.data, `results-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  fs.writeFileSync(file, JSON.stringify({ machine: { cpu: os.cpus()[0]?.model, cores: os.availableParallelism(), memGiB: os.totalmem() / 2 ** 30, node: process.version }, jobs: args.jobs, repeat: args.repeat, results }, null, 2) + '\n');
  console.log(`\nresults: ${path.relative(process.cwd(), file)}`);
}

main();
