/**
 * The boilerplate dictionary: each block once, counted once per document,
 * the most frequent first, and nothing past its cap.
 */
import { describe, expect, it } from 'vitest';
import { BoilerplateDictionary } from '../../src/report/dictionary.js';

describe('BoilerplateDictionary', () => {
  it('gives ids in first-seen order, counts a block once per document, and lists the most frequent first', () => {
    const d = new BoilerplateDictionary(10);
    d.nextDocument();
    expect(d.idOf('Home', undefined, false)).toBe(1);
    expect(d.idOf('Footer', 'in 3 of 4 documents (threshold 3)', false)).toBe(2);
    // the same block twice in one document counts once
    expect(d.idOf('Footer', undefined, false)).toBe(2);
    d.nextDocument();
    expect(d.idOf('Footer', undefined, false)).toBe(2);
    expect(d.entries()).toEqual([
      { id: 2, text: 'Footer', documents: 2, detail: 'in 3 of 4 documents (threshold 3)' },
      { id: 1, text: 'Home', documents: 1 },
    ]);
  });

  it('once full, names no new block and counts the removals left out', () => {
    const d = new BoilerplateDictionary(1);
    d.nextDocument();
    expect(d.idOf('Home', undefined, false)).toBe(1);
    expect(d.idOf('Footer', undefined, false)).toBeUndefined();
    expect(d.idOf('Home', undefined, false)).toBe(1);
    expect(d.overflow).toBe(1);
    expect(d.entries().map((e) => e.text)).toEqual(['Home']);
  });
});
