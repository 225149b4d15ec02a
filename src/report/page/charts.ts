/**
 * The page's two charts as inline SVG, drawn from the summary: where the
 * input's characters went (kept, or removed for each reason), and how many
 * documents lost how much of their text.
 */
import { describe, REMOVAL_CODES, type RemovalCode } from '../../record/codes.js';
import type { Summary } from '../summary.js';
import { escapeHtml } from '../escape.js';
import { KEPT_COLOUR, REASON_COLOURS } from './colours.js';

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

/** One bar per share of the input's characters: each reason, and what was kept. */
export function shareChart(s: Summary): string {
  const t = s.totals;
  const rows: { label: string; share: number; colour: string; title: string; code?: string }[] = [];
  for (const code of Object.keys(REMOVAL_CODES) as RemovalCode[])
    rows.push({ label: code, share: s.removedShare[code] ?? 0, colour: REASON_COLOURS[code], title: describe(code), code });
  const removed = Object.values(t.removedChars).reduce((a, b) => a + (b ?? 0), 0);
  rows.push({ label: 'not removed', share: t.charsIn > 0 ? 1 - removed / t.charsIn : 0, colour: KEPT_COLOUR, title: 'characters cleaning did not remove (kept, or in documents dropped as duplicates)' });
  const W = 420, bar = 20, gap = 7, labelW = 150, barW = W - labelW - 50;
  const h = rows.length * (bar + gap);
  const body = rows
    .map((r, i) => {
      const y = i * (bar + gap);
      const w = Math.max(r.share > 0 ? 1 : 0, Math.round(r.share * barW));
      return `<g class="bar"${r.code ? ` data-reason="${escapeHtml(r.code)}"` : ''}><title>${escapeHtml(r.title)}</title>`
        + `<text x="${labelW - 8}" y="${y + bar * 0.7}" text-anchor="end">${escapeHtml(r.label)}</text>`
        + `<rect x="${labelW}" y="${y}" width="${w}" height="${bar}" fill="${r.colour}"></rect>`
        + `<text x="${labelW + w + 6}" y="${y + bar * 0.7}">${pct(r.share)}</text></g>`;
    })
    .join('');
  return `<svg id="share-chart" role="img" aria-label="Share of the input's characters removed per reason" viewBox="0 0 ${W} ${h}">${body}</svg>`;
}

/** Documents by the share of their text cleaning removed, in bins of 10%. */
export function lostHistogram(s: Summary): string {
  const counts = s.lostHistogram;
  const max = Math.max(1, ...counts);
  const W = 420, H = 170, base = H - 24, colW = (W - 40) / counts.length;
  const cols = counts
    .map((n, i) => {
      const h = Math.round((n / max) * (base - 20));
      const x = 30 + i * colW;
      const range = `${i * 10}–${(i + 1) * 10}%`;
      return `<g><title>${n} document${n === 1 ? '' : 's'} lost ${range} of their text</title>`
        + `<rect x="${x + 2}" y="${base - h}" width="${colW - 4}" height="${h}" fill="#4a6fa5"></rect>`
        + `<text x="${x + colW / 2}" y="${base - h - 4}" text-anchor="middle">${n}</text>`
        + `<text x="${x + colW / 2}" y="${base + 16}" text-anchor="middle">${i * 10}%</text></g>`;
    })
    .join('');
  return `<svg id="lost-chart" role="img" aria-label="Documents by the share of their text removed" viewBox="0 0 ${W} ${H}">`
    + `<line x1="30" y1="${base}" x2="${W - 10}" y2="${base}" stroke="#999"></line>${cols}</svg>`;
}
