/**
 * CLI tests of boilerplate and repeat removal on fixture pages written for
 * them (English, Japanese, Chinese, a hard-wrapped dump, a four-page site).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, FIXTURES, tmpDir, readReport } from '../helpers.js';

interface Report {
  boilerplate: { max: number; notListed: number; blocks: { id: number; text: string; documents: number }[] };
  documents: { input: string; output: string | null; removed: { code: string; text?: string; block?: number }[] }[];
}
const read = (dir: string, name: string) => fs.readFileSync(path.join(dir, name), 'utf8');

describe('clean-corpus on a small site', () => {
  it('removes the menu and footer that repeat on every page from all of them, and keeps each page\'s text', () => {
    const out = tmpDir();
    const r = cli([path.join(FIXTURES, 'site'), '-o', out]);
    expect(r.code).toBe(0);
    const report = readReport<Report>(path.join(out, 'report.json'));
    expect(report.documents).toHaveLength(4);
    // each block is quoted once, in the summary's dictionary, and named by its id on every document's line
    const blocks = new Map(report.boilerplate.blocks.map((b) => [b.id, b]));
    expect(report.boilerplate.blocks.find((b) => b.text === 'Impressum | Datenschutz | Kontakt')?.documents).toBe(4);
    expect(read(out, 'documents.jsonl')).not.toContain('Impressum | Datenschutz');
    for (const d of report.documents) {
      const corpus = d.removed.filter((x) => x.code === 'boilerplate-corpus').map((x) => blocks.get(x.block!)?.text);
      expect(corpus).toEqual(expect.arrayContaining(['Startseite', 'Kontakt', 'Impressum | Datenschutz | Kontakt']));
      expect(corpus.some((t) => t.startsWith('Gartenverein Lindenhof e.V., Am Lindenhof 12'))).toBe(true);
      const text = fs.readFileSync(d.output!, 'utf8');
      expect(text).not.toMatch(/Startseite|Impressum|Am Lindenhof 12/);
      expect(text.split('\n').filter(Boolean).length).toBe(3); // title and two paragraphs
    }
  });
});

describe('clean-corpus on single pages', () => {
  const out = tmpDir();
  const r = cli([path.join(FIXTURES, 'pages'), '-o', out]);

  it('runs cleanly', () => {
    expect(r.code).toBe(0);
  });

  it('English HTML: keeps title, subheading and paragraphs; drops navigation, related links, comments and footer', () => {
    const text = read(out, 'en-article.txt');
    expect(text.split('\n').filter(Boolean)).toEqual([
      'Harbour town votes to restore its old ferry line',
      expect.stringMatching(/^The town council voted/),
      expect.stringMatching(/^Supporters say/),
      'Costs and timetable',
      expect.stringMatching(/^The plan is expected/),
      expect.stringMatching(/^Not everyone is convinced/),
    ]);
  });

  it('Japanese text: keeps the article, drops menu, date, counters, related links and copyright', () => {
    const lines = read(out, 'ja-blog.txt').split('\n').filter(Boolean);
    expect(lines[0]).toBe('春の京都で静かな寺を歩く');
    expect(lines).toHaveLength(5);
    expect(lines.join('')).not.toMatch(/ホーム|いいね|コメント|関連記事|Copyright/);
  });

  it('Chinese HTML: keeps the article, drops menu, source line, share line, related news and footer', () => {
    const lines = read(out, 'zh-news.txt').split('\n').filter(Boolean);
    expect(lines[0]).toBe('城市公园完成改造 周末重新向市民开放');
    expect(lines).toHaveLength(5);
    expect(lines.join('')).not.toMatch(/首页|来源|分享|相关新闻|版权/);
  });

  it('hard-wrapped dump: paragraphs rebuilt, list items and table rows kept as lines, link references dropped', () => {
    const lines = read(out, 'wrapped.txt').split('\n').filter(Boolean);
    expect(lines).toContain(
      'Do not remove more than a quarter of the tree in one year. Heavy pruning makes the tree grow many weak shoots, which will need to be cut again the following winter and will give little fruit.',
    );
    expect(lines).toContain('* a pruning saw for the larger branches');
    expect(lines).toContain('| Apple | February |');
    expect(lines.join('\n')).not.toMatch(/example\.org|\[1\]Home/);
  });
});

describe('--explain', () => {
  it('prints every block of every file with its class and reason on stdout', () => {
    const out = tmpDir();
    const r = cli([path.join(FIXTURES, 'pages', 'zh-news.html'), '-o', out, '--explain']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^== .*zh-news\.html/);
    expect(lines).toContainEqual(expect.stringMatching(/^good\s+heading-before-text\s+│ 城市公园完成改造/));
    expect(lines).toContainEqual(expect.stringMatching(/^bad\s+date\s+│ 2024-05-18 08:30/));
    expect(lines).toContainEqual(expect.stringMatching(/^bad\s+context\(name:share\)\s+│ 分享到/));
  });
});

describe('thresholds of boilerplate and repeats', () => {
  it('are listed with their source and can be set', () => {
    const list = cli(['--list-thresholds']).stdout;
    for (const name of ['repeats.minChars', 'boilerplate.minDocs', 'classify.lengthLow', 'unwrap.maxWidth'])
      expect(list).toMatch(new RegExp(`^${name.replace('.', '\\.')} = `, 'm'));
    const out = tmpDir();
    const page = path.join(FIXTURES, 'pages', 'ja-blog.txt');
    expect(cli([page, '-o', out, '--set', 'classify.headingMinChars=1000']).code).toBe(0);
    expect(read(out, 'ja-blog.txt')).not.toContain('春の京都で静かな寺を歩く');
    expect(cli(['x', '--set', 'repeats.minChars=3']).stderr).toMatch(/repeats\.minChars/);
  });
});
