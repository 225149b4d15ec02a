/**
 * Parser events → blocks of text (`BlockBuilder`): block elements and `<br>` become breaks, list items and table
 * rows lines, runs of HTML whitespace one space, and the content of dropped elements (script, style, head…) and
 * of what the page hides is left out. Each block keeps its tag context (ancestor tags, class and id names, link
 * text) as evidence for the classifier, and its node in the page's element tree (tree.ts), on which the content
 * region is chosen (page-blocks.ts).
 */
import type { BlockContext, BlockKind, RawBlock } from '../record/doc.js';
import { elementNames } from '../classify/context.js';
import type { HtmlHandler, TagAttributes } from '../stages/html-parser.js';
import { Scan, scanText, UNIT, Unit } from '../stages/normalise.js';
import { PageTree } from './tree.js';
import { Tag, TAG } from './tags.js';

/** Class/id tokens kept per element; longer attribute values are junk. */
const MAX_NAMES = 8;
/**
 * `\s` (and what `trim` removes) by code unit: the last character of a text node is looked up, not matched with
 * /\s$/ (which scans the node). Comparisons cost about what a lookup in a 64 KB table did, without building the
 * table in every worker.
 */
export function isSpace(c: number): boolean {
  if (c < 0x80) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}
/** Ancestors looked at from each end of the stack; real pages nest 20–40 deep. */
const CONTEXT_DEPTH = 32;

/** normalise.ts's UNIT under a module-level constant of this module, for collapseSpaces' loop: see kit/unit-table.ts, "Tables in hot loops". */
const UNITS = UNIT;

/** tags.ts's TAG under a module-level constant of this module, for the builder's calls: see kit/unit-table.ts, "Tables in hot loops". */
const TAGS = TAG;

/** The whitespace HTML collapses in text (`[ \t\r\n\f]`), by code unit. */
const HTML_SPACE = new Uint8Array(128);
for (const c of ' \t\r\n\f') HTML_SPACE[c.charCodeAt(0)] = 1;

/** The tags and class/id names of the elements from the outermost to one element (see `BlockContext`). */
interface Ancestors {
  tags: string[];
  names: string[];
}

interface Open {
  tag: string;
  names: readonly string[];
  /** Its node in the page tree (-1 inside dropped content). */
  node: number;
  /** A block element (tags.ts's BLOCK). */
  block: boolean;
  /** Its content is dropped (a DROP element, or one the page hides): closing it ends one level of dropping. */
  dropping: boolean;
  /** `Ancestors` of the stack up to this element, once a block under it asked (valid while it is open). */
  ancestors: Ancestors | undefined;
  /** For an `<a href>`: its number among the page's links (`BlockBuilder.link`); 0 for any other element. */
  link: number;
}

const NO_NAMES: readonly string[] = [];
const NO_ANCESTORS: Ancestors = { tags: [], names: [] };

/** Characters of the <title> kept: a headline is a line, not a page. */
const MAX_TITLE = 512;

/** `display: none` or `visibility: hidden` in a style attribute. */
const HIDING_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\s*(?:!important\s*)?(?:;|$)/i;

/** Whether the page hides an element from every reader (Readability's `_isProbablyVisible`). */
function hidden(a: TagAttributes): boolean {
  return a.hidden !== undefined || a.ariaHidden?.trim().toLowerCase() === 'true' || (a.style !== undefined && HIDING_STYLE.test(a.style));
}

/** Add the lower-cased whitespace-separated tokens of `value` to `names` (at most MAX_NAMES, none over 64 characters). */
function addNames(names: string[], value: string | undefined): void {
  if (!value) return;
  const v = value.toLowerCase();
  let i = 0;
  while (i < v.length) {
    while (i < v.length && isSpace(v.charCodeAt(i))) i++;
    const start = i;
    while (i < v.length && !isSpace(v.charCodeAt(i))) i++;
    if (i > start && names.length < MAX_NAMES && i - start <= 64) names.push(v.slice(start, i));
  }
}

