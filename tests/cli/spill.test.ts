/**
 * The spill (engine/spill.ts, engine/passes.ts): pass 1 keeps each prepared
 * document in a temporary folder and pass 2 starts from it. It only saves work:
 * the output and the report are the same without it, and the folder is gone
 * when the run ends.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, FIXTURES, listFiles, tmpDir, EAGER_WORKERS, EAGER_WORKER_FLAGS, isReportFile, reportWithout } from '../helpers.js';

const INPUTS = ['seeds', 'dupes', 'site', 'pages'].map((d) => path.join(FIXTURES, d));

/** A JSON Lines file of HTML pages and plain texts, Latin-1 and Korean, for the record path of the spill. */
function records(dir: string): string {
  const file = path.join(dir, 'records.jsonl');
  const html = (i: number) =>
    `<html><body><nav><a href="/">Home</a> <a href="/news">News</a></nav><article><h1>Story ${i}</h1><p>Paragraph one of story ${i}, long enough to count as text for the classifier, with a café and a naïve résumé.</p><p>두 번째 문단입니다. 이야기 ${i}의 본문이 이어집니다. 충분히 긴 문장을 씁니다.</p></article><footer>© 2026 Example</footer></body></html>`;
  const lines = Array.from({ length: 40 }, (_, i) => JSON.stringify({ id: `r${i}`, url: `https://example.com/${i}`, text: i % 3 === 0 ? `Plain text ${i}.\n\nA second paragraph of plain text number ${i}, with some words in it.` : html(i) }));
  fs.writeFileSync(file, lines.join('\n') + '\n');
  return file;
}

function run(args: string[], tmp: string) {
  const out = tmpDir();
  const r = cli([...args, '-o', out, '--json', ...EAGER_WORKER_FLAGS], { env: { ...process.env, NO_COLOR: '1', TMPDIR: tmp, ...EAGER_WORKERS } });
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  const files = listFiles(out);
  const contents = files.filter((f) => !isReportFile(f)).map((f) => fs.readFileSync(path.join(out, f), 'utf8'));
  const { report, page } = reportWithout(out);
  return { files, contents, report, page, timings: JSON.parse(r.stdout).timings as Record<string, number> };
}

describe('the spill between the passes', () => {
  it('changes no byte of the output or the report, with 1 and 2 jobs, and leaves no temporary file', () => {
    const tmp = tmpDir();
    const inputs = [...INPUTS, records(tmpDir())];
    for (const jobs of ['1', '2']) {
      const kept = run([...inputs, '-q', '--jobs', jobs], tmp);
      const again = run([...inputs, '-q', '--jobs', jobs, '--no-spill'], tmp);
      // the spill was used: pass 2 read documents back instead of reading and preparing them
      expect(kept.timings['spill-read']).toBeGreaterThan(0);
      expect(kept.timings.extract).toBeUndefined();
      expect(again.timings['spill-read']).toBeUndefined();
      expect(kept.files).toEqual(again.files);
      expect(kept.contents).toEqual(again.contents);
      expect(kept.report).toEqual(again.report);
      expect(kept.page).toBe(again.page);
      expect(kept.report.totals.duplicate).toBeGreaterThan(10);
    }
    expect(fs.readdirSync(tmp)).toEqual([]);
  });

  it('runs without it when the temporary folder cannot be written', () => {
    const none = path.join(tmpDir(), 'no-such-folder');
    const without = run([...INPUTS, '-q', '--jobs', '2'], none);
    const usual = run([...INPUTS, '-q', '--jobs', '2'], tmpDir());
    expect(without.timings['spill-read']).toBeUndefined();
    expect(without.contents).toEqual(usual.contents);
    expect(without.report).toEqual(usual.report);
  });
});
