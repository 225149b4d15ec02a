/**
 * html-parser: where the head ends. htmlparser2 keeps a `<head>` open until
 * `</head>` or `<body>`; browsers (WHATWG tree construction) end it at the
 * first thing that does not belong in a head. These pin the pages that came
 * out empty because everything after an unended head was dropped as head.
 */
import { describe, expect, it } from 'vitest';
import { Parser } from 'htmlparser2';
import { parseHtml } from '../../src/stages/html-parser.js';
import { htmlToBlocks } from '../../src/extract/page-blocks.js';

const texts = (html: string) => htmlToBlocks(html).map((b) => b.text);

function events(html: string): string[] {
  const out: string[] = [];
  parseHtml(html, {
    onopentag: (name) => out.push(`<${name}>`),
    ontext: (source, start, end) => out.push(source.slice(start, end)),
    onclosetag: (name) => out.push(`</${name}>`),
  });
  return out;
}

/** True when every close event ends the innermost open element and nothing is left open. */
function balanced(list: string[]): boolean {
  const open: string[] = [];
  for (const e of list) {
    if (e.startsWith('</')) {
      if (open.pop() !== e.slice(2, -1)) return false;
    } else if (e.startsWith('<')) open.push(e.slice(1, -1));
  }
  return open.length === 0;
}

describe('html-parser: the end of the head', () => {
  // a page without <body> or </head>: its paragraphs were read as head content and the page came out empty
  it('reads paragraphs that follow the head elements when there is no body tag', () => {
    const page = '<html><head><meta charset="utf-8"><meta name="x" content="y"><link rel="stylesheet" href="s.css"><title>Title</title>' +
      '<p>First paragraph of the article.</p><p>Second paragraph.</p></html>';
    expect(texts(page)).toEqual(['First paragraph of the article.', 'Second paragraph.']);
    expect(events(page)).toEqual([
      '<html>', '<head>', '<meta>', '</meta>', '<meta>', '</meta>', '<link>', '</link>', '<title>', 'Title', '</title>', '</head>',
      '<p>', 'First paragraph of the article.', '</p>', '<p>', 'Second paragraph.', '</p>', '</html>',
    ]);
  });

  // text straight after </title>, no body: browsers show it, we dropped it
  it('reads text that follows </title> in a head without a body tag', () => {
    expect(texts('<html><head><title>Page</title>Plain text right after the title.<br>More text.</html>')).toEqual([
      'Plain text right after the title.\nMore text.',
    ]);
  });

  it('ends the head at </head> when no <body> follows', () => {
    expect(texts('<html><head><title>T</title><style>p{}</style></head><div>Content after the head.</div></html>')).toEqual(['Content after the head.']);
  });

  // a head, then a whole second document's <html><head>…</head><body>: the second <html> and <head> are ignored
  it('ignores a second <html> and <head> inside the head', () => {
    const page = '<head><title>One</title><meta name="a"><html><head><title>Two</title></head><body><p>Body text.</p></body></html>';
    expect(texts(page)).toEqual(['Body text.']);
    expect(balanced(events(page))).toBe(true);
  });

  // an element before <html> (a wrapper, a server's warning) starts the body: the head that follows is ignored
  it('reads a page whose <head> comes after another element', () => {
    expect(texts('<wrap id="x"><html><head><title>T</title><meta name="a"><div>Kept text.</div></wrap>')).toEqual(['Kept text.']);
  });

  it('keeps what is inside a noscript or template of the head in the head', () => {
    const page = '<html><head><noscript><img src="pixel.gif" alt="pixel"></noscript><title>T</title></head><body><p>Text.</p></body></html>';
    expect(texts(page)).toEqual(['Text.']);
  });

  it('keeps a normal page as htmlparser2 parses it', () => {
    const page = '<!DOCTYPE html><html><head><meta charset="utf-8"><title>T</title><script>var a = "<p>";</script></head>' +
      '<body><h1>Heading</h1><p>Para &amp; more.</p></body></html>';
    const reference: string[] = [];
    const parser = new Parser(
      {
        onopentag: (name) => reference.push(`<${name}>`),
        ontext: (text) => reference.push(text),
        onclosetag: (name) => reference.push(`</${name}>`),
      },
      { decodeEntities: true, lowerCaseTags: true, recognizeSelfClosing: true },
    );
    parser.end(page);
    expect(events(page)).toEqual(reference);
    expect(texts(page)).toEqual(['Heading', 'Para & more.']);
  });

  // WHATWG puts these in the body; htmlparser2's rules leave them at the root, where nothing drops them either
  it('reads what follows </body> and </html>', () => {
    expect(texts('<html><head><title>T</title></head><body><p>In.</p></body></html><p>After.</p>')).toEqual(['In.', 'After.']);
  });

  // WHATWG's title is RCDATA: without </title>, the rest of the page is the title, in browsers too
  it('leaves a title without </title> running to the end, as browsers do', () => {
    expect(texts('<html><head><title>x</head><body><p>never shown')).toEqual([]);
  });

  it('keeps the events balanced on pages whose head ends implicitly', () => {
    for (const page of [
      '<html><head><meta><p>a<div>b',
      '<head><noscript><a href="#">x</a></noscript>text<span>s</span>',
      '<html><head></br>after',
      '<head><title>t</title></body><p>after',
      '<head/><div>d</div>',
      '<script>s</script><p>hi</p><head><title>late</title></head>',
    ])
      expect(balanced(events(page))).toBe(true);
  });
});
