/**
 * `--files-from`: input paths listed in a file or on standard input, one per
 * line (`git ls-files`, `find`) or NUL-separated with `-0` (`find -print0`,
 * `git ls-files -z`), which is the only safe form for names with line breaks.
 */
import fs from 'node:fs/promises';
import { readDocument } from './stdin.js';

/** Split a list of paths. Empty entries are ignored; a CR before LF is dropped. */
export function parsePathList(content: string, nul: boolean): string[] {
  const parts = nul ? content.split('\0') : content.split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
  return parts.filter((p) => p !== '');
}

/** Read the list named by `--files-from` (`-` is standard input). Throws with the file's name when it cannot be read. */
export async function readPathList(file: string, nul: boolean, stdin: NodeJS.ReadableStream, resolve: (p: string) => string): Promise<string[]> {
  let content: string;
  if (file === '-') content = (await readDocument(stdin, Infinity)).bytes!.toString('utf8');
  else {
    try {
      content = await fs.readFile(resolve(file), 'utf8');
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      throw new Error(`--files-from ${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : (err as Error).message}`);
    }
  }
  return parsePathList(content, nul);
}
