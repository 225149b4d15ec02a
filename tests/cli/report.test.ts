/**
 * The report's files (issue 22): report.json (the summary), documents.jsonl
 * beside it (one line per input, written as the run goes) and report.html.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, cli, FIXTURES, readReport, tmpDir } from '../helpers.js';

interface Removed {
  code: string;
  text?: string;
  block?: number;
}
interface Report {
  version: number;
  files: { documents: string; page: string };
  totals: { documents: number; charsIn: number; removedChars: Record<string, number> };
  removedShare: Record<string, number>;
  lostHistogram: number[];
  boilerplate: { max: number; notListed: number; blocks: { id: number; text: string; documents: number }[] };
  clusters: { id: number; kept: string; members: { input: string; similarity: number }[] }[];
  documents: { input: string; status: string; cluster?: number; duplicateOf?: string; removed: Removed[] }[];
}

describe('report.json and documents.jsonl', () => {
  it('--report NAME.json puts NAME.documents.jsonl and NAME.html beside it', () => {
    const dir = tmpDir();
    const r = cli([path.join(FIXTURES, 'seeds'), '-o', path.join(dir, 'out'), '--report', path.join(dir, 'reports/run1.json'), '-q']);
    expect(r.code).toBe(0);
    expect(fs.readdirSync(path.join(dir, 'reports')).sort()).toEqual(['run1.documents.jsonl', 'run1.html', 'run1.json']);
    const report = readReport<Report>(path.join(dir, 'reports/run1.json'));
    expect(report.files).toEqual({ documents: 'run1.documents.jsonl', page: 'run1.html' });
    expect(report.documents).toHaveLength(5);
  });

  it('states the removal share per reason and how much each document lost', () => {
    const out = tmpDir();
    expect(cli([path.join(FIXTURES, 'site'), path.join(FIXTURES, 'seeds'), '-o', out, '-q']).code).toBe(0);
    const report = readReport<Report>(path.join(out, 'report.json'));
    expect(report.version).toBe(2);
    for (const [code, n] of Object.entries(report.totals.removedChars)) expect(report.removedShare[code]).toBeCloseTo(n / report.totals.charsIn, 5);
    expect(report.lostHistogram).toHaveLength(10);
    expect(report.lostHistogram.reduce((a, b) => a + b, 0)).toBe(9);
  });

  it('caps the boilerplate dictionary: blocks met once it is full keep their text on their lines', () => {
    const out = tmpDir();
    expect(cli([path.join(FIXTURES, 'site'), '-o', out, '-q', '--set', 'report.dictionaryMax=2']).code).toBe(0);
    const report = readReport<Report>(path.join(out, 'report.json'));
    expect(report.boilerplate.max).toBe(2);
    expect(report.boilerplate.blocks.map((b) => b.id).sort()).toEqual([1, 2]);
    const corpus = report.documents.flatMap((d) => d.removed.filter((x) => x.code === 'boilerplate-corpus'));
    expect(report.boilerplate.notListed).toBe(corpus.filter((x) => x.block === undefined).length);
    expect(report.boilerplate.notListed).toBeGreaterThan(0);
    for (const x of corpus) expect(x.block !== undefined ? x.text === undefined : typeof x.text === 'string').toBe(true);
  });

  it('lists each duplicate cluster with its kept document and members, as the documents file says', () => {
    const out = tmpDir();
    expect(cli([path.join(FIXTURES, 'dupes'), '-o', out, '-q']).code).toBe(0);
    const report = readReport<Report>(path.join(out, 'report.json'));
    const dupes = report.documents.filter((d) => d.status === 'duplicate');
    expect(dupes.length).toBeGreaterThan(3);
    expect(report.clusters.flatMap((c) => c.members.map((m) => m.input)).sort()).toEqual(dupes.map((d) => d.input).sort());
    for (const c of report.clusters) {
      for (const m of c.members) expect(report.documents.find((d) => d.input === m.input)).toMatchObject({ cluster: c.id, duplicateOf: c.kept });
      expect(report.documents.find((d) => d.input === c.kept)?.status).toBe('kept');
    }
  });

  it('documents.jsonl can be read line by line while the run is still going', async () => {
    const dir = tmpDir();
    const summary = path.join(dir, 'r.json');
    const documents = path.join(dir, 'r.documents.jsonl');
    const records = 2000;
    // pages that differ in their words (block keys ignore digits), so that none is boilerplate or a duplicate
    const words = ['river', 'stone', 'market', 'garden', 'letter', 'window', 'harbour', 'winter', 'lantern', 'meadow', 'copper', 'orchard', 'bridge', 'thunder', 'violin', 'canyon'];
    const word = (n: number) => words[n % 16] + words[(n >> 4) % 16] + words[(n >> 8) % 16];
    const page = (i: number) => Array.from({ length: 12 }, (_, k) => `The ${word(i * 31 + k)} near the ${word(i * 17 + k * 5 + 3)} is where ${word(i + k * 257)} keeps a long story of its own.`).join(' ');
    const input = Array.from({ length: records }, (_, i) => JSON.stringify({ id: i, text: page(i) })).join('\n') + '\n';
    // standard output is not read at first: the run waits on it in pass 2, with part of the documents done
    const child = spawn(process.execPath, [BIN, '--jsonl', '--report', summary], { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
    child.stdin.end(input);
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    let seen: { input: string }[] = [];
    for (let t = 0; t < 300 && seen.length === 0; t++) {
      await new Promise((r) => setTimeout(r, 100));
      if (!fs.existsSync(documents)) continue;
      const text = fs.readFileSync(documents, 'utf8');
      // every line written so far is whole
      expect(text === '' || text.endsWith('\n')).toBe(true);
      seen = text.split('\n').filter(Boolean).map((l) => JSON.parse(l) as { input: string });
    }
    expect(child.exitCode).toBeNull();
    expect(fs.existsSync(summary)).toBe(false);
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.length).toBeLessThan(records);
    expect(seen.map((d) => d.input)).toEqual(seen.map((_, i) => `<stdin>:${i + 1}`));
    child.stdout.resume();
    expect(await exited).toBe(0);
    expect(readReport<Report>(summary).documents).toHaveLength(records);
  }, 60_000);
});
