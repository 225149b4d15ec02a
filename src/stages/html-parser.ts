/**
 * htmlparser2's tree rules over its Tokenizer, without its `Parser`.
 *
 * extract.ts used htmlparser2's `Parser` (v12) with `decodeEntities`,
 * `lowerCaseTags`, `lowerCaseAttributeNames` and `recognizeSelfClosing`. The
 * Parser cut every text node into a string, built an object of every
 * attribute of every tag, and kept its open elements in an array it
 * `unshift`s (quadratic on deep pages). The extractor reads four
 * attributes (class, id, role, alt) and the text, so this module drives the same Tokenizer and
 * applies the same rules the Parser applies — which open tag implies which
 * close, void elements, `</p>` and `</br>` without an opening, a nested
 * `<form>` ignored, SVG/MathML (foreign) content and the SVG tag-name
 * casing, CDATA as text only in foreign content, elements still open at the
 * end closed innermost first — and emits the same events in the same order:
 * `onopentag(name, attributes)`, `ontext` (one event per text run and per
 * decoded entity, as the Parser's `ontext`), `onclosetag(name)`.
 *
 * The tables (html-parser/tags.ts) are htmlparser2's;
 * tests/stages/html-parser.properties.test.ts compares the events with the
 * real Parser's on generated markup, so an htmlparser2 upgrade that changes a
 * rule shows up there.
 *
 * One deliberate difference: the end of the head. htmlparser2 keeps a `<head>`
 * open until `</head>` or a `<body>` that finds it on top, so a page without
 * either (or with a second `<html>` or `<head>` in its head) reads as all
 * head, which the extractor drops. Browsers follow WHATWG tree construction
 * ("before head", "in head" and "after head" insertion modes): in the head, a
 * start tag that does not belong there or text that is not whitespace implies
 * `</head>` and a `<body>`; a second `<html>` or `<head>` is ignored. The
 * tree builder's `Mode` (html-parser/head.ts) follows those rules (without
 * emitting the implied elements), so those pages are read as browsers show them.
 *
 * This module is the tree builder; its parts are in html-parser/: the tag
 * tables (tags.ts), the head's rules (head.ts), the attributes collected
 * (attributes.ts), the stack of open elements (stack.ts), tag names without a
 * string per tag (tag-names.ts) and the Tokenizer with faster states
 * (tokenizer.ts).
 */
import type { QuoteType, TokenizerCallbacks } from 'htmlparser2';
import { TagStack } from './html-parser/stack.js';
import { lowerName } from './html-parser/tag-names.js';
import { htmlIntegrationElements, openImpliesClose, svgTagNameAdjustments, voidElements } from './html-parser/tags.js';
import { hasNonSpace, headElements, headEndingEndTags, Mode } from './html-parser/head.js';
import { Attr, attrOf, type TagAttributes } from './html-parser/attributes.js';
import { PageTokenizer } from './html-parser/tokenizer.js';

export type { TagAttributes } from './html-parser/attributes.js';

// The tables under module-level constants of this module, for the tree builder's calls: see kit/unit-table.ts,
// "Tables in hot loops".
const OPEN_IMPLIES_CLOSE = openImpliesClose;
const VOID_ELEMENTS = voidElements;
const HTML_INTEGRATION_ELEMENTS = htmlIntegrationElements;
const SVG_TAG_NAME_ADJUSTMENTS = svgTagNameAdjustments;
const HEAD_ELEMENTS = headElements;
const HEAD_ENDING_END_TAGS = headEndingEndTags;

/** What the parser reports, in document order. */
export interface HtmlHandler {
  /** An element starts. `attributes` is reused for the next tag: read it now. */
  onopentag(name: string, attributes: TagAttributes): void;
  /** Text `source.slice(start, end)`: a run of the page, a decoded entity, or CDATA in foreign content. */
  ontext(source: string, start: number, end: number): void;
  /** An element ends (explicitly, implied by another tag, as a void element, or at the end of the page). */
  onclosetag(name: string): void;
}

const enum Foreign {
  None,
  Svg,
  MathML,
}

