import { describe, expect, it } from 'vitest';
import { prepare } from '../../src/pipeline.js';
import { looksLikeHtml } from '../../src/stages/extract.js';
import { htmlToBlocks } from '../../src/extract/page-blocks.js';
import { run } from '../helpers.js';

const lines = (html: string, file = 'page.html') => {
  const d = run(prepare, html, {}, file);
  return d.blocks.map((b) => d.text.slice(b.start, b.end));
};

describe('extract', () => {
  it('drops script, style, head, template, svg and noscript content', () => {
    const html = `<html><head><title>T</title><style>p{color:red}</style></head><body>
      <script>var s = "</p><p>not text";</script><noscript>enable js</noscript>
      <template><p>hidden</p></template><svg><text>icon</text></svg><p>Visible text.</p></body></html>`;
    expect(lines(html)).toEqual(['Visible text.']);
  });

  it('turns block elements, <br> and list items into lines, and decodes entities', () => {
    const html = '<div>One &amp; two<br>three&nbsp;four</div><ul><li>first</li><li>second</li></ul><p>&lt;b&gt; &#x41;&#66; &copy;</p>';
    expect(lines(html)).toEqual(['One & two', 'three four', 'first', 'second', '<b> AB ©']);
  });

  it('keeps tag context as evidence for the classifier', () => {
    const blocks = htmlToBlocks('<nav class="gnb"><a href="/">Home</a> <a href="/news">News</a></nav><article><p>Body <a href="#">link</a> text.</p></article>');
    expect(blocks[0].context?.tags).toContain('nav');
    expect(blocks[0].context?.names).toContain('gnb');
    expect(blocks[0].context?.linkChars).toBe(8);
    expect(blocks[1].context?.tags).toContain('article');
    expect(blocks[1].context?.linkChars).toBe(4);
  });

  it('counts only <a href> as a link, and ends an open link where the next <a> starts, as browsers do', () => {
    const named = htmlToBlocks('<h2><a name="part-2">Part two</a></h2><p><a name="notes">The notes of this chapter follow here.</p><p>They are plain text.</p>');
    expect(named.map((b) => b.context?.linkChars)).toEqual([0, 0, 0]);
    // an anchor left open: the next one ends it, so the paragraphs after the inner link are text again
    const open = htmlToBlocks('<p><a href="/a">Reviews</a> <a name="first">First game <p>The review of it, with <a href="/b">a link</a> in the middle.<p>The next paragraph has none.');
    expect(open.map((b) => b.context?.linkChars)).toEqual([7, 6, 0]);
  });

  it('joins table cells into one line per row', () => {
    expect(lines('<table><tr><td>Seoul</td><td>9.7M</td></tr><tr><th>Busan</th><td>3.4M</td></tr></table>')).toEqual(['Seoul 9.7M', 'Busan 3.4M']);
  });

  it('reads a text dump that quotes a few tags on one line as text, not as HTML', () => {
    const story = Array.from({ length: 30 }, (_, i) => `Line ${i + 1} of a story saved as plain text, as a text-mode browser writes it.`);
    const dump = [...story.slice(0, 20), 'You may use these HTML tags and attributes: <a href=""> <b> <blockquote> <code> <em> <i> <strong>', ...story.slice(20)].join('\n');
    const read = run(prepare, dump, {}, 'dump.txt');
    expect(read.format).toBe('text');
    expect(read.text).toContain('<a href=""> <b> <blockquote>');
    // the same tags spread over the lines of a fragment: HTML
    const fragment = story.slice(0, 6).map((l) => `<p>${l}</p>`).join('\n');
    expect(lines(fragment, 'fragment.txt')).toEqual(story.slice(0, 6));
  });

  it('sniffs HTML in a .txt file by its tags but leaves "a < b" in plain text alone', () => {
    expect(looksLikeHtml('title <div id="x"></div> <p>text</p> <strong>b</strong>', 3)).toBe(true);
    expect(looksLikeHtml('if a < b and b > c then <br> maybe', 3)).toBe(false);
    expect(lines('x < y and y > z\nsecond line', 'note.txt')).toEqual(['x < y and y > z', 'second line']);
  });

  it('survives unclosed tags and comments', () => {
    expect(lines('<div><p>open <b>bold <i>both</div><p>next')).toEqual(['open bold both', 'next']);
    expect(lines('<p>before</p><!-- never closed <p>hidden')).toEqual(['before']);
  });
});
