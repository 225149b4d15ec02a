/**
 * Duplicate documents through the real binary, on fixtures/dupes/ (eight
 * made-up sites with planted copies; fixtures/dupes-truth.json says which
 * document copies which) together with the five seed pages.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, FIXTURES, listFiles, tmpDir, readReport, isReportFile } from '../helpers.js';
import { statistics } from '../../src/pipeline.js';

const DUPES = path.join(FIXTURES, 'dupes');
const SEEDS = path.join(FIXTURES, 'seeds');

interface Truth {
  documents: { file: string; of?: string; plant?: string; needsBoilerplate?: boolean }[];
}
interface Entry {
  input: string;
  output: string | null;
  status: string;
  duplicateOf?: string;
  similarity?: number;
  cluster?: number;
  removed: { code: string }[];
  findings: { code: string; args?: Record<string, string | number> }[];
  message?: string;
}
interface Report {
  documents: Entry[];
  totals: { documents: number; kept: number; duplicate: number };
}

const truth = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'dupes-truth.json'), 'utf8')) as Truth;
// Cases marked needsBoilerplate are only judged once the boilerplate stages (issue 3) run in pass 1.
const boilerplateRemoval = statistics.some((s) => s.name === 'count-blocks');
const judged = truth.documents.filter((d) => boilerplateRemoval || !d.needsBoilerplate);
const rel = (input: string) => path.relative(DUPES, path.resolve(input)).split(path.sep).join('/');

function runAll(extra: string[] = []): { out: string; report: Report; code: number | null } {
  const out = tmpDir();
  const r = cli([DUPES, SEEDS, '-o', out, ...extra]);
  return { out, code: r.code, report: readReport<Report>(path.join(out, 'report.json')) };
}

describe('duplicate documents (fixtures/dupes)', () => {
  const { out, code, report } = runAll();
  const byFile = new Map(report.documents.filter((d) => !d.input.includes('seeds')).map((d) => [rel(d.input), d]));

  it('flags planted copies with precision and recall of at least 0.95', () => {
    expect(code).toBe(0);
    const judgedFiles = new Set(judged.map((d) => d.file));
    const flagged = [...byFile].filter(([file, d]) => judgedFiles.has(file) && d.status === 'duplicate');
    const planted = judged.filter((d) => d.of);
    const right = flagged.filter(([file, d]) => {
      const t = judged.find((x) => x.file === file);
      return t?.of !== undefined && rel(d.duplicateOf!) === t.of;
    });
    const precision = flagged.length ? right.length / flagged.length : 1;
    const recall = right.length / planted.length;
    expect({ precision, recall, missed: planted.filter((p) => byFile.get(p.file)?.status !== 'duplicate').map((p) => p.file) }).toMatchObject({ missed: [] });
    expect(precision).toBeGreaterThanOrEqual(0.95);
    expect(recall).toBeGreaterThanOrEqual(0.95);
  });

  it('reports each duplicate with its kept document, similarity, cluster and a reason, and does not write it', () => {
    for (const t of judged.filter((d) => d.of)) {
      const d = byFile.get(t.file)!;
      const keptIndex = report.documents.findIndex((e) => e.input === d.duplicateOf);
      expect(d, t.file).toMatchObject({ status: 'duplicate', output: null, cluster: keptIndex });
      expect(rel(d.duplicateOf!)).toBe(t.of);
      expect(report.documents[keptIndex].status).toBe('kept');
      expect(d.similarity).toBeGreaterThanOrEqual(0.7);
      expect(d.similarity).toBeLessThanOrEqual(1);
      expect(['duplicate-exact', 'duplicate-near']).toContain(d.findings[0].code);
      expect(d.message).toContain(d.duplicateOf);
    }
    // a page saved twice under the same template: identical once whitespace is folded
    expect(byFile.get('en-harbor/03-library-reopens-print.html')).toMatchObject({ similarity: 1, findings: [{ code: 'duplicate-exact' }] });
    expect(report.totals.duplicate).toBe(report.documents.filter((d) => d.status === 'duplicate').length);
    // two inputs: the tree holds dupes/… and seeds/…
    const written = listFiles(out);
    expect(written).toContain('dupes/en-harbor/02-library-reopens.txt');
    for (const t of truth.documents.filter((d) => d.of && byFile.get(d.file)?.status === 'duplicate'))
      expect(written).not.toContain(`dupes/${t.file.replace(/\.\w+$/, '.txt')}`);
  });

  it('keeps the article of the first document of each cluster whole, as it would be cleaned alone', () => {
    const kept = [...new Set(judged.filter((d) => d.of).map((d) => d.of!))];
    for (const file of kept) {
      const d = byFile.get(file)!;
      expect(d.status).toBe('kept');
      expect(d.removed.filter((r) => r.code === 'repeat-across-docs')).toEqual([]);
      const alone = tmpDir();
      expect(cli([path.join(DUPES, file), '-o', alone, '-q']).code).toBe(0);
      const name = listFiles(alone).find((f) => !isReportFile(f))!;
      // in the corpus, the site's name and menus also go as corpus boilerplate; every paragraph of the article stays
      const inCorpus = fs.readFileSync(d.output!, 'utf8');
      const paragraphs = fs.readFileSync(path.join(alone, name), 'utf8').split('\n').filter((l) => l.length >= 40);
      expect(paragraphs.length, file).toBeGreaterThan(0);
      for (const p of paragraphs) expect(inCorpus, file).toContain(p);
    }
  });

  it('keeps distinct articles on the same topic apart, seeds 001–003 among them', () => {
    const seeds = report.documents.filter((d) => d.input.includes('seeds'));
    expect(seeds.map((d) => d.status)).toEqual(['kept', 'kept', 'kept', 'kept', 'kept']);
    for (const t of truth.documents.filter((d) => !d.of)) expect(byFile.get(t.file)?.status, t.file).toBe('kept');
  });

  it('writes duplicates too with --keep-duplicates, still reported as duplicates', () => {
    const r = runAll(['--keep-duplicates']);
    const copy = r.report.documents.find((d) => rel(d.input) === 'ko-portal/01-suchul-5gaewol.html')!;
    expect(copy.status).toBe('duplicate');
    expect(fs.existsSync(path.join(r.out, 'dupes/ko-portal/01-suchul-5gaewol.txt'))).toBe(true);
  });
});

describe('dedup thresholds on the command line', () => {
  it('refuses more LSH rows than the signature holds', () => {
    const r = cli([SEEDS, '-o', tmpDir(), '--set', 'dedup.bands=30']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('dedup.bands × dedup.rows (30 × 6) must not exceed dedup.hashes (120)');
  });

  it('lists every dedup threshold with its source', () => {
    const r = cli(['--list-thresholds']);
    for (const name of ['dedup.wordShingle', 'dedup.charShingle', 'dedup.hashes', 'dedup.bands', 'dedup.rows', 'dedup.threshold', 'crossDoc.minChars', 'nearCopies.minBlockWidth'])
      expect(r.stdout).toContain(name);
  });
});
