/**
 * extract: markup → blocks of text. Decides whether the text is HTML (by
 * extension or, for other files, by the tags it carries) and, if so, parses
 * it with htmlparser2 — a tolerant, streaming (SAX) parser, so unclosed tags,
 * stray `</p>` in scripts and 100,000-deep nesting cost nothing extra — and
 * turns it into blocks: block elements and `<br>` become breaks, list items
 * and table rows become lines, entities are decoded, and the content of
 * script, style, head and similar elements is dropped. Each block keeps its
 * tag context (ancestor tags, class and id names, link text) as evidence for
 * the classifier.
 */
import { Parser } from 'htmlparser2';
import type { BlockContext, BlockKind, Doc, RawBlock } from '../doc.js';
import type { Options } from '../options.js';
import { useLinearStacks } from './html-stack.js';
import { INVISIBLE } from './normalise.js';

/** Elements whose content is never text a reader sees. */
export const DROP: ReadonlySet<string> = new Set(['script', 'style', 'noscript', 'template', 'svg', 'math', 'head', 'title', 'iframe', 'object', 'canvas', 'select', 'button', 'textarea']);
/** Elements that start and end a block. */
const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'dialog', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr',
  'html', 'li', 'main', 'menu', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th',
  'thead', 'tr', 'ul', 'legend', 'option', 'optgroup', 'output', 'picture', 'video', 'audio',
]);
/** Cells are joined into their row rather than becoming blocks of their own. */
const CELL = new Set(['td', 'th']);
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr', 'param']);
const HEADING = /^h[1-6]$/;
/** Tags that mark HTML when sniffing a file without an .html extension. */
const SNIFF = /<\/?(?:html|head|body|div|p|span|a|br|li|ul|ol|table|tr|td|th|section|article|figure|figcaption|img|strong|em|b|i|h[1-6]|script|style|meta|link|header|footer|nav|aside|main|iframe|form|input|button|label|blockquote|pre|code)\b[^<>]{0,2000}>|<!doctype html|<!--/i;
const SNIFF_GLOBAL = new RegExp(SNIFF.source, 'gi');
/** Characters scanned when sniffing. */
const SNIFF_CHARS = 65536;
/** Class/id tokens kept per element; longer attribute values are junk. */
const MAX_NAMES = 8;
/** `\s` by code unit: the last character of a text node is looked up, not matched with /\s$/ (which scans the node). */
const IS_SPACE = new Uint8Array(0x10000).map((_, c) => (/\s/.test(String.fromCharCode(c)) ? 1 : 0));
/** Ancestors looked at from each end of the stack; real pages nest 20–40 deep. */
const CONTEXT_DEPTH = 32;

/** True when text that did not come with an HTML extension carries enough tags to be HTML. */
export function looksLikeHtml(text: string, minTags: number): boolean {
  // judged on the text as normalise will leave it: "\u0000<html>" or "<\u200Bp>" must be read the same way after cleaning
  const head = (text.length > SNIFF_CHARS ? text.slice(0, SNIFF_CHARS) : text).replace(INVISIBLE, (c) => (c === '\t' ? ' ' : ''));
  if (/^\s*<!doctype html|^\s*<html[\s>]/i.test(head)) return true;
  SNIFF_GLOBAL.lastIndex = 0;
  let n = 0;
  while (SNIFF_GLOBAL.exec(head) !== null) if (++n >= minTags) return true;
  return false;
}

export function extract(doc: Doc, options: Options): void {
  const raw = doc.raw ?? '';
  const byName = /\.(x?html?|xht|php|aspx?|jsp)$/i.test(doc.source.path);
  const html =
    options.format === 'html' ||
    (options.format === 'auto' && (byName || looksLikeHtml(raw, options.thresholds['input.htmlSniffTags'])));
  if (!html) {
    doc.format = 'text';
    return;
  }
  doc.format = 'html';
  doc.rawBlocks = htmlToBlocks(raw);
  doc.raw = undefined;
}

