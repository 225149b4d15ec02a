#!/usr/bin/env node
// Builds fixtures/dupes/ (pages of eight made-up sites with planted copies)
// and fixtures/dupes-truth.json (which document duplicates which).
// Run from the repository root: node scripts/make-dupes-fixture.mjs
import fs from 'node:fs';
import path from 'node:path';
import * as A from './dupes-articles.mjs';

const OUT = 'fixtures/dupes';
const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const sep = (lang) => (lang === 'zh' || lang === 'ja' ? '' : ' ');

// An article's paragraphs as HTML; `wrap` breaks the source lines differently (the browser does not care).
function paragraphs(article, lang, wrap = false) {
  return article
    .map((p) => {
      const text = esc(p.join(sep(lang)));
      return wrap ? `<p>\n  ${text.replace(/([.。]) ?/g, '$1\n  ').trim()}\n</p>` : `<p>${text}</p>`;
    })
    .join('\n');
}

const SITES = {
  'en-harbor': (title, body) => `<!doctype html>
<html><head><meta charset="utf-8"><title>${title} | Harbor Gazette</title></head>
<body>
<header><div class="logo">Harbor Gazette</div>
<nav><ul><li><a href="/">Home</a></li><li><a href="/city">City</a></li><li><a href="/business">Business</a></li><li><a href="/sport">Sport</a></li><li><a href="/culture">Culture</a></li><li><a href="/weather">Weather</a></li></ul></nav></header>
<main><article><h1>${title}</h1>
<div class="byline">By Staff Reporter | Updated 14 March 2025</div>
${body}
</article>
<aside><h2>Most read</h2><ul><li><a href="/a">Ferry fares to rise in April</a></li><li><a href="/b">Storm closes coastal path</a></li><li><a href="/c">Harbour festival line-up announced</a></li></ul></aside></main>
<footer><p>© 2025 Harbor Gazette. All rights reserved.</p><p><a href="/privacy">Privacy</a> | <a href="/terms">Terms</a> | <a href="/contact">Contact us</a></p></footer>
</body></html>
`,
  'en-metro': (title, body) => `<!doctype html>
<html><head><meta charset="utf-8"><title>${title} — Metro Notes</title></head>
<body>
<div id="top"><a href="/">Metro Notes</a> · <a href="/archive">Archive</a> · <a href="/about">About</a> · <a href="/subscribe">Subscribe</a></div>
<div class="post"><h2>${title}</h2>
<div class="meta">Posted in Transport · 4 comments</div>
${body}
<div class="tags">Tags: city, transport, notes</div></div>
<div class="sidebar"><h3>About me</h3><p>I write about buses, trains and the streets in between.</p></div>
<div class="footer">Metro Notes is a personal blog. Opinions are my own. Powered by a small static site generator.</div>
</body></html>
`,
  'ja-news': (title, body) => `<!doctype html>
<html lang="ja"><head><meta charset="utf-8"><title>${title}｜みなと新聞</title></head>
<body>
<nav><a href="/">ホーム</a> <a href="/society">社会</a> <a href="/politics">政治</a> <a href="/economy">経済</a> <a href="/world">国際</a> <a href="/sports">スポーツ</a></nav>
<article><h1>${title}</h1><p class="date">2025年3月21日 14:05</p>
${body}
</article>
<section class="ranking"><h2>アクセスランキング</h2><ol><li><a href="/1">新年度の予算案が成立</a></li><li><a href="/2">春の交通安全運動が始まる</a></li></ol></section>
<footer>Copyright © みなと新聞社 All rights reserved. 記事の無断転載を禁じます。</footer>
</body></html>
`,
  'ko-daily': (title, body) => `<!doctype html>
<html lang="ko"><head><meta charset="utf-8"><title>${title} - 한빛일보</title></head>
<body>
<ul class="gnb"><li><a href="/">홈</a></li><li><a href="/politics">정치</a></li><li><a href="/economy">경제</a></li><li><a href="/society">사회</a></li><li><a href="/world">국제</a></li><li><a href="/culture">문화</a></li></ul>
<div class="article"><h1>${title}</h1><div class="info">입력 2025.06.02 09:12 | 김하늘 기자</div>
${body}
<p class="copy">김하늘 기자 sky@hanbit.example</p></div>
<div class="best"><h3>많이 본 뉴스</h3><ul><li><a href="/1">장마 시작, 남부지방 최대 150mm</a></li><li><a href="/2">지하철 요금 150원 인상</a></li></ul></div>
<div class="foot">ⓒ 한빛일보, 무단 전재 및 재배포 금지</div>
</body></html>
`,
  'ko-portal': (title, body) => `<!doctype html>
<html lang="ko"><head><meta charset="utf-8"><title>${title} : 뉴스모아</title></head>
<body>
<div class="top"><a href="/">뉴스모아</a> | <a href="/login">로그인</a> | <a href="/join">회원가입</a></div>
<div class="menu"><a href="/all">전체</a> <a href="/eco">경제</a> <a href="/it">IT</a> <a href="/life">생활</a></div>
<h2>${title}</h2><div class="src">출처: 제휴 언론사 | 2025-06-02</div>
${body}
<div class="share">이 기사를 공유하세요 페이스북 카카오톡 링크복사</div>
<div class="cmt">댓글 0개 · 첫 댓글을 남겨주세요</div>
<div class="foot">뉴스모아는 기사 내용에 대해 책임지지 않습니다. Copyright NewsMoa.</div>
</body></html>
`,
  'zh-daily': (title, body) => `<!doctype html>
<html lang="zh"><head><meta charset="utf-8"><title>${title}_东方快报</title></head>
<body>
<div class="nav"><a href="/">首页</a> <a href="/gn">国内</a> <a href="/gj">国际</a> <a href="/cj">财经</a> <a href="/kj">科技</a> <a href="/qc">汽车</a></div>
<h1>${title}</h1><div class="info">2025-09-12 08:30 来源：东方快报</div>
${body}
<div class="editor">责任编辑：李明</div>
<div class="hot"><h3>热点推荐</h3><ul><li><a href="/1">中秋假期出行指南</a></li><li><a href="/2">多地发布高温预警</a></li></ul></div>
<div class="footer">版权所有 东方快报 未经授权禁止转载</div>
</body></html>
`,
  'zh-portal': (title, body) => `<!doctype html>
<html lang="zh"><head><meta charset="utf-8"><title>${title} - 汇闻网</title></head>
<body>
<div class="bar"><a href="/">汇闻网</a> | <a href="/login">登录</a> | <a href="/reg">注册</a> | <a href="/app">下载客户端</a></div>
<div class="crumb">当前位置：首页 &gt; 汽车频道 &gt; 正文</div>
<h2>${title}</h2><div class="src">转载自合作媒体</div>
${body}
<div class="share">分享到：微信 微博 QQ空间</div>
<div class="footer">汇闻网 客服电话 400-000-0000 网络文化经营许可证 京网文〔2025〕0000号</div>
</body></html>
`,
};

