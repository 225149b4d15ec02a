/**
 * The classifier's reason codes (src/classify/reasons.ts): every one it gives
 * has a line that says what it means, and the code that gives or compares them
 * names them from the table rather than spelling the strings, so a new rule
 * cannot ship without its line.
 */
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { FIXTURES, ROOT, run } from '../helpers.js';
import { clean } from '../../src/pipeline.js';
import { REASON, contextReason, describeReason } from '../../src/classify/reasons.js';

/** Every fixture page, relative to fixtures/. */
const pages = (fs.readdirSync(FIXTURES, { recursive: true, encoding: 'utf8' }) as string[]).filter((f) => /\.(html|txt)$/.test(f)).sort();

/** The files that give or compare reasons. */
const SOURCES = ['src/classify/rules.ts', 'src/classify/smooth.ts', 'src/classify/cascade.ts', 'src/stages/classify.ts', 'src/report/explain.ts'];
/** Class names (rules.ts `Cls`), which the same files spell as strings; `short` is a reason too. */
const CLASSES = new Set(['good', 'bad', 'short', 'near-good']);

describe('reason codes', () => {
  it('each has one line that says what it means, and a code of its own', () => {
    const codes = Object.values(REASON);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) {
      expect(code).toMatch(/^[a-z]+(-[a-z]+)*$/);
      const meaning = describeReason(code);
      expect(meaning, code).toBeTruthy();
      expect(meaning, code).not.toContain('\n');
    }
    expect(describeReason(contextReason('tag:nav'))).toBeTruthy();
    expect(describeReason('no-such-reason')).toBeUndefined();
  });

  it('every reason the classifier gives on the fixtures is described', () => {
    const given = new Set<string>();
    for (const page of pages) {
      const d = run(clean, fs.readFileSync(path.join(FIXTURES, page)), {}, page);
      for (const b of d.blocks) if (b.label) given.add(b.label.reason);
      for (const r of d.removed) if (r.code === 'boilerplate-block' && r.detail) given.add(r.detail);
    }
    // the fixtures reach rules, smoothing and the cascade alike
    for (const r of [REASON.LINK_DENSITY, REASON.SHORT_NEAR_BAD, REASON.HEADLINE]) expect(given).toContain(r);
    expect([...given].filter((r) => describeReason(r) === undefined)).toEqual([]);
  });

  it('is named from the table, not spelt, where the classifier gives or compares one', () => {
    const codes = new Set<string>(Object.values(REASON));
    for (const file of SOURCES) {
      const literals = [...fs.readFileSync(path.join(ROOT, file), 'utf8').matchAll(/'([a-z]+(?:-[a-z]+)*)'/g)].map((m) => m[1]);
      expect(literals.filter((s) => codes.has(s) && !CLASSES.has(s)), file).toEqual([]);
      expect(fs.readFileSync(path.join(ROOT, file), 'utf8'), file).not.toMatch(/`context\(\$\{/);
    }
  });
});
