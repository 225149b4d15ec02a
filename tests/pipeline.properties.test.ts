/**
 * Property-based tests (fast-check) of the per-document pipeline on random and
 * adversarial strings: it never throws, writes valid NFC UTF-8, invents no
 * text and is idempotent.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Parser } from 'htmlparser2';
import { clean } from '../src/pipeline.js';
import { cleanText } from '../src/api.js';
import { looksLikeHtml } from '../src/stages/extract.js';
import { DROP } from '../src/extract/tags.js';
import { defaultOptions } from '../src/options.js';
import type { Doc } from '../src/record/doc.js';
import { run } from './helpers.js';

const RUNS = Number(process.env.PROPERTY_RUNS ?? 300);

/** Pieces a scraped page is made of, hostile ones included. */
const fragment = fc.oneof(
  fc.constantFrom(
    '<p>', '</p>', '<div class="nav menu">', '</div>', '<br>', '<br/>', '<li>', '<ul>', '</ul>', '<table><tr><td>', '</td><td>',
    '<script>var s = "</p>";</script>', '<style>p{}</style>', '<!--', '-->', '<!-- c -->', '<a href="x">', '</a>', '<pre>', '</pre>',
    '<h2>', '</h2>', '&amp;', '&lt;', '&gt;', '&bogus;', '&#xZZ;', '&#99999999;', '&#0;', '&#x1F600;', '&nbsp;', '&', '<', '>',
    '<!doctype html>', '<html>', '<body>', '<svg><foreignObject><p>', '<b>', '</b>', '<i>', '</span>', '<img alt="x">',
    '\r\n', '\n', '\n\n\n', '\t', '\u00A0', '\u3000', ' ', '  ', '\u0000', '\u0007', '\u001B', '\u0085', '\u2028', '\u00AD',
    '\u200B', '\u200D', '\uFEFF', '\uFFFE', '\uD800', '\uDC00', '\u0301', '\u0308', 'e\u0301', 'A\u030A', '\u1100\u1161\u11A8',
    '한국어', '中文字符', 'ひらがな', 'العربية', 'Ελληνικά', '😀', '👍🏽', '\u{1F468}\u200D\u{1F469}', '- ', '* ', '1. ', 'word', 'Ünïcödé',
  ),
  fc.string({ unit: 'grapheme', maxLength: 8 }),
  fc.string({ unit: 'binary', maxLength: 8 }),
  fc.string({ maxLength: 8 }),
);
const page = fc.array(fragment, { maxLength: 40 }).map((parts) => parts.join(''));

const utf8Fatal = new TextDecoder('utf-8', { fatal: true });

/**
 * What the pipeline could legitimately have kept: the input's text — for HTML,
 * the parser's text events (entities decoded) outside the elements whose
 * content is never shown (script, style…) — with what normalise deletes taken
 * out, since deleting a soft hyphen or a control character joins its
 * neighbours. Block elements may split the text between any two events and
 * inline ones join them (so "A<p>\u0301" keeps "A" uncomposed while
 * "A<b>\u0301" composes it): a token must occur in the normalised text of
 * some run of consecutive events.
 */
