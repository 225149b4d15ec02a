/**
 * assemble: the cleaned output of a document — its blocks without the removed
 * spans. Pieces of a line on either side of a removed span are joined as they
 * stood (no space is invented, which matters for scripts without spaces);
 * lines stay lines, and a paragraph break stands wherever the source had one
 * or a whole block was removed between two kept ones.
 */
import type { Doc } from '../record/doc.js';

export function assemble(doc: Doc): void {
  const { text, removed } = doc;
  let out = '';
  let r = 0;
  let gap = false;
  for (const block of doc.blocks) {
    while (r < removed.length && removed[r].end <= block.start) r++;
    let line = '';
    let cursor = block.start;
    for (let k = r; k < removed.length && removed[k].start < block.end; k++) {
      if (removed[k].start > cursor) line += text.slice(cursor, removed[k].start);
      cursor = Math.max(cursor, removed[k].end);
    }
    if (cursor < block.end) line += text.slice(cursor, block.end);
    // most lines have no double space: skip the pattern there
    if (line.includes('  ')) line = line.replace(/ {2,}/g, ' ');
    line = line.trim();
    if (!line) {
      gap = true;
      continue;
    }
    if (out) out += block.breakBefore || gap ? '\n\n' : '\n';
    out += line;
    gap = false;
  }
  doc.output = out ? out + '\n' : '';
  if (!out && doc.status === 'kept') {
    doc.status = 'skipped';
    doc.findings.push({ code: 'no-text', severity: 'warning', stage: 'assemble' });
  }
}
