/**
 * Duplicate detection on inline strings: shingling, MinHash estimates, LSH
 * candidates, union-find, and the corpus stages run over small corpora in
 * input order through the real engine.
 */
import { describe, expect, it } from 'vitest';
import { Signer, estimate } from '../../src/dedup/minhash.js';
import { TokenBuffer, tokenize, unspacedShare } from '../../src/dedup/tokens.js';
import { LshIndex, checkLsh } from '../../src/dedup/lsh.js';
import { UnionFind } from '../../src/dedup/union-find.js';
import { Hash64Map } from '../../src/kit/hash-table.js';
import { hash64 } from '../../src/kit/hash.js';
import { defaultOptions } from '../../src/options.js';
import { runCorpus } from '../../src/engine/run.js';
import type { Doc } from '../../src/record/doc.js';
import { displayWidth } from '../../src/stages/near-copies.js';
import { statistics } from '../../src/pipeline.js';
import { runStages } from '../../src/stage.js';
import { createCorpusState } from '../../src/corpus/state.js';
import { doc } from '../helpers.js';

const PARAMS = { wordShingle: 5, charShingle: 5, charShingleShare: 0.3, hashes: 120 };
const signer = new Signer(PARAMS);
const sign = (text: string) => {
  const sig = new Uint32Array(PARAMS.hashes);
  const n = signer.sign(text, sig);
  return { sig, n };
};
const est = (a: string, b: string) => estimate(sign(a).sig, 0, sign(b).sig, 0, PARAMS.hashes);

/** True Jaccard similarity of the shingle sets, computed the slow way. */
function jaccard(a: string, b: string): number {
  const set = (t: string) => {
    const buf = new TokenBuffer();
    const mode = signer.mode(t);
    const count = tokenize(t, mode, buf);
    const n = Math.min(mode === 'char' ? PARAMS.charShingle : PARAMS.wordShingle, count);
    const out = new Set<string>();
    for (let i = 0; i + n <= count; i++) out.add(Array.from(buf.hashes.subarray(i, i + n)).join(','));
    return out;
  };
  const A = set(a);
  const B = set(b);
  let both = 0;
  for (const x of A) if (B.has(x)) both++;
  return both / (A.size + B.size - both);
}

/** Deterministic pseudo-random prose: `n` words from a vocabulary of made-up words. */
function words(n: number, seed: number): string[] {
  let x = seed >>> 0 || 1;
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    out.push('w' + (x % 3000).toString(36));
  }
  return out;
}

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

const EN = [
  'The city council voted nine to two on Tuesday night to approve the Riverside tram line, ending a debate that has run for almost six years.',
  'Construction is expected to begin next spring and to take about three years, according to the transport department, which will publish a timetable in May.',
  'The project is budgeted at 412 million dollars, of which the regional government will pay roughly half, and the rest comes from a levy on parking.',
  'Mayor Helen Ortiz called the vote a turning point for a city that has grown faster than its roads, and said buses on the northern corridor are already full.',
  'Shop owners on Market Street remain worried about two years of closed lanes and noise, so the council promised a fund to compensate them.',
];
const ZH = [
  '今年前八个月，全国新能源汽车销量达到七百零三万辆，同比增长百分之三十四，市场渗透率首次超过百分之四十。',
  '中国汽车工业协会表示，价格下降和充电设施改善是销量增长的主要原因。',
  '从车型看，插电式混合动力汽车增长最快，销量同比增长七成以上，纯电动汽车的增速有所放缓。',
  '出口方面，前八个月新能源汽车出口一百三十万辆，欧洲和东南亚是主要市场。',
  '业内人士认为，激烈的价格竞争正在压缩车企利润，一些中小品牌已经停产或被收购。',
];
const JA = [
  '気象庁は二十一日、東京都心で桜が開花したと発表した。平年より三日早く、昨年と比べると五日早い開花となった。',
  '今年は二月の気温が高かったため、つぼみの成長が早まったとみられる。満開は一週間ほど後になる見込みだという。',
  '上野公園や千鳥ヶ淵では、早くも写真を撮る人の姿が見られた。都内の会社員の女性は、週末に家族で花見をするのが楽しみだと話していた。',
  '一方で、各地の公園では混雑を避けるための対策も進められている。宴会の場所取りを禁止する自治体も増えている。',
];
const KO = [
  '지난달 반도체 수출이 1년 전보다 31% 늘어난 142억 달러를 기록하며 다섯 달 연속 증가세를 이어갔다. 산업통상자원부는 인공지능 서버에 들어가는 고대역폭 메모리 수요가 크게 늘어난 것이 주된 원인이라고 설명했다.',
  '품목별로는 디램 수출이 48% 늘었고 낸드플래시도 가격 회복에 힘입어 20% 넘게 증가했다. 반면 시스템 반도체 수출은 스마트폰 시장 부진으로 3% 줄어드는 데 그쳤다.',
  '업계에서는 하반기에도 메모리 가격 상승이 이어질 것으로 보고 있다. 다만 미국의 수출 규제와 환율 변동이 변수로 꼽힌다.',
  '정부는 반도체 기업의 설비 투자에 대한 세액 공제를 연장하고 용인 클러스터의 전력과 용수 공급을 서두르겠다고 밝혔다.',
];

