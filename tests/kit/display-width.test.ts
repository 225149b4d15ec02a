/** Display width (kit/display-width.ts): terminal columns of a line, as plain-text reading measures it. */
import { describe, expect, it } from 'vitest';
import { displayWidth } from '../../src/kit/display-width.js';

describe('displayWidth', () => {
  // the table lookup must count what the per-character pattern counted: wide CJK 2, anything else 1 per code point
  it('counts columns per code point', () => {
    expect(displayWidth('abc')).toBe(3);
    expect(displayWidth('한국어 中文')).toBe(11);
    expect(displayWidth('😀x')).toBe(2);
    expect(displayWidth('\uD800x\uDC00')).toBe(3);
    expect(displayWidth('ｶﾀｶﾅＡ')).toBe(6);
  });
});