/** The Tokenizer's callbacks, doing what htmlparser2's Parser does in HTML mode with the options extract.ts used. */
class TreeBuilder implements TokenizerCallbacks {
  private readonly stack = new TagStack();
  /** Foreign-content contexts, innermost last; the bottom one is HTML. */
  private readonly foreign: Foreign[] = [Foreign.None];
  /** Name of the open tag being read ('' between tags, and for an ignored nested `<form>`). */
  private tagname = '';
  /** True between an open tag's name and its end, when its attributes are collected (the Parser's `attribs !== null`). */
  private collecting = false;
  private readonly attributes: TagAttributes = { class: undefined, id: undefined, role: undefined, alt: undefined, href: undefined, hidden: undefined, style: undefined, ariaHidden: undefined };
  private attr = Attr.Other;
  private attrValue = '';
  private mode = Mode.BeforeHead;
  /**
   * In `Mode.InHead`, the stack's length with the head open and nothing open in it (the head's own depth, or
   * the depth where a head element implied it). Deeper, a head element (noscript, template) is open: what is in
   * it is its content, not the end of the head.
   */
  private headLength = 0;

  constructor(
    private readonly html: string,
    private readonly handler: HtmlHandler,
  ) {}

  isInForeignContext(): boolean {
    return this.foreign[this.foreign.length - 1] !== Foreign.None;
  }

  ontext(start: number, endIndex: number): void {
    if (this.mode !== Mode.InBody) this.textBeforeBody(this.html, start, endIndex);
    this.handler.ontext(this.html, start, endIndex);
  }

  ontextentity(cp: number): void {
    const s = String.fromCodePoint(cp);
    if (this.mode !== Mode.InBody) this.textBeforeBody(s, 0, s.length);
    this.handler.ontext(s, 0, s.length);
  }

  /** Text before the body: outside a head element's content, anything but whitespace starts the body. */
  private textBeforeBody(source: string, start: number, end: number): void {
    if (this.mode === Mode.InHead && this.stack.length > this.headLength) return;
    // the rest of a tag the input ends inside (`<head /`): not the page's text, and the tag it ends was never reported open
    if (this.collecting) return;
    if (hasNonSpace(source, start, end)) this.startBody();
  }

  /**
   * WHATWG's rules for a start tag before the body ("before head", "in head", "after head"): moves to the
   * mode the tag leads to and says whether it is kept (false: a second `<html>` or `<head>`, which browsers ignore).
   */
  private startTagBeforeBody(name: string): boolean {
    const mode = this.mode;
    if (name === 'html') return mode === Mode.BeforeHead;
    if (name === 'head') {
      if (mode !== Mode.BeforeHead) return false;
      this.mode = Mode.InHead;
      this.headLength = this.stack.length + 1;
      return true;
    }
    // inside a noscript or template of the head, htmlparser2's rules decide (browsers read a noscript's
    // content as text there, and the extractor drops it either way)
    if (mode === Mode.InHead && this.stack.length > this.headLength) return true;
    if (HEAD_ELEMENTS.has(name)) {
      // a head element first implies the head; after `</head>` it still belongs to the head
      if (mode === Mode.BeforeHead) {
        this.mode = Mode.InHead;
        this.headLength = this.stack.length;
      }
      return true;
    }
    this.startBody();
    return true;
  }

  /** The body starts (explicitly or implied): the head, if open, closes with what is open in it. */
  private startBody(): void {
    if (this.mode === Mode.InHead) this.closeHead();
    this.mode = Mode.InBody;
  }

  private closeHead(): void {
    const depth = this.stack.depthOf('head');
    for (let i = 0; i <= depth; i++) this.popElement();
  }

  private readTagName(start: number, endIndex: number): string {
    const name = lowerName(this.html, start, endIndex);
    const foreign = this.foreign;
    if (foreign[foreign.length - 1] === Foreign.Svg) return SVG_TAG_NAME_ADJUSTMENTS.get(name) ?? name;
    // a closing SVG tag inside an HTML integration point takes the casing it was opened with
    if (foreign.length > 1) {
      const adjusted = SVG_TAG_NAME_ADJUSTMENTS.get(name);
      if (adjusted !== undefined && this.stack.includes(adjusted)) return adjusted;
    }
    if (!this.isInForeignContext()) return name === 'image' ? 'img' : name;
    return name;
  }

  onopentagname(start: number, endIndex: number): void {
    const name = this.readTagName(start, endIndex);
    // (in the body too, a `<head>` is ignored: a page that starts with another element has its head in the body)
    if (this.mode !== Mode.InBody ? !this.startTagBeforeBody(name) : name === 'head') {
      this.tagname = '';
      return;
    }
    this.emitOpenTag(name);
  }

