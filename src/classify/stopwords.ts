/**
 * Small stoplists for the languages we can tell by script, and the stopword
 * density of a block (jusText's main evidence: running text is full of
 * function words, menus and link lists are not). Lists are deliberately short:
 * the most frequent function words only.
 *
 * Sources:
 * - en: the NLTK English stopword list (Bird, Klein & Loper 2009), trimmed;
 *   jusText's English list has the same core.
 * - ko: ours, after the high-frequency function words and bound forms of
 *   stopwords-iso/ko and the Sejong corpus frequency ranks; Korean particles are
 *   attached to words, so only free-standing function words count.
 * - ja: ours, after stopwords-iso/ja: the hiragana particles and auxiliaries,
 *   counted per character since Japanese has no spaces.
 * - zh: ours, after the Baidu and HIT stoplists (goto456/stopwords): the most
 *   frequent single-character function words, counted per character.
 */

export type StopLang = 'en' | 'ko' | 'ja' | 'zh';

const EN = new Set(
  `a about above after again against all am an and any are as at be because been before being below between both but by
can could did do does doing down during each few for from further had has have having he her here hers herself him himself
his how i if in into is it its itself just me more most my myself no nor not now of off on once only or other our ours
ourselves out over own same she should so some such than that the their theirs them themselves then there these they this
those through to too under until up very was we were what when where which while who whom why will with would you your
yours yourself yourselves also may might must shall one us many much`.split(/\s+/),
);

const KO = new Set(
  `이 그 저 것 수 등 및 더 또 또한 그리고 하지만 그러나 그래서 따라서 그런데 있다 있는 있고 있어 있으며 있었다 없는 없다 없이
한다 하는 했다 하고 하며 해 할 위해 위한 대한 대해 통해 같은 이런 그런 이번 이는 그는 매우 가장 모든 다른 한 두 몇
것이다 것으로 것을 것은 것이 수도 때문에 때 중 내 후 전 약 우리 우리는 저는 제가 나는 너무 아주 정말 이미 아직 다시 함께
바로 또는 혹은 즉 곧 된다 되는 됐다 되어 않고 않은 않는 않았다 이라고 라고 했다고 밝혔다 말했다`.split(/\s+/),
);

const JA = new Set([...'のにはをたがでてとしもなかられるいすだっうよねばや']);

const ZH = new Set([...'的了是在和有也不这我他她它们就都而与着或被把对为从以之其中上个于将等所但并及很还又要会可让给向到说地得那你此因如由则该各已更最']);

const HANGUL = /[\uAC00-\uD7A3]/u;
const KANA = /[\u3041-\u309F\u30A0-\u30FF]/u;
const HAN = /[\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF]/u;
const LATIN = /[A-Za-z\u00C0-\u024F]/u;
const PER_CHAR = /[\u3041-\u309F\u30A0-\u30FF\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF]/u;

/** Tokens for stopword counting: words between spaces, and each Han or kana character alone. */
export function stopTokens(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.toLowerCase().split(/\s+/)) {
    let word = '';
    for (const ch of raw) {
      if (PER_CHAR.test(ch)) {
        if (word) out.push(word);
        word = '';
        out.push(ch);
      } else if (/[\p{L}\p{N}'’]/u.test(ch)) word += ch;
      else {
        if (word) out.push(word);
        word = '';
      }
    }
    if (word) out.push(word);
  }
  return out;
}

/**
 * Whether a low density is evidence against a block. Korean function words are
 * mostly particles bound to the word before, so free-standing stopwords are
 * sparse and uneven (0 to 0.27 per paragraph in Korean news prose we measured):
 * for Korean the density only ever counts in a block's favour. Chinese news
 * prose is terse too: a two-sentence weather report in fixtures/dupes
 * (zh-portal/03-tianqi.html) measured under half the zh prose density, so
 * for Chinese, too, the density only counts in a block's favour.
 */
export const LOW_DENSITY_MEANS_NOT_PROSE: Record<StopLang, boolean> = { en: true, ko: false, ja: true, zh: false };

const LISTS: Record<StopLang, Set<string>> = { en: EN, ko: KO, ja: JA, zh: ZH };

/** Share of `tokens` on the stoplist of `lang`. */
export function stopDensity(tokens: string[], lang: StopLang): number {
  if (tokens.length === 0) return 0;
  const list = LISTS[lang];
  let n = 0;
  for (const t of tokens) if (list.has(t)) n++;
  return n / tokens.length;
}

/**
 * The stoplist language of a whole document, from its scripts: kana → ja;
 * Han without kana → zh; Hangul → ko; Latin → en only if English function
 * words are common enough (other Latin-script languages get no stoplist).
 */
export function detectStopLang(text: string): StopLang | undefined {
  let hangul = 0;
  let kana = 0;
  let han = 0;
  let latin = 0;
  const sample = text.length > 20000 ? text.slice(0, 20000) : text;
  for (const ch of sample) {
    if (HANGUL.test(ch)) hangul++;
    else if (KANA.test(ch)) kana++;
    else if (HAN.test(ch)) han++;
    else if (LATIN.test(ch)) latin++;
  }
  const letters = hangul + kana + han + latin;
  if (letters === 0) return undefined;
  if (kana / letters >= 0.05) return 'ja';
  if (hangul / letters >= 0.3) return 'ko';
  if (han / letters >= 0.3) return 'zh';
  if (latin / letters >= 0.5 && stopDensity(stopTokens(sample), 'en') >= 0.15) return 'en';
  return undefined;
}
