/**
 * The seeds against their gold text (scripts/score.js): mean token F1 and no
 * output holding a 50-character span twice.
 */
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain JavaScript script without type declarations
import { score, tokens, prf, repeatedSpan } from '../scripts/score.js';

describe('seed score', () => {
  it('counts CJK characters as tokens and compares tokens as multisets', () => {
    expect(tokens('메타는 AI를 公园开放 です')).toEqual(['메타는', 'AI를', '公', '园', '开', '放', 'で', 'す']);
    expect(prf('a a b', 'a b c').precision).toBeCloseTo(2 / 3);
    expect(repeatedSpan('x'.repeat(10) + 'y'.repeat(60), 50)).not.toBeNull();
  });

  it('reaches a mean token F1 of at least 0.96, with no 50-character span twice in any output', async () => {
    const result = await score();
    expect(result.files).toHaveLength(5);
    expect(result.f1).toBeGreaterThanOrEqual(0.96);
    for (const f of result.files) expect(f.repeated, f.name).toBeNull();
  });
});
