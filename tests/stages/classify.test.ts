import { describe, expect, it } from 'vitest';
import { endsAsSentence } from '../../src/classify/patterns.js';
import { defaultThresholds } from '../../src/thresholds.js';
import { smooth, type Item } from '../../src/classify/smooth.js';
import { runStage, type StageRun } from './run-stage.js';

const t = defaultThresholds();
const reasons = (r: StageRun) => r.doc.blocks.map((b) => `${b.label?.cls}:${b.label?.reason}`);

const EN = [
  'Home',
  'News',
  'Sport',
  'Harbour town votes to restore its old ferry line',
  'Published 14 March 2024, 09:12',
  'The town council voted on Tuesday evening to bring back the ferry that once linked the harbour with the island, ending a debate that has divided residents for more than ten years.',
  'Costs',
  'The plan is expected to cost around four million pounds, most of it for a new landing stage and a second-hand vessel, and the council hopes a regional fund will pay for half.',
  'Comments (12)',
  'Like 3',
  '© 2024 The Coastal Ledger. All rights reserved.',
].join('\n');

describe('classify', () => {
  it('keeps the title, headings and paragraphs of an English page and drops menus, datelines, counters and notices', () => {
    const d = runStage('classify', EN);
    expect(d.kept).toEqual(['Harbour town votes to restore its old ferry line', EN.split('\n')[5], 'Costs', EN.split('\n')[7]]);
    expect(reasons(d)).toContain('bad:date');
    expect(reasons(d)).toContain('bad:counter');
    expect(reasons(d)).toContain('bad:copyright');
    expect(d.doc.removed.every((r) => r.code === 'boilerplate-block' && r.detail)).toBe(true);
  });

  it('keeps a Japanese article written without spaces and drops its likes, comment counter and related links', () => {
    const ja = [
      'ホーム',
      'ブログ',
      '春の京都で静かな寺を歩く',
      '2024年4月3日 10:15',
      '桜の季節の京都はどこも人でいっぱいだと思われがちですが、少し足をのばせば静かな寺もたくさんあります。今回は朝早くに出かけて、小さな寺を三つ歩いてみました。',
      '最初の寺は駅から二十分ほど歩いたところにあり、門の前にはまだ誰もいませんでした。庭の池には花びらが浮かんでいて、鳥の声のほかには何も聞こえません。',
      'いいね 12',
      'コメント (3)',
      '関連記事',
      '奈良の古い町並みを歩く',
    ].join('\n');
    const d = runStage('classify', ja);
    expect(d.kept).toEqual(ja.split('\n').filter((_, i) => [2, 4, 5].includes(i)));
  });

  it('keeps a Chinese news text and drops its source line, share line and footer', () => {
    const zh = [
      '首页 新闻 城市',
      '城市公园完成改造 周末重新向市民开放',
      '2024-05-18 08:30',
      '经过一年多的施工，位于市中心的老公园终于完成了改造，并将在本周末重新向市民开放。新的公园保留了原有的大树和湖面，同时增加了儿童游乐区和一条环湖步道。',
      '负责这个项目的工作人员说，改造的重点是让老人和孩子都能方便地使用公园。过去的台阶很多，轮椅和婴儿车很难通过。',
      '分享到：微信 微博',
      '版权所有 © 2024 城市日报',
    ].join('\n');
    const d = runStage('classify', zh);
    expect(d.kept).toEqual(zh.split('\n').slice(1, 5).filter((_, i) => i !== 1));
  });

  it('uses tag context in HTML: link density, nav/aside/footer, comment and share class names', () => {
    const body =
      '<p>The town council voted on Tuesday evening to bring back the ferry that once linked the harbour with the island, ending a long debate among the residents.</p>';
    const html = `<body class="with-sidebar"><nav><a href="/">Home</a> <a href="/n">News</a></nav><article><h1>Ferry returns</h1>${body}
      <div class="share-tools">Share this story with your friends and family today.</div></article>
      <div id="comments"><p>I remember taking that ferry as a child, and I cannot wait to take my own children on it next year.</p></div>
      <aside>Most read this week in our town and region.</aside><footer>Contact the newsroom.</footer></body>`;
    const d = runStage('classify', html, { file: 'page.html' });
    expect(d.output).toBe('Ferry returns\n\nThe town council voted on Tuesday evening to bring back the ferry that once linked the harbour with the island, ending a long debate among the residents.\n');
    expect(reasons(d)).toEqual(
      expect.arrayContaining(['bad:link-density', 'bad:context(name:share)', 'bad:context(name:comment)', 'bad:context(tag:aside)', 'bad:context(tag:footer)']),
    );
  });

  it('ignores a class that wraps most of the page, but not the same stem on the furniture itself', () => {
    const para = (n: number) =>
      `<p>Paragraph ${n} of the story: the council voted on Tuesday evening to bring back the ferry that once linked the harbour with the island, ending a long debate among the residents of both places.</p>`;
    const html = `<body><div class="has-comments"><article>${para(1)}${para(2)}${para(3)}${para(4)}${para(5)}</article>
      <div class="comment"><p>I remember taking that ferry as a child, and I cannot wait to take my own children on it next summer.</p></div></div></body>`;
    const d = runStage('classify', html, { file: 'page.html' });
    expect(d.kept).toHaveLength(5);
    expect(reasons(d)).toContain('bad:context(name:comment)');
  });

  it('still removes a comment thread that holds most of the page when the article stands outside it', () => {
    const story =
      '<div class="entry-content"><h1>Why the ferry matters</h1><p>The town council voted on Tuesday evening to bring back the ferry that once linked the harbour with the island, ending a long debate.</p>' +
      '<p>Supporters say the line will bring visitors back to the shops along the quay, and that the island school needs it most of all.</p>' +
      '<p>The first crossings are planned for the spring, once a second-hand vessel has been bought, refitted and tested by the harbour master.</p>' +
      '<p>Opponents, who wanted the money spent on roads, said they would ask the regional auditor to look again at the figures before then.</p></div>';
    const comment = (n: number) =>
      `<div class="comment"><p class="comment-text">Reader ${n} here: I remember taking that ferry as a child, and I think the council has made a sensible choice for both the harbour and the island.</p></div>`;
    const html = `<body>${story}<div class="thread">${Array.from({ length: 40 }, (_, i) => comment(i + 1)).join('')}</div></body>`;
    const d = runStage('classify', html, { file: 'page.html' });
    expect(d.kept).toHaveLength(5);
    expect(d.kept.join('\n')).not.toContain('Reader');
    expect(reasons(d)).toContain('bad:context(name:comment)');
  });

  it('keeps the article, not a longer stream of other stories\' summaries beside it', () => {
    const para = (n: number) =>
      `<p>Paragraph ${n} of the story: the town council voted on Tuesday evening to bring back the ferry that once linked the harbour with the island, and supporters say the line will bring visitors back to the shops along the quay.</p>`;
    const article = `<article class="story"><h1>Harbour town votes to restore its old ferry line</h1>${[1, 2, 3].map(para).join('')}</article>`;
    const teaser = (n: number) =>
      `<li><h3><a href="/story/${n}">Other story number ${n} in the news today</a></h3><p>Summary ${n}: a council in another town has approved a plan that residents say will change the way they travel to work, shop and visit their families over the coming years, and the work starts in the spring.</p></li>`;
    const html = `<body>${article}<ul class="stream">${[1, 2, 3, 4].map(teaser).join('')}</ul></body>`;
    const d = runStage('classify', html, { file: 'page.html' });
    expect(d.kept).toHaveLength(4);
    expect(d.kept.join('\n')).not.toContain('Summary');
    expect(d.doc.region?.reading).toBe('region');
  });

  it('drops the reader comments of a plain text after its comments heading, not a "Comments" link above the story', () => {
    const story = [
      'Home | News | Comments',
      'Harbour town votes to restore its old ferry line',
      'The town council voted on Tuesday evening to bring back the ferry that once linked the harbour with the island, ending a debate that has divided residents for more than ten years.',
      'The plan is expected to cost around four million pounds, most of it for a new landing stage and a second-hand vessel, and the council hopes a regional fund will pay for half.',
      'Supporters say the line will bring visitors back to the shops along the quay, and that the island school needs it more than anyone, since its teachers now travel an hour each way.',
    ];
    const thread = [
      '3 Comments',
      'Ann Smith on March 14, 2024 at 9:40 am',
      'I remember taking that ferry as a child with my grandparents, and I cannot wait to take my own children on it next summer when it runs again.',
      'Reply',
      'Tom Baker on March 14, 2024 at 11:02 am',
      'Four million pounds is a lot of money for a boat that most of us will never use, and the roads on the island are in a terrible state already.',
      'Reply',
    ];
    const d = runStage('classify', [...story, ...thread].join('\n'));
    expect(d.kept).toEqual(story.slice(1));
    expect(reasons(d)).toContain('bad:comment-thread');
    // the same words with no signed comments after them: a story that quotes readers keeps them
    const quotes = [...story, 'Comments', ...thread.filter((l) => !l.includes(' on March ') && l !== '3 Comments' && l !== 'Reply')];
    expect(runStage('classify', quotes.join('\n')).kept.join('\n')).toContain('Four million pounds');
  });

  it('judges scripts written without sentence punctuation (Thai) by length, and knows the danda and Arabic marks', () => {
    const th =
      'เมืองริมทะเลลงมติให้นำเรือข้ามฟากสายเก่ากลับมาให้บริการอีกครั้งหลังจากที่หยุดไปนานกว่ายี่สิบปี ชาวบ้านหลายคนบอกว่าจะช่วยให้การเดินทางไปยังเกาะสะดวกขึ้นมาก และจะทำให้นักท่องเที่ยวกลับมาที่ร้านค้าริมท่าเรือ';
    expect(runStage('classify', `หน้าแรก\n${th}`).kept).toEqual([th]);
    expect(endsAsSentence('नगर परिषद ने नौका सेवा फिर से शुरू करने का फैसला किया।')).toBe(true);
    expect(endsAsSentence('هل ستعود العبارة؟')).toBe(true);
  });

  it('does not take a title with a year or a number for a counter', () => {
    const text = 'Budget 2024\nThe council set out its spending plans for the coming year on Tuesday, with most of the money going to schools, roads and the harbour.';
    expect(runStage('classify', text).kept[0]).toBe('Budget 2024');
  });

  // a blog dump whose paragraphs are all medium length: only its title, not its site name and menu, goes with the text
  it('keeps the title across a byline, but not the site name, tagline and menu above it', () => {
    const text = [
      'Skip to content',
      'My Little Kitchen',
      'Recipes, stories and the odd disaster',
      'Home',
      'Recipes',
      'Search for:',
      'A simple loaf for busy weekdays',
      'By Jane Doe | March 3, 2024 | 4 Comments',
      'Bread does not have to take all day. This loaf needs ten minutes of work in the evening and one hour of baking the next morning.',
      'Mix everything in a large bowl until no dry flour is left, cover it, and leave it on the counter overnight to rise.',
      'Proudly powered by WordPress',
    ].join('\n');
    expect(runStage('classify', text).kept).toEqual(text.split('\n').slice(6).filter((_, i) => i !== 1 && i !== 4));
  });

  // Math.max(...list) over every block overflowed the stack on a page of 300,000 paragraphs
  it('smooths a page of 300,000 medium paragraphs', () => {
    const items: Item[] = Array.from({ length: 300_000 }, () => ({
      initial: { cls: 'near-good' as const, reason: 'medium-prose' },
      cls: 'near-good' as const,
      reason: 'medium-prose',
      length: 100,
      weight: 100,
      heading: false,
      markedHeading: false,
      skippable: false,
      inArticle: false,
      container: '',
    }));
    smooth(items, t);
    expect(items.every((it) => it.cls === 'good')).toBe(true);
  });

  it('keeps a one-sentence document (nothing better on the page)', () => {
    expect(runStage('classify', 'Plain text.').output).toBe('Plain text.\n');
  });

  it('reads its numbers from the thresholds', () => {
    const text = 'A heading line here\nThe council voted on Tuesday to bring back the ferry.';
    const strict = runStage('classify', text, { options: { thresholds: { ...t, 'classify.headingMinChars': 100 } } });
    expect(strict.output).toBe('The council voted on Tuesday to bring back the ferry.\n');
  });
});

