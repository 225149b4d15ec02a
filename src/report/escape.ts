/**
 * Escaping for report.html, whose every string (page text, file names, block
 * text) is untrusted: text goes into elements escaped, data goes into one
 * JSON script element with every `<` written as `\u003c`, so no input can
 * close the element or open another.
 */

/** Text for an element's content or a quoted attribute value. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&#39;'));
}

/** JSON safe inside `<script type="application/json">`: no `<` (so no `</script>`), and no U+2028/2029 surprises. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/[<\u2028\u2029]/g, (c) => (c === '<' ? '\\u003c' : c === '\u2028' ? '\\u2028' : '\\u2029'));
}
