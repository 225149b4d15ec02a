/**
 * A JSON Lines stream's lines, as bytes with their numbers and offsets, split on LF; and which of them are blank.
 */

/** A line read: its 1-based number and bytes, or only its size when it is over the limit. */
export interface Line {
  line: number;
  /** The line without its LF, a CR before it, or (first line) a UTF-8 byte order mark. Empty when `tooLarge`. */
  bytes: Buffer;
  /** Where `bytes` begins in the stream, in bytes. */
  offset: number;
  /** Bytes of a line longer than the limit; `bytes` is then empty (the line is never held whole). */
  tooLarge?: number;
}

/**
 * Lines of a byte stream, split on LF (a CR before it is dropped), with
 * 1-based numbers, as bytes: decoding and parsing are left to whichever thread
 * cleans the record, so the reading thread only looks for line breaks.
 * A UTF-8 byte order mark at the start is skipped. A line longer than
 * `maxBytes` is not gathered, only measured. A line's bytes may be a view of a
 * chunk that the stream handed over (not copied).
 */
export async function* readLines(chunks: AsyncIterable<Buffer | Uint8Array> | Iterable<Buffer | Uint8Array>, maxBytes = Infinity): AsyncGenerator<Line> {
  let carry: Buffer[] = [];
  let carried = 0;
  /** Stream offset of the first byte of `carry`, and of the chunk being split. */
  let carryAt = 0;
  let chunkAt = 0;
  let number = 0;
  let first = true;
  /** The line `buf[start, end)` that starts at `offset` in the stream, without a CR before its LF or a byte order mark. */
  const finish = (buf: Buffer, start: number, end: number, offset: number): Line => {
    if (end > start && buf[end - 1] === 0x0d) end--;
    const bom = first && end - start >= 3 && buf[start] === 0xef && buf[start + 1] === 0xbb && buf[start + 2] === 0xbf ? 3 : 0;
    first = false;
    return { line: number, bytes: buf.subarray(start + bom, end), offset: offset + bom };
  };
  const take = (): Line => {
    const size = carried;
    const whole = size > maxBytes ? undefined : Buffer.concat(carry);
    carry = [];
    carried = 0;
    if (!whole) {
      first = false;
      return { line: number, bytes: EMPTY, offset: carryAt, tooLarge: size };
    }
    return finish(whole, 0, whole.length, carryAt);
  };
  for await (const chunk of chunks) {
    const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    let from = 0;
    for (let nl = buf.indexOf(0x0a, from); nl !== -1; nl = buf.indexOf(0x0a, from)) {
      number++;
      if (carried > 0 || nl - from > maxBytes) {
        if (carried === 0) carryAt = chunkAt + from;
        carried += nl - from;
        if (carried <= maxBytes) carry.push(buf.subarray(from, nl));
        yield take();
      } else yield finish(buf, from, nl, chunkAt + from);
      from = nl + 1;
    }
    if (from < buf.length) {
      if (carried === 0) carryAt = chunkAt + from;
      carried += buf.length - from;
      // copy the tail (the stream may reuse the chunk's memory); past the limit, only count it
      if (carried <= maxBytes) carry.push(Buffer.from(buf.subarray(from)));
      else carry = [];
    }
    chunkAt += buf.length;
  }
  if (carried > 0) {
    number++;
    yield take();
  }
}

const EMPTY = Buffer.alloc(0);

/** True for a line of nothing but white space (such lines are not records). */
export function isBlankLine(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b === 0x20 || b === 0x09 || b === 0x0d || b === 0x0b || b === 0x0c) continue;
    // an ASCII character that is not white space settles it; other bytes may be Unicode white space (U+3000, NBSP…)
    if (b < 0x80) return false;
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8').trim() === '';
  }
  return true;
}