describe('HTML5 <article>', () => {
  const page = (body: string) =>
    `<nav><a href="/">Home</a> <a href="/world">World</a></nav><article><h1>Storm batters northern coast, thousands without power</h1>` +
    `<p class="byline">By Jane Smith, Weather Correspondent</p>` +
    `<p>A powerful storm swept across the northern coast overnight, tearing roofs from houses and leaving more than 40,000 homes without electricity, officials said on Friday.</p>` +
    `<p>Forecasters expect the wind to ease by Saturday afternoon, but warn of flooding in low-lying areas as rivers rise through the weekend.</p>` +
    body +
    `</article><aside class="related"><a href="/a">Floods close schools</a></aside><footer>© 2025 Daily Planet</footer>`;

  it('keeps the headline, list items and a closing line of an article that holds good text', () => {
    const d = runStage('classify', page('<ul><li>Avoid unnecessary travel</li><li>Keep away from the shore</li></ul><p>The mayor declined to comment.</p>'), { file: 'page.html' });
    expect(d.kept).toEqual([
      'Storm batters northern coast, thousands without power',
      expect.stringMatching(/^A powerful storm/),
      expect.stringMatching(/^Forecasters expect/),
      'Avoid unnecessary travel',
      'Keep away from the shore',
      'The mayor declined to comment.',
    ]);
  });

  it('still drops what carries evidence of its own inside the article', () => {
    const d = runStage('classify', page('<div class="share-bar">Share on Facebook</div><p><a href="/more">Read more</a></p><p>Comments (12)</p>'), { file: 'page.html' });
    expect(d.output).not.toMatch(/Share on Facebook|Read more|Comments|By Jane Smith|Floods close|Daily Planet/);
  });
});

