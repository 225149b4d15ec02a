/**
 * Thresholds of reading an input: its size, whether it is binary, whether it is UTF-8, whether it is HTML.
 *
 * Part of the registry in ../thresholds.ts (which lists the families in `--list-thresholds` order).
 */
import { spec, type ThresholdSpec } from './spec.js';

export const INPUT_THRESHOLDS = {
  /** Bytes read per input before it is refused as too large. */
  'input.maxBytes': spec(
    512 * 1024 * 1024,
    'largest input document, in bytes, before it is skipped as too large',
    'ours: a generous bound so one file cannot exhaust memory (the 300 MB single-line case must pass)',
    1,
    Number.MAX_SAFE_INTEGER,
    true,
  ),
  /** Share of control bytes in the first 8 KiB above which a file is binary. */
  'input.binaryControlShare': spec(
    0.1,
    'share of control bytes (besides tab, CR, LF, FF, ESC) in the first 8 KiB that marks a file as binary',
    'ours, after the heuristic of file(1) and ripgrep (a NUL marks binary); 10% tolerates stray NULs in text',
    0,
    1,
  ),
  /** Share of control bytes in the first 8 KiB above which bytes that are not UTF-8 are binary. */
  'input.binaryControlShareNotUtf8': spec(
    0.01,
    'share of control bytes in the first 8 KiB that marks a file as binary when it is not valid UTF-8',
    'ours: random bytes have ~10% control bytes (26 of 256 values) and are invalid UTF-8; legacy-encoded text has next to none',
    0,
    1,
  ),
  /** Share of invalid sequences among non-ASCII characters below which bytes are read as UTF-8 anyway. */
  'decode.utf8MaxInvalidShare': spec(
    0.02,
    'share of invalid UTF-8 sequences among non-ASCII characters (first MiB) below which a file is still read as UTF-8, bad bytes becoming U+FFFD',
    'ours: UTF-8 pages with a stray byte have well under 1%; CP949, GB18030 and windows-1252 text read as UTF-8 is nearly all invalid',
    0,
    1,
  ),
  /** HTML tags seen in a .txt file before it is parsed as HTML. */
  'input.htmlSniffTags': spec(
    3,
    'known HTML tags a non-.html file must contain before it is parsed as HTML',
    'ours: seed 002 has dozens; plain text such as "a < b" or one stray "<br>" has fewer than three',
    1,
    1000,
    true,
  ),
  /** Lines holding a tag among the lines holding text, before a non-.html file is parsed as HTML. */
  'input.htmlSniffLineShare': spec(
    0.05,
    'share of a non-.html file\'s lines with text (first 64 KiB) that must hold one of the tags counted by input.htmlSniffTags before it is parsed as HTML',
    'ours: a text dump quoting markup ("You may use these HTML tags: <a> <b> <blockquote>…", an image beacon) holds its tags on a line or two; on the dev set 124 of 2,236 text dumps had three tags and were read as HTML, 5 with this share (text F1 dragnet 0.795 -> 0.813), and of its 2,236 HTML pages all but one without a doctype have tags on 5% of their lines or more',
    0,
    1,
  ),
} satisfies Record<string, ThresholdSpec>;