// Edits for the planted near copies: [paragraph, sentence] → replacement (null drops it).
function edit(article, changes) {
  return article
    .map((p, i) => p.map((s, j) => (changes[`${i}.${j}`] === undefined ? s : changes[`${i}.${j}`])).filter((s) => s !== null))
    .filter((p) => p.length > 0);
}

const asText = (article, lang, perSentence = false) =>
  perSentence ? article.map((p) => p.join('\n')).join('\n\n') + '\n' : article.map((p) => p.join(sep(lang))).join('\n\n') + '\n';

function wrapText(text, width) {
  return text
    .split('\n\n')
    .map((para) => {
      const lines = [];
      let line = '';
      for (const w of para.split(' ')) {
        if (line && line.length + 1 + w.length > width) {
          lines.push(line);
          line = w;
        } else line = line ? `${line} ${w}` : w;
      }
      if (line) lines.push(line);
      return lines.join('\n');
    })
    .join('\n\n');
}

const E2edited = edit(A.E2, {
  '0.1': 'More than three hundred and fifty people came to hear the transport planners explain where the tracks will run.',
  '2.1': 'The transport department said that option was studied in 2022 but would add five minutes to every journey and miss the hospital entirely.',
  '3.1': null,
});
const J1edited = edit(A.J1, {
  '0.1': '平年より三日早く、昨年より五日早い開花となった。',
  '3.1': null,
});
const K1edited = edit(A.K1, {
  '0.0': '지난달 반도체 수출이 1년 전보다 32% 늘어난 143억 달러를 기록하며 다섯 달 연속 증가세를 이어갔다.',
  '2.1': '중국 수출은 현지 재고 조정이 이어지면서 증가 폭이 5%에 머물렀다.',
});
const K2edited = edit(A.K2, { '3.1': null });
const Z1edited = edit(A.Z1, {
  '0.1': '中国汽车工业协会认为，价格下降和充电设施改善是销量增长的两个主要原因。',
  '3.0': '业内人士指出，激烈的价格竞争正在明显压缩车企利润。',
});
const Z2edited = edit(A.Z2, { '1.1': null });

