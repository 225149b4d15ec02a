/**
 * html-parser.ts applies htmlparser2's tree rules over its Tokenizer without
 * the Parser, and extract/blocks.ts builds blocks from its events. Both must give
 * exactly what the Parser-based extractor gave: the references below are
 * htmlparser2's own Parser and the extractor as it was written on it, kept
 * here as the specification.
 */
import { elementNames } from '../../src/classify/context.js';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Parser } from 'htmlparser2';
import { parseHtml } from '../../src/stages/html-parser.js';
import { looksLikeHtml } from '../../src/stages/extract.js';
import { BLOCK, CELL, DROP, VOID } from '../../src/extract/tags.js';
import { htmlToBlocks } from '../../src/extract/page-blocks.js';
import { INVISIBLE, normaliseText } from '../../src/stages/normalise.js';
import type { BlockContext, BlockKind, RawBlock } from '../../src/record/doc.js';

const RUNS = Number(process.env.PROPERTY_RUNS ?? 2000);
const PARSER_OPTIONS = { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: true };

const TAGS = [
  'p', 'P', 'div', 'span', 'a', 'A', 'b', 'br', 'BR', 'img', 'li', 'ul', 'ol', 'tr', 'td', 'th', 'table', 'tbody', 'thead', 'tfoot', 'dd',
  'dt', 'dl', 'h1', 'h2', 'H3', 'pre', 'form', 'input', 'select', 'option', 'optgroup', 'button', 'textarea', 'title', 'script',
  'Script', 'style', 'noscript', 'template', 'head', 'body', 'html', 'svg', 'SVG', 'math', 'mi', 'foreignObject', 'foreignobject',
  'desc', 'clipPath', 'clippath', 'image', 'frame', 'basefont', 'keygen', 'hr', 'wbr', 'meta', 'link', 'xmp', 'iframe', 'noembed',
  'noframes', 'plaintext', 'rt', 'rp', 'nav', 'article', 'section', 'header', 'footer', 'main', 'aside', 'figure', 'figcaption',
  'blockquote', 'details', 'summary', 'output', 'datalist', 'video', 'x-custom', 'DIV', 'Div', 'dİv', 'İmg', 'ſpan', 'K', 'a-very-long-custom-element-name-over-32-chars',
];
const ATTRS = [
  '', ' class="a B"', ' class=nav', " CLASS='Menu  Top'", ' id="main"', ' ID=x', ' role="navigation"', ' alt', ' alt=""', ' ALT="pic"',
  ' class="first" class="second"', ' href="/x?a=1&amp;b=2"', ' class="a&amp;b &#x41;"', ' data-x="1"', ' class', ' class="İSTANBUL ΣΑΣ"',
  ' class="' + 'k'.repeat(70) + ' short"', ' class="1 2 3 4 5 6 7 8 9 10"', ' id="\u00A0x\u3000y"', ' /', ' a=b/',
];
const tag = fc.tuple(fc.constantFrom(...TAGS), fc.constantFrom(...ATTRS), fc.constantFrom('>', '/>', ' >', '')).map(([t, a, e]) => `<${t}${a}${e}`);
const close = fc.constantFrom(...TAGS).map((t) => `</${t}>`);
const piece = fc.oneof(
  { weight: 4, arbitrary: tag },
  { weight: 3, arbitrary: close },
  {
    weight: 4,
    arbitrary: fc.constantFrom(
      'text', 'Word ', ' ', '  ', '\n', '\n  ', '\t', '\r\n', '\f', '\u00A0', '\u3000', '\u200B', 'a  b', ' x ', '한국어', '中文', '😀', '\uD800',
      '&amp;', '&nbsp;', '&lt;b&gt;', '&#x41;', '&#66;', '&copy', '&bogus;', '&#99999999;', '&', '<', '>', '<!-- c -->', '<!-- open',
      '<![CDATA[cd]]>', '<!DOCTYPE html>', '<!x>', '<?pi?>', '</>', '</ p>', '</br>', '</p>', '< p>', 'e\u0301',
    ),
  },
  { weight: 1, arbitrary: fc.string({ maxLength: 8 }) },
);
/** A `<head` start tag (the tag name ends at whitespace, `/`, `>` or the end of the page). */
const HEAD_START = /<head(?=[\t\n\f\r /]|>|$)/gi;
const anyHtml = fc.array(piece, { maxLength: 40 }).map((parts) => parts.join(''));
/**
 * Generated markup in the body: an explicit `<body>` first and no `<head>` start tag. Before the body, and for a
 * `<head>` anywhere, html-parser.ts follows WHATWG where the Parser does not (the head ends at the first thing that
 * does not belong in it; a late `<html>` or `<head>` is ignored); in the body both apply the same rules, which is
 * what the comparisons below check. `balanced` covers markup before the body, and tests/stages/html-parser.test.ts
 * the head's rules.
 */
