/**
 * decode: bytes → text. Decides the encoding in this order (the WHATWG
 * sniffing order, with one exception for re-saved pages):
 *   1. a byte order mark (UTF-8, UTF-16 LE/BE);
 *   2. `--encoding`, when given;
 *   3. a charset declared in HTML or XML (`<meta charset>`, `http-equiv`,
 *      `<?xml encoding>`) — unless the bytes are valid UTF-8 with non-ASCII text,
 *      which is what a scraper that re-saved the page wrote;
 *   4. valid UTF-8;
 *   5. a guess (see detect-encoding.ts).
 * Also skips binary files.
 */
import { composeJamo } from './euc-kr-jamo.js';
import { constants, isAscii as bufferIsAscii, isUtf8 as bufferIsUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';
import type { Doc } from '../record/doc.js';
import type { Options } from '../options.js';
import { detectEncoding, canonicalEncoding } from './detect-encoding.js';
import { decodeUtf8 } from '../kit/utf8.js';

const SNIFF_BYTES = 8192;
/** Bytes scanned for a charset declaration; HTML requires it in the first 1024 (WHATWG), we allow more for sloppy pages. */
const DECLARATION_BYTES = 4096;


export function decode(doc: Doc, options: Options): void {
  // text that arrived decoded (a JSON Lines field) only needs the emptiness check
  if (doc.encodingSource === 'json' && doc.raw === '') doc.bytes = new Uint8Array(0);
  else if (doc.encodingSource === 'json') return;
  const bytes = doc.bytes!;
  doc.bytes = undefined;
  if (bytes.byteLength === 0) {
    doc.status = 'skipped';
    doc.findings.push({ code: 'empty', severity: 'warning', stage: 'decode' });
    return;
  }

  const bom = sniffBom(bytes);
  if (bom) {
    setText(doc, bom.encoding, 'bom', bytes.subarray(bom.length));
    return;
  }

  // both rules count the control bytes of the same first SNIFF_BYTES: count them once
  const control = controlBytes(bytes, Math.min(bytes.length, SNIFF_BYTES));
  const binary =
    binaryReason(bytes, options.thresholds['input.binaryControlShare'], control) ??
    binaryNotUtf8Reason(bytes, options.thresholds['input.binaryControlShareNotUtf8'], control);
  if (binary) {
    doc.status = 'skipped';
    doc.findings.push({ code: 'binary', severity: 'warning', stage: 'decode', args: { reason: binary } });
    return;
  }

  if (options.encoding) {
    setText(doc, options.encoding, 'forced', bytes);
    return;
  }

  // the transport's word (HTTP Content-Type) comes before the page's own, as in browsers (WHATWG encoding sniffing)
  const declared = doc.declaredCharset ?? sniffDeclaredCharset(bytes);
  const validUtf8 = isUtf8(bytes);
  if (declared) {
    const name = canonicalEncoding(declared);
    if (name === 'utf-8' || !validUtf8 || isAscii(bytes)) {
      if (name && iconv.encodingExists(name)) {
        setText(doc, name, 'declared', bytes);
        return;
      }
      doc.findings.push({ code: 'encoding-unknown', severity: 'warning', stage: 'decode', args: { encoding: declared } });
    } else {
      doc.findings.push({
        code: 'declared-charset-ignored',
        severity: 'info',
        stage: 'decode',
        args: { declared },
      });
    }
  }
  if (validUtf8) {
    setText(doc, 'utf-8', 'utf8', bytes);
    return;
  }
  if (mostlyUtf8(bytes, options.thresholds['decode.utf8MaxInvalidShare'])) {
    setText(doc, 'utf-8', 'utf8', bytes);
    return;
  }
  setText(doc, detectEncoding(bytes), 'detected', bytes);
}

/** Bytes examined to tell UTF-8 with a few bad bytes from a legacy encoding. */
const MOSTLY_UTF8_SAMPLE = 1024 * 1024;

/**
 * UTF-8 with a few invalid sequences (a truncated download, one bad byte
 * pasted in) must stay UTF-8: a guess made because of one bad byte turned a
 * whole Korean page into Cyrillic mojibake. Legacy text read as UTF-8 is
 * almost all invalid sequences, so the share of invalid among non-ASCII
 * characters tells the two apart.
 */
function mostlyUtf8(bytes: Uint8Array, maxInvalidShare: number): boolean {
  const n = Math.min(bytes.byteLength, MOSTLY_UTF8_SAMPLE);
  // a sample cut inside a character must not count against UTF-8
  const sample = Buffer.from(bytes.buffer, bytes.byteOffset, n < bytes.byteLength ? n - 4 : n).toString('utf8');
  let nonAscii = 0;
  let invalid = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c < 0x80) continue;
    if (c >= 0xdc00 && c <= 0xdfff) continue; // second half of a pair: counted with the first
    nonAscii++;
    if (c === 0xfffd) invalid++;
  }
  return nonAscii > 0 && invalid <= nonAscii * maxInvalidShare;
}

/** Encodings that may hold KS X 1001's 8-byte syllables (see euc-kr-jamo.ts). */
const KOREAN = new Set(['cp949', 'euc-kr', 'euckr', 'ks_c_5601-1987', 'uhc']);

