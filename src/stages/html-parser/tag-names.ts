/**
 * Lower-cased tag names without a new string per tag. A page names the same
 * few dozen elements thousands of times; slicing and lower-casing each
 * occurrence made two strings per tag (and Map and Set lookups then hash each
 * new string again). Names seen recently are kept in a small table, found by
 * a hash of their characters and compared character by character, so a
 * recurring name is the same string every time.
 */

/** Slots in the table (a power of two). Bounded: a page of random names only replaces entries. */
const SLOTS = 1024;
/** Longer names are sliced as they are; real tag names are short. */
const MAX_LENGTH = 32;
const table: (string | undefined)[] = new Array<string | undefined>(SLOTS).fill(undefined);

/** `source.slice(start, end).toLowerCase()`, the same string object for a recurring ASCII name. */
export function lowerName(source: string, start: number, end: number): string {
  const n = end - start;
  if (n <= 0 || n > MAX_LENGTH) return source.slice(start, end).toLowerCase();
  let h = n;
  for (let i = start; i < end; i++) {
    let c = source.charCodeAt(i);
    // outside ASCII, lower-casing is Unicode's (and may change the length): leave it to toLowerCase
    if (c >= 0x80) return source.slice(start, end).toLowerCase();
    if (c >= 0x41 && c <= 0x5a) c |= 0x20;
    h = (Math.imul(h, 31) + c) | 0;
  }
  const slot = (h ^ (h >>> 11)) & (SLOTS - 1);
  const known = table[slot];
  if (known !== undefined && known.length === n && sameLowerCase(known, source, start)) return known;
  const name = source.slice(start, end).toLowerCase();
  table[slot] = name;
  return name;
}

/** True when `source` from `start` holds `name` (lower-case ASCII) in any case. */
function sameLowerCase(name: string, source: string, start: number): boolean {
  for (let i = 0; i < name.length; i++) {
    let c = source.charCodeAt(start + i);
    if (c >= 0x41 && c <= 0x5a) c |= 0x20;
    if (c !== name.charCodeAt(i)) return false;
  }
  return true;
}
