/**
 * Reading standard input whole. A piped document is read once and kept, since
 * the statistics pass reads the corpus a second time and a pipe cannot be re-read.
 */

/** All bytes of `stream`, as chunks (not joined, so a large input is not copied twice). */
export async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer[]> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream as AsyncIterable<Buffer | string>) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return chunks;
}

/** Total length of chunks. */
export const byteLength = (chunks: Buffer[]): number => chunks.reduce((n, c) => n + c.length, 0);
