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
import { isAscii as bufferIsAscii, isUtf8 as bufferIsUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';
import type { Doc } from '../doc.js';
import type { Options } from '../options.js';
import { detectEncoding, canonicalEncoding } from './detect-encoding.js';

const SNIFF_BYTES = 8192;
/** Bytes scanned for a charset declaration; HTML requires it in the first 1024 (WHATWG), we allow more for sloppy pages. */
const DECLARATION_BYTES = 4096;


export function decode(doc: Doc, options: Options): void {
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

  const binary = binaryReason(bytes, options.thresholds['input.binaryControlShare']);
  if (binary) {
    doc.status = 'skipped';
    doc.findings.push({ code: 'binary', severity: 'warning', stage: 'decode', args: { reason: binary } });
    return;
  }

  if (options.encoding) {
    setText(doc, options.encoding, 'forced', bytes);
    return;
  }

  const declared = sniffDeclaredCharset(bytes);
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
  setText(doc, detectEncoding(bytes), 'detected', bytes);
}

function setText(doc: Doc, encoding: string, source: Doc['encodingSource'], bytes: Uint8Array): void {
  if (!iconv.encodingExists(encoding)) {
    doc.status = 'error';
    doc.findings.push({ code: 'encoding-unknown', severity: 'error', stage: 'decode', args: { encoding } });
    return;
  }
  doc.encoding = encoding;
  doc.encodingSource = source;
  const text = encoding === 'utf-8' ? Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8') : iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding, { stripBOM: true });
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

/** Why the bytes look binary, or undefined for text. */
export function binaryReason(b: Uint8Array, controlShare: number): string | undefined {
  for (const [name, magic] of MAGIC) if (magic.every((v, i) => b[i] === v)) return name;
  const n = Math.min(b.length, SNIFF_BYTES);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const c = b[i];
    // tab, LF, VT, FF, CR and ESC occur in text files
    if (c < 0x20 && c !== 9 && c !== 10 && c !== 11 && c !== 12 && c !== 13 && c !== 27) control++;
  }
  if (control > n * controlShare) return `${control} control bytes in the first ${n}`;
  return undefined;
}

// node:buffer's validators (simdutf) check the bytes without building a string; a fatal TextDecoder decoded every document twice.
const isUtf8 = (b: Uint8Array): boolean => bufferIsUtf8(b);
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
