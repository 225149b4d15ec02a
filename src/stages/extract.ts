/**
 * extract: markup → blocks of text. Decides whether the text is HTML (by
 * extension or, for other files, by the tags it carries) and, if so, parses
 * it with htmlparser2's tokenizer under its parser's rules (html-parser.ts) —
 * tolerant and streaming (SAX), so unclosed tags, stray `</p>` in scripts and
 * 100,000-deep nesting cost nothing extra — and turns it into blocks: block elements and `<br>` become breaks, list items
 * and table rows become lines, entities are decoded, and the content of
 * script, style, head and similar elements is dropped, and so is what the page
 * hides. Each block keeps its tag context (ancestor tags, class and id names,
 * link text) as evidence for the classifier, and its place against the page's
 * content region (extract/region.ts), chosen on the element tree built as the
 * page is parsed.
 *
 * This module decides and hands over; the DOM side is in src/extract/: what
 * the extractor knows of tag names (tags.ts), parser events → blocks
 * (blocks.ts), the element tree (tree.ts), the content region (region.ts),
 * and the page's blocks marked against it (page-blocks.ts).
 */
import type { Doc } from '../record/doc.js';
import type { Options } from '../options.js';
import { htmlToRegion } from '../extract/page-blocks.js';
import { INVISIBLE } from './normalise.js';

/** Tags that mark HTML when sniffing a file without an .html extension. */
const SNIFF = /<\/?(?:html|head|body|div|p|span|a|br|li|ul|ol|table|tr|td|th|section|article|figure|figcaption|img|strong|em|b|i|h[1-6]|script|style|meta|link|header|footer|nav|aside|main|iframe|form|input|button|label|blockquote|pre|code)\b[^<>]{0,2000}>|<!doctype html|<!--/i;
const SNIFF_GLOBAL = new RegExp(SNIFF.source, 'gi');
/** Characters scanned when sniffing. */
const SNIFF_CHARS = 65536;
/** A page that says it is HTML in its first characters. */
const DOCTYPE = /^\s*<!doctype html|^\s*<html[\s>]/i;
/** Characters of a page's start in which a doctype is looked for before anything is cleaned. */
const DOCTYPE_CHARS = 1024;
const HAS_INVISIBLE = new RegExp(INVISIBLE.source);

/**
 * True when text that did not come with an HTML extension is HTML: it starts with a doctype or `<html>`, or
 * carries `minTags` known tags spread over `minLineShare` of its lines that hold text. Markup is spread
 * through an HTML page; a plain text that quotes some (a comment form's "You may use these HTML tags: <a> <b>…", a
 * text-mode browser's dump of an escaped image beacon) holds its tags on a line or two.
 */
export function looksLikeHtml(text: string, minTags: number, minLineShare = 0): boolean {
  const raw = text.length > SNIFF_CHARS ? text.slice(0, SNIFF_CHARS) : text;
  // every pattern starts with '<', and cleaning (below) removes characters but makes none
  if (!raw.includes('<')) return false;
  // a doctype without invisible characters in it is also the start of the cleaned text: it settles it without cleaning
  // (only the characters it matched need looking at: the cleaned text starts with them all the same)
  const doctype = DOCTYPE.exec(raw.length > DOCTYPE_CHARS ? raw.slice(0, DOCTYPE_CHARS) : raw);
  if (doctype !== null && !HAS_INVISIBLE.test(doctype[0])) return true;
  // judged on the text as normalise will leave it: "\u0000<html>" or "<\u200Bp>" must be read the same way after cleaning
  const head = raw.replace(INVISIBLE, (c) => (c === '\t' ? ' ' : ''));
  if (DOCTYPE.test(head)) return true;
  SNIFF_GLOBAL.lastIndex = 0;
  let n = 0;
  // the lines holding a tag, counted as the matches come in order: each newline is found once, however many tags
  // a long line holds
  let tagLines = 0;
  let line = 0;
  let lastTagLine = -1;
  let newline = head.indexOf('\n');
  // the lines with text, counted only once enough tags are found (-1: not yet)
  let minLines = -1;
  let m: RegExpExecArray | null;
  while ((m = SNIFF_GLOBAL.exec(head)) !== null) {
    while (newline !== -1 && newline < m.index) {
      line++;
      newline = head.indexOf('\n', newline + 1);
    }
    if (line !== lastTagLine) {
      tagLines++;
      lastTagLine = line;
    }
    if (++n < minTags) continue;
    if (minLines < 0) minLines = minLineShare > 0 ? minLineShare * linesWithText(head) : 0;
    if (tagLines >= minLines) return true;
  }
  return false;
}

/** Lines of `text` that hold more than spaces. */
function linesWithText(text: string): number {
  let n = 0;
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    for (let i = start; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c !== 0x20 && c !== 0x09 && c !== 0x0d) {
        n++;
        break;
      }
    }
    start = end + 1;
  }
  return n;
}

export function extract(doc: Doc, options: Options): void {
  const raw = doc.raw ?? '';
  const byName = /\.(x?html?|xht|php|aspx?|jsp)$/i.test(doc.source.path);
  const html =
    options.format === 'html' ||
    (options.format === 'auto' && (byName || looksLikeHtml(raw, options.thresholds['input.htmlSniffTags'], options.thresholds['input.htmlSniffLineShare'])));
  if (!html) {
    doc.format = 'text';
    return;
  }
  doc.format = 'html';
  const t = options.thresholds;
  const { blocks, region } = htmlToRegion(raw, { minParagraphChars: t['region.minParagraphChars'], minChars: t['region.minChars'], siblingShare: t['region.siblingShare'] });
  doc.rawBlocks = blocks;
  if (region) doc.region = region;
  doc.raw = undefined;
}
