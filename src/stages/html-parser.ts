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
 * The tables below are htmlparser2's; tests/properties/html-parser.test.ts
 * compares the events with the real Parser's on generated markup, so an
 * htmlparser2 upgrade that changes a rule shows up there.
 *
 * One deliberate difference: the end of the head. htmlparser2 keeps a `<head>`
 * open until `</head>` or a `<body>` that finds it on top, so a page without
 * either (or with a second `<html>` or `<head>` in its head) reads as all
 * head, which the extractor drops. Browsers follow WHATWG tree construction
 * ("before head", "in head" and "after head" insertion modes): in the head, a
 * start tag that does not belong there or text that is not whitespace implies
 * `</head>` and a `<body>`; a second `<html>` or `<head>` is ignored. The
 * `Mode` below follows those rules (without emitting the implied elements), so
 * those pages are read as browsers show them.
 */
import { Tokenizer, type QuoteType, type TokenizerCallbacks } from 'htmlparser2';
import { TagStack } from './html-stack.js';
import { lowerName } from './tag-names.js';

/** The attributes the extractor reads; others are not collected. First occurrence wins, as in the Parser. */
export interface TagAttributes {
  class: string | undefined;
  id: string | undefined;
  role: string | undefined;
  alt: string | undefined;
  /** `hidden`, `style` and `aria-hidden`: whether a reader sees the element at all. */
  hidden: string | undefined;
  style: string | undefined;
  ariaHidden: string | undefined;
}

/** What the parser reports, in document order. */
export interface HtmlHandler {
  /** An element starts. `attributes` is reused for the next tag: read it now. */
  onopentag(name: string, attributes: TagAttributes): void;
  /** Text `source.slice(start, end)`: a run of the page, a decoded entity, or CDATA in foreign content. */
  ontext(source: string, start: number, end: number): void;
  /** An element ends (explicitly, implied by another tag, as a void element, or at the end of the page). */
  onclosetag(name: string): void;
}

