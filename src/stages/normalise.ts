/**
 * normalise: decoded text → the normalised text every later offset refers to.
 * Unicode NFC (so decomposed Hangul and accents compose), CRLF/CR and other
 * line separators to LF, Unicode spaces to a plain space, zero-width and
 * control characters removed, runs of spaces collapsed, lines trimmed, and
 * runs of blank lines collapsed to one. Zero-width joiner and non-joiner are
 * kept: they are spelling in Persian, Indic scripts and emoji sequences.
 */
import type { Doc } from '../doc.js';

const LINE_BREAKS = /\r\n?|[\u000B\u000C\u0085\u2028\u2029]/g;
const SPACES = /[\t\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g;
// C0 (but LF) and C1 controls, zero-width space, word joiner, BOM, soft hyphen, Mongolian vowel separator, noncharacters
export const INVISIBLE = /[\u0000-\u0009\u000E-\u001F\u007F-\u009F\u00AD\u180E\u200B\u2060\uFEFF\uFFFE\uFFFF]/g;
// Below U+0300 every character is NFC and none composes with another, so such text needs no NFC pass (2.4 s on 300 MB)
const MAY_COMPOSE = /[^\u0000-\u02FF]/;
const RUNS_OF_SPACES = / {2,}/g;
const SPACE_AROUND_LF = / *\n */g;
const BLANK_LINES = /\n{3,}/g;
/** Any character or sequence one of the rules above acts on (NFC creates none of them). */
const SPECIAL_CHAR = /[\u0000-\u0009\u000B-\u001F\u007F-\u00A0\u00AD\u1680\u180E\u2000-\u200B\u2028\u2029\u202F\u205F\u2060\u3000\uFEFF\uFFFE\uFFFF]/;
// indexOf is a vectorised scan; one regex with these alternatives tried each at every position was slower
const needsWork = (s: string): boolean =>
  SPECIAL_CHAR.test(s) || s.includes('  ') || s.includes(' \n') || s.includes('\n ') || s.includes('\n\n\n');

export interface Normalised {
  text: string;
  /** Control and other invisible characters removed (the caller may report them). */
  invisibles: number;
}

/** Normalise a string (see the module comment). Pure; idempotent. */
export function normaliseText(input: string): Normalised {
  // Most blocks (and most of the blocks of an HTML page, whose text nodes the extractor has already
  // collapsed) hold nothing any rule below would change: one scan, then only NFC.
  // (spaces and line feeds at the ends are then the only whitespace left for trim; NFC leaves them alone)
  if (!needsWork(input) && input.isWellFormed()) return { text: (MAY_COMPOSE.test(input) ? input.normalize('NFC') : input).trim(), invisibles: 0 };
  let s = input.toWellFormed();
  s = s.replace(LINE_BREAKS, '\n').replace(SPACES, ' ');
  let invisibles = 0;
  s = s.replace(INVISIBLE, () => {
    invisibles++;
    return '';
  });
  s = s.replace(RUNS_OF_SPACES, ' ').replace(SPACE_AROUND_LF, '\n').replace(BLANK_LINES, '\n\n').trim();
  // NFC last: removing a soft hyphen or a control between a letter and its accent makes a pair NFC must compose
  if (MAY_COMPOSE.test(s)) s = s.normalize('NFC');
  return { text: s, invisibles };
}

/** Normalise the document: plain text as a whole, HTML block by block. */
export function normalise(doc: Doc): void {
  let invisibles = 0;
  if (doc.rawBlocks) {
    const kept = [];
    for (const b of doc.rawBlocks) {
      const n = normaliseText(b.text);
      invisibles += n.invisibles;
      // a <br> run inside a block stays a line break, never a paragraph break
      b.text = n.text.includes('\n') ? n.text.replace(/\n+/g, '\n') : n.text;
      if (b.text) kept.push(b);
    }
    doc.rawBlocks = kept;
  } else {
    const n = normaliseText(doc.raw ?? '');
    invisibles = n.invisibles;
    doc.text = n.text;
    doc.raw = undefined;
  }
  // NUL and other C0 controls are worth a note; a few zero-width spaces are not
  if (invisibles > 0)
    doc.findings.push({ code: 'control-chars-removed', severity: 'info', stage: 'normalise', args: { count: invisibles } });
}
