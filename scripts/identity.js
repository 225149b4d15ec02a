/**
 * Runs a build of the CLI over fixtures/ and a bench corpus in every way in (folder, JSON Lines, workers, pipe,
 * check), and writes every output and report (timings dropped, paths made relative) under one folder, so that two
 * builds can be compared with `diff -r`: a change of structure that must not change results proves it so.
 *
 *   node scripts/identity.js --bin bin/clean-corpus.js --out /tmp/after [--data /tmp/cc-bench] [--size 8]
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from './bench/generate.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, dflt) => {
  const i = process.argv.indexOf(name);
  return i === -1 ? dflt : process.argv[i + 1];
};
const bin = path.resolve(arg('--bin', path.join(ROOT, 'bin', 'clean-corpus.js')));
const out = path.resolve(arg('--out', '/tmp/identity'));
const data = path.resolve(arg('--data', path.join(ROOT, 'bench-data', 'identity')));
generate(data, Number(arg('--size', '8')), 1);
fs.rmSync(out, { recursive: true, force: true });
fs.mkdirSync(out, { recursive: true });

const run = (name, args, { env = {}, input } = {}) => {
  const dir = path.join(out, name);
  const r = spawnSync(process.execPath, [bin, ...args.map((a) => a.replaceAll('$OUT', dir))], {
    cwd: ROOT, env: { ...process.env, ...env }, input, maxBuffer: 1 << 30,
  });
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'exit-code'), `${r.status}\n`);
  fs.writeFileSync(path.join(dir, 'stdout'), r.stdout);
  fs.writeFileSync(path.join(dir, 'stderr'), r.stderr.toString().replace(/ in [\d.]+ ?m?s\b.*$/gm, ' in …'));
  for (const report of [path.join(dir, 'report.json'), path.join(dir, 'pipe-report.json')])
    if (fs.existsSync(report))
      fs.writeFileSync(report, fs.readFileSync(report, 'utf8').replaceAll(dir, '$OUT').replace(/^"timings": .*$/m, '"timings": …'));
};

const eager = { CLEAN_CORPUS_EAGER_WORKERS: '1' };
run('fixtures-j1', ['fixtures', '-o', '$OUT', '-q', '--jobs', '1']);
run('fixtures-j2', ['fixtures', '-o', '$OUT', '-q', '--jobs', '2'], { env: eager });
run('fixtures-nospill', ['fixtures', '-o', '$OUT', '-q', '--jobs', '1', '--no-spill']);
run('bench-files-j2', [path.join(data, 'files'), '-o', '$OUT', '-q', '--jobs', '2']);
run('bench-jsonl-j1', [path.join(data, 'jsonl'), '-o', '$OUT', '-q', '--jobs', '1']);
run('bench-jsonl-j2', [path.join(data, 'jsonl'), '-o', '$OUT', '-q', '--jobs', '2'], { env: eager });
const shard = fs.readdirSync(path.join(data, 'jsonl')).sort()[0];
const shardBytes = fs.readFileSync(path.join(data, 'jsonl', shard));
run('pipe-jsonl-j2', ['--jsonl', '--jobs', '2', '--report', '$OUT/pipe-report.json'], { env: eager, input: shardBytes });
run('pipe-document', ['--report', '$OUT/pipe-report.json'], { input: fs.readFileSync(path.join(ROOT, 'fixtures', 'pages', 'zh-news.html')) });
run('check-fixtures', ['--check', 'fixtures/pages', 'fixtures/site', '--jobs', '2'], { env: eager });
console.log(`outputs under ${out}`);