  private emitOpenTag(name: string): void {
    this.tagname = name;
    // a <form> inside a form is ignored altogether
    if (name === 'form' && this.stack.includes('form')) {
      this.tagname = '';
      return;
    }
    const impliesClose = OPEN_IMPLIES_CLOSE.get(name);
    if (impliesClose) while (this.stack.length > 0 && impliesClose.has(this.stack.top()!)) this.popElement();
    if (!VOID_ELEMENTS.has(name)) {
      this.stack.push(name);
      if (name === 'svg') this.foreign.push(Foreign.Svg);
      else if (name === 'math') this.foreign.push(Foreign.MathML);
      else if (HTML_INTEGRATION_ELEMENTS.has(name)) this.foreign.push(Foreign.None);
    }
    const a = this.attributes;
    a.class = a.id = a.role = a.alt = a.href = a.hidden = a.style = a.ariaHidden = undefined;
    this.collecting = true;
  }

  private endOpenTag(): void {
    if (this.collecting) {
      this.handler.onopentag(this.tagname, this.attributes);
      this.collecting = false;
    }
    if (VOID_ELEMENTS.has(this.tagname)) this.handler.onclosetag(this.tagname);
    this.tagname = '';
  }

  onopentagend(): void {
    this.endOpenTag();
  }

  onclosetag(start: number, endIndex: number): void {
    const name = this.readTagName(start, endIndex);
    if (this.mode !== Mode.InBody) {
      if (name === 'head') {
        // (also from inside a noscript or template left open in the head: the page means the head to end here)
        if (this.mode === Mode.InHead) this.closeHead();
        this.mode = Mode.AfterHead;
        return;
      }
      if (HEAD_ENDING_END_TAGS.has(name) && !(this.mode === Mode.InHead && this.stack.length > this.headLength)) this.startBody();
    }
    if (!VOID_ELEMENTS.has(name)) {
      const pos = this.stack.depthOf(name);
      if (pos !== -1) {
        for (let i = 0; i <= pos; i++) this.popElement();
      } else if (name === 'p') {
        // </p> without <p>: an empty paragraph
        this.emitOpenTag('p');
        this.closeCurrentTag();
      }
    } else if (name === 'br') {
      // </br> is a <br>
      const a = this.attributes;
      a.class = a.id = a.role = a.alt = a.href = a.hidden = a.style = a.ariaHidden = undefined;
      this.handler.onopentag('br', a);
      this.handler.onclosetag('br');
    }
  }

  onselfclosingtag(): void {
    this.closeCurrentTag();
  }

  private popElement(): void {
    const element = this.stack.pop()!;
    if (element === 'svg' || element === 'math' || HTML_INTEGRATION_ELEMENTS.has(element)) this.foreign.pop();
    this.handler.onclosetag(element);
  }

  private closeCurrentTag(): void {
    const name = this.tagname;
    this.endOpenTag();
    if (this.stack.length > 0 && this.stack.top() === name) this.popElement();
  }

  onattribname(start: number, endIndex: number): void {
    this.attr = attrOf(this.html, start, endIndex);
  }

  onattribdata(start: number, endIndex: number): void {
    if (this.attr !== Attr.Other) this.attrValue += this.html.slice(start, endIndex);
  }

  onattribentity(cp: number): void {
    if (this.attr !== Attr.Other) this.attrValue += String.fromCodePoint(cp);
  }

  onattribend(_quote: QuoteType): void {
    if (this.collecting && this.attr !== Attr.Other) {
      const a = this.attributes;
      const v = this.attrValue;
      if (this.attr === Attr.Class) a.class ??= v;
      else if (this.attr === Attr.Id) a.id ??= v;
      else if (this.attr === Attr.Role) a.role ??= v;
      else if (this.attr === Attr.Alt) a.alt ??= v;
      else if (this.attr === Attr.Href) a.href ??= v;
      else if (this.attr === Attr.Hidden) a.hidden ??= v;
      else if (this.attr === Attr.Style) a.style ??= v;
      else a.ariaHidden ??= v;
    }
    this.attrValue = '';
  }

  oncdata(start: number, endIndex: number, offset: number): void {
    // without recognizeCDATA, CDATA is text only in SVG and MathML; elsewhere a comment
    if (this.isInForeignContext()) this.handler.ontext(this.html, start, endIndex - offset);
  }

  ondeclaration(): void {}
  onprocessinginstruction(): void {}
  oncomment(): void {}

  onend(): void {
    // what is still open closes innermost first; the stack itself is left as it is, as the Parser does
    for (let i = this.stack.length - 1; i >= 0; i--) this.handler.onclosetag(this.stack.at(i));
  }
}

/** Parse `html` as htmlparser2's Parser would (see the module comment), reporting to `handler`. */
export function parseHtml(html: string, handler: HtmlHandler): void {
  const tokenizer = new PageTokenizer(html, new TreeBuilder(html, handler));
  tokenizer.write(html);
  tokenizer.end();
}
