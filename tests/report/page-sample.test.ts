/**
 * The page's documents: all of them up to the limit; past it, those that
 * lost the largest share of their text and a sample that does not depend on
 * the order the documents came in.
 */
import { describe, expect, it } from 'vitest';
import { PageSample } from '../../src/report/page-sample.js';
import { doc } from '../helpers.js';
import type { Doc } from '../../src/record/doc.js';

/** A document of 100 characters that lost `lost` of them to one removal. */
function lossy(name: string, lost: number): Doc {
  const d = doc('x'.repeat(100), name);
  d.text = 'x'.repeat(100);
  if (lost > 0) d.removed.push({ code: 'boilerplate-block', start: 0, end: lost });
  return d;
}
const entry = (d: Doc) => ({ input: d.source.path, charsOut: 100 - (d.removed[0]?.end ?? 0) });

function sample(docs: Doc[], max: number) {
  const s = new PageSample(max, 1000);
  for (const d of docs) s.add(d, entry(d));
  return s.documents();
}

describe('PageSample', () => {
  it('embeds every document up to the limit, in input order, with its spans', () => {
    const docs = [lossy('a', 10), lossy('b', 0), lossy('c', 50)];
    const r = sample(docs, 3);
    expect(r.complete).toBe(true);
    expect(r.docs.map((d) => [d.input, d.lost, d.text.length, d.spans])).toEqual([
      ['a', 0.1, 100, [[0, 10, 2]]],
      ['b', 0, 100, []],
      ['c', 0.5, 100, [[0, 50, 2]]],
    ]);
  });

  it('past the limit: the half that lost the most, and a sample that is the same in any order', () => {
    const docs = Array.from({ length: 40 }, (_, i) => lossy(`doc-${i}`, i % 7 === 0 ? 90 + (i % 10) : i % 5));
    const r = sample(docs, 8);
    expect(r.complete).toBe(false);
    expect(r.mostLost).toBe(4);
    // the six documents that lost 90–98%: the four that lost the most are there whatever the sample holds
    const inputs = r.docs.map((d) => d.input);
    expect(inputs).toEqual(expect.arrayContaining(['doc-28', 'doc-7', 'doc-35', 'doc-14']));
    expect(r.docs.length).toBeLessThanOrEqual(8);
    expect(r.docs.map((d) => d.n)).toEqual([...r.docs.map((d) => d.n)].sort((a, b) => a - b));
    // the sample is chosen by a hash of the names: reversed input, same documents
    const again = sample([...docs].reverse(), 8);
    expect(new Set(again.docs.map((d) => d.input))).toEqual(new Set(r.docs.map((d) => d.input)));
  });
});
