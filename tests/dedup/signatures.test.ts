/**
 * Duplicate detection's parts on inline strings: shingling, MinHash estimates, LSH candidates, union-find and the
 * hash map of exact copies. (The stages that use them, over small corpora: tests/stages/dedup.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import { Signer, estimate } from '../../src/dedup/minhash.js';
import { TokenBuffer, tokenize, unspacedShare } from '../../src/dedup/tokens.js';
import { LshIndex, checkLsh } from '../../src/dedup/lsh.js';
import { UnionFind } from '../../src/dedup/union-find.js';
import { Hash64Map } from '../../src/kit/hash-table.js';
import { hash64 } from '../../src/kit/hash.js';
import { EN, JA, KO, ZH, words } from '../fixtures/articles.js';

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