const html = anyHtml.map((input) => '<body>' + input.replace(HEAD_START, '<x-head'));

/** The events of htmlparser2's Parser, as the extractor saw them. */
function parserEvents(input: string): string[] {
  const events: string[] = [];
  const parser = new Parser(
    {
      onopentag: (name, a) => events.push(`<${name} ${JSON.stringify([a.class, a.id, a.role, a.alt])}`),
      ontext: (text) => events.push(`"${text}`),
      onclosetag: (name) => events.push(`</${name}`),
    },
    PARSER_OPTIONS,
  );
  parser.write(input);
  parser.end();
  return events;
}

function ourEvents(input: string): string[] {
  const events: string[] = [];
  parseHtml(input, {
    onopentag: (name, a) => events.push(`<${name} ${JSON.stringify([a.class, a.id, a.role, a.alt])}`),
    ontext: (source, start, end) => events.push(`"${source.slice(start, end)}`),
    onclosetag: (name) => events.push(`</${name}`),
  });
  return events;
}

// the extractor as it was written on htmlparser2's Parser (7aaaf46), less its linear-time stack (same events), on its tag lists
const IS_SPACE = new Uint8Array(0x10000).map((_, c) => (/\s/.test(String.fromCharCode(c)) ? 1 : 0));

function referenceBlocks(html: string, contextDepth = 32): RawBlock[] {
  const blocks: RawBlock[] = [];
  const stack: { tag: string; names: string[]; link?: number }[] = [];
  let drop = 0;
  let inPre = 0;
  // the open <a href>'s number (0: none); a new <a> ends the one open (WHATWG adoption agency)
  let link = 0;
  let links = 0;
  let text = '';
  let hasText = false;
  let endsInSpace = true;
  const open = new Map<string, number>();
  let linkChars = 0;
  let pendingBreak = false;
  let blockElement = 'body';
  let kind: BlockKind = 'paragraph';
  const context = (): BlockContext => {
    const tags: string[] = [];
    const names: string[] = [];
    const view = stack.length > contextDepth * 2 ? [...stack.slice(0, contextDepth), ...stack.slice(-contextDepth)] : stack;
    for (const o of view) {
      if (!tags.includes(o.tag)) tags.push(o.tag);
      for (const n of o.names) if (!names.includes(n)) names.push(n);
    }
    return { tags, names, linkChars, element: blockElement, region: 0 };
  };
  const push = (o: { tag: string; names: string[]; link?: number }) => {
    stack.push(o);
    open.set(o.tag, (open.get(o.tag) ?? 0) + 1);
  };
  const flush = (paragraph: boolean) => {
    const t = text.trim();
    if (t.length > 0) {
      blocks.push({ text: t, breakBefore: pendingBreak || blocks.length === 0, kind, context: context() });
      pendingBreak = false;
    }
    if (paragraph) pendingBreak = true;
    text = '';
    hasText = false;
    endsInSpace = true;
    linkChars = 0;
    kind = 'paragraph';
  };
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        if (drop > 0) {
          if (!VOID.has(name)) push({ tag: name, names: [] });
          if (DROP.has(name) && !VOID.has(name)) drop++;
          return;
        }
        if (name === 'br') {
          if (inPre || hasText) {
            text += '\n';
            endsInSpace = true;
          }
          return;
        }
        if (BLOCK.has(name) && !CELL.has(name)) {
          flush(name !== 'li' && name !== 'tr' && name !== 'dd' && name !== 'dt' && name !== 'option');
          blockElement = name;
        } else if (CELL.has(name)) {
          if (!endsInSpace) {
            text += ' ';
            endsInSpace = true;
          }
        }
        if (name === 'img' && attribs.alt === undefined) return;
        if (VOID.has(name)) return;
        const names: string[] = [];
        for (const v of [attribs.class, attribs.id, attribs.role]) {
          if (!v) continue;
          for (const token of v.toLowerCase().split(/\s+/)) {
            if (token && names.length < 8 && token.length <= 64) names.push(token);
          }
        }
        if (name === 'a') link = attribs.href !== undefined ? ++links : 0;
        push({ tag: name, names: elementNames(names), link: name === 'a' ? link : 0 });
        if (DROP.has(name)) drop++;
        if (name === 'pre') inPre++;
        if (name === 'li') kind = 'list-item';
        else if (name === 'tr') kind = 'table-row';
        else if (/^h[1-6]$/.test(name)) kind = 'heading';
      },
      ontext(data) {
        if (drop > 0) return;
        const t = inPre ? data : data.replace(/[ \t\r\n\f]+/g, ' ');
        if (t.length === 0) return;
        text += t;
        if (!hasText && t.trim()) hasText = true;
        endsInSpace = IS_SPACE[t.charCodeAt(t.length - 1)] === 1;
        if (link !== 0) linkChars += t.trim().length;
      },
      onclosetag(name) {
        if (VOID.has(name)) return;
        if (!open.get(name)) return;
        let i = stack.length - 1;
        while (stack[i].tag !== name) i--;
        const pop = (j: number) => {
          const o = stack[j];
          if (DROP.has(o.tag)) drop--;
          if (o.tag === 'pre') inPre--;
          if (o.link && o.link === link) link = 0;
          const n = open.get(o.tag)! - 1;
          if (n === 0) open.delete(o.tag);
          else open.set(o.tag, n);
        };
        for (let j = stack.length - 1; j > i; j--) pop(j);
        stack.length = i + 1;
        if (drop === 0 && BLOCK.has(name) && !CELL.has(name))
          flush(name !== 'li' && name !== 'tr' && name !== 'dd' && name !== 'dt' && name !== 'option');
        pop(i);
        stack.length = i;
        blockElement = stack.length ? stack[stack.length - 1].tag : 'body';
      },
    },
    PARSER_OPTIONS,
  );
  parser.write(html);
  parser.end();
  flush(true);
  return blocks;
}