const formTags = new Set(['input', 'option', 'optgroup', 'select', 'button', 'datalist', 'textarea']);
const pTag = new Set(['p']);
const headingTags = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p']);
const tableSectionTags = new Set(['thead', 'tbody']);
const ddtTags = new Set(['dd', 'dt']);
const rtpTags = new Set(['rt', 'rp']);
/** Opening the key closes open elements in the set (innermost first, while they are on top). */
const openImpliesClose = new Map<string, Set<string>>([
  ['tr', new Set(['tr', 'th', 'td'])],
  ['th', new Set(['th'])],
  ['td', new Set(['thead', 'th', 'td'])],
  ['body', new Set(['head', 'link', 'script'])],
  ['a', new Set(['a'])],
  ['li', new Set(['li'])],
  ['p', pTag],
  ['h1', headingTags],
  ['h2', headingTags],
  ['h3', headingTags],
  ['h4', headingTags],
  ['h5', headingTags],
  ['h6', headingTags],
  ['select', formTags],
  ['input', formTags],
  ['output', formTags],
  ['button', formTags],
  ['datalist', formTags],
  ['textarea', formTags],
  ['option', new Set(['option'])],
  ['optgroup', new Set(['optgroup', 'option'])],
  ['dd', ddtTags],
  ['dt', ddtTags],
  ['address', pTag],
  ['article', pTag],
  ['aside', pTag],
  ['blockquote', pTag],
  ['details', pTag],
  ['div', pTag],
  ['dl', pTag],
  ['fieldset', pTag],
  ['figcaption', pTag],
  ['figure', pTag],
  ['footer', pTag],
  ['form', pTag],
  ['header', pTag],
  ['hr', pTag],
  ['main', pTag],
  ['nav', pTag],
  ['ol', pTag],
  ['pre', pTag],
  ['section', pTag],
  ['table', pTag],
  ['ul', pTag],
  ['rt', rtpTags],
  ['rp', rtpTags],
  ['tbody', tableSectionTags],
  ['tfoot', tableSectionTags],
]);
/** htmlparser2's void elements (a few more than extract.ts's `VOID`: basefont, command, frame, isindex, keygen). */
const voidElements = new Set([
  'area', 'base', 'basefont', 'br', 'col', 'command', 'embed', 'frame', 'hr', 'img', 'input', 'isindex', 'keygen', 'link',
  'meta', 'param', 'source', 'track', 'wbr',
]);
/** Elements that switch to HTML content inside SVG or MathML (SVG-adjusted casing). */
const htmlIntegrationElements = new Set(['mi', 'mo', 'mn', 'ms', 'mtext', 'annotation-xml', 'foreignObject', 'desc', 'title']);
const svgTagNameAdjustments = new Map([
  ['altglyph', 'altGlyph'], ['altglyphdef', 'altGlyphDef'], ['altglyphitem', 'altGlyphItem'], ['animatecolor', 'animateColor'],
  ['animatemotion', 'animateMotion'], ['animatetransform', 'animateTransform'], ['clippath', 'clipPath'], ['feblend', 'feBlend'],
  ['fecolormatrix', 'feColorMatrix'], ['fecomponenttransfer', 'feComponentTransfer'], ['fecomposite', 'feComposite'],
  ['feconvolvematrix', 'feConvolveMatrix'], ['fediffuselighting', 'feDiffuseLighting'], ['fedisplacementmap', 'feDisplacementMap'],
  ['fedistantlight', 'feDistantLight'], ['fedropshadow', 'feDropShadow'], ['feflood', 'feFlood'], ['fefunca', 'feFuncA'],
  ['fefuncb', 'feFuncB'], ['fefuncg', 'feFuncG'], ['fefuncr', 'feFuncR'], ['fegaussianblur', 'feGaussianBlur'], ['feimage', 'feImage'],
  ['femerge', 'feMerge'], ['femergenode', 'feMergeNode'], ['femorphology', 'feMorphology'], ['feoffset', 'feOffset'],
  ['fepointlight', 'fePointLight'], ['fespecularlighting', 'feSpecularLighting'], ['fespotlight', 'feSpotLight'], ['fetile', 'feTile'],
  ['feturbulence', 'feTurbulence'], ['foreignobject', 'foreignObject'], ['glyphref', 'glyphRef'], ['lineargradient', 'linearGradient'],
  ['radialgradient', 'radialGradient'], ['textpath', 'textPath'],
]);

/**
 * Elements WHATWG's "in head" insertion mode keeps in the head (its list, with `head`
 * itself); any other start tag there implies `</head>` and a `<body>`.
 */
const headElements = new Set([
  'base', 'basefont', 'bgsound', 'link', 'meta', 'title', 'noscript', 'noframes', 'style', 'script', 'template', 'head',
]);
/** End tags that WHATWG's head modes treat as `</head>` followed by the body: `</body>`, `</html>`, `</br>`. */
const headEndingEndTags = new Set(['body', 'html', 'br']);

/** WHATWG insertion modes up to the body, as far as the head goes. */
const enum Mode {
  /** Nothing but `<html>` (and text that is whitespace) yet. */
  BeforeHead,
  /** A `<head>` is open, or a head element started one implicitly. */
  InHead,
  /** `</head>` seen, no body yet: head elements still belong to the head, anything else starts the body. */
  AfterHead,
  /** The body has started (explicitly or implied): htmlparser2's rules alone apply. */
  InBody,
}

/** True when `source.slice(start, end)` holds a character other than WHATWG's whitespace (tab, LF, FF, CR, space). */
function hasNonSpace(source: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = source.charCodeAt(i);
    if (c !== 0x20 && c !== 0x0a && c !== 0x09 && c !== 0x0c && c !== 0x0d) return true;
  }
  return false;
}

const enum Foreign {
  None,
  Svg,
  MathML,
}

const enum Attr {
  Other,
  Class,
  Id,
  Role,
  Alt,
  Hidden,
  Style,
  AriaHidden,
}

/** True when `source` from `start` spells `name` (lower-case ASCII) in any case. */
function spells(source: string, start: number, name: string): boolean {
  for (let i = 0; i < name.length; i++) {
    const c = source.charCodeAt(start + i);
    if (c !== name.charCodeAt(i) && !(c >= 0x41 && c <= 0x5a && (c | 0x20) === name.charCodeAt(i))) return false;
  }
  return true;
}

