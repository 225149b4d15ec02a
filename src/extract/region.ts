/**
 * The content region of an HTML page: the container that holds the article,
 * with the siblings that belong to it — chosen on the page tree
 * (extract/tree.ts) from the text under each element, as Mozilla
 * Readability's `_grabArticle` chooses it (our own code after its published
 * algorithm):
 *
 * 1. every paragraph of at least `region.minParagraphChars` characters scores
 *    1 + its commas + one per 100 characters (at most 3), and gives that score
 *    to its parent, half of it to its grandparent and a third of a level's
 *    share to the ancestors above, up to `ANCESTOR_LEVELS`;
 * 2. an element starts from its tag (a `div` or `article` is a likely
 *    container, a list or a heading is not) and its class/id names (`content`,
 *    `post`, `story` for; `comment`, `sidebar`, `share` against) — evidence,
 *    weighed with the text, never a verdict alone;
 * 3. each score is scaled by the share of the element's text outside links;
 *    the best element is the top candidate, moved up to the ancestor several
 *    near-best candidates share, or to a parent that scores higher still;
 * 4. its siblings join when they score near it, or are prose paragraphs.
 *
 * A first attempt leaves out elements whose names say furniture (`comment`,
 * `sidebar`, `footer`…); when the region it finds holds less than
 * `region.minChars`, the page is scored again without that, then without
 * names at all, and the attempt with the most text wins.
 */
import type { BlockKind } from '../record/doc.js';
import type { PageTree } from './tree.js';

/** A block as the region scorer sees it. */
export interface RegionBlock {
  /** The innermost block element the text is in (extract/tree.ts). */
  node: number;
  text: string;
  linkChars: number;
  kind: BlockKind;
}

/** The region chosen: its top container and the siblings that joined it. */
export interface Region {
  /** The top candidate. */
  top: number;
  /** Every node of the region: the top candidate and the siblings that joined it (in document order). */
  roots: number[];
  /** The top candidate's score. */
  score: number;
  /** Characters of text under the region. */
  chars: number;
  /** Which attempt found it: 1 furniture left out, 2 names weighed, 3 names ignored. */
  attempt: number;
}

/** The thresholds the scorer reads (`region.*` in thresholds.ts, with their sources). */
export interface RegionSettings {
  /** Shorter paragraphs give no score. */
  minParagraphChars: number;
  /** A region with less text makes the scorer try again with less filtering. */
  minChars: number;
  /** Siblings join when they score this share of the top candidate (or `SIBLING_MIN_SCORE`). */
  siblingShare: number;
}
/** Ancestors a paragraph gives score to (Readability: 5). */
const ANCESTOR_LEVELS = 5;
/** Readability: the weight of a positive or negative class or id. */
const NAME_WEIGHT = 25;
/** Readability: the least score a sibling needs to join, whatever the top candidate's. */
const SIBLING_MIN_SCORE = 10;
/** Readability: near-best candidates (this share of the best) that share an ancestor move the region up to it. */
const NEAR_BEST_SHARE = 0.75;
const NEAR_BEST_COUNT = 3;
const TOP_CANDIDATES = 5;
/** Readability: an unscored paragraph sibling joins when longer than this with link density under `SIBLING_MAX_LINK_DENSITY`, or shorter without links and ending a sentence. */
const SIBLING_PARAGRAPH_CHARS = 80;
const SIBLING_MAX_LINK_DENSITY = 0.25;

/** Score an element starts from, by its tag (Readability `_initializeNode`; semantic tags are ours). */
const TAG_SCORE = new Map<string, number>([
  ['div', 5],
  ['article', 10],
  ['main', 10],
  ['section', 3],
  ['pre', 3],
  ['td', 3],
  ['blockquote', 3],
  ['address', -3],
  ['ol', -3],
  ['ul', -3],
  ['dl', -3],
  ['dd', -3],
  ['dt', -3],
  ['li', -3],
  ['form', -3],
  ['h1', -5],
  ['h2', -5],
  ['h3', -5],
  ['h4', -5],
  ['h5', -5],
  ['h6', -5],
  ['th', -5],
  // furniture by its HTML5 name: as strong as a negative class name
  ['nav', -NAME_WEIGHT],
  ['aside', -NAME_WEIGHT],
  ['footer', -NAME_WEIGHT],
  ['header', -5],
]);