/**
 * True when every close event ends the innermost open element and nothing is left open. A page that ends inside
 * an opening tag gets a close event for an element the handler never saw open: unmatched closes are allowed only
 * in the run of closes at the end.
 */
function balanced(events: string[]): boolean {
  const open: string[] = [];
  let unmatched = false;
  for (const e of events) {
    if (e.startsWith('</')) {
      if (open.length > 0 && open[open.length - 1] === e.slice(2)) open.pop();
      else unmatched = true;
    } else if (unmatched) return false;
    else if (e.startsWith('<')) open.push(e.slice(1, e.indexOf(' ')));
  }
  return open.length === 0;
}

describe('html-parser against htmlparser2 Parser', () => {
  it('reports balanced events on generated markup, head and all', () => {
    fc.assert(
      fc.property(anyHtml, (input) => {
        expect(balanced(ourEvents(input))).toBe(true);
      }),
      // a page that ends inside a head's opening tag once closed a head never reported open
      { numRuns: RUNS, examples: [['<head /'], ['<html><head /']] },
    );
  });

  it('reports the same events on generated markup in the body', () => {
    fc.assert(
      fc.property(html, (input) => {
        expect(ourEvents(input)).toEqual(parserEvents(input));
      }),
      { numRuns: RUNS },
    );
  });

  it('reports the same events on pages that end inside a tag, an attribute, an entity or a comment', () => {
    for (const input of ['<div><span><div', '<div class="a', '<p>x &am', '<p>x<!-- y', '<svg><![CDATA[x]]></svg><![CDATA[y]]>', '<form><form class=x>y</form>'])
      expect(ourEvents(input)).toEqual(parserEvents(input));
  });
});

