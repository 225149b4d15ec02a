/**
 * segment: normalised text → blocks. A block is one non-empty line; a blank
 * line before it marks a paragraph break. For HTML the blocks come from the
 * extractor, carry their tag context, and are joined here into `Doc.text`.
 */
import type { Block, BlockKind, Doc } from '../record/doc.js';

/** Bullets and enumerators that open a list item in plain text. */
export const LIST_MARKER = /^(?:[-*+•·▪◦‣▶►▷○●■□※–—]\s|\(?\d{1,3}[.)]\s|\(?[a-zA-Z][.)]\s|[①-⑳])/u;

export function lineKind(line: string): BlockKind {
  return LIST_MARKER.test(line) ? 'list-item' : 'line';
}

export function segment(doc: Doc): void {
  const blocks: Block[] = [];
  if (doc.rawBlocks) {
    // pieces joined once: a text built by `+=` stays a rope, and every later character loop reads through it
    const parts: string[] = [];
    let length = 0;
    for (const rb of doc.rawBlocks) {
      let first = true;
      // most blocks are one line: no split
      const lines = rb.text.includes('\n') ? rb.text.split('\n') : [rb.text];
      const ctx = rb.context;
      // each line of a block broken by <br> or <pre> has its own link characters, as the extractor counted them (a
      // line normalising left empty makes the counts not fit: then each line gets its share by length); the whole
      // block's count on every line made every line of a long block look like links
      const perLine = rb.lineLinks && rb.lineLinks.length === lines.filter(Boolean).length ? rb.lineLinks : undefined;
      let n = 0;
      for (const line of lines) {
        if (!line) continue;
        const links = !ctx || lines.length === 1 || ctx.linkChars === 0 ? undefined : perLine ? perLine[n] : Math.floor((ctx.linkChars * line.length) / rb.text.length);
        n++;
        const context = links === undefined ? ctx : { ...ctx!, linkChars: links };
        const breakBefore = first && rb.breakBefore && length > 0;
        if (length > 0) {
          const sep = breakBefore ? '\n\n' : '\n';
          parts.push(sep);
          length += sep.length;
        }
        blocks.push({
          start: length,
          end: length + line.length,
          kind: rb.kind === 'paragraph' ? (first ? 'paragraph' : 'line') : rb.kind,
          breakBefore,
          context,
        });
        parts.push(line);
        length += line.length;
        first = false;
      }
    }
    doc.text = parts.join('');
    doc.rawBlocks = undefined;
  } else {
    const text = doc.text;
    let pos = 0;
    let blank = false;
    while (pos <= text.length) {
      let nl = text.indexOf('\n', pos);
      if (nl === -1) nl = text.length;
      if (nl > pos) {
        blocks.push({ start: pos, end: nl, kind: lineKind(text.slice(pos, Math.min(nl, pos + 8))), breakBefore: blank });
        blank = false;
      } else if (blocks.length > 0) blank = true;
      pos = nl + 1;
    }
  }
  doc.blocks = blocks;
}
