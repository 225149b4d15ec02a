/**
 * `--explain`: for one document, every block with the class the classifier
 * gave it and the rule that decided, and any other reason it lost text
 * (corpus boilerplate, repeats). One line per block:
 *
 *   good   prose                   │ The first paragraph of the article…
 *   bad    date                    │ Posted 2024-01-19 14:31
 *   bad    boilerplate-corpus      │ Home  News  Contact
 *
 * The classifier's reasons, each with what it means, are listed in
 * classify/reasons.ts; the removal codes in record/codes.ts.
 */
import { blockText, type Doc } from '../record/doc.js';
import type { Code } from '../record/codes.js';

const WIDTH = 24;
const PREVIEW = 100;

export function formatExplain(doc: Doc): string {
  const lines = [`== ${doc.source.path} (${doc.status}${doc.format === 'html' ? ', html' : ''})`];
  const region = doc.region;
  if (region)
    lines.push(
      `   region ${region.path} · score ${region.score} · ${region.containers} container${region.containers === 1 ? '' : 's'} · ${region.chars} of ${region.pageChars} characters` +
        (region.reading ? ` · reading: ${region.reading} (region keeps ${region.regionKept}, page ${region.pageKept})` : ''),
    );
  let r = 0;
  for (const b of doc.blocks) {
    while (r < doc.removed.length && doc.removed[r].end <= b.start) r++;
    const codes = new Set<Code>();
    let kept = b.end - b.start;
    for (let k = r; k < doc.removed.length && doc.removed[k].start < b.end; k++) {
      codes.add(doc.removed[k].code);
      kept -= Math.min(b.end, doc.removed[k].end) - Math.max(b.start, doc.removed[k].start);
    }
    const label = b.label ?? { cls: kept > 0 ? 'good' : 'bad', reason: '' };
    let reason: string = label.reason;
    if (codes.has('boilerplate-corpus')) reason = 'boilerplate-corpus';
    if (codes.has('repeat-within-doc')) reason += kept === 0 ? ' + repeat (all)' : ' + repeat (part)';
    const cls = kept === 0 ? 'bad' : label.cls;
    let text = blockText(doc, b);
    if (text.length > PREVIEW) text = text.slice(0, PREVIEW - 1) + '…';
    lines.push(`${cls.padEnd(5)}  ${reason.padEnd(WIDTH)} │ ${text}`);
  }
  return lines.join('\n') + '\n';
}