/** The blocks without the extractor's note to normalise (`normalised`, checked on its own below). */
// the content region (extract/region.ts) and the per-line link counts are the extractor's own, which the Parser knows nothing of
const withoutNote = (blocks: RawBlock[]): RawBlock[] => blocks.map(({ normalised: _, lineLinks: _l, ...b }) => (b.context ? { ...b, context: { ...b.context, region: 0 } } : b));

describe('htmlToBlocks against the Parser-based extractor', () => {
  it('gives the same blocks on generated markup in the body', () => {
    fc.assert(
      fc.property(html, (input) => {
        expect(withoutNote(htmlToBlocks(input))).toEqual(referenceBlocks(input));
      }),
      { numRuns: RUNS },
    );
  });

  it('gives the same blocks under more than 64 open elements', () => {
    fc.assert(
      fc.property(fc.integer({ min: 60, max: 80 }), html, (depth, input) => {
        const page = '<div class="d">'.repeat(depth) + input + '<section id="s">'.repeat(depth / 2) + input;
        expect(withoutNote(htmlToBlocks(page))).toEqual(referenceBlocks(page));
      }),
      { numRuns: RUNS / 10 },
    );
  });
});

describe('RawBlock.normalised', () => {
  // normalise keeps a block so marked as it is: normaliseText must leave its text unchanged
  it('marks only blocks whose text normaliseText leaves as it is', () => {
    let marked = 0;
    fc.assert(
      fc.property(html, (input) => {
        for (const b of htmlToBlocks(input)) {
          if (!b.normalised) continue;
          marked++;
          expect(normaliseText(b.text)).toEqual({ text: b.text, invisibles: 0 });
        }
      }),
      { numRuns: RUNS },
    );
    expect(marked).toBeGreaterThan(RUNS / 10);
  });
});

// looksLikeHtml as it was: always on the cleaned head
const SNIFF = /<\/?(?:html|head|body|div|p|span|a|br|li|ul|ol|table|tr|td|th|section|article|figure|figcaption|img|strong|em|b|i|h[1-6]|script|style|meta|link|header|footer|nav|aside|main|iframe|form|input|button|label|blockquote|pre|code)\b[^<>]{0,2000}>|<!doctype html|<!--/gi;
function referenceLooksLikeHtml(text: string, minTags: number): boolean {
  const head = (text.length > 65536 ? text.slice(0, 65536) : text).replace(INVISIBLE, (c) => (c === '\t' ? ' ' : ''));
  if (/^\s*<!doctype html|^\s*<html[\s>]/i.test(head)) return true;
  SNIFF.lastIndex = 0;
  let n = 0;
  while (SNIFF.exec(head) !== null) if (++n >= minTags) return true;
  return false;
}

describe('looksLikeHtml against sniffing the cleaned text', () => {
  it('decides the same on generated starts of pages', () => {
    const part = fc.constantFrom('<!doctype html>', '<!DOCTYPE HTML>', '<html>', '<html lang=x>', '<html', '<htm', '<p>', '<div', '>', '<', 'text ', ' ', '\t', '\n', '\uFEFF', '\u0000', '\u200B', '\u00A0', '<!--', 'doctype', 'x'.repeat(1020));
    fc.assert(
      fc.property(fc.array(part, { maxLength: 12 }), fc.integer({ min: 0, max: 4 }), (parts, minTags) => {
        const text = parts.join('');
        expect(looksLikeHtml(text, minTags)).toBe(referenceLooksLikeHtml(text, minTags));
      }),
      { numRuns: RUNS },
    );
  });
});
