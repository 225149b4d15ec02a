import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { hasLineWiderThan, unwrapText } from '../../src/stages/unwrap.js';
import { displayWidth } from '../../src/kit/display-width.js';
import { defaultThresholds } from '../../src/thresholds.js';
import { prepare } from '../../src/pipeline.js';
import { run } from '../helpers.js';

const t = defaultThresholds();

describe('unwrap', () => {
  const wrapped = [
    'Most fruit trees are best pruned in late winter, when the wood is',
    'bare and you can see the shape of the tree clearly. Start by taking',
    'out any dead or damaged branches, then remove those that cross or',
    'rub against each other, and finally thin the centre.',
    '',
    'Do not remove more than a quarter of the tree in one year. Heavy',
    'pruning makes the tree grow many weak shoots, which will need to be',
    'cut again the following winter.',
  ].join('\n');

  it('rejoins a hard-wrapped document in an HTML page\'s <pre>, and leaves code in a <pre> as it is', () => {
    const page = (pre: string) => run(prepare, `<html><body><h1>Pruning</h1><pre>${pre}</pre></body></html>`, {}, 'page.html');
    const lines = (d: ReturnType<typeof page>) => d.blocks.map((b) => d.text.slice(b.start, b.end));
    expect(lines(page(wrapped))).toEqual(['Pruning', ...unwrapText(wrapped, t).split('\n').filter(Boolean)]);
    const code = ['function prune(tree) {', '  for (const branch of tree.branches) {', '    if (branch.dead) branch.cut();', '  }', '  return tree;', '}'].join('\n');
    expect(lines(page(code))).toEqual(['Pruning', ...code.split('\n').map((l) => l.trim())]);
  });

  it('rejoins the lines of a hard-wrapped paragraph', () => {
    expect(unwrapText(wrapped, t).split('\n')).toEqual([
      'Most fruit trees are best pruned in late winter, when the wood is bare and you can see the shape of the tree clearly. Start by taking out any dead or damaged branches, then remove those that cross or rub against each other, and finally thin the centre.',
      '',
      'Do not remove more than a quarter of the tree in one year. Heavy pruning makes the tree grow many weak shoots, which will need to be cut again the following winter.',
    ]);
  });

  it('keeps list items, headings in capitals and table rows on their own lines', () => {
    const text = [
      wrapped,
      'You will need a few tools before you start, all of them easy to find in',
      '* a sharp pair of secateurs for shoots thinner than a pencil, and',
      '* a pruning saw for the larger branches that are left over',
      '| Apple | February | every year, before the buds open in spring |',
      '| Plum  | July     | only in dry weather, to keep the fungus out |',
      'SUMMER CARE AND WATERING OF YOUNG TREES IN THE FIRST YEAR AFTER',
      'planting is the subject of the next letter.',
    ].join('\n');
    const lines = unwrapText(text, t).split('\n');
    expect(lines).toContain('* a sharp pair of secateurs for shoots thinner than a pencil, and');
    expect(lines).toContain('| Apple | February | every year, before the buds open in spring |');
    expect(lines).toContain('SUMMER CARE AND WATERING OF YOUNG TREES IN THE FIRST YEAR AFTER');
  });

  it('joins Chinese and Japanese lines without a space', () => {
    // wrapped at 60 columns: 30 wide characters a line
    const zh = [
      '经过一年多的施工，位于市中心的老公园终于完成了改造，并将在本',
      '周末重新向市民开放。新的公园保留了原有的大树和湖面，同时增加',
      '了儿童游乐区和一条环湖步道。负责这个项目的工作人员说，改造的',
      '重点是让老人和孩子都能方便地使用公园。过去的台阶很多，轮椅和',
      '婴儿车很难通过，现在大部分路面都已经改成了平缓的坡道。',
    ].join('\n');
    expect(unwrapText(zh, t)).toBe(zh.replace(/\n/g, ''));
  });

  it('leaves one-paragraph-per-line text alone', () => {
    const text = [
      'A headline of an article',
      'Posted 2024-01-19 14:31',
      'A first paragraph that is a whole line of its own, however long or short it happens to be.',
      'A second one.',
      'A third paragraph, again a line of its own, as most scraped pages are saved by tools.',
      'A fourth paragraph that is a little longer than the others, so the widths differ a lot.',
    ].join('\n');
    expect(unwrapText(text, t)).toBe(text);
  });

  it('rejoins a wrapped paragraph among the short lines of a menu', () => {
    // the breaks after the menu's short lines say nothing of the width: only those after full lines are weighed
    const menu = ['Home', 'News and events', 'Opening hours', 'Visiting the garden', 'Membership', 'Volunteering', 'Shop', 'Contact us'];
    const text = [...menu, '', wrapped].join('\n');
    expect(unwrapText(text, t)).toBe([...menu, '', unwrapText(wrapped, t)].join('\n'));
  });

  it('runs before segment, on plain text and on no other HTML element than <pre>', () => {
    const d = run(prepare, wrapped);
    expect(d.blocks).toHaveLength(2);
    // lines a <br> breaks are the page's own layout
    const h = run(prepare, `<p>${wrapped.replaceAll('\n', '<br>')}</p>`, {}, 'page.html');
    expect(h.blocks).toHaveLength(7);
  });
});

describe('hasLineWiderThan', () => {
  // the shortcut unwrapText takes before splitting: the widest line by displayWidth, without the split
  it('is displayWidth of the widest line compared with the limit', () => {
    const piece = fc.constantFrom('a', 'word ', '한', '中', '\n', '\n\n', '😀', '\uD800', '\uDC00', 'x'.repeat(30), '가'.repeat(15));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), fc.integer({ min: 0, max: 80 }), (parts, max) => {
        const text = parts.join('');
        expect(hasLineWiderThan(text, max)).toBe(text.split('\n').some((l) => displayWidth(l) > max));
      }),
      { numRuns: 2000 },
    );
  });
});