interface Open {
  tag: string;
  names: string[];
}

/** Parse HTML into text blocks with their context. */
export function htmlToBlocks(html: string): RawBlock[] {
  const blocks: RawBlock[] = [];
  const stack: Open[] = [];
  let drop = 0;
  let inPre = 0;
  let linkDepth = 0;
  let text = '';
  // `text` is a rope of appended pieces; reading it (trim, a regex) would flatten it on every tag, which is quadratic
  // on a hostile page, so what the tags need to know about it is kept alongside
  let hasText = false;
  let endsInSpace = true;
  const open = new Map<string, number>();
  let linkChars = 0;
  let pendingBreak = false;
  let blockElement = 'body';
  let kind: BlockKind = 'paragraph';

  // the stack changes far less often than blocks end: consecutive blocks under the same elements share one
  // tags and names list (read-only downstream), counted by `stackChanges`
  let stackChanges = 0;
  let ancestors = { at: -1, tags: [] as string[], names: [] as string[] };
  const context = (): BlockContext => {
    if (ancestors.at !== stackChanges) {
      const tags: string[] = [];
      const names: string[] = [];
      // Deeply nested (hostile) pages: look at the outermost and innermost elements only.
      const view = stack.length > CONTEXT_DEPTH * 2 ? [...stack.slice(0, CONTEXT_DEPTH), ...stack.slice(-CONTEXT_DEPTH)] : stack;
      for (const o of view) {
        if (!tags.includes(o.tag)) tags.push(o.tag);
        for (const n of o.names) if (!names.includes(n)) names.push(n);
      }
      ancestors = { at: stackChanges, tags, names };
    }
    return { tags: ancestors.tags, names: ancestors.names, linkChars, element: blockElement };
  };
  const push = (o: Open) => {
    stack.push(o);
    stackChanges++;
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
            if (token && names.length < MAX_NAMES && token.length <= 64) names.push(token);
          }
        }
        push({ tag: name, names });
        if (DROP.has(name)) drop++;
        if (name === 'pre') inPre++;
        if (name === 'a') linkDepth++;
        if (name === 'li') kind = 'list-item';
        else if (name === 'tr') kind = 'table-row';
        else if (HEADING.test(name)) kind = 'heading';
      },
      ontext(data) {
        if (drop > 0) return;
        const t = inPre ? data : data.replace(/[ \t\r\n\f]+/g, ' ');
        if (t.length === 0) return;
        text += t;
        if (!hasText && t.trim()) hasText = true;
        endsInSpace = IS_SPACE[t.charCodeAt(t.length - 1)] === 1;
        if (linkDepth > 0) linkChars += t.trim().length;
      },
      onclosetag(name) {
        if (VOID.has(name)) return;
        // htmlparser2 closes elements innermost first (implied closes included), so the match is on top
        if (!open.get(name)) return;
        let i = stack.length - 1;
        while (stack[i].tag !== name) i--;
        const pop = (j: number) => {
          const o = stack[j];
          if (DROP.has(o.tag)) drop--;
          if (o.tag === 'pre') inPre--;
          if (o.tag === 'a') linkDepth--;
          const n = open.get(o.tag)! - 1;
          if (n === 0) open.delete(o.tag);
          else open.set(o.tag, n);
        };
        for (let j = stack.length - 1; j > i; j--) pop(j);
        stack.length = i + 1;
        stackChanges++;
        // the block's text is flushed while its element is still on the stack, so its context includes it
        if (drop === 0 && BLOCK.has(name) && !CELL.has(name))
          flush(name !== 'li' && name !== 'tr' && name !== 'dd' && name !== 'dt' && name !== 'option');
        pop(i);
        stack.length = i;
        stackChanges++;
        blockElement = stack.length ? stack[stack.length - 1].tag : 'body';
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: true },
  );
  useLinearStacks(parser);
  parser.write(html);
  parser.end();
  flush(true);
  return blocks;
}
