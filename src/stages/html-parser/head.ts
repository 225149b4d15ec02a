/**
 * WHATWG's rules for the head, which ../html-parser.ts follows where htmlparser2 does not (see its module
 * comment): the elements that stay in the head, the end tags that end it, and the insertion modes up to the body.
 */

/**
 * Elements WHATWG's "in head" insertion mode keeps in the head (its list, with `head`
 * itself); any other start tag there implies `</head>` and a `<body>`.
 */
export const headElements = new Set([
  'base', 'basefont', 'bgsound', 'link', 'meta', 'title', 'noscript', 'noframes', 'style', 'script', 'template', 'head',
]);
/** End tags that WHATWG's head modes treat as `</head>` followed by the body: `</body>`, `</html>`, `</br>`. */
export const headEndingEndTags = new Set(['body', 'html', 'br']);

/** WHATWG insertion modes up to the body, as far as the head goes. */
export const enum Mode {
  /** Nothing but `<html>` (and text that is whitespace) yet. */
  BeforeHead,
  /** A `<head>` is open, or a head element started one implicitly. */
  InHead,
  /** `</head>` seen, no body yet: head elements still belong to the head, anything else starts the body. */
  AfterHead,
  /** The body has started (explicitly or implied): htmlparser2's rules alone apply. */
  InBody,
}

/** True when `source.slice(start, end)` holds a character other than WHATWG's whitespace (tab, LF, FF, CR, space). */
export function hasNonSpace(source: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = source.charCodeAt(i);
    if (c !== 0x20 && c !== 0x0a && c !== 0x09 && c !== 0x0c && c !== 0x0d) return true;
  }
  return false;
}