/** Turns parser events into blocks (see the module comment). One per page. */
export class BlockBuilder implements HtmlHandler {
  readonly blocks: RawBlock[] = [];
  /** The element tree, for the content region; `nodes[i]` is the innermost block element of `blocks[i]`. */
  readonly tree = new PageTree();
  readonly nodes: number[] = [];
  /** The nodes of the open block elements, innermost last (kept as the stack changes: a page 100,000 inline elements deep must not be scanned at every block). */
  private readonly blockNodes: number[] = [];
  /** The text of the page's first <title>. */
  title = '';
  private inTitle = false;
  private readonly stack: Open[] = [];
  private drop = 0;
  private inPre = 0;
  /**
   * The link the text is in: the number of the `<a href>` opened last, while it is open (0: none). An `<a>`
   * opened while another is open ends that one, as the WHATWG tree construction's adoption agency does for a
   * nested `<a>`, so the text after an inner link is not counted as link text for the rest of the page; an
   * `<a>` without `href` is no link.
   */
  private link = 0;
  private links = 0;
  // `text` is a rope of appended pieces; reading it (trim, a regex) would flatten it on every tag, which is quadratic
  // on a hostile page, so what the tags need to know about it is kept alongside
  private text = '';
  private hasText = false;
  private endsInSpace = true;
  private linkChars = 0;
  /** Where in `text` the link characters are (start, end pairs): for the lines of a block broken by <br> or <pre>. */
  private linkSpans: number[] = [];
  private pendingBreak = false;
  /** What normalise will find in `text` (`Scan` flags, see `scanText`), noted as it is built: one scan of each text node for both. */
  private scan: number = Scan.Other;
  private blockElement = 'body';
  private kind: BlockKind = 'paragraph';
  // deep (hostile) stacks: ancestors are taken from both ends, recomputed when the stack changed (`stackChanges`)
  private stackChanges = 0;
  private deep = { at: -1, ancestors: NO_ANCESTORS };
  /** The context the latest block was given. */
  private lastContext: BlockContext | undefined = undefined;

  /**
   * Ancestors of the element at `i`, built from its parent's: an element that adds no new tag or name shares
   * its parent's lists, so the blocks of a page share a few lists (read-only downstream).
   */
  private ancestorsAt(i: number): Ancestors {
    const o = this.stack[i];
    if (o.ancestors) return o.ancestors;
    const parent = i > 0 ? this.ancestorsAt(i - 1) : NO_ANCESTORS;
    let tags = parent.tags;
    if (!tags.includes(o.tag)) tags = [...tags, o.tag];
    let names = parent.names;
    for (const n of o.names) {
      if (names.includes(n)) continue;
      if (names === parent.names) names = names.slice();
      names.push(n);
    }
    o.ancestors = tags === parent.tags && names === parent.names ? parent : { tags, names };
    return o.ancestors;
  }

  private context(): BlockContext {
    const stack = this.stack;
    let a: Ancestors;
    if (stack.length === 0) a = NO_ANCESTORS;
    else if (stack.length <= CONTEXT_DEPTH * 2) a = this.ancestorsAt(stack.length - 1);
    else {
      if (this.deep.at !== this.stackChanges) {
        // Deeply nested (hostile) pages: look at the outermost and innermost elements only.
        const tags: string[] = [];
        const names: string[] = [];
        for (const o of [...stack.slice(0, CONTEXT_DEPTH), ...stack.slice(-CONTEXT_DEPTH)]) {
          if (!tags.includes(o.tag)) tags.push(o.tag);
          for (const n of o.names) if (!names.includes(n)) names.push(n);
        }
        this.deep = { at: this.stackChanges, ancestors: { tags, names } };
      }
      a = this.deep.ancestors;
    }
    // neighbouring blocks under the same elements (paragraphs of an article) share one record: one object less a
    // block (nothing downstream writes to a context)
    const last = this.lastContext;
    if (last !== undefined && last.tags === a.tags && last.names === a.names && last.linkChars === this.linkChars && last.element === this.blockElement)
      return last;
    return (this.lastContext = { tags: a.tags, names: a.names, linkChars: this.linkChars, element: this.blockElement, region: 0 });
  }

  private push(tag: string, names: readonly string[], block = false, node = -1, dropping = false): void {
    this.stack.push({ tag, names, ancestors: undefined, node, block, dropping, link: 0 });
    if (block && node >= 0) this.blockNodes.push(node);
    this.stackChanges++;
  }

  /** The innermost open block element's node (else the outermost element's; -1: none). */
  private blockNode(): number {
    const b = this.blockNodes;
    return b.length > 0 ? b[b.length - 1] : this.stack.length > 0 ? this.stack[0].node : -1;
  }