function reference(given: string, doc: Doc): (token: string) => boolean {
  // what the pipeline actually received: the string as UTF-8 bytes, lone surrogates already U+FFFD
  const input = new TextDecoder().decode(new TextEncoder().encode(given));
  const events: string[] = [];
  if (doc.format === 'html') {
    let hidden = 0;
    const p = new Parser(
      {
        onopentag: (name) => void (DROP.has(name) && hidden++),
        onclosetag: (name) => void (DROP.has(name) && hidden--),
        ontext: (t) => void (hidden === 0 && events.push(t)),
      },
      { decodeEntities: true, lowerCaseTags: true, recognizeSelfClosing: true },
    );
    p.write(input);
    p.end();
  } else events.push(input);
  // normalise turns line breaks and spaces into spaces, and drops controls and zero-width characters; their removal may join letters and compose accents
  const clean = (s: string) =>
    s
      .toWellFormed()
      .replace(/[\t-\r\u0085\u2028\u2029\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g, ' ')
      .replace(/[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u00AD\u180E\u200B\u2060\uFEFF\uFFFE\uFFFF]/g, '')
      .normalize('NFC');
  return (token) => {
    for (let i = 0; i < events.length; i++) for (let j = i + 1; j <= events.length; j++) if (clean(events.slice(i, j).join('')).includes(token)) return true;
    return false;
  };
}

const tokens = (s: string) => s.split(/\s+/u).filter(Boolean);

/** Whether the non-empty lines of `part` are lines of `whole`, in order. */
function keptLinesOf(part: string, whole: string): boolean {
  const lines = whole.split('\n');
  let at = 0;
  for (const line of part.split('\n')) {
    if (line === '') continue;
    while (at < lines.length && lines[at] !== line) at++;
    if (at++ >= lines.length) return false;
  }
  return true;
}

function check(input: string, format: 'auto' | 'text' | 'html') {
  const options = { ...defaultOptions(), format };
  const doc = cleanText(input, options);
  expect(doc.findings.filter((f) => f.code === 'internal-error')).toEqual([]);
  const out = doc.output ?? '';
  // valid UTF-8 once written, and NFC
  expect(utf8Fatal.decode(new TextEncoder().encode(out))).toBe(out);
  expect(out.isWellFormed()).toBe(true);
  expect(out.normalize('NFC')).toBe(out);
  // invents no text: every whitespace-separated token of the output occurs in the input's text
  const occurs = reference(input, doc);
  for (const t of tokens(out)) expect(occurs(t), `token ${JSON.stringify(t)} not in the text of ${JSON.stringify(input)}`).toBe(true);
  // idempotent: the output, cleaned again as the text it is, is unchanged — but for lines an HTML page's content
  // region kept though plain text alone would not (a line of names and symbols inside the article): re-read as plain
  // text they may go, whole, and nothing else changes (README "Idempotence")
  if (doc.status === 'kept') {
    const again = cleanText(out, { ...defaultOptions(), format: 'text' }).output ?? '';
    if (doc.format === 'html' && doc.region?.reading === 'region' && again !== out) {
      expect(keptLinesOf(again, out), `re-read as text, ${JSON.stringify(out)} became ${JSON.stringify(again)}`).toBe(true);
      expect(cleanText(again, { ...defaultOptions(), format: 'text' }).output ?? '').toBe(again);
      return;
    }
    expect(again).toBe(out);
    // Read with sniffing, cleaned text is read back as text — unless it holds literal markup (from `&lt;p&gt;`),
    // which a second sniffing run reads as HTML: a known limit, see README "Robustness".
    if (!looksLikeHtml(out, defaultOptions().thresholds['input.htmlSniffTags']))
      expect(cleanText(out, { ...options, format: 'auto' }, 'out.txt').output).toBe(out);
  }
}

describe('the clean pipeline on random and hostile strings', () => {
  it('never throws, writes valid NFC UTF-8, invents no text and is idempotent (format auto)', () => {
    // the example: a line of symbols the content region keeps, that plain text alone drops
    fc.assert(fc.property(page, (s) => check(s, 'auto')), { numRuns: RUNS, examples: [['𐀀 𐀀 ! ! ! ! ! A !𑗘Έ𐌀<a href="x">\u200B<p><p>']] });
  });

  it('the same with every input parsed as HTML', () => {
    fc.assert(fc.property(page, (s) => check(s, 'html')), { numRuns: RUNS });
  });

  it('the same with every input read as plain text', () => {
    fc.assert(fc.property(page, (s) => check(s, 'text')), { numRuns: RUNS });
  });

  it('the stage list itself never fails a document on arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        const doc = run(clean, bytes);
        expect(doc.findings.filter((f) => f.code === 'internal-error')).toEqual([]);
        if (doc.output !== undefined) expect(doc.output.isWellFormed()).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });
});
