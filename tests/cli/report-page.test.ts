/**
 * report.html as a file: self-contained, page text escaped, and a large
 * corpus embedded as the documents that lost the most plus a fixed sample.
 * (tests/browser/report-page.test.ts opens it in a real browser.)
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, FIXTURES, tmpDir } from '../helpers.js';

/** The JSON the page's script draws from. */
function pageData(html: string): { docs: { n: number; input: string; lost: number }[]; clusters: unknown[] } {
  const m = /<script type="application\/json" id="data">([^<]*)<\/script>/.exec(html);
  expect(m).not.toBeNull();
  return JSON.parse(m![1]);
}

describe('report.html', () => {
  it('quotes hostile page text as text: no tag, script or attribute of it reaches the page', () => {
    const dir = tmpDir();
    const hostile = '</script><script>alert(1)</script><img src=x onerror="alert(2)"> "quoted" & \'single\' <!-- comment -->';
    // the same line in every file: corpus boilerplate, so it is in the dictionary (HTML) and in the documents (JSON)
    for (let i = 0; i < 4; i++) fs.writeFileSync(path.join(dir, `p${i}.txt`), `${hostile}\n\nPage ${'abcdefghij'[i]} has a paragraph of its own, long enough to be kept as text by the classifier here.\n`);
    const out = path.join(dir, 'out');
    expect(cli([dir, '-o', out, '-q', '--format', 'text']).code).toBe(0);
    const html = fs.readFileSync(path.join(out, 'report.html'), 'utf8');
    expect(html.match(/<script/g)).toHaveLength(2);
    expect(html).not.toMatch(/<img|<!-- comment|onerror="/);
    expect(html).toContain('&lt;/script&gt;&lt;script&gt;alert(1)');
    expect(pageData(html).docs.map((d) => path.basename(d.input))).toEqual(['p0.txt', 'p1.txt', 'p2.txt', 'p3.txt']);
    // nothing is fetched: no URL to load from
    expect(html).not.toMatch(/\b(src|href)=["']?(https?:)?\/\//);
  });

  it('over report.pageDocs documents, embeds those that lost the most and a fixed sample, and says so', () => {
    const out = tmpDir();
    const run = () => {
      expect(cli([path.join(FIXTURES, 'dupes'), '-o', out, '-q', '--set', 'report.pageDocs=6', '--jobs', '1']).code).toBe(0);
      return fs.readFileSync(path.join(out, 'report.html'), 'utf8');
    };
    const html = run();
    const docs = pageData(html).docs;
    expect(docs.length).toBeGreaterThan(3);
    expect(docs.length).toBeLessThanOrEqual(6);
    const total = (JSON.parse(fs.readFileSync(path.join(out, 'report.json'), 'utf8')) as { totals: { documents: number } }).totals.documents;
    expect(total).toBeGreaterThan(6);
    expect(html).toContain(`This page holds ${docs.length} of the ${total} documents: the 3 that lost the largest share`);
    // in input order, and the same documents run after run
    expect(docs.map((d) => d.n)).toEqual([...docs.map((d) => d.n)].sort((a, b) => a - b));
    const most = Math.max(...docs.map((d) => d.lost));
    expect(docs.filter((d) => d.lost === most).length).toBeGreaterThan(0);
    expect(pageData(run()).docs.map((d) => d.input)).toEqual(docs.map((d) => d.input));
  });
});
