/**
 * htmlparser2's Tokenizer for one whole page, with faster states for text and quoted attribute values (see
 * `PageTokenizer`). ../html-parser.ts drives it.
 */
import { Tokenizer, type TokenizerCallbacks } from 'htmlparser2';

/** The next position of one character in a string at or after a position, found with indexOf and remembered. */
class NextChar {
  private from = 0;
  private at = -1;

  constructor(
    private readonly text: string,
    private readonly char: string,
  ) {}

  /** Position of the next `char` at or after `i`, or the text's length. */
  after(i: number): number {
    if (i < this.from || this.at < i) {
      const at = this.text.indexOf(this.char, i);
      this.at = at === -1 ? this.text.length : at;
      this.from = i;
    }
    return this.at;
  }
}

/** What the faster states need of the page being read. */
interface Page {
  html: string;
  lt: NextChar;
  amp: NextChar;
  dq: NextChar;
  sq: NextChar;
}

/** The Tokenizer's private members the faster states use. */
interface TokenizerInternals {
  index: number;
  offset: number;
  buffer: string;
  /** Set by `PageTokenizer`. */
  page: Page;
  stateText(c: number): void;
  stateInAttributeValueDoubleQuotes(c: number): void;
  stateInAttributeValueSingleQuotes(c: number): void;
  fastForwardTo(c: number): boolean;
}

const LT = 0x3c;
const AMP = 0x26;
const DOUBLE_QUOTE = 0x22;
const SINGLE_QUOTE = 0x27;

/**
 * htmlparser2's Tokenizer for one whole page, with faster states. The
 * Tokenizer reads text and quoted attribute values one character per turn of
 * its loop, though in those states only '<' or '&' (text) and the closing
 * quote or '&' (values) do anything: on any other character, jump to just
 * before the next one that matters (found with indexOf, which is vectorised).
 * Its `fastForwardTo` (to the end of a script, style, comment or closing tag)
 * searches with indexOf too. The states and every event stay the Tokenizer's
 * own.
 *
 * The states are methods of this class's prototype, not of each instance, so
 * that the Tokenizer's loop calls the same functions for every page (and the
 * compiler can inline them). They reach into private methods, so they are
 * installed only when those exist; otherwise the Tokenizer stays as it is
 * (correct, only slower).
 */
export class PageTokenizer extends Tokenizer {
  readonly page: Page;

  constructor(html: string, callbacks: TokenizerCallbacks) {
    super({ decodeEntities: true, recognizeSelfClosing: true }, callbacks);
    this.page = { html, lt: new NextChar(html, '<'), amp: new NextChar(html, '&'), dq: new NextChar(html, '"'), sq: new NextChar(html, "'") };
  }
}

/** Move the Tokenizer to just before the nearer of the next `a` and `b` (the whole page is written at once: offset 0). */
function jump(self: TokenizerInternals, a: NextChar, b: NextChar): void {
  const i = self.index - self.offset;
  self.index = Math.min(a.after(i), b.after(i)) - 1 + self.offset;
}

/** The Tokenizer's `fastForwardTo`, by indexOf: move `index` to the next `c` after it, or to the last character. */
function fastForwardTo(this: TokenizerInternals, c: number): boolean {
  const buffer = this.buffer;
  const at = buffer.indexOf(c < 0x80 ? ASCII[c] : String.fromCharCode(c), this.index - this.offset + 1);
  if (at === -1) {
    // (the parse loop steps past the last character next)
    this.index = buffer.length + this.offset - 1;
    return false;
  }
  this.index = at + this.offset;
  return true;
}

/** One-character strings of the ASCII code units. */
const ASCII = Array.from({ length: 0x80 }, (_, c) => String.fromCharCode(c));

{
  const base = Tokenizer.prototype as unknown as TokenizerInternals;
  const faster = PageTokenizer.prototype as unknown as TokenizerInternals;
  const { stateText, stateInAttributeValueDoubleQuotes: inDouble, stateInAttributeValueSingleQuotes: inSingle } = base;
  if ([stateText, inDouble, inSingle, base.fastForwardTo].every((f) => typeof f === 'function')) {
    faster.stateText = function (this: TokenizerInternals, c: number) {
      const page = this.page;
      if (c === LT || c === AMP || this.buffer !== page.html) stateText.call(this, c);
      else jump(this, page.lt, page.amp);
    };
    faster.stateInAttributeValueDoubleQuotes = function (this: TokenizerInternals, c: number) {
      const page = this.page;
      if (c === DOUBLE_QUOTE || c === AMP || this.buffer !== page.html) inDouble.call(this, c);
      else jump(this, page.dq, page.amp);
    };
    faster.stateInAttributeValueSingleQuotes = function (this: TokenizerInternals, c: number) {
      const page = this.page;
      if (c === SINGLE_QUOTE || c === AMP || this.buffer !== page.html) inSingle.call(this, c);
      else jump(this, page.sq, page.amp);
    };
    faster.fastForwardTo = fastForwardTo;
  }
}
