/**
 * Writing JSON Lines: a kept record's line with its cleaned text spliced in place of the old value, and the
 * output files, one at a time, that the lines go to.
 */
import type { Doc } from '../../record/doc.js';
import type { StreamedOutput } from '../../io/streamed-output.js';
import type { Compression } from '../compression.js';
import type { RecordSource } from './place.js';

/**
 * The line to write for a record: its own line with the cleaned text in place
 * of the old. The final line break a cleaned file ends with is left out: a
 * record's text is a value, not a file, and a clean record must stay unchanged.
 */
export function recordLine(frame: Uint8Array, span: { start: number; end: number }, cleaned: string): string {
  const text = cleaned.endsWith('\n') ? cleaned.slice(0, -1) : cleaned;
  const bytes = Buffer.from(frame.buffer, frame.byteOffset, frame.byteLength);
  return bytes.toString('utf8', 0, span.start) + JSON.stringify(text) + bytes.toString('utf8', span.end);
}

/** A record's line as it was read. */
export const originalLine = (source: RecordSource): string | undefined =>
  source.frame && Buffer.from(source.frame.buffer, source.frame.byteOffset, source.frame.byteLength).toString('utf8');

/**
 * What a record becomes in the output: its cleaned line when kept; otherwise
 * nothing, or (with `keepOthers`, for in-place fixing) its original line.
 */
export function outputLine(doc: Doc, keepOthers: boolean): string | undefined {
  const src = doc.source as RecordSource;
  if (!src.frame) return undefined;
  if (doc.status === 'kept' && doc.output !== undefined && src.textSpan) return recordLine(src.frame, src.textSpan, doc.output);
  return keepOthers ? originalLine(src) : undefined;
}

/**
 * Sends the records of JSON Lines inputs to their output files, one file at a
 * time: records arrive in input order, so a file's records are contiguous and
 * a file is finished when a record of another file (or `close`) comes.
 */
export class JsonlOutputs {
  private current?: { target: string; out: StreamedOutput };
  /** A target given up (see `abandon`): its later records are ignored, so it is never written in part. */
  private abandoned?: string;

  /**
   * @param open  how to make the output for a target (write, compare, or both)
   * @param onClose  told of each finished output and whether it differs from the existing file
   */
  constructor(
    private readonly open: (target: string, compression?: Compression) => StreamedOutput,
    private readonly onClose: (target: string, changed: boolean) => void = () => {},
  ) {}

  /** Add a line (or nothing, to make sure the file exists) for `target`, compressed as `compression`. */
  add(target: string, line: string | undefined, compression?: Compression): void {
    if (target === this.abandoned) return;
    if (this.current?.target !== target) {
      this.close();
      this.current = { target, out: this.open(target, compression) };
    }
    if (line !== undefined) this.current!.out.append(line + '\n');
  }

  /**
   * Give up `target` (its input failed, or holds a record too large to have been kept): what was written of it is
   * dropped, its later records are ignored, and the target stays as it was. The output of a previous target is
   * complete, and is finished.
   */
  abandon(target: string): void {
    if (this.current?.target === target) {
      this.current.out.abort();
      this.current = undefined;
    } else this.close();
    this.abandoned = target;
  }

  /** Drop the open output (on interrupt): its target stays as it was. */
  abort(): void {
    this.current?.out.abort();
    this.current = undefined;
  }

  /** Finish the open output. */
  close(): void {
    const c = this.current;
    if (!c) return;
    this.current = undefined;
    this.onClose(c.target, c.out.close().changed);
  }
}