/**
 * Which collected attribute the name `source.slice(start, end)` is, once
 * lower-cased, compared in place. Folding ASCII is exact here: the only
 * characters outside ASCII that lower-case to ASCII are the Kelvin sign (to
 * `k`, in none of the names) and U+0130 (to two characters, so the length no
 * longer matches).
 */
function attrOf(source: string, start: number, end: number): Attr {
  switch (end - start) {
    case 2:
      return spells(source, start, 'id') ? Attr.Id : Attr.Other;
    case 3:
      return spells(source, start, 'alt') ? Attr.Alt : Attr.Other;
    case 4:
      return spells(source, start, 'role') ? Attr.Role : Attr.Other;
    case 5:
      return spells(source, start, 'class') ? Attr.Class : spells(source, start, 'style') ? Attr.Style : Attr.Other;
    case 6:
      return spells(source, start, 'hidden') ? Attr.Hidden : Attr.Other;
    case 11:
      return spells(source, start, 'aria-hidden') ? Attr.AriaHidden : Attr.Other;
    default:
      return Attr.Other;
  }
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
  private readonly attributes: TagAttributes = { class: undefined, id: undefined, role: undefined, alt: undefined, hidden: undefined, style: undefined, ariaHidden: undefined };
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
    if (headElements.has(name)) {
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
    if (foreign[foreign.length - 1] === Foreign.Svg) return svgTagNameAdjustments.get(name) ?? name;
    // a closing SVG tag inside an HTML integration point takes the casing it was opened with
    if (foreign.length > 1) {
      const adjusted = svgTagNameAdjustments.get(name);
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
    const impliesClose = openImpliesClose.get(name);
    if (impliesClose) while (this.stack.length > 0 && impliesClose.has(this.stack.top()!)) this.popElement();
    if (!voidElements.has(name)) {
      this.stack.push(name);
      if (name === 'svg') this.foreign.push(Foreign.Svg);
      else if (name === 'math') this.foreign.push(Foreign.MathML);
      else if (htmlIntegrationElements.has(name)) this.foreign.push(Foreign.None);
    }
    const a = this.attributes;
    a.class = a.id = a.role = a.alt = a.hidden = a.style = a.ariaHidden = undefined;
    this.collecting = true;
  }

  private endOpenTag(): void {
    if (this.collecting) {
      this.handler.onopentag(this.tagname, this.attributes);
      this.collecting = false;
    }
    if (voidElements.has(this.tagname)) this.handler.onclosetag(this.tagname);
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
      if (headEndingEndTags.has(name) && !(this.mode === Mode.InHead && this.stack.length > this.headLength)) this.startBody();
    }
    if (!voidElements.has(name)) {
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
      a.class = a.id = a.role = a.alt = a.hidden = a.style = a.ariaHidden = undefined;
      this.handler.onopentag('br', a);
      this.handler.onclosetag('br');
    }
  }

  onselfclosingtag(): void {
    this.closeCurrentTag();
  }

  private popElement(): void {
    const element = this.stack.pop()!;
    if (element === 'svg' || element === 'math' || htmlIntegrationElements.has(element)) this.foreign.pop();
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

/** The next position of one character in a string at or after a position, found with indexOf and remembered. */
class NextChar {
  private from = 0;
  private at = -1;

  constructor(
    private readonly text: string,
    private readonly char: string,
  ) {}

  /** Position of the next `char` at or after `i`, or the text's length. */
  after(i: number): number {
    if (i < this.from || this.at < i) {
      const at = this.text.indexOf(this.char, i);
      this.at = at === -1 ? this.text.length : at;
      this.from = i;
    }
    return this.at;
  }
}

/** What the faster states need of the page being read. */
interface Page {
  html: string;
  lt: NextChar;
  amp: NextChar;
  dq: NextChar;
  sq: NextChar;
}

/** The Tokenizer's private members the faster states use. */
interface TokenizerInternals {
  index: number;
  offset: number;
  buffer: string;
  /** Set by `PageTokenizer`. */
  page: Page;
  stateText(c: number): void;
  stateInAttributeValueDoubleQuotes(c: number): void;
  stateInAttributeValueSingleQuotes(c: number): void;
  fastForwardTo(c: number): boolean;
}

const LT = 0x3c;
const AMP = 0x26;
const DOUBLE_QUOTE = 0x22;
const SINGLE_QUOTE = 0x27;

/**
 * htmlparser2's Tokenizer for one whole page, with faster states. The
 * Tokenizer reads text and quoted attribute values one character per turn of
 * its loop, though in those states only '<' or '&' (text) and the closing
 * quote or '&' (values) do anything: on any other character, jump to just
 * before the next one that matters (found with indexOf, which is vectorised).
 * Its `fastForwardTo` (to the end of a script, style, comment or closing tag)
 * searches with indexOf too. The states and every event stay the Tokenizer's
 * own.
 *
 * The states are methods of this class's prototype, not of each instance, so
 * that the Tokenizer's loop calls the same functions for every page (and the
 * compiler can inline them). They reach into private methods, so they are
 * installed only when those exist; otherwise the Tokenizer stays as it is
 * (correct, only slower).
 */
class PageTokenizer extends Tokenizer {
  readonly page: Page;

  constructor(html: string, callbacks: TreeBuilder) {
    super({ decodeEntities: true, recognizeSelfClosing: true }, callbacks);
    this.page = { html, lt: new NextChar(html, '<'), amp: new NextChar(html, '&'), dq: new NextChar(html, '"'), sq: new NextChar(html, "'") };
  }
}

/** Move the Tokenizer to just before the nearer of the next `a` and `b` (the whole page is written at once: offset 0). */
function jump(self: TokenizerInternals, a: NextChar, b: NextChar): void {
  const i = self.index - self.offset;
  self.index = Math.min(a.after(i), b.after(i)) - 1 + self.offset;
}

/** The Tokenizer's `fastForwardTo`, by indexOf: move `index` to the next `c` after it, or to the last character. */
function fastForwardTo(this: TokenizerInternals, c: number): boolean {
  const buffer = this.buffer;
  const at = buffer.indexOf(c < 0x80 ? ASCII[c] : String.fromCharCode(c), this.index - this.offset + 1);
  if (at === -1) {
    // (the parse loop steps past the last character next)
    this.index = buffer.length + this.offset - 1;
    return false;
  }
  this.index = at + this.offset;
  return true;
}

/** One-character strings of the ASCII code units. */
const ASCII = Array.from({ length: 0x80 }, (_, c) => String.fromCharCode(c));

{
  const base = Tokenizer.prototype as unknown as TokenizerInternals;
  const faster = PageTokenizer.prototype as unknown as TokenizerInternals;
  const { stateText, stateInAttributeValueDoubleQuotes: inDouble, stateInAttributeValueSingleQuotes: inSingle } = base;
  if ([stateText, inDouble, inSingle, base.fastForwardTo].every((f) => typeof f === 'function')) {
    faster.stateText = function (this: TokenizerInternals, c: number) {
      const page = this.page;
      if (c === LT || c === AMP || this.buffer !== page.html) stateText.call(this, c);
      else jump(this, page.lt, page.amp);
    };
    faster.stateInAttributeValueDoubleQuotes = function (this: TokenizerInternals, c: number) {
      const page = this.page;
      if (c === DOUBLE_QUOTE || c === AMP || this.buffer !== page.html) inDouble.call(this, c);
      else jump(this, page.dq, page.amp);
    };
    faster.stateInAttributeValueSingleQuotes = function (this: TokenizerInternals, c: number) {
      const page = this.page;
      if (c === SINGLE_QUOTE || c === AMP || this.buffer !== page.html) inSingle.call(this, c);
      else jump(this, page.sq, page.amp);
    };
    faster.fastForwardTo = fastForwardTo;
  }
}

/** Parse `html` as htmlparser2's Parser would (see the module comment), reporting to `handler`. */
export function parseHtml(html: string, handler: HtmlHandler): void {
  const tokenizer = new PageTokenizer(html, new TreeBuilder(html, handler));
  tokenizer.write(html);
  tokenizer.end();
}