  flush(paragraph: boolean): void {
    // without a non-space character the text trims to nothing
    if (this.hasText) {
      const blocks = this.blocks;
      const raw: RawBlock = {
        text: this.text.trim(),
        breakBefore: this.pendingBreak || blocks.length === 0,
        kind: this.kind,
        context: this.context(),
        // (trimming removes no character normalise acts on but spaces and line feeds, so the flag holds for what it leaves)
        normalised: (this.scan & (Scan.Rules | Scan.Nfc)) === 0,
      };
      if (this.linkChars > 0 && raw.text.includes('\n')) raw.lineLinks = lineLinks(this.text, this.linkSpans);
      blocks.push(raw);
      this.nodes.push(this.blockNode());
      this.pendingBreak = false;
    }
    if (paragraph) this.pendingBreak = true;
    this.text = '';
    this.scan = Scan.Other;
    this.hasText = false;
    this.endsInSpace = true;
    this.linkChars = 0;
    if (this.linkSpans.length > 0) this.linkSpans = [];
    this.kind = 'paragraph';
  }

  onopentag(name: string, attributes: TagAttributes): void {
    const f = TAGS.get(name) ?? 0;
    // (an SVG image's <title> names the image, not the page)
    if (name === 'title' && this.title === '' && !this.stack.some((o) => o.tag === 'svg')) this.inTitle = true;
    if (this.drop > 0) {
      if ((f & Tag.Void) === 0) {
        this.push(name, NO_NAMES, false, -1, (f & Tag.Drop) !== 0);
        if (f & Tag.Drop) this.drop++;
      }
      return;
    }
    if (name === 'br') {
      if (this.inPre || this.hasText) {
        this.text += '\n';
        this.scan = scanText('\n', 0, 1, this.scan);
        this.endsInSpace = true;
      }
      return;
    }
    if (f & Tag.Cell) {
      if (!this.endsInSpace) {
        this.text += ' ';
        this.scan = scanText(' ', 0, 1, this.scan);
        this.endsInSpace = true;
      }
    } else if (f & Tag.Block) {
      this.flush((f & Tag.Paragraph) !== 0);
      this.blockElement = name;
    }
    if (name === 'img' && attributes.alt === undefined) return;
    if (f & Tag.Void) return;
    let names: string[] | readonly string[] = NO_NAMES;
    if (attributes.class || attributes.id || attributes.role) {
      const list: string[] = [];
      addNames(list, attributes.class);
      addNames(list, attributes.id);
      addNames(list, attributes.role);
      if (list.length > 0) names = elementNames(list);
    }
    const stack = this.stack;
    const parent = stack.length > 0 ? stack[stack.length - 1].node : -1;
    const block = (f & Tag.Block) !== 0;
    // what the page hides (`hidden`, `aria-hidden="true"`, `display: none`) no reader sees: dropped like a script
    const dropping = (f & Tag.Drop) !== 0 || hidden(attributes);
    this.push(name, names, block, dropping ? -1 : this.tree.add(parent, name, names, block), dropping);
    if (dropping) {
      this.drop++;
      return;
    }
    if (name === 'pre') this.inPre++;
    if (name === 'a') {
      this.link = attributes.href !== undefined ? ++this.links : 0;
      stack[stack.length - 1].link = this.link;
    }
    if (name === 'li') this.kind = 'list-item';
    else if (name === 'tr') this.kind = 'table-row';
    else if (f & Tag.Heading) this.kind = 'heading';
  }

  ontext(source: string, start: number, end: number): void {
    if (this.drop > 0) {
      // the page's <title>, the first one only, for the headline (classify/cascade.ts)
      if (this.inTitle && this.title.length < MAX_TITLE) this.title += source.slice(start, Math.min(end, start + MAX_TITLE));
      return;
    }
    let t: string;
    if (this.inPre) {
      t = source.slice(start, end);
      this.scan = scanText(t, 0, t.length, this.scan);
    } else t = this.collapseSpaces(source, start, end);
    const n = t.length;
    if (n === 0) return;
    const at = this.text.length;
    this.text += t;
    this.endsInSpace = isSpace(t.charCodeAt(n - 1));
    if (this.hasText && this.link === 0) return;
    // the length of t.trim(), by the same whitespace (`\s`)
    let lead = 0;
    while (lead < n && isSpace(t.charCodeAt(lead))) lead++;
    if (lead === n) return;
    this.hasText = true;
    let last = n - 1;
    while (isSpace(t.charCodeAt(last))) last--;
    if (this.link !== 0) {
      this.linkChars += last + 1 - lead;
      this.linkSpans.push(at + lead, at + last + 1);
    }
  }

