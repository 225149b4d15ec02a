/**
 * Where a JSON Lines record is: its source (the file and line it came from, and its bytes on the thread that
 * writes), its place in a regular file (so the thread that cleans it reads the line there itself), and its
 * locator (what a worker is given).
 */
import fs from 'node:fs';
import type { DocSource } from '../../record/doc.js';
import type { Locator } from '../../engine/source.js';
import type { ChunkReader } from '../../io/chunk-reader.js';
import type { Compression } from '../compression.js';

/** The source of a JSON Lines record (or of an empty or unreadable JSON Lines file, with `frame` and `line` absent). */
export interface RecordSource extends DocSource {
  /** Path of the file the record came from, as the user named it. */
  file: string;
  /**
   * The record's whole line as read (without its line break), as bytes. Kept on the thread that writes, for the
   * writer only: it never crosses to a worker (see executor.ts), which reads the line from its file itself
   * (RecordPlace) or, from a pipe or a compressed file, gets a copy in its locator.
   */
  frame?: Uint8Array;
  /** Byte span of the text field's JSON value in `frame`, set once the record is parsed; absent when it is not a usable record. */
  textSpan?: { start: number; end: number };
  /** How the file was compressed, which its output keeps. */
  compression?: Compression;
}

export const isRecordSource = (s: DocSource): s is RecordSource => typeof (s as RecordSource).file === 'string';

/** What a regular file was when its reading began: a worker that reads a record's line from it checks it still is. */
export interface FileStamp {
  size: number;
  mtimeMs: number;
  ino: number;
}

/**
 * Where a record's line is in its file (a regular file, not a pipe), so that the thread that cleans it reads the
 * line there itself and its bytes never cross between threads.
 */
export interface RecordPlace {
  file: string;
  offset: number;
  length: number;
  stamp: FileStamp;
}

/**
 * A record's line read from its file (through `reader`, a chunk at a time). Throws when the file is no longer what
 * it was when its reading began: its line would not be the one the writer splices the output into.
 */
export function readPlace(reader: ChunkReader, at: RecordPlace): Uint8Array {
  return reader.read(at.file, at.offset, at.length, (fd) => {
    const st = fs.fstatSync(fd);
    if (st.size !== at.stamp.size || st.mtimeMs !== at.stamp.mtimeMs || st.ino !== at.stamp.ino) throw new Error('the file changed while it was being read');
  });
}

/** The stamp of a regular file, or undefined (a pipe, or a file that cannot be read). */
export function stampOf(abs: string): FileStamp | undefined {
  try {
    const st = fs.statSync(abs);
    return st.isFile() ? { size: st.size, mtimeMs: st.mtimeMs, ino: st.ino } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A record's locator: the field to parse, and either where its line is in a regular file that is stored as it is
 * read (`at`), or the line's bytes (a pipe, a compressed file: offsets into those would not be offsets into the
 * stored bytes, so a worker must never be given one).
 */
export interface JsonlLocator extends Locator {
  format: 'jsonl';
  field: string;
  at?: RecordPlace;
  bytes?: Uint8Array;
}
