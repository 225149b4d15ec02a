/**
 * Guessing the encoding of bytes that are neither marked nor valid UTF-8.
 *
 * chardet (a port of ICU's detector, with byte-frequency models for the CJK
 * encodings) ranks candidates well, but it gives up on GB18030 text whose
 * characters fall outside GBK (four-byte sequences, e.g. Korean in GB18030).
 * So each candidate is also checked by decoding: the first candidate in
 * chardet's order that decodes without a single invalid sequence wins, with
 * the multi-byte CJK encodings tried before the single-byte ones unless
 * chardet is confident.
 */
import chardet from 'chardet';
import iconv from 'iconv-lite';

/** Multi-byte encodings we guess among, each decoded with its superset. */
const CJK = ['cp949', 'gb18030', 'shift_jis', 'euc-jp', 'big5'];
/** Below this chardet confidence (0–100) a single-byte guess yields to a valid CJK decoding. Ours, from the seeds in GB18030 (chardet: windows-1257 at 13). */
const CONFIDENT = 50;
/** Bytes examined; more adds time, not accuracy. */
const SAMPLE_BYTES = 64 * 1024;

/** Map the names chardet and HTML pages use to the superset iconv-lite should decode with. */
export function canonicalEncoding(name: string): string {
  const n = name.trim().toLowerCase().replace(/_/g, '-');
  switch (n) {
    case 'utf8':
    case 'utf-8':
    case 'unicode-1-1-utf-8':
      return 'utf-8';
    case 'euc-kr':
    case 'ks-c-5601-1987':
    case 'ks_c_5601-1987':
    case 'korean':
    case 'windows-949':
    case 'cp949':
    case 'uhc':
      return 'cp949';
    case 'gb2312':
    case 'gbk':
    case 'gb18030':
    case 'x-gbk':
    case 'cp936':
      return 'gb18030';
    case 'shift-jis':
    case 'sjis':
    case 'x-sjis':
    case 'ms-kanji':
    case 'windows-31j':
    case 'cp932':
      return 'shift_jis';
    case 'big5':
    case 'big5-hkscs':
    case 'cp950':
      return 'big5';
    // WHATWG maps ISO-8859-1 and ASCII labels to windows-1252
    case 'iso-8859-1':
    case 'latin1':
    case 'us-ascii':
    case 'ascii':
    case 'windows-1252':
      return 'windows-1252';
    default:
      return n;
  }
}

function invalidSequences(bytes: Buffer, encoding: string): number {
  const text = iconv.decode(bytes, encoding);
  let n = 0;
  for (let i = text.indexOf('\uFFFD'); i !== -1; i = text.indexOf('\uFFFD', i + 1)) n++;
  return n;
}

/** Best guess for bytes that are not UTF-8. Always returns an encoding iconv-lite knows. */
export function detectEncoding(bytes: Uint8Array): string {
  const sample = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, SAMPLE_BYTES));
  // A cut in the middle of a multi-byte character must not count against an encoding.
  const trimmed = sample.byteLength < bytes.byteLength ? sample.subarray(0, sample.byteLength - 4) : sample;
  const ranked = (chardet.analyse(sample) ?? [])
    .map((m) => ({ name: canonicalEncoding(m.name), confidence: m.confidence }))
    .filter((m) => iconv.encodingExists(m.name) && m.name !== 'utf-8');
  const clean = (name: string) => invalidSequences(trimmed, name) === 0;

  const top = ranked[0];
  if (top && top.confidence >= CONFIDENT && clean(top.name)) return top.name;
  const cjkOrder = [...ranked.filter((m) => CJK.includes(m.name)).map((m) => m.name), ...CJK];
  for (const name of new Set(cjkOrder)) if (clean(name)) return name;
  for (const m of ranked) if (clean(m.name)) return m.name;
  return 'windows-1252';
}
