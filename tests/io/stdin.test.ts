/**
 * Standard input read once and kept for the second pass: pass 2 gets back
 * exactly the bytes pass 1 read, from the spool file, or from memory for what
 * the spool could not take.
 */
import fs from 'node:fs';
import { Readable } from 'node:stream';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readDocument, StdinOverflow, StdinSpool } from '../../src/io/stdin.js';
import { tmpDir } from '../helpers.js';

const chunks = ['{"id":1,"text":"첫 번째"}\n{"id":2,', '"text":"second"}\n', '{"id":3,"text":"третий"}\n'].map((c) => Buffer.from(c));
const all = Buffer.concat(chunks);

async function collect(it: AsyncIterable<Buffer | Uint8Array>): Promise<Buffer> {
  const got: Buffer[] = [];
  for await (const c of it) got.push(Buffer.from(c));
  return Buffer.concat(got);
}

afterEach(() => vi.restoreAllMocks());

describe('StdinSpool', () => {
  it('gives pass 2 the bytes pass 1 read, from a file of its own that it removes', async () => {
    const dir = tmpDir();
    const warn = vi.fn();
    const spool = new StdinSpool(Readable.from(chunks), warn, dir);
    expect(await spool.isEmpty()).toBe(false);
    // the chunk read ahead to see the input is not empty is still given first
    expect(await collect(spool.first())).toEqual(all);
    const file = spool.wholeFile!;
    expect(fs.readFileSync(file)).toEqual(all);
    expect(await collect(spool.again())).toEqual(all);
    spool.dispose();
    expect(fs.readdirSync(dir)).toEqual([]);
    expect(warn).not.toHaveBeenCalled();
  });

  it('keeps the rest in memory when the spool fills up, and still gives every byte once', async () => {
    const dir = tmpDir();
    const warn = vi.fn();
    const real = fs.writeSync;
    let writes = 0;
    // the second chunk gets half written, then the disk is full
    vi.spyOn(fs, 'writeSync').mockImplementation(((fd: number, buf: Buffer, offset: number, length: number, position: number) => {
      if (++writes === 2) return real(fd, buf, offset, length >> 1, position);
      if (writes === 3) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
      return real(fd, buf, offset, length, position);
    }) as typeof fs.writeSync);
    const spool = new StdinSpool(Readable.from(chunks), warn, dir);
    // nothing to free
    const makeRoom = vi.fn(() => false);
    spool.makeRoom = makeRoom;
    expect(await collect(spool.first())).toEqual(all);
    expect(makeRoom).toHaveBeenCalledTimes(1);
    vi.restoreAllMocks();
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/^ENOSPC/));
    // not a whole copy: pass 2 cannot read records from the file by offset
    expect(spool.wholeFile).toBeUndefined();
    expect(await collect(spool.again())).toEqual(all);
    spool.dispose();
  });

  it('asks once for room when the spool fills up, and keeps the whole input in the file when it is given', async () => {
    const dir = tmpDir();
    const warn = vi.fn();
    const real = fs.writeSync;
    let full = true;
    let writes = 0;
    // the second chunk gets half written, then the disk is full until room is made
    vi.spyOn(fs, 'writeSync').mockImplementation(((fd: number, buf: Buffer, offset: number, length: number, position: number) => {
      if (++writes === 2) return real(fd, buf, offset, length >> 1, position);
      if (writes > 2 && full) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
      return real(fd, buf, offset, length, position);
    }) as typeof fs.writeSync);
    const spool = new StdinSpool(Readable.from(chunks), warn, dir);
    const makeRoom = vi.fn(() => !(full = false));
    spool.makeRoom = makeRoom;
    expect(await collect(spool.first())).toEqual(all);
    vi.restoreAllMocks();
    expect(makeRoom).toHaveBeenCalledTimes(1);
    expect(makeRoom).toHaveBeenCalledWith(expect.stringContaining(dir));
    expect(warn).not.toHaveBeenCalled();
    // the half-written chunk was written again in its place: the file holds the input, once
    expect(fs.readFileSync(spool.wholeFile!)).toEqual(all);
    expect(await collect(spool.again())).toEqual(all);
    spool.dispose();
  });

  it('keeps everything in memory when no spool can be made', async () => {
    const warn = vi.fn();
    const spool = new StdinSpool(Readable.from(chunks), warn, '/no/such/folder');
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/^ENOENT/));
    expect(await collect(spool.first())).toEqual(all);
    expect(spool.wholeFile).toBeUndefined();
    expect(await collect(spool.again())).toEqual(all);
  });

  it('stops with StdinOverflow, naming the folder and the problem, once the memory it may take is used', async () => {
    const warn = vi.fn();
    const spool = new StdinSpool(Readable.from(chunks), warn, '/no/such/folder', chunks[0].length + chunks[1].length);
    const got: Buffer[] = [];
    const failure = await (async () => {
      for await (const c of spool.first()) got.push(c);
    })().catch((err) => err);
    expect(failure).toBeInstanceOf(StdinOverflow);
    expect(failure).toMatchObject({ dir: '/no/such/folder', problem: expect.stringMatching(/^ENOENT/), limit: chunks[0].length + chunks[1].length });
    // the chunks within the limit were given; the one past it was not
    expect(Buffer.concat(got)).toEqual(Buffer.concat(chunks.slice(0, 2)));
  });

  it('tells an empty input, and stops reading one that never ends when asked', async () => {
    expect(await new StdinSpool(Readable.from([]), undefined, tmpDir()).isEmpty()).toBe(true);
    const silent = new Readable({ read() {} });
    silent.push(chunks[0]);
    const spool = new StdinSpool(silent, undefined, tmpDir());
    const reading = collect(spool.first());
    setTimeout(() => spool.stop(), 50);
    expect(await reading).toEqual(chunks[0]);
    spool.dispose();
  });
});

describe('readDocument', () => {
  it('reads a document whole, and only counts one over the limit', async () => {
    expect(await readDocument(Readable.from(chunks), 1000)).toEqual({ bytes: all, size: all.length });
    expect(await readDocument(Readable.from(chunks), 40)).toEqual({ bytes: undefined, size: all.length });
  });
});
