/**
 * A reproducible corpus of scraped-style pages for the benchmark: many sites,
 * each with its own menu, footer, counters, ticker and related links around
 * the article body, in several languages (Korean, Chinese, Japanese, English,
 * Russian, German), about half as HTML; with planted exact duplicates, edited
 * near-duplicates and pages whose body is doubled. Everything comes from one
 * seeded PRNG, so a size and a seed always give the same bytes.
 *
 * Written in two layouts: JSON Lines shards of ~8 MB (`{"id","url","text"}`)
 * and one file per page (`files/<site>/<n>.html|.txt`).
 */
import fs from 'node:fs';
import path from 'node:path';

/** Bumped whenever the output changes, so a cached corpus is regenerated. */
export const GENERATOR_VERSION = 1;
const SHARD_BYTES = 8 * 1024 * 1024;
const SITES = 240;
/** Shares of pages that are planted copies (Near-duplicate rates of 5–10% are typical of crawls; see the CCNet and RefinedWeb papers). */
const EXACT_DUP = 0.05;
const EDITED_DUP = 0.05;
const DOUBLED_BODY = 0.03;

/** sfc32: a small, fast, well-distributed PRNG (PractRand-tested), seeded from one number. */
export function prng(seed) {
  let a = 0x9e3779b9, b = 0x243f6a88, c = 0xb7e15162, d = seed >>> 0;
  const next = () => {
    a >>>= 0; b >>>= 0; c >>>= 0; d >>>= 0;
    const t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    const r = (t + d) | 0;
    c = (c + r) | 0;
    return (r >>> 0) / 4294967296;
  };
  for (let i = 0; i < 12; i++) next();
  return next;
}

const range = (lo, hi) => Array.from({ length: hi - lo + 1 }, (_, i) => String.fromCodePoint(lo + i));
const LANGS = {
  ko: { chars: range(0xac00, 0xd7a3), min: 1, max: 4, sep: ' ', end: ['다.', '요.', '니다.', '까?'], weight: 0.3 },
  zh: { chars: range(0x4e00, 0x6fff), min: 1, max: 3, sep: '', end: ['。', '！', '？'], weight: 0.2 },
  ja: { chars: [...range(0x3041, 0x3093), ...range(0x3041, 0x3093), ...range(0x4e00, 0x5fff)], min: 2, max: 5, sep: '', end: ['。', 'です。', 'ました。'], weight: 0.15 },
  en: { chars: 'etaoinshrdlucmfwypvbgkjqxz'.split(''), min: 2, max: 9, sep: ' ', end: ['.', '.', '?', '!'], weight: 0.2 },
  ru: { chars: range(0x430, 0x44f), min: 2, max: 9, sep: ' ', end: ['.', '!', '?'], weight: 0.08 },
  de: { chars: 'enisratdhulcgmobwfkzpvüäößjy'.split(''), min: 3, max: 12, sep: ' ', end: ['.', '!'], weight: 0.07 },
};

function vocabulary(rand, lang, size) {
  const words = [];
  for (let i = 0; i < size; i++) {
    const n = lang.min + Math.floor(rand() * (lang.max - lang.min + 1));
    let w = '';
    for (let k = 0; k < n; k++) w += lang.chars[Math.floor(rand() * rand() * lang.chars.length)];
    words.push(w);
  }
  return words;
}

/** A text generator for one language: Zipf-like word choice (frequent words are reused a lot). */
function writer(rand, code) {
  const lang = LANGS[code];
  const words = vocabulary(rand, lang, 4000);
  const word = () => words[Math.floor(words.length * rand() ** 3)];
  const phrase = (n) => {
    let s = word();
    for (let i = 1; i < n; i++) s += lang.sep + word();
    return s;
  };
  const sentence = () => {
    const s = phrase(4 + Math.floor(rand() * 14));
    return (code === 'en' || code === 'de' || code === 'ru' ? s[0].toUpperCase() + s.slice(1) : s) + lang.end[Math.floor(rand() * lang.end.length)];
  };
  const paragraph = () => Array.from({ length: 1 + Math.floor(rand() * 5) }, sentence).join(lang.sep || '');
  return { code, word, phrase, sentence, paragraph };
}

function pickLang(rand) {
  let r = rand();
  for (const [code, l] of Object.entries(LANGS)) if ((r -= l.weight) < 0) return code;
  return 'en';
}

function makeSite(rand, i, writers) {
  const lang = pickLang(rand);
  const w = writers[lang];
  const host = `site${String(i).padStart(3, '0')}.example.${['com', 'kr', 'cn', 'jp', 'ru', 'de'][Math.floor(rand() * 6)]}`;
  return {
    host,
    lang,
    html: rand() < 0.5,
    menu: Array.from({ length: 5 + Math.floor(rand() * 8) }, () => w.phrase(1 + Math.floor(rand() * 2))),
    footer: [`© 2026 ${host} ${w.phrase(3)}`, w.sentence(), `${w.phrase(2)}: 02-${1000 + Math.floor(rand() * 9000)}-${1000 + Math.floor(rand() * 9000)}`],
    ticker: Array.from({ length: 20 }, () => w.phrase(3 + Math.floor(rand() * 4))),
    counters: [w.word(), w.word(), w.word()],
    titles: [],
    pages: 0,
  };
}

const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

