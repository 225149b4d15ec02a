/**
 * The content region (extract/region.ts) and the cascade (classify/cascade.ts),
 * on small pages of our own that show each failure class the block classifier
 * alone had on real pages.
 */
import { describe, expect, it } from 'vitest';
import { htmlToRegion } from '../../src/extract/page-blocks.js';
import { regionOf } from '../../src/record/doc.js';
import { formatExplain } from '../../src/report/explain.js';
import { runStage } from '../stages/run-stage.js';

/** Run `html` as an HTML page up to the classify stage, where the cascade keeps the region's reading or the classifier's. */
const page = (html: string) => runStage('classify', html, { file: 'page.html' });

const P1 =
  'The harbour board agreed on Monday to rebuild the old north pier, which has been closed to walkers since a winter storm cracked its deck three years ago, and work is expected to begin in the spring.';
const P2 =
  'Engineers told the board that the timber piles were sound, but that the concrete deck would have to be replaced in full, at a cost of about two million pounds spread over two budgets.';
const P3 =
  'Fishing crews, who tie up along the pier in bad weather, said they welcomed the decision, although several asked that the work be done outside the busy summer months.';

const MENU = '<ul class="menu"><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li><li><a href="/weather">Weather</a></li></ul>';
const FOOTER = '<div class="footer"><p>© 2024 The Coastal Ledger. All rights reserved.</p><p><a href="/about">About us</a> · <a href="/contact">Contact</a></p></div>';
const RELATED =
  '<div class="related"><h3>More stories</h3><ul><li><a href="/a">Ferry timetable changes for winter season announced by council</a></li><li><a href="/b">Lifeboat crew called out twice in one night off the point</a></li><li><a href="/c">School wins national award for its new coastal science project</a></li></ul></div>';

