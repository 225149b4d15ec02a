/**
 * The duplicate stages (exact and near copies, long paragraphs repeated across documents) run over small corpora
 * in input order through the real engine. (Shingling, MinHash, LSH and union-find alone:
 * tests/dedup/signatures.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import { defaultOptions } from '../../src/options.js';
import { runCorpus } from '../../src/engine/run.js';
import type { Doc } from '../../src/record/doc.js';
import { displayWidth } from '../../src/stages/near-copies.js';
import { statistics } from '../../src/pipeline.js';
import { runStages } from '../../src/stage.js';
import { createCorpusState } from '../../src/corpus/state.js';
import { doc } from '../helpers.js';
import { EN, JA, KO, ZH } from '../fixtures/articles.js';

/**
 * Run the engine (both passes) over in-memory documents; returns them in input
 * order. The block classifier and the within-document stages are skipped: these
 * tests are about duplicates, on texts too short to pass the classifier.
 */
async function corpus(texts: Record<string, string>, set: Record<string, number> = {}, skip: string[] = []): Promise<Doc[]> {
  const options = defaultOptions();
  options.skip = ['classify', 'repeats', ...skip];
  Object.assign(options.thresholds, set);
  const docs: Doc[] = [];
  const sources = () =>
    Object.entries(texts).map(([path, text]) => ({
      source: { path, relPath: path },
      locator: { format: 'bytes', bytes: new TextEncoder().encode(text) },
    }));
  await runCorpus(sources, options, { onDoc: (d) => void docs.push(d) });
  return docs;
}

describe('near-copies', () => {
  it('counts East Asian wide characters twice when measuring a block', () => {
    expect(displayWidth('abc')).toBe(3);
    expect(displayWidth('한국어')).toBe(6);
    expect(displayWidth('中文ab')).toBe(6);
  });
});

