/**
 * The page's script, as text: it reads the embedded data and builds the
 * document list, the document view and the duplicate clusters with the DOM
 * (textContent only, never innerHTML), so page text stays text.
 */
export const PAGE_SCRIPT = String.raw`
(() => {
  const data = JSON.parse(document.getElementById('data').textContent);
  const $ = (id) => document.getElementById(id);
  const el = (tag, attrs, ...children) => {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) if (v !== undefined) e.setAttribute(k, v);
    for (const c of children) e.append(c);
    return e;
  };
  const pct = (x) => (100 * x).toFixed(0) + '%';
  const where = (d) => d.line !== undefined && !d.input.endsWith(':' + d.line) ? d.input + ':' + d.line : d.input;
  const LIST_MAX = 500;

  // --- documents: list, filters, view ---
  const search = $('search'), status = $('status'), reason = $('reason');
  let chosen = null;
  function matches(d) {
    if (status.value && d.status !== status.value) return false;
    if (reason.value !== '' && !d.spans.some((s) => s[2] === Number(reason.value))) return false;
    const q = search.value.trim().toLowerCase();
    return !q || d.input.toLowerCase().includes(q) || d.text.toLowerCase().includes(q);
  }
  function renderList() {
    const list = $('doc-list');
    const found = data.docs.filter(matches);
    const rows = found.slice(0, LIST_MAX).map((d) => {
      const row = el('tr', { 'data-n': String(d.n), class: 'doc-row status-' + d.status + (d === chosen ? ' chosen' : '') },
        el('td', {}, where(d)), el('td', {}, d.status), el('td', { class: 'num' }, pct(d.lost)), el('td', { class: 'num' }, String(d.charsIn)));
      row.addEventListener('click', () => show(d));
      return row;
    });
    list.replaceChildren(...rows);
    $('doc-count').textContent = found.length > LIST_MAX ? 'showing ' + LIST_MAX + ' of ' + found.length + ' matching documents' : found.length + ' matching document' + (found.length === 1 ? '' : 's');
    if (found.length && (!chosen || !found.includes(chosen))) show(found[0]);
    if (!found.length) { chosen = null; $('doc-view').replaceChildren(el('p', { class: 'muted' }, 'No document matches.')); }
  }
  function show(d) {
    chosen = d;
    for (const r of document.querySelectorAll('#doc-list tr')) r.classList.toggle('chosen', r.dataset.n === String(d.n));
    const head = el('div', { class: 'doc-head' },
      el('strong', {}, where(d)), ' — ' + d.status + ', ' + d.charsIn + ' characters in, ' + d.charsOut + ' out, ' + pct(d.lost) + ' removed by cleaning');
    if (d.duplicateOf) head.append(el('div', {}, 'duplicate of ' + d.duplicateOf + ' (similarity ' + d.similarity + ', cluster ' + d.cluster + ')'));
    if (d.message) head.append(el('div', { class: 'muted' }, d.message));
    const text = el('pre', { class: 'doc-text' });
    let at = 0;
    for (const [start, end, r] of d.spans.slice().sort((a, b) => a[0] - b[0])) {
      if (start > at) text.append(d.text.slice(at, start));
      const info = data.reasons[r] || { code: 'removed', description: '' };
      text.append(el('mark', { class: 'r-' + info.code, title: info.code + ': ' + info.description }, d.text.slice(Math.max(at, start), end)));
      at = Math.max(at, end);
    }
    if (at < d.text.length) text.append(d.text.slice(at));
    if (d.cut) text.append(el('span', { class: 'muted' }, '\n[… cut at ' + d.text.length + ' characters]'));
    $('doc-view').replaceChildren(head, text);
    // filtered by a reason: show its first span
    const first = reason.value !== '' && text.querySelector('mark.r-' + (data.reasons[Number(reason.value)] || {}).code);
    if (first) text.scrollTop = first.offsetTop - 40;
  }
  for (const c of [search, status, reason]) c.addEventListener('input', renderList);
  renderList();

  // --- duplicate clusters: kept text beside each dropped copy, differing words marked ---
  /** Tokens a side beyond which a pair is shown without marks: the table is WORDS_MAX² cells. */
  const WORDS_MAX = 4000;
  function diff(a, b) {
    // longest common subsequence of words; past WORDS_MAX words each side is shown unmarked
    // words between spaces; each Han or kana character alone, since Chinese and Japanese put no spaces between words
    const tokens = (t) => t.split(/(\s+|[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff])/).filter((w) => w !== '');
    const x = tokens(a), y = tokens(b);
    if (x.length > WORDS_MAX || y.length > WORDS_MAX) return [x.map((w) => [w, false]), y.map((w) => [w, false])];
    const n = x.length, m = y.length, L = new Uint16Array((n + 1) * (m + 1));
    for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--)
      L[i * (m + 1) + j] = x[i] === y[j] ? L[(i + 1) * (m + 1) + j + 1] + 1 : Math.max(L[(i + 1) * (m + 1) + j], L[i * (m + 1) + j + 1]);
    const ka = new Array(n).fill(false), kb = new Array(m).fill(false);
    let i = 0, j = 0;
    while (i < n && j < m) {
      if (x[i] === y[j]) { ka[i++] = true; kb[j++] = true; }
      else if (L[(i + 1) * (m + 1) + j] >= L[i * (m + 1) + j + 1]) i++;
      else j++;
    }
    return [x.map((w, k) => [w, !ka[k] && w.trim() !== '']), y.map((w, k) => [w, !kb[k] && w.trim() !== ''])];
  }
  const marked = (words, tag) => el('pre', { class: 'dup-text' }, ...words.map(([w, differs]) => differs ? el(tag, {}, w) : w));
  const clusters = $('clusters');
  for (const c of data.clusters) {
    const box = el('details', { class: 'cluster', id: 'cluster-' + c.id }, el('summary', {}, 'cluster ' + c.id + ': ' + c.kept.input + ' and ' + c.copies.length + ' cop' + (c.copies.length === 1 ? 'y' : 'ies') + ' shown'));
    box.addEventListener('toggle', () => {
      if (!box.open || box.dataset.drawn) return;
      box.dataset.drawn = '1';
      for (const copy of c.copies) {
        const [k, d] = diff(c.kept.text, copy.text);
        box.append(el('div', { class: 'pair' },
          el('div', {}, el('h4', {}, 'kept: ' + c.kept.input), marked(k, 'del')),
          el('div', {}, el('h4', {}, 'dropped: ' + copy.input + ' (similarity ' + copy.similarity + ')'), marked(d, 'ins'))));
      }
    });
    clusters.append(box);
  }
  if (!data.clusters.length) clusters.append(el('p', { class: 'muted' }, 'No duplicates.'));
})();
`;
