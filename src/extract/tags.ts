/**
 * What the extractor knows about tag names: which elements are dropped, start a block, are table cells, have no
 * content, are headings — as sets, and as bits in one table (`TAG`) that the block builder looks a tag up in once.
 */

/** Elements whose content is never text a reader sees. */
export const DROP: ReadonlySet<string> = new Set(['script', 'style', 'noscript', 'template', 'svg', 'math', 'head', 'title', 'iframe', 'object', 'canvas', 'select', 'button', 'textarea']);
/** Elements that start and end a block. */
export const BLOCK: ReadonlySet<string> = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'dialog', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr',
  'html', 'li', 'main', 'menu', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th',
  'thead', 'tr', 'ul', 'legend', 'option', 'optgroup', 'output', 'picture', 'video', 'audio',
]);
/** Cells are joined into their row rather than becoming blocks of their own. */
export const CELL: ReadonlySet<string> = new Set(['td', 'th']);
/** Elements without content (the extractor's list; htmlparser2's has a few more). */
export const VOID: ReadonlySet<string> = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr', 'param']);
/** Headings. */
export const HEADING: readonly string[] = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'];

/** What the extractor needs to know about a tag name, as bits (one lookup per tag instead of one per set). */
export const enum Tag {
  Drop = 1,
  Block = 2,
  Cell = 4,
  Void = 8,
  Heading = 16,
  /** A block element whose end is a paragraph break, not a line break (all but li, tr, dd, dt, option). */
  Paragraph = 32,
}
/** `Tag` bits by tag name (absent: none). */
export const TAG = new Map<string, number>();
const mark = (names: Iterable<string>, bit: number) => {
  for (const n of names) TAG.set(n, (TAG.get(n) ?? 0) | bit);
};
mark(DROP, Tag.Drop);
mark(BLOCK, Tag.Block);
mark(CELL, Tag.Cell);
mark(VOID, Tag.Void);
mark(HEADING, Tag.Heading);
mark([...BLOCK].filter((n) => n !== 'li' && n !== 'tr' && n !== 'dd' && n !== 'dt' && n !== 'option'), Tag.Paragraph);
