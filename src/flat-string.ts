/**
 * A string built by `+=` (as segment builds `Doc.text`) is a rope in V8: a
 * tree of pieces. Reading it a code unit at a time (`charCodeAt` in a hot
 * loop) then goes through the rope on every read, which made the hashing
 * loops here twice as slow as on a plain string. `flat(text)` returns a
 * string with the same code units that V8 holds as one piece.
 */

/**
 * `text` itself, as one flat piece where the engine allows it. Same content
 * always: `toWellFormed` changes only lone surrogates, and is used only when
 * there are none; V8 flattens the rope for it and returns the flat string.
 */
export function flat(text: string): string {
  return text.isWellFormed() ? text.toWellFormed() : text;
}
