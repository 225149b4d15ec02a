import { describe, expect, it } from 'vitest';
import { columnsText } from '../../src/stages/columns.js';
import { unwrapText } from '../../src/stages/unwrap.js';
import { defaultThresholds } from '../../src/thresholds.js';
import { prepare } from '../../src/pipeline.js';
import { blockText } from '../../src/record/doc.js';
import { run } from '../helpers.js';

const t = defaultThresholds();

describe('columns', () => {
  // a text-mode browser's rendering of a three-column table layout (our own words)
  const menu = ['Home', 'News', 'Sport', 'Weather', 'Letters', 'Archive', 'About us', 'Contact', '', ''];
  const article = [
    'The council voted on Tuesday to bring back the',
    'ferry that once linked the harbour with the',
    'island, ending a debate that has divided the',
    'residents of both shores for more than ten',
    'years. The first crossing is planned for the',
    'spring, and the old pier will be repaired by',
    'the town before the boats start to run again',
    'on the timetable they kept until the closure.',
    'Tickets will cost the same as the bus fare.',
    '',
  ];
  const side = ['Sponsors:', 'Your Ad Here', '', 'Links', 'Tide tables', 'Ferry times', 'Town hall', 'Library', '', ''];
  const dump = menu.map((m, i) => `  ${m.padEnd(14)}  ${article[i].padEnd(48)}  ${side[i]}`.trimEnd()).join('\n');

  it('reads a three-column dump column by column', () => {
    const out = columnsText(dump, t, false);
    const lines = out.split('\n').map((l) => l.trim());
    expect(lines.filter(Boolean)).toEqual([...menu, ...article, ...side].filter(Boolean));
    // a paragraph break between columns (and where a column has a blank cell)
    expect(out.trim().split('\n\n').map((p) => p.split('\n')[0].trim())).toEqual(['Home', 'The council voted on Tuesday to bring back the', 'Sponsors:', 'Links']);
  });

  it('rejoins the wrapped lines of the article column at its own width', () => {
    const out = columnsText(dump, t, true);
    expect(out.split('\n\n')[1]).toBe(article.filter(Boolean).join(' '));
  });

  it('rejoins an article column past a line holding a label drawn right of it (a sparse cell: no column of its own)', () => {
    // a picture's label in a cell right of the article, on one line only: unwrap measuring the column's lines as
    // text would take the label's end for the column's width, and no line of the article would fill it
    const label = ['Home', 'News', 'Sport', 'Weather', 'Letters', 'Archive', 'About us', 'Contact', '', '']
      .map((m, i) => `  ${m.padEnd(14)}  ${article[i]}${i === 0 ? ' '.repeat(49 - article[0].length) + '[ferry]' : ''}`.trimEnd())
      .join('\n');
    const out = columnsText(label, t, true);
    expect(out).toContain(article.filter(Boolean).join(' ').replace(article[0], `${article[0]} [ferry]`));
  });

  it('reads a menu beside an article below a header whose lines cross the gutter (scanned again below them)', () => {
    // a page header: a title and a search box on one line, a trail of links standing where menu and article meet
    const header = ['  Gazette' + ' '.repeat(61) + 'Search | Contact', ' '.repeat(12) + 'Home:News:2024', ''];
    const longer = [...article.slice(0, 9), 'The harbour master said the timetable would', 'be posted at the pier and at the town hall,', 'and that the first week of crossings would be', 'free for the residents of the island.', 'Work on the pier begins in the autumn.'];
    const side = ['', '', '', '', '', '', '', '', 'Home', 'News', 'Sport', 'Weather', 'Letters', 'Archive'];
    const text = [...header, ...longer.map((a, i) => `  ${side[i].padEnd(14)}  ${a}`.trimEnd())].join('\n');
    const lines = columnsText(text, t, false).split('\n').map((l) => l.trim());
    expect(lines).toContain('Home');
    expect(lines).toContain(longer[8]);
    expect(lines).toContain(longer[13]);
  });

  it('reads the text inside a box drawn round it, rejoined where it was wrapped inside the box', () => {
    const box = (rows: string[], inner: number): string[] => [`┌${'─'.repeat(inner)}┐`, ...rows.map((r) => `│ ${r.padEnd(inner - 2)} │`), `└${'─'.repeat(inner)}┘`];
    const text = box(article.filter(Boolean), 60).join('\n');
    const out = columnsText(text, t, true).split('\n');
    expect(out).toContain(article.filter(Boolean).join(' '));
    // a box in a box: both drawn at the same lines
    const nested = box(box(article.filter(Boolean), 56), 64).join('\n');
    expect(columnsText(nested, t, true).split('\n')).toContain(article.filter(Boolean).join(' '));
    // a table drawn with rules between its cells keeps them, and its rows
    const table = box(['Year    │ Apples', '2019    │ 1200', '2020    │ 1350', '2021    │ 1100', '2022    │ 1420', '2023    │ 1515'], 20).join('\n');
    expect(columnsText(table, t, true).split('\n').filter((l) => l.includes('│'))).toHaveLength(6);
  });

  it('runs in prepare on plain text only: the article becomes one block, the menu and the sidebar blocks of their own', () => {
    const d = run(prepare, dump);
    const blocks = d.blocks.map((b) => blockText(d, b));
    expect(blocks).toContain(article.filter(Boolean).join(' '));
    expect(blocks.slice(0, 8)).toEqual(menu.filter(Boolean));
    expect(blocks).toContain('Sponsors:');
    // skipped: the lines mix the three columns, as before
    const skipped = run(prepare, dump, { skip: ['columns'] });
    expect(blockText(skipped, skipped.blocks[0]).startsWith(`Home ${article[0]} Sponsors: News`)).toBe(true);
    // HTML is not touched
    const h = run(prepare, `<pre>${dump}</pre>`, {}, 'page.html');
    expect(h.blocks.map((b) => blockText(h, b))).not.toContain(article.filter(Boolean).join(' '));
  });

  it('keeps the lines around a region where they are', () => {
    const text = ['A heading above the layout', '', dump, '', 'A footer line below it'].join('\n');
    for (const unwrap of [false, true]) {
      const out = columnsText(text, t, unwrap);
      expect(out.startsWith('A heading above the layout\n')).toBe(true);
      expect(out.endsWith('\nA footer line below it')).toBe(true);
      expect(out).toContain('Sponsors:\nYour Ad Here');
    }
  });

  const unchanged: Record<string, string> = {
    prose: 'One paragraph on one line, as most pages are written, with single spaces between its words.\n\nAnother one.',
    // wrapped at 68 cells as drawn, two spaces after a sentence counting two (as fmt(1) and a browser count them)
    'a hard-wrapped paragraph': [
      'Most fruit trees are best pruned in late winter, when the wood is',
      'bare and you can see the shape of the tree clearly.  Start by taking',
      'out any dead or damaged branches, then remove those that cross or',
      'rub against each other, and finally thin the centre.  Do not remove',
      'more than a quarter of the tree in one year.  Heavy pruning makes',
      'the tree grow many weak shoots, which will need to be cut again the',
      'following winter.',
    ].join('\n'),
    'an aligned numeric table': [
      'Year    Apples    Pears    Plums',
      '2019      1200      340      55',
      '2020      1350      310      61',
      '2021      1100      420      48',
      '2022      1420      395      70',
      '2023      1515      402      66',
      '2024      1490      388      59',
    ].join('\n'),
    'CJK text': [
      '오늘 시의회는 항구와 섬을 잇던 여객선을 다시 운항하기로 결정했다.',
      '主席在会议上表示，新的渡轮将于明年春天开始运营，票价与公交车相同。',
      '議会は火曜日、港と島を結んでいたフェリーを復活させることを決めた。',
      '오늘 시의회는 항구와 섬을 잇던 여객선을 다시 운항하기로 결정했다.',
      '主席在会议上表示，新的渡轮将于明年春天开始运营，票价与公交车相同。',
      '議会は火曜日、港と島を結んでいたフェリーを復活させることを決めた。',
      '오늘 시의회는 항구와 섬을 잇던 여객선을 다시 운항하기로 결정했다.',
    ].join('\n'),
    'code': [
      'function area(r) {',
      '  const pi = 3.14159;   // close enough',
      '  return pi * r * r;    // square units',
      '}',
      'const a = area(2);      // 12.57',
      'const b = area(3);      // 28.27',
      'const c = area(4);      // 50.27',
      'console.log(a, b, c);   // all three',
    ].join('\n'),
  };
  // what normalise does to the runs of spaces before unwrap sees the text
  const collapse = (text: string): string => text.split('\n').map((l) => l.replace(/ +/g, ' ').trim()).join('\n');
  for (const [name, text] of Object.entries(unchanged))
    it(`finds no columns in ${name}`, () => {
      expect(columnsText(text, t, false)).toBe(text);
    });

  it('rejoins a hard-wrapped paragraph and wrapped CJK text as unwrap does', () => {
    for (const name of ['a hard-wrapped paragraph', 'CJK text']) {
      const text = unchanged[name];
      expect(collapse(columnsText(text, t, true))).toBe(unwrapText(collapse(text), t));
      expect(unwrapText(collapse(text), t)).not.toBe(collapse(text));
    }
  });

  it('leaves prose, the numeric table and code exactly as they are', () => {
    for (const name of ['prose', 'an aligned numeric table', 'code']) expect(columnsText(unchanged[name], t, true)).toBe(unchanged[name]);
  });

  it('counts the blanks before a line when it looks for the width the lines were wrapped at', () => {
    // wrapped at 60 cells, indented by 8: once trimmed, no line would look full to unwrap
    const lines = [
      'Most fruit trees are best pruned in late winter, when the',
      'wood is bare and you can see the shape of the tree. Start',
      'by taking out any dead or damaged branches, then remove',
      'those that cross or rub against each other, and finally',
      'thin the centre. Do not remove more than a quarter of the',
      'tree in one year: heavy pruning makes the tree grow many',
      'weak shoots, which will need to be cut again next winter.',
    ];
    const header = 'Pruning fruit trees: a guide for the first winter in a new garden';
    const text = [header, '', ...lines.map((l) => '        ' + l)].join('\n');
    expect(unwrapText(text.split('\n').map((l) => l.trim()).join('\n'), t)).toBe([header, '', ...lines].join('\n'));
    expect(columnsText(text, t, true)).toBe([header, '', lines.join(' ')].join('\n'));
  });

  it('measures columns of wide characters in display cells', () => {
    const left = ['首页', '新闻', '体育', '天气', '来信', '档案', '关于', '联系'];
    const right = [
      '市议会周二投票决定恢复曾经连接港口和岛屿的渡轮服务结束了长达十年的争论',
      '第一班渡轮计划于明年春天开通旧码头将在渡轮重新运行之前由镇政府负责修复',
      '票价将与公共汽车票价相同居民可以在镇政府和图书馆购买月票以及单程车票等',
      '镇长表示这项决定将促进两岸的旅游业和商业发展并为居民提供更多的出行方式',
      '反对者担心渡轮的运营成本过高但议会认为长期来看这项投资将带来可观的收益',
      '渡轮公司将在下个月公布详细的时刻表和票价信息并开始招聘新的船员和工作人员',
      '居民们对这一消息表示欢迎许多人回忆起小时候乘坐渡轮前往岛上探亲的美好时光',
      '议会还将讨论在岛上修建新的停车场以方便从大陆前来的游客和居民停放他们的车辆',
    ];
    const text = left.map((l, i) => `${l}      ${right[i]}`).join('\n');
    const out = columnsText(text, t, false);
    expect(out.split('\n\n')).toEqual([left.join('\n'), right.join('\n')]);
  });
  describe('lines outside the regions, each wrapped where the browser drew its cell', () => {
    // our own words, wrapped greedily as a text-mode browser wraps a cell of `width` cells
    const words =
      'The harbour board met again on Thursday evening to hear the engineers explain why the old pier cannot carry the weight of the new ferry without repairs to its piles, and the members agreed to ask the town for the money before the summer season begins in earnest next year'.split(' ');
    const wrap = (width: number): string[] => {
      const out: string[] = [];
      let line = '';
      for (const w of words) {
        if (line && line.length + 1 + w.length > width) {
          out.push(line);
          line = w;
        } else line = line ? `${line} ${w}` : w;
      }
      return [...out, line];
    };
    const paragraph = words.join(' ');

    it('rejoins an article cell at its own edge, short of the page width its header reaches', () => {
      const header = ['The Harbour Gazette: news of the island and of the town across the water, every Thursday since 1898', ''];
      const article = wrap(50).map((l) => ' '.repeat(24) + l);
      const out = columnsText([...header, ...article].join('\n'), t, true);
      expect(out.split('\n').at(-1)).toBe(paragraph);
    });

    it('rejoins an article cell at its own edge when one line at its indent reaches past it', () => {
      const header = ['The Harbour Gazette: news of the island and of the town across the water, every Thursday since 1898', ''];
      const article = wrap(50).map((l) => ' '.repeat(24) + l);
      const footer = ' '.repeat(24) + 'Copyright 2024 The Harbour Gazette. All rights reserved. Printed on the island.';
      const out = columnsText([...header, ...article, '', footer].join('\n'), t, true).split('\n');
      expect(out).toContain(paragraph);
      expect(out.at(-1)).toBe(footer.trim());
    });

    it('does not let a short text drawn past the page width (a form field) stop the rejoining', () => {
      const text = [' '.repeat(120) + 'Search: [          ] [Go]', '', ...wrap(50)].join('\n');
      expect(columnsText(text, t, true).split('\n').at(-1)).toBe(paragraph);
    });

    it('rejoins a paragraph across a line holding a sparse sidebar\'s text, measured to the end of its first cell', () => {
      // one sidebar word beside the article makes no region; measured to its end, the line would set the width
      const lines = wrap(40);
      lines[2] = lines[2].padEnd(46) + 'Subscribe';
      const out = columnsText(lines.join('\n'), t, true);
      // the paragraph is one line again; the sidebar's word stays where it was drawn, inside it
      expect(out.split('\n')).toHaveLength(1);
      expect(out.replace(' Subscribe', '')).toBe(paragraph);
    });

    it('rejoins the lines of a column below the columns nested in it', () => {
      // a menu beside a column that holds an article beside a sidebar, then a paragraph across the whole column
      const wrapOf = (text: string, width: number): string[] => {
        const out: string[] = [];
        let line = '';
        for (const w of text.split(' ')) {
          if (line && line.length + 1 + w.length > width) {
            out.push(line);
            line = w;
          } else line = line ? `${line} ${w}` : w;
        }
        return [...out, line];
      };
      const side = ['Tide tables', 'Ferry times', 'Town hall', 'Library', 'Museum', 'Parking'];
      const below =
        'The repairs will take most of the winter, and the ferry company has promised to keep a smaller boat on the crossing until the work is done, so that the island is never cut off for long from the shops and the school. The council will meet again in the spring to hear how the work is going.';
      const right = [...wrap(40).slice(0, 6).map((l, i) => l.padEnd(44) + side[i]), '', ...wrapOf(below, 60)];
      const menu = ['Home', 'News', 'Sport', 'Weather', 'Letters', 'Archive', 'About us', 'Contact', 'Jobs', 'Events'];
      const text = right.map((r, i) => `${(menu[i] ?? '').padEnd(14)}  ${r}`.trimEnd()).join('\n');
      const out = columnsText(text, t, true).split('\n');
      expect(out).toContain(below);
      expect(out).toContain('Tide tables');
    });
  });
});