describe('shingling', () => {
  it('shingles Chinese, Japanese and mixed Japanese–English text by characters, the rest by words', () => {
    expect(signer.mode(EN.join(' '))).toBe('word');
    expect(signer.mode(KO.join(' '))).toBe('word');
    expect(signer.mode('美 대통령은 오늘 中 방문을 마쳤다고 밝혔다')).toBe('word');
    expect(signer.mode(ZH.join(''))).toBe('char');
    expect(signer.mode(JA.join(''))).toBe('char');
    expect(signer.mode('新しいiPhoneのカメラはLiDARセンサーを搭載している')).toBe('char');
    expect(unspacedShare('...!!')).toBe(0);
  });

  it('cuts words at punctuation and spaces, ignores case, and makes each Han or kana character a token', () => {
    const buf = new TokenBuffer();
    expect(tokenize('Hello, World! 123', 'word', buf)).toBe(3);
    const a = Array.from(buf.hashes.subarray(0, 3));
    tokenize('hello world 123', 'word', buf);
    expect(Array.from(buf.hashes.subarray(0, 3))).toEqual(a);
    expect(tokenize('你好，世界。', 'char', buf)).toBe(4);
    expect(tokenize('美국 대통령', 'word', buf)).toBe(3);
    expect(tokenize('𠀀𠀁 ok', 'char', buf)).toBe(4);
  });

  it('gives a text shorter than the shingle size one shingle of its own, and no signature to text without letters', () => {
    expect(sign('Breaking news').n).toBe(1);
    expect(est('Breaking news', 'Breaking news!')).toBe(1);
    expect(est('Breaking news', 'Weather update')).toBe(0);
    expect(sign(' … — !!').n).toBe(0);
  });

  it('counts East Asian wide characters twice when measuring a block', () => {
    expect(displayWidth('abc')).toBe(3);
    expect(displayWidth('한국어')).toBe(6);
    expect(displayWidth('中文ab')).toBe(6);
  });
});

describe('MinHash', () => {
  it('estimates the Jaccard similarity of shingle sets within a few hundredths', () => {
    const base = words(400, 7);
    const errors: number[] = [];
    for (const share of [0, 0.01, 0.02, 0.04, 0.08, 0.15, 0.3, 0.5]) {
      const edited = base.map((w, i) => (i % Math.round(1 / (share || 1e-9)) === 0 && share > 0 ? 'x' + w : w));
      const a = base.join(' ');
      const b = edited.join(' ');
      errors.push(Math.abs(est(a, b) - jaccard(a, b)));
    }
    // K = 120 bins: standard error √(J(1−J)/K) ≤ 0.046
    expect(Math.max(...errors)).toBeLessThan(0.12);
    expect(errors.reduce((s, e) => s + e, 0) / errors.length).toBeLessThan(0.05);
  });

  it('estimates Chinese near duplicates (character shingles) close to their true similarity', () => {
    const a = ZH.join('');
    const b = [ZH[0], '中国汽车工业协会认为，价格下降和充电设施改善是销量增长的两个主要原因。', ...ZH.slice(2)].join('');
    expect(Math.abs(est(a, b) - jaccard(a, b))).toBeLessThan(0.12);
    expect(est(a, b)).toBeGreaterThanOrEqual(0.7);
  });

  it('puts unrelated texts near zero', () => {
    expect(est(words(300, 1).join(' '), words(300, 2).join(' '))).toBeLessThan(0.05);
    expect(est(EN.join(' '), KO.join(' '))).toBe(0);
  });
});

describe('LSH', () => {
  const params = { hashes: 120, bands: 20, rows: 6 };

  it('finds the indexed near duplicate among many documents and nothing for an unrelated one', () => {
    const index = new LshIndex(params);
    for (let i = 0; i < 300; i++) index.add(sign(words(200, 100 + i).join(' ')).sig, i);
    const near = words(200, 150);
    near[50] = 'changed';
    near[120] = 'edited';
    const m = index.best(sign(near.join(' ')).sig, 0.7);
    expect(m?.id).toBe(50);
    expect(m!.similarity).toBeGreaterThan(0.75);
    expect(index.best(sign(words(200, 9999).join(' ')).sig, 0.7)).toBeUndefined();
  });

  it('does not put distinct short texts in one bucket', () => {
    const index = new LshIndex(params);
    const titles = ['Weather', 'Sports results', 'Contact us', 'Breaking news', 'Today', 'Markets close higher', '날씨', '오늘의 운세', '天气预报', 'お知らせ'];
    titles.forEach((t, i) => {
      expect(index.best(sign(t).sig, 0.7)).toBeUndefined();
      index.add(sign(t).sig, i);
    });
    expect(index.best(sign('contact US').sig, 0.7)?.id).toBe(2);
  });

  it('refuses bands × rows larger than the signature', () => {
    expect(checkLsh({ hashes: 100, bands: 20, rows: 6 })).toMatch(/must not exceed/);
    expect(() => new LshIndex({ hashes: 100, bands: 20, rows: 6 })).toThrow();
  });
});

describe('union-find and the hash map', () => {
  it('keeps the smallest id as the root of every cluster', () => {
    const uf = new UnionFind();
    uf.union(5, 2);
    uf.union(9, 5);
    uf.union(3000, 9);
    uf.union(7, 1);
    expect([uf.find(9), uf.find(3000), uf.find(5), uf.find(7), uf.find(4)]).toEqual([2, 2, 2, 1, 4]);
    expect(uf.union(1, 2)).toBe(1);
    expect(uf.find(3000)).toBe(1);
  });

  it('maps 64-bit hashes to the first id that had them, across growth', () => {
    const m = new Hash64Map(16);
    for (let i = 0; i < 5000; i++) m.set(hash64(`text ${i}`), i);
    m.set(hash64('text 7'), 99);
    expect(m.get(hash64('text 7'))).toBe(7);
    expect(m.get(hash64('text 4999'))).toBe(4999);
    expect(m.get(hash64('absent'))).toBe(-1);
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
