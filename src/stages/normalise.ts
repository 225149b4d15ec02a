/**
 * normalise: decoded text → the normalised text every later offset refers to.
 * Unicode NFC (so decomposed Hangul and accents compose), CRLF/CR and other
 * line separators to LF, Unicode spaces to a plain space, zero-width and
 * control characters removed, runs of spaces collapsed, lines trimmed, and
 * runs of blank lines collapsed to one. Zero-width joiner and non-joiner are
 * kept: they are spelling in Persian, Indic scripts and emoji sequences.
 */
import type { Doc } from '../record/doc.js';

const LINE_BREAKS = /\r\n?|[\u000B\u000C\u0085\u2028\u2029]/g;
const SPACES = /[\t\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g;
// C0 (but LF) and C1 controls, zero-width space, word joiner, BOM, soft hyphen, Mongolian vowel separator, noncharacters
export const INVISIBLE = /[\u0000-\u0009\u000E-\u001F\u007F-\u009F\u00AD\u180E\u200B\u2060\uFEFF\uFFFE\uFFFF]/g;
// Below U+0300 every character is NFC and none composes with another, so such text needs no NFC pass (2.4 s on 300 MB)
const MAY_COMPOSE = /[^\u0000-\u02FF]/;
const RUNS_OF_SPACES = / {2,}/g;
const SPACE_AROUND_LF = / *\n */g;
const BLANK_LINES = /\n{3,}/g;
/** Any character one of the rules above acts on (NFC creates none of them). */
const SPECIAL_CHAR = /[\u0000-\u0009\u000B-\u001F\u007F-\u00A0\u00AD\u1680\u180E\u2000-\u200B\u2028\u2029\u202F\u205F\u2060\u3000\uFEFF\uFFFE\uFFFF]/;

/** What `scanText` looks at in a code unit (`UNIT`). */
export const enum Unit {
  Plain,
  /** Changed by a rule (SPECIAL_CHAR). */
  Special,
  Space,
  LineFeed,
  Surrogate,
  /** May take part in a composition, so NFC must look (see `mayCompose`). */
  Compose,
}

/**
 * True when NFC may change a string holding `ch` (a BMP character): any
 * character but those with NFC_Quick_Check=Yes and combining class 0, in
 * which case a string made only of such characters is NFC (UAX #15 quick
 * check) and the NFC pass is skipped — Hangul syllables, CJK ideographs,
 * kana, most letters. Conservative: a character that NFC changes on its own
 * (Quick_Check=No), every mark (the Maybe characters and all with a nonzero
 * combining class are marks, but for the conjoining Hangul jamo) and the
 * whole Hangul Jamo block. Below U+0300 nothing composes.
 */
function mayCompose(ch: string): boolean {
  const c = ch.charCodeAt(0);
  if (c < 0x300) return false;
  return (c >= 0x1100 && c <= 0x11ff) || /\p{M}/u.test(ch) || ch.normalize('NFC') !== ch;
}

/** `Unit` of each code unit. */
export const UNIT = new Uint8Array(0x10000);
for (let c = 0; c < 0x10000; c++) {
  const ch = String.fromCharCode(c);
  if (c >= 0xd800 && c <= 0xdfff) UNIT[c] = Unit.Surrogate;
  else if (SPECIAL_CHAR.test(ch)) UNIT[c] = Unit.Special;
  else if (mayCompose(ch)) UNIT[c] = Unit.Compose;
}
UNIT[0x20] = Unit.Space;
UNIT[0x0a] = Unit.LineFeed;

const enum Work {
  /** A rule would change the text. */
  Rules,
  /** Nothing to do but trim. */
  None,
  /** Nothing to do but NFC and trim. */
  Nfc,
}

/**
 * What a scan for `needsWork` has found so far, carried from one piece of a
 * text to the next (the extractor scans a block's pieces as it builds it):
 * the kind of the last characters in the low bits, and two flags.
 */
export const enum Scan {
  Other = 0,
  /** The text so far ends in a space. */
  Space = 1,
  LineFeed = 2,
  TwoLineFeeds = 3,
  /** The low bits: what the text so far ends in. */
  Last = 3,
  /** NFC may change the text. */
  Nfc = 4,
  /** A rule would change the text (final: a scan stops there). */
  Rules = 8,
}

/**
 * Continue a scan (`state`, `Scan.Other` at the start of a text) over
 * `s.slice(start, end)`: a special character, two spaces, a space next to a
 * line feed, three line feeds or a lone surrogate is `Rules`; a character that
 * may compose, or a surrogate pair, sets `Nfc`. One pass over one table.
 */
export function scanText(s: string, start: number, end: number, state: number): number {
  if (state & Scan.Rules) return state;
  let last = state & Scan.Last;
  let nfc = state & Scan.Nfc;
  // UNIT read as this module's constant: see kit/unit-table.ts, "Tables in hot loops"
  for (let i = start; i < end; i++) {
    const u = UNIT[s.charCodeAt(i)];
    if (u === Unit.Plain) {
      last = Scan.Other;
      continue;
    }
    if (u === Unit.Space) {
      if (last !== Scan.Other) return Scan.Rules;
      last = Scan.Space;
    } else if (u === Unit.LineFeed) {
      if (last === Scan.Space || last === Scan.TwoLineFeeds) return Scan.Rules;
      last = last === Scan.LineFeed ? Scan.TwoLineFeeds : Scan.LineFeed;
    } else if (u === Unit.Compose) {
      nfc = Scan.Nfc;
      last = Scan.Other;
    } else if (u === Unit.Special) return Scan.Rules;
    else {
      // a surrogate pair is a supplementary character: NFC looks (some compose or decompose); a lone half is a rule's
      const c = s.charCodeAt(i);
      if (c >= 0xdc00 || i + 1 >= end) return Scan.Rules;
      const d = s.charCodeAt(i + 1);
      if (d < 0xdc00 || d > 0xdfff) return Scan.Rules;
      nfc = Scan.Nfc;
      last = Scan.Other;
      i++;
    }
  }
  return last | nfc;
}

/** Whether any rule would change `s` (see `scanText`), and if not, whether NFC might. Most text has nothing to do. */
function needsWork(s: string): Work {
  const scan = scanText(s, 0, s.length, Scan.Other);
  return scan & Scan.Rules ? Work.Rules : scan & Scan.Nfc ? Work.Nfc : Work.None;
}

export interface Normalised {
  text: string;
  /** Control and other invisible characters removed (the caller may report them). */
  invisibles: number;
}

/** Normalise a string (see the module comment). Pure; idempotent. */
export function normaliseText(input: string): Normalised {
  // Most blocks (and most of the blocks of an HTML page, whose text nodes the extractor has already
  // collapsed) hold nothing any rule below would change: one scan, then only NFC where it may change something.
  // (spaces and line feeds at the ends are then the only whitespace left for trim; NFC leaves them alone)
  const work = needsWork(input);
  if (work === Work.None) return { text: input.trim(), invisibles: 0 };
  if (work === Work.Nfc) return { text: input.normalize('NFC').trim(), invisibles: 0 };
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
      // the extractor scanned most blocks as it built them (`RawBlock.normalised`): no second pass over their text
      let text = b.text;
      if (!b.normalised) {
        const n = normaliseText(text);
        invisibles += n.invisibles;
        text = n.text;
      }
      // a <br> run inside a block stays a line break, never a paragraph break
      b.text = text.includes('\n') ? text.replace(/\n+/g, '\n') : text;
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
