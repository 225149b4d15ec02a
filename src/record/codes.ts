/**
 * Every finding and every removal reason has a stable code, listed here with
 * the one sentence that describes it. Codes are part of the report format:
 * never rename one; add new ones instead. All human wording lives in this file
 * (publint-style): stages emit codes and arguments, formatters turn them into text.
 */

/** Reasons a span of text is removed. */
export const REMOVAL_CODES = {
  'repeat-within-doc': 'text repeated earlier in the same document',
  'boilerplate-corpus': 'line found in many documents of the corpus (menus, footers, notices)',
  'boilerplate-block': 'block classified as boilerplate (navigation, counters, links, metadata)',
  'repeat-across-docs': 'long paragraph already kept in an earlier document',
} as const;

/** Findings about a document as a whole. `{name}` is replaced by the argument of that name. */
export const FINDING_CODES = {
  // reading
  'read-failed': 'could not read the file: {reason}',
  'not-a-file': 'is a folder, not a file',
  'too-large': 'is {size} bytes, over the limit of {limit} bytes (--max-bytes)',
  'empty': 'is empty',
  'binary': 'looks like a binary file ({reason}), skipped',
  'special-file': 'is a {kind}, not a regular file; skipped',
  'folder-loop': 'is a symbolic link to the folder already read as {target}; skipped so the walk cannot loop',
  'string-too-long': 'decodes to {chars} characters, more than one string can hold ({limit}); skipped (lower --max-bytes to skip such files before reading)',
  // decoding
  'encoding-unknown': 'unknown encoding "{encoding}"',
  'decode-replaced': '{count} byte sequences were not valid {encoding} and became U+FFFD',
  'declared-charset-ignored': 'declares charset {declared} but is valid UTF-8; read as UTF-8',
  'control-chars-removed': '{count} control or NUL characters removed',
  // content
  'no-text': 'has no text left after cleaning',
  'duplicate-exact': 'is an exact duplicate of {of}',
  'duplicate-near': 'is a near duplicate of {of} (similarity {similarity})',
  // output
  'output-collision': 'would be written to the same place as {other}; written as {output}',
  'write-failed': 'could not write {output}: {reason}',
  // compressed inputs
  'input-corrupt': 'the {compression} stream is damaged after {records} records ({offset} bytes decompressed): {reason}; the records before it are kept',
  // WARC and WET
  'warc-record-skipped': 'record {record} (byte {offset}): {reason}, not a page; skipped',
  'warc-corrupt': 'record {record} (byte {offset}) could not be read: {reason}; the records before it are kept',
  // Parquet
  'parquet-no-column': 'has no text column "{column}" (its columns: {columns}); choose one with --text-field',
  'parquet-no-text': 'row {row}: no text in column "{column}"',
  'parquet-corrupt': 'row {row} could not be read: {reason}; the rows before it are kept',
  // JSON Lines
  'jsonl-malformed': 'line {line}: not a JSON object ({reason})',
  'jsonl-no-text': 'line {line}: no string field "{field}"',
  // anything else
  'internal-error': 'internal error in stage {stage}: {reason}',
  // check and fix modes (--check, --write)
  'would-change': 'would change: {reasons}',
  'cleaned-in-place': 'cleaned in place: {reasons}',
  'duplicate-deleted': 'deleted as a duplicate of {of}',
} as const;

export type RemovalCode = keyof typeof REMOVAL_CODES;
export type FindingCode = keyof typeof FINDING_CODES;
export type Code = RemovalCode | FindingCode;

/** The sentence for a code with its arguments filled in. */
export function describe(code: Code, args: Record<string, string | number> = {}): string {
  const template: string =
    (REMOVAL_CODES as Record<string, string>)[code] ?? (FINDING_CODES as Record<string, string>)[code] ?? code;
  return template.replace(/\{(\w+)\}/g, (_, name: string) => (name in args ? String(args[name]) : `{${name}}`));
}
