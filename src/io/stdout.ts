/**
 * Standard output as a pipe end that may close under us: `clean-corpus | head`
 * must end quietly (exit 0, nothing on stderr) when `head` has read enough,
 * as Unix tools do. Node ignores SIGPIPE, so a closed pipe arrives as an
 * EPIPE error event; this guard catches it and lets the run stop early.
 */
import { once } from 'node:events';

export interface GuardedOutput {
  /** Write, waiting for the stream to drain when it asks to; does nothing once closed. */
  write(text: string | Uint8Array): Promise<void>;
  /** True once the reader has gone away (EPIPE) or the stream failed. */
  readonly closed: boolean;
  /** A failure other than a closed pipe (e.g. a full disk behind a redirect). */
  readonly error?: Error;
}

export function guardOutput(stream: NodeJS.WritableStream): GuardedOutput {
  let closed = false;
  let error: Error | undefined;
  stream.on('error', (err: NodeJS.ErrnoException) => {
    closed = true;
    if (err.code !== 'EPIPE' && err.code !== 'ERR_STREAM_DESTROYED') error = err;
  });
  return {
    get closed() {
      return closed;
    },
    get error() {
      return error;
    },
    async write(text) {
      if (closed) return;
      if (!stream.write(text)) {
        const ac = new AbortController();
        const settle = (event: string) => once(stream, event, { signal: ac.signal }).catch(() => {});
        await Promise.race([settle('drain'), settle('close'), settle('error')]);
        ac.abort();
      }
    },
  };
}