function renderPage(rand, site, w, page) {
  const { title, body } = page;
  const counters = `${site.counters[0]} ${Math.floor(rand() * 100000).toLocaleString('en')} | ${site.counters[1]} ${Math.floor(rand() * 300)} | ${site.counters[2]} ${Math.floor(rand() * 50)}`;
  const ticker = Array.from({ length: 3 }, () => site.ticker[Math.floor(rand() * site.ticker.length)]);
  const related = Array.from({ length: Math.min(5, site.titles.length) }, () => site.titles[Math.floor(rand() * site.titles.length)]);
  const date = `2026-${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}`;
  if (!site.html) {
    return [site.menu.join(' | '), ticker.join(' · '), '', title, `${date} ${counters}`, '', body.join('\n\n'), '', ...related.map((t) => `- ${t}`), '', ...site.footer, ''].join('\n');
  }
  const li = (xs, cls) => `<ul class="${cls}">${xs.map((x) => `<li><a href="/${encodeURIComponent(x.slice(0, 8))}">${esc(x)}</a></li>`).join('')}</ul>`;
  return `<!DOCTYPE html><html lang="${site.lang}"><head><meta charset="utf-8"><title>${esc(title)}</title><script>window.dataLayer=[];function gtag(){dataLayer.push(arguments)}</script><style>.nav{display:flex}</style></head>
<body><header><nav class="gnb menu">${li(site.menu, 'menu')}</nav><div class="ticker">${ticker.map(esc).join(' &middot; ')}</div></header>
<main><article class="post"><h1>${esc(title)}</h1><div class="meta"><span class="date">${date}</span> <span class="count">${esc(counters)}</span></div>
${body.map((p) => `<p>${esc(p)}</p>`).join('\n')}
</article><aside class="related"><h3>${esc(w.phrase(2))}</h3>${li(related, 'related-list')}</aside></main>
<footer class="footer">${site.footer.map((f) => `<p>${esc(f)}</p>`).join('')}</footer><script>gtag('config','UA-${Math.floor(rand() * 1e6)}')</script></body></html>
`;
}

function edit(rand, w, body) {
  // replace a few words in a few paragraphs: an edited republication
  return body.map((p) => (rand() < 0.3 ? p.slice(0, Math.floor(p.length * rand())) + w.word() + p.slice(Math.floor(p.length * 0.9)) : p));
}

/**
 * Write a corpus of about `megabytes` MB under `dir` (files/ and jsonl/),
 * unless one of the same size, seed and generator version is already there.
 * Returns what was written.
 */
export function generate(dir, megabytes, seed = 1) {
  const stamp = path.join(dir, 'corpus.json');
  if (fs.existsSync(stamp)) {
    const info = JSON.parse(fs.readFileSync(stamp, 'utf8'));
    if (info.version === GENERATOR_VERSION && info.megabytes === megabytes && info.seed === seed) return info;
  }
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(path.join(dir, 'files'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'jsonl'), { recursive: true });
  const rand = prng(seed);
  const writers = Object.fromEntries(Object.keys(LANGS).map((c) => [c, writer(rand, c)]));
  const sites = Array.from({ length: SITES }, (_, i) => makeSite(rand, i, writers));
  const history = [];
  const target = megabytes * 1024 * 1024;
  let bytes = 0;
  let docs = 0;
  let shard = 0;
  let shardBytes = 0;
  let shardParts = [];
  const counts = { exact: 0, edited: 0, doubled: 0 };
  const flushShard = () => {
    if (shardParts.length === 0) return;
    fs.writeFileSync(path.join(dir, 'jsonl', `shard-${String(shard++).padStart(4, '0')}.jsonl`), shardParts.join(''));
    shardParts = [];
    shardBytes = 0;
  };
  while (bytes < target) {
    const site = sites[Math.floor(sites.length * rand() ** 1.5)];
    const w = writers[site.lang];
    let page;
    const r = rand();
    if (history.length > 10 && r < EXACT_DUP) {
      page = history[Math.floor(rand() * history.length)];
      counts.exact++;
    } else if (history.length > 10 && r < EXACT_DUP + EDITED_DUP) {
      const orig = history[Math.floor(rand() * history.length)];
      page = { title: orig.title, body: edit(rand, w, orig.body) };
      counts.edited++;
    } else {
      const body = Array.from({ length: 3 + Math.floor(rand() * 14) }, w.paragraph);
      page = { title: w.sentence(), body };
      if (rand() < DOUBLED_BODY) {
        page = { title: page.title, body: [...body, ...body] };
        counts.doubled++;
      }
      // a bounded memory of earlier pages to copy from
      if (history.length < 2000) history.push(page);
      else history[Math.floor(rand() * history.length)] = page;
    }
    const text = renderPage(rand, site, w, page);
    site.titles.push(page.title);
    if (site.titles.length > 50) site.titles.shift();
    const n = site.pages++;
    const id = `${site.host}/${n}`;
    const url = `https://${site.host}/article/${n}`;
    const file = path.join(dir, 'files', site.host, `${String(n).padStart(6, '0')}.${site.html ? 'html' : 'txt'}`);
    if (n === 0) fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    const line = JSON.stringify({ id, url, text }) + '\n';
    shardParts.push(line);
    shardBytes += Buffer.byteLength(line);
    if (shardBytes >= SHARD_BYTES) flushShard();
    bytes += Buffer.byteLength(text);
    docs++;
  }
  flushShard();
  const info = { version: GENERATOR_VERSION, megabytes, seed, documents: docs, textBytes: bytes, shards: shard, planted: counts };
  fs.writeFileSync(stamp, JSON.stringify(info, null, 2) + '\n');
  return info;
}
