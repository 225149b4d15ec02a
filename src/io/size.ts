/**
 * Byte sizes as a user types them on the command line.
 */

const UNITS: Record<string, number> = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 };

/**
 * Parse `512M`, `300m`, `1G`, `4096`, `64KiB` (binary units, case-insensitive) into
 * bytes; undefined when it is not a positive whole size.
 */
export function parseByteSize(text: string): number | undefined {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([kmg]?)(?:i?b)?\s*$/i.exec(text);
  if (!m) return undefined;
  const bytes = Math.floor(Number(m[1]) * UNITS[m[2].toLowerCase()]);
  return Number.isSafeInteger(bytes) && bytes >= 1 ? bytes : undefined;
}