describe('the content region', () => {
  it('finds the container that holds the paragraphs, and marks the blocks inside it', () => {
    const { blocks, region } = htmlToRegion(`<html><body>${MENU}<div id="story"><p>${P1}</p><p>${P2}</p><p>${P3}</p></div>${RELATED}${FOOTER}</body></html>`);
    expect(region?.path).toMatch(/div\.story$/);
    const inside = blocks.filter((b) => b.context && regionOf(b.context.region).inside).map((b) => b.text);
    expect(inside).toEqual([P1, P2, P3]);
  });

  it('keeps an article inside a wrapper named as a sidebar, and drops the menu, related links and footer', () => {
    const d = page(`<html><body>${MENU}<div id="content-sidebar-wrap"><div class="entry"><h1>North pier to be rebuilt</h1><p>${P1}</p><p>${P2}</p><p>${P3}</p></div>${RELATED}</div>${FOOTER}</body></html>`);
    expect(d.kept).toEqual(['North pier to be rebuilt', P1, P2, P3]);
  });

  it('keeps an article whose own classes carry a taxonomy name ("tag-…") beside the name of a post', () => {
    const d = page(`<html><body>${MENU}<article class="post type-post tag-harbour tag-ads"><p>${P1}</p><ul><li>Deck: replaced in full</li><li>Piles: kept</li></ul><p>${P2}</p></article>${FOOTER}</body></html>`);
    expect(d.kept).toEqual([P1, 'Deck: replaced in full', 'Piles: kept', P2]);
  });

  it('keeps prose with many inline links (a post citing its sources), and drops a menu of links', () => {
    const linked =
      'According to <a href="/r1">the engineers\' report</a>, the deck failed because <a href="/r2">salt water</a> reached the steel, a problem <a href="/r3">the board was warned about</a> in 2019 and again in <a href="/r4">a later survey</a> of the harbour walls.';
    const d = page(`<html><body>${MENU}<div class="post"><p>${P1}</p><p>${linked}</p><p>${P3}</p></div>${FOOTER}</body></html>`);
    const out = d.kept;
    expect(out).toContain("According to the engineers' report, the deck failed because salt water reached the steel, a problem the board was warned about in 2019 and again in a later survey of the harbour walls.");
    expect(out.join('\n')).not.toMatch(/Home|Weather|About us/);
  });

  it('keeps a lone short paragraph under a dateline, between two bad blocks', () => {
    const lead = 'The north pier will reopen to walkers next spring, the harbour board said on Monday evening.';
    const d = page(`<html><body>${MENU}<div class="story"><p class="dateline">14 March 2024, 09:12</p><p>${lead}</p><p><a href="/share">Share this story</a></p><p>${P1}</p><p>${P2}</p></div>${FOOTER}</body></html>`);
    expect(d.kept).toEqual([lead, P1, P2]);
    const short = 'The pier will reopen next spring, the board said.';
    expect(page(`<html><body>${MENU}<div class="story"><p class="dateline">14 March 2024, 09:12</p><p>${short}</p><p><a href="/share">Share this story</a></p><p>${P1}</p><p>${P2}</p></div>${FOOTER}</body></html>`).kept).toContain(short);
  });

  it('keeps the headline that stands just before the region', () => {
    const d = page(`<html><body>${MENU}<h1>North pier to be rebuilt after storm damage</h1><div class="byline">By Jane Smith</div><div class="body"><p>${P1}</p><p>${P2}</p><p>${P3}</p></div>${FOOTER}</body></html>`);
    expect(d.kept[0]).toBe('North pier to be rebuilt after storm damage');
    expect(d.doc.region?.reading).toBe('region');
  });

  it('keeps the headline the page\'s <title> names, even one that links to its own page, and not a link list between', () => {
    const d = page(
      `<html><head><title>North pier to be rebuilt after storm | The Coastal Ledger</title></head><body>${MENU}<h2><a href="/pier">North pier to be rebuilt after storm</a></h2><p><a href="/share/fb">Facebook</a> <a href="/share/tw">Twitter</a> <a href="/share/mail">E-mail</a></p><div class="body"><p>${P1}</p><p>${P2}</p><p>${P3}</p></div>${FOOTER}</body></html>`,
    );
    expect(d.kept).toEqual(['North pier to be rebuilt after storm', P1, P2, P3]);
    expect(d.doc.blocks.find((b) => d.doc.text.slice(b.start, b.end).startsWith('North'))?.label?.reason).toBe('headline');
  });

  it('falls back on the block classifier when the region holds little of the page\'s prose', () => {
    // two stories side by side: the region takes one of them, the page has two
    const story = (a: string, b: string) => `<div class="col"><p>${a}</p><p>${b}</p></div>`;
    const d = page(`<html><body>${MENU}<table><tr><td>${story(P1, P2)}</td><td><div><p>${P3}</p><p>${P3.replace('Fishing', 'Sailing')}</p></div></td></tr></table>${FOOTER}</body></html>`);
    expect(d.doc.region?.reading).toBe('page');
    expect(d.kept).toEqual(expect.arrayContaining([P1, P2, P3]));
  });

  it('drops what the page hides from every reader (hidden, aria-hidden, display: none)', () => {
    const d = page(
      `<html><body><div class="story"><p>${P1}</p><div hidden><p>Subscribe to read the whole of this story, for less than a coffee a week.</p></div><p style="color: red; display : none">A pop-up offer that only appears when the reader scrolls.</p><p aria-hidden="true">Advertisement</p><p style="display:block">${P2}</p></div></body></html>`,
    );
    expect(d.kept).toEqual([P1, P2]);
  });

  it('never leaves a page with a paragraph of prose empty, whatever names its containers have', () => {
    const d = page(`<html><body><div class="sidebar widget comments"><p><a href="/x">${P1}</a></p></div></body></html>`);
    expect(d.output.trim()).not.toBe('');
  });

  it('says in --explain which region was chosen, which reading was kept, and why blocks outside went', () => {
    const d = page(`<html><body>${MENU}<div id="story"><p>${P1}</p><p>${P2}</p><p>${P3}</p></div>${RELATED}${FOOTER}</body></html>`);
    const text = formatExplain(d.doc);
    expect(text).toMatch(/region .*div\.story · score [\d.]+ .*reading: region/);
    expect(text).toMatch(/bad .*outside-region .*More stories|bad .*More stories/);
  });
});