/** Name stems for a container of text (after Readability's `positive`). */
const POSITIVE = /article|body|content|entry|hentry|main|page|post|text|blog|story|column/;
/** Name stems against (after Readability's `negative`, and our classifier's furniture names). */
const NEGATIVE = /comment|com-|contact|footer|masthead|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|widget|banner|hidden|social|advert|breadcrumb|pagination|recommend|popular|trending|subscribe|newsletter|cookie|disqus|menu|nav/;
/** Whole-word names against. */
const NEGATIVE_WORDS = new Set(['ad', 'ads', 'tags', 'tag', 'hid', 'rss', 'print', 'pager', 'gnb', 'lnb', 'snb']);
/** Names of elements left out of the first attempt (after Readability's `unlikelyCandidates`)... */
const UNLIKELY = /comment|community|disqus|footer|sidebar|menu|related|remark|replies|rss|shoutbox|skyscraper|social|sponsor|banner|breadcrumb|pagination|pager|popup|cookie|newsletter|navigation|navbar|share|sharing/;
/** ...unless they also say they may hold the article (Readability's `okMaybeItsACandidate`). */
const MAYBE = /and|article|body|column|content|main|shadow|story|entry|post/;
/** Roles of furniture (Readability's unlikely roles). */
const UNLIKELY_ROLES = new Set(['menu', 'menubar', 'complementary', 'navigation', 'alert', 'alertdialog', 'dialog']);
/** Commas, Latin, Arabic and CJK (Readability's `commas`, with the ideographic comma). */
const COMMAS = new Set([0x2c, 0x060c, 0xfe50, 0xfe10, 0xfe11, 0x2e41, 0x2e34, 0x2e32, 0xff0c, 0x3001]);

/** The commas of `text`, counted without a regex's match array. */
function commas(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x2c || (c >= 0x060c && COMMAS.has(c))) n++;
  }
  return n;
}

/** +NAME_WEIGHT for names that say content, −NAME_WEIGHT for names that say furniture (both: 0). */
function nameWeight(names: readonly string[]): number {
  let w = 0;
  let pos = false;
  let neg = false;
  for (const n of names) {
    if (!pos && POSITIVE.test(n)) pos = true;
    if (!neg && (NEGATIVE.test(n) || n.split(/[^a-z0-9]+/).some((word) => NEGATIVE_WORDS.has(word)))) neg = true;
  }
  if (pos) w += NAME_WEIGHT;
  if (neg) w -= NAME_WEIGHT;
  return w;
}

function unlikely(tag: string, names: readonly string[]): boolean {
  if (tag === 'body' || tag === 'html' || tag === 'article' || tag === 'main') return false;
  let maybe = false;
  let bad = false;
  for (const n of names) {
    if (UNLIKELY_ROLES.has(n)) return true;
    if (MAYBE.test(n)) maybe = true;
    else if (UNLIKELY.test(n)) bad = true;
  }
  return bad && !maybe;
}

/** Per-node sums over the page, shared by the attempts. */
interface Sums {
  /** Each block's paragraph score (0: the block scores nothing), the same in every attempt. */
  content: Float64Array;
  /** Each node's name weight, worked out on first use (NaN: not yet). */
  names: Float64Array;
  /** The last block whose own node each node is (-1: none). */
  lastBlock: Int32Array;
  chars: Float64Array;
  links: Float64Array;
  /** Whether the node or an ancestor is unlikely (first attempt only). */
  unlikely: Uint8Array;
  children: number[][];
}

function sums(tree: PageTree, blocks: readonly RegionBlock[], minParagraphChars: number): Sums {
  const n = tree.size;
  const chars = new Float64Array(n);
  const links = new Float64Array(n);
  for (const b of blocks) {
    if (b.node < 0) continue;
    chars[b.node] += b.text.length;
    links[b.node] += b.linkChars;
  }
  for (let i = n - 1; i > 0; i--) {
    const p = tree.parent[i];
    if (p >= 0) {
      chars[p] += chars[i];
      links[p] += links[i];
    }
  }
  const un = new Uint8Array(n);
  const children: number[][] = [];
  for (let i = 0; i < n; i++) {
    const p = tree.parent[i];
    un[i] = (p >= 0 && un[p]) || unlikely(tree.tag[i], tree.names[i]) ? 1 : 0;
    children.push([]);
    if (p >= 0) children[p].push(i);
  }
  const content = new Float64Array(blocks.length);
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i];
    if (b.node < 0 || b.kind === 'list-item' || b.kind === 'line' || b.text.length < minParagraphChars) continue;
    if (b.kind === 'heading' && tree.tag[b.node] === 'h1') continue;
    content[i] = 1 + commas(b.text) + Math.min(Math.floor(b.text.length / 100), 3);
  }
  const lastBlock = new Int32Array(n).fill(-1);
  for (let i = 0; i < blocks.length; i++) if (blocks[i].node >= 0) lastBlock[blocks[i].node] = i;
  return { chars, links, unlikely: un, children, content, names: new Float64Array(n).fill(NaN), lastBlock };
}

/** The content region of a page, or undefined when no paragraph scores (see the module comment). */
export function findRegion(tree: PageTree, blocks: readonly RegionBlock[], settings: RegionSettings): Region | undefined {
  if (tree.size === 0) return undefined;
  const s = sums(tree, blocks, settings.minParagraphChars);
  let best: Region | undefined;
  for (let attempt = 1; attempt <= 3; attempt++) {
    const r = attemptRegion(tree, blocks, s, attempt, settings);
    if (r && (!best || r.chars > best.chars)) best = r;
    if (best && best.chars >= settings.minChars) break;
  }
  return best;
}