  onclosetag(name: string): void {
    const f = TAGS.get(name) ?? 0;
    if (f & Tag.Void) return;
    // the parser's open elements are ours, so the match is on top; it is not open only when the page ended inside
    // its opening tag (the parser had it, the handler never saw it)
    const stack = this.stack;
    let i = stack.length - 1;
    while (i >= 0 && stack[i].tag !== name) i--;
    if (i < 0) return;
    // (pop, not `length = i`: setting an array's length is a call into the runtime)
    if (i < stack.length - 1) {
      while (stack.length - 1 > i) this.popped(stack.pop()!);
      this.stackChanges++;
    }
    // the block's text is flushed while its element is still on the stack, so its context includes it
    if (this.drop === 0 && (f & (Tag.Block | Tag.Cell)) === Tag.Block) this.flush((f & Tag.Paragraph) !== 0);
    this.popped(stack.pop()!);
    this.stackChanges++;
    this.blockElement = i > 0 ? stack[i - 1].tag : 'body';
  }

  /**
   * `source.slice(start, end)` with each run of HTML whitespace made one space
   * (what `.replace(/[ \t\r\n\f]+/g, ' ')` gives), noting in `scan` what
   * normalise will find in it. Text that needs no change — most of it — is
   * only scanned, once for both.
   */
  private collapseSpaces(source: string, start: number, end: number): string {
    if (start >= end) return '';
    let i = start;
    let look = false;
    for (; i < end; i++) {
      const c = source.charCodeAt(i);
      if (UNITS[c] === Unit.Plain) continue;
      if (c === 32) {
        if (i + 1 < end && source.charCodeAt(i + 1) < 128 && HTML_SPACE[source.charCodeAt(i + 1)] === 1) break;
      } else if (c < 32 && HTML_SPACE[c] === 1) break;
      // a character a rule of normalise changes or NFC may (a line feed collapses here, so it never gets this far)
      else look = true;
    }
    if (i === end) {
      // no line feed, no two spaces: what is left for normalise is a space after a space or line feed before it
      const scan = this.scan;
      if (look || (source.charCodeAt(start) === 32 && (scan & Scan.Last) !== Scan.Other)) this.scan = Scan.Rules;
      else if ((scan & Scan.Rules) === 0) this.scan = (scan & Scan.Nfc) | (source.charCodeAt(end - 1) === 32 ? Scan.Space : Scan.Other);
      return source.slice(start, end);
    }
    // indentation between tags: all whitespace
    let j = start;
    while (j < end && source.charCodeAt(j) < 128 && HTML_SPACE[source.charCodeAt(j)] === 1) j++;
    const t = j === end ? ' ' : source.slice(start, end).replace(/[ \t\r\n\f]+/g, ' ');
    this.scan = scanText(t, 0, t.length, this.scan);
    return t;
  }

  private popped(open: Open): void {
    const tag = open.tag;
    if (open.block && open.node >= 0) this.blockNodes.pop();
    if (tag === 'title') this.inTitle = false;
    // inside dropped content nothing but the dropping was counted on the way in (a `<a>` in a `<noscript>` must not
    // make the link depth negative: every later link on the page would count as text)
    if (this.drop > 0) {
      if (open.dropping) this.drop--;
      return;
    }
    if (tag === 'pre') this.inPre--;
    if (open.link !== 0 && open.link === this.link) this.link = 0;
  }
}

/**
 * The link characters of each line of a block's text that holds more than
 * spaces, in order (`RawBlock.lineLinks`), from the link spans noted as the
 * text was built.
 */
function lineLinks(text: string, spans: readonly number[]): number[] {
  const out: number[] = [];
  let s = 0;
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    let links = 0;
    while (s < spans.length && spans[s + 1] <= start) s += 2;
    for (let k = s; k < spans.length && spans[k] < end; k += 2) links += Math.min(end, spans[k + 1]) - Math.max(start, spans[k]);
    let content = false;
    for (let i = start; i < end && !content; i++) content = !isSpace(text.charCodeAt(i));
    if (content) out.push(links);
    start = end + 1;
  }
  return out;
}
