/**
 * A JSON Lines record's line parsed: its text field's value and id, and the byte span of that value in the line
 * (found without re-encoding it, for the writer to splice the cleaned text into).
 */
import type { ReadResult } from '../../io/read.js';
import { decodeUtf8 } from '../../kit/utf8.js';
import type { RecordSource } from './place.js';

/** A line parsed as a record. */
export type ParsedRecord =
  | { ok: true; text: string; id?: string; start: number; end: number }
  | { ok: false; code: 'jsonl-malformed' | 'jsonl-no-text' | 'too-large'; args: Record<string, string | number> };

const MAX_REASON = 120;

/** Parse one line as a JSON object and find its text field. */
export function parseRecord(text: string, field: string, line: number, locate = true): ParsedRecord {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    const reason = (err as Error).message;
    return { ok: false, code: 'jsonl-malformed', args: { line, reason: reason.length > MAX_REASON ? reason.slice(0, MAX_REASON) + '…' : reason } };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { ok: false, code: 'jsonl-malformed', args: { line, reason: `a JSON ${value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value}` } };
  const record = value as Record<string, unknown>;
  const t = record[field];
  if (typeof t !== 'string') return { ok: false, code: 'jsonl-no-text', args: { line, field } };
  // only the writer needs the span, and it scans the whole line again: pass 1 (`locate` false) skips it
  const span = locate ? valueSpan(text, field) : [-1, -1];
  if (!span) return { ok: false, code: 'jsonl-malformed', args: { line, reason: 'could not locate the text field' } };
  const id = record.id;
  return { ok: true, text: t, ...(typeof id === 'string' || typeof id === 'number' ? { id: String(id) } : {}), start: span[0], end: span[1] };
}

/**
 * A record's line, parsed by the thread that cleans it: the text to clean (or
 * why there is none), with the record's id and (in pass 2, for the writer) the
 * byte span of its text value noted on `source`.
 */
export function readRecord(source: RecordSource, bytes: Uint8Array, field: string, pass: 1 | 2 = 2): ReadResult {
  const line = decodeUtf8(bytes);
  const parsed = parseRecord(line, field, source.line ?? 0, pass === 2);
  if (!parsed.ok) return { ok: false, code: parsed.code, args: parsed.args };
  if (parsed.id !== undefined) source.recordId = parsed.id;
  if (pass === 1) return { ok: true, bytes: new Uint8Array(0), text: parsed.text };
  // offsets in the string are offsets in the bytes while the line is ASCII; otherwise measure the parts around the value
  const ascii = line.length === bytes.length;
  const start = ascii ? parsed.start : Buffer.byteLength(line.slice(0, parsed.start));
  const end = ascii ? parsed.end : bytes.length - Buffer.byteLength(line.slice(parsed.end));
  source.textSpan = { start, end };
  return { ok: true, bytes: new Uint8Array(0), text: parsed.text };
}

/**
 * Span of the value of top-level `key` in the JSON object `s` (already known
 * to be valid JSON). With a repeated key the last one counts, as in JSON.parse.
 */
export function valueSpan(s: string, key: string): [number, number] | undefined {
  let i = skipSpace(s, 0);
  if (s[i] !== '{') return undefined;
  let found: [number, number] | undefined;
  i = skipSpace(s, i + 1);
  while (i < s.length && s[i] === '"') {
    const keyEnd = stringEnd(s, i);
    const name = JSON.parse(s.slice(i, keyEnd)) as string;
    i = skipSpace(s, skipSpace(s, keyEnd) + 1); // past ':'
    const end = valueEnd(s, i);
    if (name === key) found = [i, end];
    i = skipSpace(s, end);
    if (s[i] !== ',') break;
    i = skipSpace(s, i + 1);
  }
  return found;
}

function skipSpace(s: string, i: number): number {
  while (i < s.length && (s[i] === ' ' || s[i] === '\t' || s[i] === '\n' || s[i] === '\r')) i++;
  return i;
}

/** Index after the closing quote of the string starting at `i`. */
function stringEnd(s: string, i: number): number {
  let j = i + 1;
  for (;;) {
    const q = s.indexOf('"', j);
    if (q === -1) return s.length;
    let backslashes = 0;
    while (s.charCodeAt(q - 1 - backslashes) === 92) backslashes++;
    if (backslashes % 2 === 0) return q + 1;
    j = q + 1;
  }
}

function valueEnd(s: string, i: number): number {
  const c = s[i];
  if (c === '"') return stringEnd(s, i);
  if (c === '{' || c === '[') {
    let depth = 0;
    for (let j = i; j < s.length; j++) {
      const d = s[j];
      if (d === '"') j = stringEnd(s, j) - 1;
      else if (d === '{' || d === '[') depth++;
      else if (d === '}' || d === ']') {
        if (--depth === 0) return j + 1;
      }
    }
    return s.length;
  }
  let j = i;
  while (j < s.length && s[j] !== ',' && s[j] !== '}' && s[j] !== ' ' && s[j] !== '\t' && s[j] !== '\n' && s[j] !== '\r') j++;
  return j;
}
