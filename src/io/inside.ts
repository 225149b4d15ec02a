/** Whether one path lies within another: shared by the folder walk and the input list (which imports the walk). */
import path from 'node:path';

/** Is `child` the same as or inside `parent`? */
export function isInside(child: string, parent: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}