function setText(doc: Doc, encoding: string, source: Doc['encodingSource'], bytes: Uint8Array): void {
  if (!iconv.encodingExists(encoding)) {
    doc.status = 'error';
    doc.findings.push({ code: 'encoding-unknown', severity: 'error', stage: 'decode', args: { encoding } });
    return;
  }
  doc.encoding = encoding;
  doc.encodingSource = source;
  let text: string;
  try {
    text = encoding === 'utf-8' ? decodeUtf8(bytes) : iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding, { stripBOM: true });
    // EUC-KR's 8-byte syllables (0xA4D4 and three jamo) are one character each
    if (KOREAN.has(encoding)) text = composeJamo(text);
  } catch (err) {
    // V8 strings hold at most ~2^29 characters (MAX_STRING_LENGTH); a file within --max-bytes can still decode to more
    if (!(err instanceof RangeError) && (err as NodeJS.ErrnoException).code !== 'ERR_STRING_TOO_LONG') throw err;
    doc.status = 'skipped';
    doc.findings.push({ code: 'string-too-long', severity: 'warning', stage: 'decode', args: { chars: `about ${bytes.byteLength}`, limit: constants.MAX_STRING_LENGTH } });
    return;
  }
  let replaced = 0;
  for (let i = text.indexOf('\uFFFD'); i !== -1; i = text.indexOf('\uFFFD', i + 1)) replaced++;
  if (replaced > 0)
    doc.findings.push({
      code: 'decode-replaced',
      severity: 'warning',
      stage: 'decode',
      args: { count: replaced, encoding },
    });
  doc.raw = text;
}

function sniffBom(b: Uint8Array): { encoding: string; length: number } | undefined {
  if (b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return undefined;
}

/** Magic numbers of common binary formats a scrape picks up by mistake. */
const MAGIC: [string, number[]][] = [
  ['PNG image', [0x89, 0x50, 0x4e, 0x47]],
  ['GIF image', [0x47, 0x49, 0x46, 0x38]],
  ['JPEG image', [0xff, 0xd8, 0xff]],
  ['PDF document', [0x25, 0x50, 0x44, 0x46, 0x2d]],
  ['ZIP archive', [0x50, 0x4b, 0x03, 0x04]],
  ['gzip archive', [0x1f, 0x8b]],
  ['WebP/RIFF file', [0x52, 0x49, 0x46, 0x46]],
  ['7-Zip archive', [0x37, 0x7a, 0xbc, 0xaf]],
  ['ELF executable', [0x7f, 0x45, 0x4c, 0x46]],
];

/** Why the bytes look binary, or undefined for text. `control`: their control bytes in the first SNIFF_BYTES, if counted. */
export function binaryReason(b: Uint8Array, controlShare: number, control?: number): string | undefined {
  for (const [name, magic] of MAGIC) if (magic.every((v, i) => b[i] === v)) return name;
  const n = Math.min(b.length, SNIFF_BYTES);
  control ??= controlBytes(b, n);
  if (control > n * controlShare) return `${control} control bytes in the first ${n}`;
  return undefined;
}

// node:buffer's check allocates nothing; decoding a 300 MB line just to test it would build a 300 MB string
function isUtf8(b: Uint8Array): boolean {
  return bufferIsUtf8(b);
}

/** 1 for the bytes `controlBytes` counts: C0 controls but tab, LF, VT, FF, CR and ESC, which occur in text files. */
const CONTROL = new Uint8Array(256).map((_, c) => (c < 0x20 && c !== 9 && c !== 10 && c !== 11 && c !== 12 && c !== 13 && c !== 27 ? 1 : 0));

function controlBytes(b: Uint8Array, n: number): number {
  let control = 0;
  // a sum over a table, without a branch per byte
  for (let i = 0; i < n; i++) control += CONTROL[b[i]];
  return control;
}

/**
 * Random bytes have about 10% control bytes, on the edge of the plain rule;
 * text with stray NULs is valid UTF-8 or has far fewer. So bytes that are not
 * UTF-8 are binary at a lower share.
 */
export function binaryNotUtf8Reason(b: Uint8Array, controlShare: number, control?: number): string | undefined {
  const n = Math.min(b.length, SNIFF_BYTES);
  control ??= controlBytes(b, n);
  if (control > n * controlShare && !isUtf8(b)) return `${control} control bytes in the first ${n}, and not UTF-8`;
  return undefined;
}

// node:buffer's validator (simdutf) checks the bytes without building a string
const isAscii = (b: Uint8Array): boolean => bufferIsAscii(b);

/** The charset a page declares about itself in its first bytes, if any. */
export function sniffDeclaredCharset(b: Uint8Array): string | undefined {
  const head = Buffer.from(b.buffer, b.byteOffset, Math.min(b.byteLength, DECLARATION_BYTES)).toString('latin1');
  const xml = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']?([\w.:-]+)/i.exec(head);
  if (xml) return xml[1];
  const meta = /<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head);
  if (meta) return meta[1];
  return undefined;
}