describe('dedup and cross-doc stages', () => {
  const article = EN.join('\n\n');

  it('drops a copy that differs only in line breaks as an exact duplicate of the first document', async () => {
    const rewrapped = EN.map((p) => p.replace(/, /g, ',\n')).join('\n\n\n');
    const [a, b] = await corpus({ 'a.txt': article, 'b.txt': rewrapped });
    expect(a.status).toBe('kept');
    expect(a.removed).toEqual([]);
    expect(b.status).toBe('duplicate');
    expect(b.duplicate).toEqual({ of: 'a.txt', ofId: 0, similarity: 1, cluster: 0 });
    expect(b.findings.map((f) => f.code)).toEqual(['duplicate-exact']);
  });

  it('finds edited copies in English, Korean, Chinese and Japanese, and keeps the earliest', async () => {
    const docs = await corpus({
      'en1.txt': article,
      'en2.txt': EN.slice(0, 4).join('\n\n').replace('nine to two', 'nine votes to two'),
      'ko1.txt': KO.join('\n\n'),
      'ko2.txt': KO.join('\n\n').replace('142억 달러', '143억 달러'),
      'zh1.txt': ZH.join('\n'),
      'zh2.txt': [ZH[0], ZH[1], ZH[2].replace('七成以上', '七成多'), ZH[3], ZH[4]].join('\n'),
      'ja1.txt': JA.join('\n'),
      'ja2.txt': JA.slice(0, 3).join('\n') + '\n' + JA[3].replace('増えている', '増えつつある'),
    });
    const by = Object.fromEntries(docs.map((d) => [d.source.path, d]));
    for (const [copy, of] of [['en2.txt', 'en1.txt'], ['ko2.txt', 'ko1.txt'], ['zh2.txt', 'zh1.txt'], ['ja2.txt', 'ja1.txt']]) {
      expect(by[copy].status, copy).toBe('duplicate');
      expect(by[copy].duplicate?.of).toBe(of);
      expect(by[copy].findings[0].code).toBe('duplicate-near');
      expect(by[copy].duplicate!.similarity).toBeGreaterThanOrEqual(0.7);
      expect(by[of].status).toBe('kept');
    }
  });

  it('keeps distinct articles on the same topic apart', async () => {
    const docs = await corpus({
      'a.txt': article,
      'b.txt': 'Not everyone in the northern suburbs is celebrating the new tram. More than three hundred people came to a meeting at the community hall on Thursday to hear where the Riverside tram line will run, and many of them said the council approved it too quickly.',
      'c.txt': ZH.join('\n'),
      'd.txt': '随着新能源汽车越来越多，城市里的充电桩却常常一位难求，节假日高速公路服务区的排队问题尤其突出。全国充电基础设施总数达到一千万台，但分布并不均衡。',
    });
    expect(docs.map((d) => d.status)).toEqual(['kept', 'kept', 'kept', 'kept']);
  });

  // Two copies of a short page used to lose every line as corpus boilerplate (each block in 2 of 2 documents)
  it('keeps one of two exact copies of a short page and drops the other as a duplicate', async () => {
    const page = 'Opening hours: nine to five.\nClosed on public holidays.';
    const [a, b] = await corpus({ 'a.txt': page, 'b.txt': page.replace('\n', '\n\n') });
    expect(a.status).toBe('kept');
    expect(a.output).toBe('Opening hours: nine to five.\nClosed on public holidays.\n');
    expect(b.status).toBe('duplicate');
    expect(b.findings.map((f) => f.code)).toEqual(['duplicate-exact']);
  });

  it('keeps many distinct short documents', async () => {
    const texts: Record<string, string> = {};
    ['Yes.', 'No.', 'Thanks!', 'See you.', '네.', '감사합니다.', '好的。', 'はい。', 'Contact us', 'Read more'].forEach((t, i) => (texts[`s${i}.txt`] = t));
    const docs = await corpus(texts);
    expect(docs.every((d) => d.status === 'kept')).toBe(true);
  });

  it('removes a long paragraph already kept in an earlier document, and re-assembles the output', async () => {
    const quote = `${EN[3]} ${EN[4]}`; // over crossDoc.minChars (200)
    const other = 'A completely different story about the harbour festival, with its own opening paragraph that nobody else has written.';
    const [a, b] = await corpus({ 'a.txt': [...EN.slice(0, 3), quote].join('\n\n'), 'b.txt': `${other}\n\n${quote}\n\nThe festival runs until Sunday, and entry to every concert on the pier is free for children.` });
    expect(a.removed).toEqual([]);
    expect(b.status).toBe('kept');
    expect(b.removed.map((r) => [r.code, b.text.slice(r.start, r.end), r.detail])).toEqual([['repeat-across-docs', quote, 'already kept in a.txt']]);
    expect(b.output).not.toContain('Mayor Helen Ortiz');
    expect(b.output).toContain('harbour festival');
  });

  it('drops a syndicated copy whole instead of hollowing it out paragraph by paragraph', async () => {
    const copy = `Riverside Daily | Home | News | Sport\n\n${article}\n\n© Riverside Daily`;
    const [a, b] = await corpus({ 'a.txt': article, 'b.txt': copy });
    expect(a.removed).toEqual([]);
    expect(b.status).toBe('duplicate');
    expect(b.removed).toEqual([]);
  });

  it('leaves paragraphs under crossDoc.minChars to the boilerplate stages, and takes --set', async () => {
    const texts = { 'a.txt': `${EN[2]}\n\n${EN[0]}`, 'b.txt': `${EN[2]}\n\n${EN[4]}` };
    expect((await corpus(texts))[1].removed).toEqual([]);
    expect((await corpus(texts, { 'crossDoc.minChars': 100 }))[1].removed.map((r) => r.code)).toEqual(['repeat-across-docs']);
  });

  it('keeps pages that share only one long site-wide notice', async () => {
    const notice = 'By using this forum you agree to our rules: be kind to other members, do not post advertising or personal data, and report any message that breaks these rules to the moderators.';
    const texts = {
      'p1.txt': `${notice}\n\nIs the night bus running on Sunday?\nYes, every hour.\nThanks!\nSee the timetable.`,
      'p2.txt': `${notice}\n\nWhere can I buy a tram pass?\nAt any kiosk.\nOr online.\nGood to know.`,
    };
    // pass 1 must not take p2 for a copy: its blocks still count towards the notice's frequency
    const ctx = { options: defaultOptions(), corpus: createCorpusState() };
    const pass1 = Object.entries(texts).map(([file, text], i) => runStages({ ...doc(text, file), id: i }, statistics, ctx));
    expect(pass1.map((d) => d.status)).toEqual(['kept', 'kept']);
    expect((await corpus(texts)).map((d) => d.status)).toEqual(['kept', 'kept']);
  });

  it('signs documents where they are cleaned, and neither signs nor compares what --skip turns off', async () => {
    const quote = `${EN[3]} ${EN[4]}`; // over crossDoc.minChars (200)
    const first = [...EN.slice(0, 3), quote].join('\n\n');
    const texts = { 'a.txt': first, 'b.txt': first, 'c.txt': `A story about the harbour festival, which nobody else has written.\n\n${quote}` };
    const all = await corpus(texts);
    expect(all.map((d) => d.status)).toEqual(['kept', 'duplicate', 'kept']);
    expect(all[0].signature).toHaveLength(120);
    expect(all[2].paragraphHashes).toHaveLength(3); // one long paragraph: its block and two hash halves
    expect(all[2].removed.map((r) => r.code)).toEqual(['repeat-across-docs']);

    const noDedup = await corpus(texts, {}, ['dedup']);
    expect(noDedup.map((d) => d.status)).toEqual(['kept', 'kept', 'kept']);
    expect(noDedup.some((d) => d.textHash || d.signature)).toBe(false);

    const noCrossDoc = await corpus(texts, {}, ['cross-doc']);
    expect(noCrossDoc.map((d) => d.status)).toEqual(['kept', 'duplicate', 'kept']);
    expect(noCrossDoc.some((d) => d.paragraphHashes)).toBe(false);
    expect(noCrossDoc[2].removed).toEqual([]);
  });

  it('marks a near copy in pass 1 by its long blocks, under a different template', async () => {
    const templateA = 'Home | News | Sport | Weather\nLogin\nShare this\n';
    const templateB = 'Menu\nStart page | Archive | About\nComments (0)\nPrivacy | Terms\nFollow us\n';
    const docs = await corpus({ 'a.txt': templateA + article, 'b.txt': templateB + article + '\n' + templateB }, { 'dedup.threshold': 0.95 });
    // the cleaned texts (templates still in) are below 0.95; the long blocks are identical
    expect(docs[1].status).toBe('duplicate');
    expect(docs[1].findings[0].args).toMatchObject({ basis: 'long-blocks', similarity: 1 });
    expect(docs[0].cluster).toBe(0);
  });
});