function attemptRegion(tree: PageTree, blocks: readonly RegionBlock[], s: Sums, attempt: number, settings: RegionSettings): Region | undefined {
  const n = tree.size;
  const score = new Float64Array(n);
  const scored = new Uint8Array(n);
  const init = (i: number) => {
    if (scored[i]) return;
    scored[i] = 1;
    let w = 0;
    if (attempt < 3) {
      w = s.names[i];
      if (Number.isNaN(w)) w = s.names[i] = nameWeight(tree.names[i]);
    }
    score[i] = (TAG_SCORE.get(tree.tag[i]) ?? 0) + w;
  };
  for (let i = 0; i < blocks.length; i++) {
    const content = s.content[i];
    if (content === 0) continue;
    const b = blocks[i];
    if (attempt === 1 && s.unlikely[b.node]) continue;
    // text directly inside a container that also holds blocks is a paragraph of its own, under that container
    let a = tree.hasBlockChild[b.node] ? b.node : tree.parent[b.node];
    for (let level = 0; a >= 0 && level < ANCESTOR_LEVELS; level++, a = tree.parent[a]) {
      const tag = tree.tag[a];
      if (tag === 'html') break;
      init(a);
      score[a] += content / (level === 0 ? 1 : level === 1 ? 2 : level * 3);
    }
  }
  // scale by the text outside links; the best few
  const top: number[] = [];
  for (let i = 0; i < n; i++) {
    if (!scored[i]) continue;
    const chars = s.chars[i];
    score[i] *= chars > 0 ? 1 - s.links[i] / chars : 0;
    if (tree.tag[i] === 'body') continue;
    let k = top.length;
    while (k > 0 && score[top[k - 1]] < score[i]) k--;
    if (k < TOP_CANDIDATES) {
      top.splice(k, 0, i);
      if (top.length > TOP_CANDIDATES) top.pop();
    }
  }
  if (top.length === 0) return undefined;
  let cand = top[0];
  const best = score[cand];
  // several near-best candidates under one ancestor: the article is split into parts, take what holds them
  const near = top.slice(1).filter((c) => score[c] >= best * NEAR_BEST_SHARE);
  if (near.length >= NEAR_BEST_COUNT) {
    for (let p = tree.parent[cand]; p >= 0 && tree.tag[p] !== 'body'; p = tree.parent[p]) {
      let holds = 0;
      for (const c of near) if (tree.encloses(p, c)) holds++;
      if (holds >= NEAR_BEST_COUNT) {
        cand = p;
        break;
      }
    }
  }
  // a parent that scores more is the better container; stop where scores fall away
  let last = score[cand];
  const floor = last / 3;
  for (let p = tree.parent[cand]; p >= 0 && tree.tag[p] !== 'body' && tree.tag[p] !== 'html'; p = tree.parent[p]) {
    if (!scored[p]) continue;
    if (score[p] < floor) break;
    if (score[p] > last) {
      cand = p;
      break;
    }
    last = score[p];
  }
  // an only child: its parent is the same container
  for (let p = tree.parent[cand]; p >= 0 && tree.tag[p] !== 'body' && tree.tag[p] !== 'html' && s.children[p].length === 1; p = tree.parent[p]) cand = p;
  const topScore = score[cand];
  const roots: number[] = [];
  const parent = tree.parent[cand];
  const siblings = parent >= 0 ? s.children[parent] : [cand];
  const threshold = Math.max(SIBLING_MIN_SCORE, topScore * settings.siblingShare);
  const ownNames = tree.names[cand].join(' ');
  for (const sib of siblings) {
    if (sib === cand) {
      roots.push(sib);
      continue;
    }
    if (attempt === 1 && s.unlikely[sib]) continue;
    const bonus = ownNames !== '' && tree.names[sib].join(' ') === ownNames ? topScore * settings.siblingShare : 0;
    if (scored[sib] && score[sib] + bonus >= threshold) {
      roots.push(sib);
      continue;
    }
    const chars = s.chars[sib];
    if (chars === 0 || tree.hasBlockChild[sib]) continue;
    const density = s.links[sib] / chars;
    if (chars > SIBLING_PARAGRAPH_CHARS ? density < SIBLING_MAX_LINK_DENSITY : density === 0 && endsSentence(blocks, s, sib)) roots.push(sib);
  }
  let chars = 0;
  for (const r of roots) chars += s.chars[r];
  return { top: cand, roots, score: topScore, chars, attempt };
}

/** Whether the last block whose own node is `node` ends with a full stop. */
function endsSentence(blocks: readonly RegionBlock[], s: Sums, node: number): boolean {
  const i = s.lastBlock[node];
  return i >= 0 && /[.。!?！？]\s*$/.test(blocks[i].text);
}
