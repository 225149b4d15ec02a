#!/usr/bin/env node
/**
 * Score the built pipeline on the seeds: run it over fixtures/seeds (both
 * passes, as the CLI does) and compare each output with fixtures/seeds-gold.
 *
 * Tokens: the text is split on whitespace, and every CJK ideograph and kana
 * character is a token of its own (Chinese and Japanese have no spaces;
 * Hangul words are spaced and stay whole). Tokens are compared as multisets:
 * precision = shared / output tokens, recall = shared / gold tokens, F1 their
 * harmonic mean. Also checks that no output holds a 50-character span twice.
 *
 * Usage: npm run score  (or node scripts/score.js [seeds-dir] [gold-dir])
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCorpus, defaultOptions } from '../dist/index.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PER_CHAR = /[\u3041-\u309F\u30A0-\u30FF\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF]/u;

/** Tokens of `text`: whitespace-separated, each CJK ideograph or kana alone. */
export function tokens(text) {
  const out = [];
  for (const word of text.split(/\s+/)) {
    let run = '';
    for (const ch of word) {
      if (PER_CHAR.test(ch)) {
        if (run) out.push(run);
        run = '';
        out.push(ch);
      } else run += ch;
    }
    if (run) out.push(run);
  }
  return out;
}

/** Precision, recall and F1 of `output` against `gold`, tokens as multisets. */
export function prf(output, gold) {
  const counts = new Map();
  const g = tokens(gold);
  const o = tokens(output);
  for (const t of g) counts.set(t, (counts.get(t) ?? 0) + 1);
  let shared = 0;
  for (const t of o) {
    const n = counts.get(t) ?? 0;
    if (n > 0) {
      shared++;
      counts.set(t, n - 1);
    }
  }
  const precision = o.length ? shared / o.length : g.length ? 0 : 1;
  const recall = g.length ? shared / g.length : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}

/** The first `len`-character span that occurs twice in `text`, or null. */
export function repeatedSpan(text, len = 50) {
  const seen = new Set();
  for (let i = 0; i + len <= text.length; i++) {
    const s = text.slice(i, i + len);
    if (seen.has(s)) return s;
    seen.add(s);
  }
  return null;
}

/** Run the pipeline over `seedsDir` and score every file against `goldDir`. */
export async function score(seedsDir = path.join(ROOT, 'fixtures/seeds'), goldDir = path.join(ROOT, 'fixtures/seeds-gold')) {
  const names = fs.readdirSync(seedsDir).filter((n) => !n.startsWith('.')).sort();
  const options = defaultOptions();
  const sources = () =>
    names.map((n) => ({
      source: { path: n, relPath: n },
      locator: { format: 'file', abs: path.join(seedsDir, n), maxBytes: options.thresholds['input.maxBytes'] },
    }));
  const files = [];
  await runCorpus(sources, options, {
    onDoc(doc) {
      const output = doc.output ?? '';
      const gold = fs.readFileSync(path.join(goldDir, doc.source.relPath), 'utf8');
      files.push({ name: doc.source.relPath, ...prf(output, gold), repeated: repeatedSpan(output) });
    },
  });
  const mean = (k) => files.reduce((a, f) => a + f[k], 0) / (files.length || 1);
  return { files, precision: mean('precision'), recall: mean('recall'), f1: mean('f1') };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const result = await score(process.argv[2], process.argv[3]);
  const pct = (x) => x.toFixed(4);
  for (const f of result.files)
    console.log(`${f.name}  P ${pct(f.precision)}  R ${pct(f.recall)}  F1 ${pct(f.f1)}${f.repeated ? `  REPEATED: ${JSON.stringify(f.repeated)}` : ''}`);
  console.log(`mean  P ${pct(result.precision)}  R ${pct(result.recall)}  F1 ${pct(result.f1)}`);
  const repeated = result.files.filter((f) => f.repeated).length;
  console.log(repeated ? `${repeated} output(s) hold a 50-character span twice` : 'no output holds a 50-character span twice');
}
