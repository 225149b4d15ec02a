/**
 * The attributes of a tag the extractor reads (class, id, role, alt, href, and what hides an element), recognised
 * by their names in place without making a string of each name; others are not collected.
 */

/** The attributes the extractor reads; others are not collected. First occurrence wins, as in the Parser. */
export interface TagAttributes {
  class: string | undefined;
  id: string | undefined;
  role: string | undefined;
  alt: string | undefined;
  /** Whether an `<a>` is a link: an anchor without it (`<a name="part-2">`) only names a place. */
  href: string | undefined;
  /** `hidden`, `style` and `aria-hidden`: whether a reader sees the element at all. */
  hidden: string | undefined;
  style: string | undefined;
  ariaHidden: string | undefined;
}

export const enum Attr {
  Other,
  Class,
  Id,
  Role,
  Alt,
  Href,
  Hidden,
  Style,
  AriaHidden,
}

/** True when `source` from `start` spells `name` (lower-case ASCII) in any case. */
function spells(source: string, start: number, name: string): boolean {
  for (let i = 0; i < name.length; i++) {
    const c = source.charCodeAt(start + i);
    if (c !== name.charCodeAt(i) && !(c >= 0x41 && c <= 0x5a && (c | 0x20) === name.charCodeAt(i))) return false;
  }
  return true;
}

/**
 * Which collected attribute the name `source.slice(start, end)` is, once
 * lower-cased, compared in place. Folding ASCII is exact here: the only
 * characters outside ASCII that lower-case to ASCII are the Kelvin sign (to
 * `k`, in none of the names) and U+0130 (to two characters, so the length no
 * longer matches).
 */
export function attrOf(source: string, start: number, end: number): Attr {
  switch (end - start) {
    case 2:
      return spells(source, start, 'id') ? Attr.Id : Attr.Other;
    case 3:
      return spells(source, start, 'alt') ? Attr.Alt : Attr.Other;
    case 4:
      return spells(source, start, 'role') ? Attr.Role : spells(source, start, 'href') ? Attr.Href : Attr.Other;
    case 5:
      return spells(source, start, 'class') ? Attr.Class : spells(source, start, 'style') ? Attr.Style : Attr.Other;
    case 6:
      return spells(source, start, 'hidden') ? Attr.Hidden : Attr.Other;
    case 11:
      return spells(source, start, 'aria-hidden') ? Attr.AriaHidden : Attr.Other;
    default:
      return Attr.Other;
  }
}