describe('the end of a story', () => {
  it('keeps a last short sentence before the reporter\'s byline, and drops the byline', () => {
    const text = [
      '서울 아파트값이 3주 연속 올랐다. 한국부동산원이 14일 발표한 주간 아파트 가격 동향에 따르면 이번 주 서울 아파트값은 0.12% 상승했다.',
      '전문가들은 금리 인하 기대감과 규제 완화가 맞물리면서 매수 심리가 살아나고 있다고 분석했다.',
      '다만 지방은 여전히 약세다.',
      '홍길동 기자 hong@example.co.kr',
      '관련기사',
    ].join('\n\n');
    const d = runStage('classify', text);
    expect(d.kept).toEqual([expect.stringMatching(/^서울 아파트값이/), expect.stringMatching(/^전문가들은/), '다만 지방은 여전히 약세다.']);
    expect(reasons(d)[2]).toBe('good:short-before-byline');
  });
});

describe('a short sentence beside the text', () => {
  it('keeps the last short sentence of a post that shares its container, not the footer after it', () => {
    const html =
      '<div class="header"><a href="/">トップ</a> | <a href="/blog">ブログ</a></div><div class="entry"><h2>週末の京都散歩</h2><div class="entry-content">' +
      '<p>先週の土曜日、久しぶりに京都を歩いてきました。朝早く出かけたので、観光客もまだ少なく、静かな町並みを楽しむことができました。</p>' +
      '<p>午後は南禅寺まで足をのばし、水路閣の前でしばらく写真を撮っていました。夕方には少し雨が降ってきたので、早めに帰ることにしました。</p>' +
      '<p>また秋にも来たいと思います。</p></div><div class="entry-footer">カテゴリー: 旅行 | コメント(3)</div></div>';
    const d = runStage('classify', html, { file: 'post.html' });
    expect(d.kept.at(-1)).toBe('また秋にも来たいと思います。');
    expect(d.output).not.toContain('カテゴリー');
  });
});
