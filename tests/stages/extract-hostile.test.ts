/**
 * The HTML extractor on hostile pages: deep nesting, stray and unclosed tags,
 * bogus entities. These sizes finish in well under a second in linear time;
 * the quadratic parser they pin took 6–25 s each.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { looksLikeHtml } from '../../src/stages/extract.js';
import { htmlToBlocks } from '../../src/extract/page-blocks.js';
import { isSpace } from '../../src/extract/blocks.js';
import { TagStack } from '../../src/stages/html-parser/stack.js';

const N = 100_000;
const texts = (html: string) => htmlToBlocks(html).map((b) => b.text);

describe('extract on hostile HTML', () => {
  // htmlparser2's unshift/indexOf stack made these quadratic (6.7 s and 25 s)
  it('reads text nested 100,000 levels deep, closed, unclosed, or followed by 100,000 stray closing tags', () => {
    expect(texts('<div>'.repeat(N) + 'deep text' + '</div>'.repeat(N))).toEqual(['deep text']);
    expect(texts('<span>'.repeat(N) + 'deep text')).toEqual(['deep text']);
    expect(texts('<div>'.repeat(N) + 'x' + '</span>'.repeat(N) + '<p>after</p>')).toEqual(['x', 'after']);
  });

  // the cell separator test flattened the text on every <td> (12.9 s)
  it('joins a row of 100,000 cells', () => {
    const blocks = texts('<table><tr>' + '<td>a'.repeat(N) + '</table>');
    expect(blocks).toHaveLength(1);
    expect(blocks[0].split(' ')).toHaveLength(N);
  });

  it('keeps a </p> inside a script string out of the text, and survives unclosed comments and tags', () => {
    expect(texts('<p>one</p><script>var s = "</p><p>not text";</script><p>two</p>')).toEqual(['one', 'two']);
    expect(texts('<p>before</p><!-- never closed <p>hidden')).toEqual(['before']);
    expect(texts('<p>open <b>bold <i>italic')).toEqual(['open bold italic']);
  });

  it('leaves bogus entities as they stand and decodes out-of-range ones to U+FFFD', () => {
    expect(texts('<p>&bogus; &#xZZ; &#99999999; &amp;</p>')).toEqual(['&bogus; &#xZZ; \uFFFD &']);
  });

  // found by the property test: "\u0000<html>" was text, its cleaned output "<html>" was then HTML
  it('sniffs HTML the same way before and after invisible characters are removed', () => {
    expect(looksLikeHtml('\u0000<!doctype html><p>x', 3)).toBe(true);
    expect(looksLikeHtml('<\u200Bp>a<\u200Bp>b<\u200Bp>', 3)).toBe(true);
  });
});

describe('isSpace', () => {
  it('is \\s for every code unit', () => {
    for (let c = 0; c <= 0xffff; c++) if (isSpace(c) !== /\s/.test(String.fromCharCode(c))) expect([c.toString(16), isSpace(c)]).toEqual([c.toString(16), !isSpace(c)]);
  });
});

describe('TagStack', () => {
  it('pushes, pops and finds the innermost element of a name', () => {
    const s = new TagStack();
    for (const t of ['a', 'b', 'a', 'c']) s.push(t);
    expect([s.length, s.top(), s.at(0), s.at(3)]).toEqual([4, 'c', 'a', 'c']);
    expect([s.depthOf('c'), s.depthOf('a'), s.depthOf('b'), s.depthOf('z'), s.includes('b'), s.includes('z')]).toEqual([0, 1, 2, -1, true, false]);
    expect([s.pop(), s.pop(), s.depthOf('a'), s.includes('a')]).toEqual(['c', 'a', 1, true]);
    expect([s.pop(), s.pop(), s.pop(), s.length, s.includes('a'), s.top()]).toEqual(['b', 'a', undefined, 0, false, undefined]);
    s.push('deep');
    for (let i = 0; i < 40; i++) s.push('div');
    expect([s.depthOf('deep'), s.includes('deep'), s.depthOf('div'), s.depthOf('span')]).toEqual([40, true, 0, -1]);
    for (let i = 0; i < 40; i++) s.pop();
    expect([s.depthOf('deep'), s.pop(), s.includes('deep'), s.includes('div')]).toEqual([0, 'deep', false, false]);
  });

  it('answers as a plain array does, above and below the elements it counts', () => {
    // 'e' is rare, so it is often open only below the top elements the stack looks at one by one
    const op = fc.oneof(
      { weight: 30, arbitrary: fc.constantFrom('a', 'b', 'c', 'd').map((n) => ['push', n] as const) },
      { weight: 1, arbitrary: fc.constant(['push', 'e'] as const) },
      { weight: 20, arbitrary: fc.constant(['pop', ''] as const) },
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 300 }), (ops) => {
        const s = new TagStack();
        const model: string[] = [];
        for (const [kind, name] of ops) {
          if (kind === 'push') (s.push(name), model.push(name));
          else expect(s.pop()).toBe(model.pop());
          for (const n of ['a', 'b', 'c', 'd', 'e', 'z']) {
            const i = model.lastIndexOf(n);
            expect(s.depthOf(n)).toBe(i === -1 ? -1 : model.length - 1 - i);
            expect(s.includes(n)).toBe(i !== -1);
          }
          expect([s.length, s.top()]).toEqual([model.length, model[model.length - 1]]);
        }
      }),
      { numRuns: 300 },
    );
  });
});
