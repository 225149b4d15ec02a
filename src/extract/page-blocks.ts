/**
 * An HTML page → its blocks of text (blocks.ts), and the content region chosen on its element tree (region.ts),
 * with each block's context marked with its place against that region.
 */
import { packRegion, type BlockContext, type PageRegion, type RawBlock } from '../record/doc.js';
import { THRESHOLDS } from '../thresholds.js';
import { parseHtml } from '../stages/html-parser.js';
import { BlockBuilder } from './blocks.js';
import { findRegion, type RegionBlock, type RegionSettings } from './region.js';

/** The region's thresholds at their defaults, for callers without options. */
const DEFAULT_REGION: RegionSettings = {
  minParagraphChars: THRESHOLDS['region.minParagraphChars'].value,
  minChars: THRESHOLDS['region.minChars'].value,
  siblingShare: THRESHOLDS['region.siblingShare'].value,
};

/** Parse HTML into text blocks with their context. */
export function htmlToBlocks(html: string): RawBlock[] {
  const builder = new BlockBuilder();
  parseHtml(html, builder);
  builder.flush(true);
  return builder.blocks;
}

/**
 * Parse HTML into text blocks and choose its content region (extract/region.ts): each block's context says
 * whether the page has a region, whether the block is in it, and which of its ancestors' tags and names are the
 * region's own container and those around it (evidence about the page's layout, not about the block).
 */
export function htmlToRegion(html: string, settings: RegionSettings = DEFAULT_REGION): { blocks: RawBlock[]; region: PageRegion | undefined } {
  const builder = new BlockBuilder();
  parseHtml(html, builder);
  builder.flush(true);
  const { blocks, nodes, tree } = builder;
  if (blocks.length === 0) return { blocks, region: undefined };
  const scored: RegionBlock[] = [];
  for (let i = 0; i < blocks.length; i++) scored.push({ node: nodes[i], text: blocks[i].text, linkChars: blocks[i].context?.linkChars ?? 0, kind: blocks[i].kind });
  const region = findRegion(tree, scored, settings);
  if (!region) return { blocks, region: undefined };
  // the tags and names the region's top container and its ancestors contribute: a prefix of every list under it
  const outerTags = new Set<string>();
  const outerNames = new Set<string>();
  for (const n of tree.chain(region.top)) {
    outerTags.add(tree.tag[n]);
    for (const name of tree.names[n]) outerNames.add(name);
  }
  // every node under a region root, in one pass in document order (a parent comes before its children)
  const inRegion = new Uint8Array(tree.size);
  for (const r of region.roots) inRegion[r] = 1;
  for (let n = 0; n < tree.size; n++) if (!inRegion[n] && tree.parent[n] >= 0 && inRegion[tree.parent[n]]) inRegion[n] = 1;
  // contexts remade with their region mark, one per (context, mark): blocks that shared a context still share one
  const remade = new Map<BlockContext, BlockContext[]>();
  let pageChars = 0;
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i];
    pageChars += b.text.length;
    const ctx = b.context;
    if (!ctx) continue;
    const inside = nodes[i] >= 0 && inRegion[nodes[i]] === 1;
    const packed = packRegion({ page: true, inside, outerTags: prefixIn(ctx.tags, outerTags), outerNames: prefixIn(ctx.names, outerNames) });
    let made = remade.get(ctx);
    if (!made) remade.set(ctx, (made = []));
    let next = made.find((c) => c.region === packed);
    if (!next) made.push((next = { ...ctx, region: packed }));
    b.context = next;
  }
  return {
    blocks,
    region: {
      path: tree.describe(region.top),
      score: Math.round(region.score * 10) / 10,
      chars: region.chars,
      pageChars,
      containers: region.roots.length,
      title: builder.title.replace(/\s+/g, ' ').trim(),
    },
  };
}

/** How many leading entries of `list` are in `set`. */
function prefixIn(list: readonly string[], set: ReadonlySet<string>): number {
  let n = 0;
  while (n < list.length && set.has(list[n])) n++;
  return n;
}
