/**
 * report.html: one self-contained page (no network, opens from disk) made
 * from the summary and the documents the run chose for it (report/
 * page-sample.ts). The totals, charts and boilerplate dictionary are written
 * here as escaped HTML; the document view and the clusters are drawn by the
 * page's script from one embedded JSON element.
 */
import { describe, REMOVAL_CODES, type RemovalCode } from '../record/codes.js';
import type { Summary } from './summary.js';
import type { PageCluster, PageDoc } from './page-sample.js';
import { escapeHtml as h, jsonForScript } from './escape.js';
import { lostHistogram, shareChart } from './page/charts.js';
import { PAGE_STYLE } from './page/style.js';
import { PAGE_SCRIPT } from './page/script.js';

/** Rows of the boilerplate dictionary the page lists (the summary holds them all). */
export const PAGE_BLOCKS = 300;

export interface PageDocs {
  docs: PageDoc[];
  /** Every document is embedded. */
  complete: boolean;
  /** With `complete` false: how many are there for losing the most, how many from the fixed sample. */
  mostLost: number;
  sampled: number;
}

const REASONS = Object.keys(REMOVAL_CODES) as RemovalCode[];
const num = (n: number) => n.toLocaleString('en-US');

export function renderPage(s: Summary, page: PageDocs, clusters: PageCluster[]): string {
  const t = s.totals;
  const tool = s.tool as { name?: string; version?: string };
  const data = {
    reasons: REASONS.map((code) => ({ code, description: describe(code) })),
    docs: page.docs,
    clusters,
  };
  const notices: string[] = [];
  if (s.interrupted) notices.push('The run was interrupted: this report covers the documents done before it stopped.');
  if (!page.complete)
    notices.push(`This page holds ${num(page.docs.length)} of the ${num(t.documents)} documents: the ${num(page.mostLost)} that lost the largest share of their text and ${num(page.sampled)} more from a fixed sample. ${h(s.files.documents)} lists them all.`);
  const legend = REASONS.map((code) => `<span title="${h(describe(code))}"><i class="swatch r-${code}"></i>${h(code)}</span>`).join('');
  const blocks = s.boilerplate.blocks.slice(0, PAGE_BLOCKS);
  const blockRows = blocks.map((b) => `<tr><td class="num">${b.id}</td><td class="num">${num(b.documents)}</td><td><pre class="block-text">${h(b.text)}${b.truncated ? '…' : ''}</pre></td></tr>`).join('\n');
  const blockNote =
    (s.boilerplate.blocks.length > blocks.length ? `The ${num(blocks.length)} most frequent of ${num(s.boilerplate.blocks.length)} blocks; report.json lists them all. ` : '') +
    (s.boilerplate.notListed > 0 ? `${num(s.boilerplate.notListed)} removals came after the dictionary was full (${num(s.boilerplate.max)} blocks) and keep their text in ${h(s.files.documents)}.` : '');
  const removed = Object.values(t.removedChars).reduce((a, b) => a + (b ?? 0), 0);
  const statusOptions = ['kept', 'duplicate', 'skipped', 'error'].map((x) => `<option value="${x}">${x} (${num(t[x as 'kept'])})</option>`).join('');
  const reasonOptions = REASONS.map((code, i) => `<option value="${i}">${h(code)}</option>`).join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>clean-corpus report</title>
<style>${PAGE_STYLE}</style></head>
<body>
<header><h1>${h(tool.name ?? 'clean-corpus')} report</h1><p>${h(tool.name ?? '')} ${h(tool.version ?? '')} · ${num(t.documents)} documents · ${num(t.bytesIn)} bytes in${s.interrupted ? ' · interrupted' : ''}</p></header>
<main>
${notices.map((n) => `<p class="notice">${n}</p>`).join('\n')}
<div class="grid">
<section id="totals"><h2>Totals</h2><table>
<tr><th>documents</th><td class="num">${num(t.documents)}</td></tr>
<tr><th>kept</th><td class="num">${num(t.kept)}</td></tr>
<tr><th>duplicates</th><td class="num">${num(t.duplicate)}</td></tr>
<tr><th>skipped</th><td class="num">${num(t.skipped)}</td></tr>
<tr><th>failed</th><td class="num">${num(t.error)}</td></tr>
<tr><th>characters in</th><td class="num">${num(t.charsIn)}</td></tr>
<tr><th>characters out</th><td class="num">${num(t.charsOut)}</td></tr>
<tr><th>removed by cleaning</th><td class="num">${num(removed)} (${t.charsIn ? ((100 * removed) / t.charsIn).toFixed(1) : '0'}%)</td></tr>
</table></section>
<section id="shares"><h2>Where the characters went</h2>${shareChart(s)}<p class="legend">${legend}</p></section>
<section id="lost"><h2>How much each document lost</h2>${lostHistogram(s)}<p class="muted">Documents by the share of their text removed by cleaning.</p></section>
</div>
<section id="documents"><h2>Documents</h2>
<div class="controls"><input id="search" type="search" placeholder="Search names and text" aria-label="Search names and text">
<select id="status" aria-label="Status"><option value="">any status</option>${statusOptions}</select>
<select id="reason" aria-label="Removal reason"><option value="">any reason</option>${reasonOptions}</select></div>
<p id="doc-count" class="muted"></p>
<div class="docs"><div class="doc-list-box"><table><thead><tr><th>document</th><th>status</th><th class="num">removed</th><th class="num">chars</th></tr></thead><tbody id="doc-list"></tbody></table></div>
<div id="doc-view"></div></div>
<p class="legend">${legend}</p>
</section>
<section id="boilerplate"><h2>Boilerplate dictionary</h2>
<p class="muted">Each block removed as corpus boilerplate, once, the most frequent first. ${blockNote}</p>
<table><thead><tr><th class="num">id</th><th class="num">documents</th><th>text</th></tr></thead><tbody>
${blockRows || '<tr><td colspan="3" class="muted">No corpus boilerplate.</td></tr>'}
</tbody></table></section>
<section id="dup-clusters"><h2>Duplicate clusters</h2>
<p class="muted">${num(s.clusters.length)} clusters${s.clusters.length > clusters.length ? `; the first ${num(clusters.length)} are shown (report.json lists them all)` : ''}. Open one to see the kept text beside each dropped copy, the words that differ marked.</p>
<div id="clusters"></div></section>
</main>
<script type="application/json" id="data">${jsonForScript(data)}</script>
<script>${PAGE_SCRIPT}</script>
</body></html>
`;
}