// [file, content, cluster (kept document's file) or null, what it plants, needs boilerplate removal to be found]
const files = [];
const page = (site, name, title, article, lang, opts = {}) => {
  let html = SITES[site](title, paragraphs(article, lang, opts.wrap));
  if (opts.crlf) html = html.replace(/\n/g, '\r\n');
  files.push({ file: `${site}/${name}`, content: html, ...opts.truth });
};
const text = (name, content, truth) => files.push({ file: `txt/${name}`, content, ...truth });

page('en-harbor', '01-tram-approved.html', 'Council approves Riverside tram line', A.E1, 'en');
page('en-harbor', '02-library-reopens.html', 'Central library reopens after renovation', A.E3, 'en');
page('en-harbor', '03-library-reopens-print.html', 'Central library reopens after renovation', A.E3, 'en', {
  wrap: true, crlf: true,
  truth: { of: 'en-harbor/02-library-reopens.html', plant: 'exact copy, same template, other line breaks (CRLF, re-wrapped source)' },
});
page('en-harbor', '04-tram-route-meeting.html', 'Residents divided over tram route', A.E2, 'en');
page('en-metro', '01-council-says-yes-to-trams.html', 'Council approves Riverside tram line', A.E1, 'en', {
  wrap: true,
  truth: { of: 'en-harbor/01-tram-approved.html', plant: 'exact copy under another site template' },
});
page('en-metro', '02-route-debate.html', 'Residents divided over tram route', E2edited, 'en', {
  truth: { of: 'en-harbor/04-tram-route-meeting.html', plant: 'edited copy under another template: two sentences changed, one dropped' },
});
page('en-metro', '03-weekend-reading.html', 'Weekend reading', A.E4, 'en');
page('ja-news', '01-sakura-kaika.html', '東京で桜が開花 平年より三日早く', A.J1, 'ja');
page('ja-news', '02-kyoto-konzatsu.html', '京都の桜名所で混雑続く', A.J2, 'ja');
page('ja-news', '03-sakura-kaika-update.html', '東京で桜が開花 平年より三日早く', J1edited, 'ja', {
  truth: { of: 'ja-news/01-sakura-kaika.html', plant: 'edited copy: one sentence changed, one dropped' },
});
page('ko-daily', '01-bandoche-suchul.html', '반도체 수출 다섯 달 연속 증가', A.K1, 'ko');
page('ko-daily', '02-jangbi-eopche.html', '반도체 장비 업계, AI 낙수 효과는 아직', A.K2, 'ko');
page('ko-daily', '03-bulggot-chukje.html', '강변 불꽃 축제 토요일 개막', A.K3, 'ko');
page('ko-portal', '01-suchul-5gaewol.html', '반도체 수출 다섯 달 연속 증가', A.K1, 'ko', {
  wrap: true,
  truth: { of: 'ko-daily/01-bandoche-suchul.html', plant: 'exact copy under another site template' },
});
page('ko-portal', '02-jangbi-nakssu.html', '반도체 장비 업계, AI 낙수 효과는 아직', K2edited, 'ko', {
  truth: { of: 'ko-daily/02-jangbi-eopche.html', plant: 'edited copy under another template: one sentence dropped' },
});
page('ko-portal', '03-suchul-jeungga.html', '반도체 수출 다섯 달 연속 증가', K1edited, 'ko', {
  truth: { of: 'ko-daily/01-bandoche-suchul.html', plant: 'edited copy under another template: figures in two sentences changed' },
});
text('en-library-plain.txt', 'Central library reopens after renovation\n\n' + wrapText(asText(A.E3, 'en'), 72), {
  of: 'en-harbor/02-library-reopens.html', plant: 'exact copy as plain text (no template), hard-wrapped at 72 columns',
});
text('ja-kyoto.txt', '京都の桜名所で混雑続く\n\n' + asText(A.J2, 'ja', true), {
  of: 'ja-news/02-kyoto-konzatsu.html', plant: 'exact copy as plain text (no template), one sentence a line', needsBoilerplate: true,
});
text('ko-festival.txt', '강변 불꽃 축제 토요일 개막\n\n' + asText(A.K3, 'ko'), {
  of: 'ko-daily/03-bulggot-chukje.html', plant: 'exact copy as plain text (no template)',
});
page('zh-daily', '01-xinnengyuan-xiaoliang.html', '前八个月新能源汽车销量增长三成', A.Z1, 'zh');
page('zh-daily', '02-chongdianzhuang.html', '充电桩为何一位难求', A.Z2, 'zh');
page('zh-daily', '03-xiaoliang-zhuanzai.html', '前八个月新能源汽车销量增长三成', Z1edited, 'zh', {
  truth: { of: 'zh-daily/01-xinnengyuan-xiaoliang.html', plant: 'edited copy: two sentences reworded' },
});
page('zh-portal', '01-qiche-shichang.html', '前八个月新能源汽车销量增长三成', A.Z1, 'zh', {
  wrap: true,
  truth: { of: 'zh-daily/01-xinnengyuan-xiaoliang.html', plant: 'exact copy under another site template' },
});
page('zh-portal', '02-chongdian-nan.html', '充电桩为何一位难求', Z2edited, 'zh', {
  truth: { of: 'zh-daily/02-chongdianzhuang.html', plant: 'edited copy under another template: one sentence dropped' },
});
page('zh-portal', '03-tianqi.html', '本周末明显降温', A.Z3, 'zh');

fs.rmSync(OUT, { recursive: true, force: true });
for (const f of files) {
  fs.mkdirSync(path.dirname(path.join(OUT, f.file)), { recursive: true });
  fs.writeFileSync(path.join(OUT, f.file), f.content);
}
const truth = {
  about: 'Planted duplicates in fixtures/dupes/. Every file is listed; "of" names the document it copies (the first of its cluster in input order), absent for originals. "needsBoilerplate": found only once site templates are removed (issue 3).',
  documents: files.map(({ file, of, plant, needsBoilerplate }) => ({ file, ...(of ? { of, plant } : {}), ...(needsBoilerplate ? { needsBoilerplate } : {}) })),
};
fs.writeFileSync('fixtures/dupes-truth.json', JSON.stringify(truth, null, 2) + '\n');
console.log(`${files.length} files, ${files.filter((f) => f.of).length} planted copies`);
