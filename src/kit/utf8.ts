/**
 * UTF-8 bytes → string, fast. `Buffer#toString('utf8')` goes through V8's
 * UTF-8 decoder, which on Node 20 decodes text outside ASCII at about
 * 250 MB/s: 140 ms for the 34 MB of a bench corpus of CJK pages, the largest
 * single cost of reading a JSON Lines record. ICU's converter behind
 * `buffer.transcode` (UTF-8 → UTF-16LE) and a UTF-16 slice take 25–40 ms for
 * the same bytes (our measurement, scripts/bench/prepare-stages.js).
 */
import { isAscii, isUtf8, transcode } from 'node:buffer';

/**
 * Above this many bytes a line is decoded by `toString`: `transcode` holds a
 * UTF-16 copy (twice the bytes) beside the string it becomes, and a line of
 * hundreds of MB should not cost that.
 */
const MAX_TRANSCODE_BYTES = 16 << 20;

/**
 * `Buffer.from(bytes).toString('utf8')`, the same string, faster. Only valid
 * UTF-8 takes the fast paths (ASCII as Latin-1, the rest through ICU), so
 * invalid sequences become U+FFFD exactly as `toString` makes them; and a
 * Node built without ICU (no `transcode`) decodes as before.
 */
export function decodeUtf8(bytes: Uint8Array): string {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // every byte below 0x80: the Latin-1 reading is the UTF-8 one, and copies bytes
  if (isAscii(buf)) return buf.toString('latin1');
  if (typeof transcode !== 'function' || buf.length > MAX_TRANSCODE_BYTES || !isUtf8(buf)) return buf.toString('utf8');
  // (a byte order mark inside is kept as U+FEFF, as toString keeps it: ICU's "UTF-8" converter strips none)
  return transcode(buf, 'utf8', 'utf16le').toString('utf16le');
}
