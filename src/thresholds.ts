/**
 * Every heuristic number the pipeline uses, in one registry. Each entry names
 * where its default comes from (a paper, a tool, or a measurement of ours), and
 * each can be overridden with `--set name=value` on the command line or under
 * `"thresholds"` in a config file. `clean-corpus --list-thresholds` prints them.
 */

export interface ThresholdSpec {
  /** Default value. */
  value: number;
  /** What it controls, in one line. */
  doc: string;
  /** Where the default comes from. */
  source: string;
  /** Smallest and largest accepted value. */
  min: number;
  max: number;
  /** Whole numbers only. */
  integer?: boolean;
}

const spec = (value: number, doc: string, source: string, min: number, max: number, integer = false): ThresholdSpec => ({
  value,
  doc,
  source,
  min,
  max,
  integer,
});

/**
 * The registry. Stages read their numbers from `options.thresholds[name]`,
 * never from literals, so the two cannot drift apart.
 */
export const THRESHOLDS = {
  /** Bytes read per input before it is refused as too large. */
  'input.maxBytes': spec(
    512 * 1024 * 1024,
    'largest input document, in bytes, before it is skipped as too large',
    'ours: a generous bound so one file cannot exhaust memory (the 300 MB single-line case must pass)',
    1,
    Number.MAX_SAFE_INTEGER,
    true,
  ),
  /** Share of control bytes in the first 8 KiB above which a file is binary. */
  'input.binaryControlShare': spec(
    0.1,
    'share of control bytes (besides tab, CR, LF, FF, ESC) in the first 8 KiB that marks a file as binary',
    'ours, after the heuristic of file(1) and ripgrep (a NUL marks binary); 10% tolerates stray NULs in text',
    0,
    1,
  ),
  /** Share of control bytes in the first 8 KiB above which bytes that are not UTF-8 are binary. */
  'input.binaryControlShareNotUtf8': spec(
    0.01,
    'share of control bytes in the first 8 KiB that marks a file as binary when it is not valid UTF-8',
    'ours: random bytes have ~10% control bytes (26 of 256 values) and are invalid UTF-8; legacy-encoded text has next to none',
    0,
    1,
  ),
  /** Share of invalid sequences among non-ASCII characters below which bytes are read as UTF-8 anyway. */
  'decode.utf8MaxInvalidShare': spec(
    0.02,
    'share of invalid UTF-8 sequences among non-ASCII characters (first MiB) below which a file is still read as UTF-8, bad bytes becoming U+FFFD',
    'ours: UTF-8 pages with a stray byte have well under 1%; CP949, GB18030 and windows-1252 text read as UTF-8 is nearly all invalid',
    0,
    1,
  ),
  /** HTML tags seen in a .txt file before it is parsed as HTML. */
  'input.htmlSniffTags': spec(
    3,
    'known HTML tags a non-.html file must contain before it is parsed as HTML',
    'ours: seed 002 has dozens; plain text such as "a < b" or one stray "<br>" has fewer than three',
    1,
    1000,
    true,
  ),
  /** Tokens per shingle for texts in spaced scripts. */
  'dedup.wordShingle': spec(
    5,
    'words per shingle when a text is shingled by words (duplicate detection)',
    'datatrove MinhashConfig n_grams=5; Lee et al. 2022 (Deduplicating Training Data…) shingle 5-grams',
    1,
    50,
    true,
  ),
  /** Characters per shingle for Chinese, Japanese and mixed-script texts. */
  'dedup.charShingle': spec(
    5,
    'characters per shingle when a text is shingled by characters (Chinese, Japanese, mixed scripts)',
    'data-juicer document_minhash_deduplicator: "character" tokenization for Chinese, window_size 5',
    1,
    50,
    true,
  ),
  /** Script share that switches shingling from words to characters. */
  'dedup.charShingleShare': spec(
    0.3,
    'share of letters from scripts written without spaces (Han, kana, Thai…) at or above which a text is shingled by characters',
    'ours, measured on cleaned pages with their templates: Korean seeds ≤ 0.002, Japanese fixture pages 0.90, Chinese 0.97; 0.3 is far from both, so a copy does not flip mode',
    0,
    1,
  ),
  /** MinHash signature length. */
  'dedup.hashes': spec(
    120,
    'MinHash values per document (one-permutation hashing bins); 4 bytes each',
    'ours, next to datatrove\'s 112 (14 buckets × 8): room for 20 bands × 6 rows',
    8,
    1024,
    true,
  ),
  /** LSH bands. */
  'dedup.bands': spec(
    20,
    'LSH bands; documents sharing all rows of one band become candidates (bands × rows ≤ hashes)',
    'ours: 20 × 6 makes a pair at similarity 0.7 a candidate with probability 1−(1−0.7^6)^20 ≈ 0.92, at 0.8 ≈ 0.998 (datatrove\'s 14 × 8: 0.48 and 0.92)',
    1,
    512,
    true,
  ),
  /** LSH rows per band. */
  'dedup.rows': spec(
    6,
    'MinHash values per LSH band',
    'ours, see dedup.bands; the LSH curve rises at (1/20)^(1/6) ≈ 0.61, below the confirmation threshold',
    1,
    64,
    true,
  ),
  /** Estimated Jaccard similarity at which two documents are near duplicates. */
  'dedup.threshold': spec(
    0.7,
    'estimated Jaccard similarity of shingle sets at or above which a document is a near duplicate of an earlier one',
    'data-juicer document_minhash_deduplicator jaccard_threshold 0.7; datatrove 14×8 LSH keeps pairs from ≈ (1/14)^(1/8) = 0.72 up; Lee et al. 2022 use 0.8. Ours: an edited copy of a 250-word article (three sentences touched) measures 0.72–0.78',
    0,
    1,
  ),
  /** Pass-2 check of a pass-1 long-block match. */
  'dedup.confirmThreshold': spec(
    0.4,
    'similarity of the cleaned texts needed to accept a match found in pass 1 on long blocks only',
    'ours: an edited copy under another site template shares about half its cleaned text even while the template is left in; distinct articles share under 0.2',
    0,
    1,
  ),
  /** Long block, for the pass-1 near-copy signature. */
  'nearCopies.minBlockWidth': spec(
    100,
    'width (East Asian wide characters count 2) of a block for it to count as article text in the pass-1 near-copy signature',
    'ours: menus, bylines and footers are mostly shorter lines; a short Chinese or Korean paragraph of 50 characters still counts',
    1,
    100000,
    true,
  ),
  /** Long blocks a document needs before pass 1 compares it. */
  'nearCopies.minBlocks': spec(
    3,
    'long blocks (see nearCopies.minBlockWidth) a document needs before pass 1 compares it with others',
    'ours: one or two long blocks are often site-wide (a cookie notice, a forum\'s rules); an article has more, and shorter documents are still compared in pass 2',
    1,
    1000,
    true,
  ),
  /** Long paragraph, for repeats across documents. */
  'crossDoc.minChars': spec(
    200,
    'characters a paragraph must have before a repeat of it in a later kept document is removed',
    'ours, after CCNet (Wenzek et al. 2020) paragraph-hash dedup; only long ones, since short repeats are boilerplate',
    1,
    1000000,
    true,
  ),
  // --- issue 3: unwrap, repeats, corpus boilerplate, block classifier ---
  'unwrap.maxWidth': spec(
    132,
    'widest line (in display columns, CJK counting 2) a hard-wrapped dump can have; wider texts are never unwrapped',
    'ours: text-mode browsers (lynx, w3m) and mail clients wrap at 72–80 columns, line printers at 132',
    20,
    10000,
    true,
  ),
  'unwrap.minShare': spec(
    0.5,
    'share of line breaks inside runs of text that must be forced (the next word would not have fitted) before a text is treated as hard-wrapped',
    'ours: in a wrapped dump nearly every break inside a paragraph is forced; in one-paragraph-per-line text (the seeds) short lines break freely',
    0,
    1,
  ),
  'unwrap.minLines': spec(
    4,
    'forced line breaks a text must have before it is treated as hard-wrapped',
    'ours: fewer lines cannot show a common width',
    1,
    1000000,
    true,
  ),
  'unwrap.fillRatio': spec(
    0.75,
    'a line must fill at least this share of the wrap width (and the next word must not fit) to join the next line',
    'ours, after par(1) and fmt(1): a wrapper breaks at the last space before the width, so wrapped lines fill ≥ 3/4 of it',
    0,
    1,
  ),
  // --- plain text laid out in side-by-side columns (text-mode browser dumps of table layouts) ---
  'columns.minGutter': spec(
    2,
    'narrowest gutter (display columns of spaces at the same position on every line of a region) that separates two columns',
    'ours: w3m and lynx put at least one space of cell padding on each side of a table cell; a single space is an ordinary word space',
    2,
    100,
    true,
  ),
  'columns.minLines': spec(
    6,
    'lines with text on both sides of a gutter before the gutter separates columns',
    'ours: fewer aligned gaps happen by chance in prose and lists; a table layout spans a screenful',
    2,
    1000,
    true,
  ),
  'columns.minShare': spec(
    0.5,
    'share of the non-blank lines from the first to the last line with text on both sides of a gutter that must have text on both sides of it',
    'ours: "most lines" (0.3 and 0.5 score within 0.001 on the dev set text track; the higher is the more conservative)',
    0,
    1,
  ),
  'columns.wideShare': spec(
    0.8,
    'share of the lines with text on both sides of a gutter on which it is at least columns.minGutter wide (on the others a cell filled to one space short of it)',
    'ours: w3m pads table cells with one space each side but a cell filled to its width leaves a single space; measured on the dev set text track',
    0,
    1,
  ),
  'columns.minRows': spec(
    3,
    'rows of a region that show whether its columns are the cells of a table (see columns.rowShare)',
    'ours: fewer rows cannot tell a table from a layout',
    1,
    1000,
    true,
  ),
  'columns.rowShare': spec(
    0.5,
    'share of the cells of a column starting right after the next column ended a line short of its width (a new row) that makes a region a table, read by rows',
    'ours: after a row ends short of the width three times in four (a paragraph\'s last line is as often long as not); beside a menu the article runs on, its lines filled (one in five ends short)',
    0,
    1,
  ),
  'columns.proseWidth': spec(
    24,
    'mean display width of the non-empty cells of at least one column before a region is read column by column (else it is a data table and stays by rows)',
    'ours: menus, sidebars and cells of data tables hold a few words (< 20 columns); an article column wrapped by a text-mode browser is 30–70 wide',
    1,
    1000,
  ),
  'repeats.minChars': spec(
    50,
    'shortest span, in characters, removed as repeated when it covers a whole block or reaches a block edge',
    'ours: the 50-character span of the seeds scoring check; Gopher\'s duplicate-line and n-gram filters work at sentence length',
    8,
    100000,
    true,
  ),
  'repeats.minInlineChars': spec(
    100,
    'shortest span removed as repeated when it lies strictly inside a block (a repeated phrase inside prose)',
    'ours: two sentences of prose; a shorter shared phrase (a name, a legal formula) is more often real text than a paste',
    8,
    100000,
    true,
  ),
  'boilerplate.minDocs': spec(
    3,
    'documents a short block must appear in to be corpus boilerplate (or every document, when the corpus is smaller; never fewer than 2)',
    'ours, after CCNet (Wenzek et al. 2020, §3.3), which drops any paragraph seen twice in a shard; 3 spares a short quote two articles share',
    2,
    1000000,
    true,
  ),
  'boilerplate.longChars': spec(
    120,
    'normalised length from which a block counts as long: long blocks need the stricter long-block thresholds',
    'ours: about two sentences; menus, footers and notices are shorter, syndicated paragraphs longer',
    1,
    100000,
    true,
  ),
  'boilerplate.longMinDocs': spec(
    5,
    'documents a long block must appear in to be corpus boilerplate',
    'ours: a syndicated article is shared by a few documents and is content (issue 4: order matters)',
    2,
    1000000,
    true,
  ),
  'boilerplate.longShare': spec(
    0.05,
    'share of the counted documents a long block must also appear in to be corpus boilerplate',
    'ours: a long disclaimer on every page of a site reaches this; a story syndicated to a few sites does not',
    0,
    1,
  ),
  'region.minParagraphChars': spec(
    25,
    'fewest characters a paragraph needs to give score to the elements around it when the content region is chosen',
    'Mozilla Readability _grabArticle (paragraphs under 25 characters are not scored)',
    0,
    100000,
    true,
  ),
  'region.minChars': spec(
    500,
    'a content region with fewer characters makes the scorer try again, leaving out less, and keep the attempt with the most text',
    'Mozilla Readability DEFAULT_CHAR_THRESHOLD (500)',
    0,
    10000000,
    true,
  ),
  'region.siblingShare': spec(
    0.2,
    'a sibling of the top container joins the content region when it scores this share of the top container (and at least 10)',
    'Mozilla Readability _grabArticle (siblingScoreThreshold = max(10, topScore * 0.2))',
    0,
    10,
  ),
  'classify.lengthLow': spec(
    70,
    'weighted length below which a block is "short" and takes its class from its neighbours',
    'jusText length_low (Pomikálek 2011)',
    0,
    100000,
    true,
  ),
  'classify.lengthHigh': spec(
    200,
    'weighted length from which a prose block is "good" on its own; shorter prose is "near-good"',
    'jusText length_high (Pomikálek 2011)',
    0,
    100000,
    true,
  ),
  'classify.weightHangul': spec(
    1.5,
    'length weight of a Hangul syllable (a Latin character weighs 1)',
    'ours: a Korean eojeol of ~3 syllables and a space carries about one English word of ~6 characters',
    0,
    10,
  ),
  'classify.weightHan': spec(
    3,
    'length weight of a Han ideograph',
    'ours: a Chinese word averages ~1.7 characters against ~6 for English (with its space)',
    0,
    10,
  ),
  'classify.weightKana': spec(
    2,
    'length weight of a kana character',
    'ours: Japanese mixes kana and kanji; kana carry less than an ideograph',
    0,
    10,
  ),
  'classify.maxLinkDensity': spec(
    0.2,
    'share of an HTML block\'s characters inside links above which it is navigation',
    'jusText max_link_density (Pomikálek 2011)',
    0,
    1,
  ),
  'classify.maxProseLinkDensity': spec(
    0.5,
    'share of a prose block\'s characters inside links above which it is navigation all the same (prose: long, punctuated, with function words)',
    'Mozilla Readability _cleanConditionally: a block with weight >= 25 goes only above link density 0.5; jusText\'s 0.2 drops prose that cites its sources',
    0,
    1,
  ),
  'classify.regionMinShare': spec(
    0.6,
    'the content region\'s text is kept when it holds at least this share of what the block classifier keeps over the whole page; otherwise the classifier\'s reading is kept',
    'ours: dev set token F1 over 0.3-1.0 (dragnet 0.885-0.879, cleaneval 0.863-0.879); trafilatura likewise falls back when its extraction is short against its baselines',
    0,
    10,
  ),
  'classify.headlineMinChars': spec(
    12,
    'fewest letters and digits a block needs to be taken for the headline the page\'s <title> names',
    'ours: a section name ("News", "Sport") in a title must not pass for the headline; most headlines are three words or more',
    1,
    10000,
    true,
  ),
  'classify.minLetterShare': spec(
    0.5,
    'share of letters among the non-space characters below which a block is symbols, numbers or code',
    'ours, after Gopher\'s rule that 80% of words hold a letter (Rae et al. 2021, A1) relaxed for short lines',
    0,
    1,
  ),
  'classify.maxDigitTokenShare': spec(
    0.4,
    'share of space-separated tokens holding a digit above which an unpunctuated line is numbers (tickers, tables, metadata)',
    'ours: running text stays under 20%; ticker rows and "views 3 · comments 0" lines are over half',
    0,
    1,
  ),
  'classify.metaMaxChars': spec(
    80,
    'longest line that can be a date, counter or contact line (dates and counters inside longer prose are text)',
    'ours: a dateline or byline is a phrase, not a sentence',
    1,
    100000,
    true,
  ),
  'classify.maxHeadingDistance': spec(
    200,
    'characters between a heading-like line and the next good block within which the heading is kept',
    'jusText max_heading_distance (Pomikálek 2011)',
    0,
    100000,
    true,
  ),
  'classify.headingMinChars': spec(
    10,
    'fewest characters a plain-text line needs to be taken as a heading (shorter lines are labels and menu items)',
    'ours: section labels such as "News" or a category name are shorter than a title',
    1,
    1000,
    true,
  ),
  'classify.stopwordShare': spec(
    0.5,
    'a punctuated block whose stopword density falls below this share of its language\'s prose density is not prose (tag lists, keyword lines)',
    'ours, after jusText stopwords_low/high (0.30/0.32 for English prose)',
    0,
    1,
  ),
  'classify.wrapperShare': spec(
    0.85,
    'an HTML class/id or tag that encloses more than this share of a page\'s text is a page wrapper, not evidence of boilerplate',
    'ours: "with-sidebar" on <body> or an ASP.NET <form> around the page must not condemn the article; a comment thread rarely holds 85% of a page',
    0,
    1,
  ),
  'classify.labelMaxWords': spec(
    3,
    'words besides dates and times a line may hold and still be a dateline ("Posted on", "입력", "更新")',
    'ours: a label before a date is one to three words; a sentence with a date is longer',
    0,
    100,
    true,
  ),
  'classify.stopwords.en': spec(
    0.32,
    'stopword density of English prose (the en stoplist)',
    'jusText stopwords_high for English (Pomikálek 2011)',
    0,
    1,
  ),
  'classify.stopwords.ko': spec(
    0.1,
    'stopword density from which an unpunctuated Korean block reads as prose (free-standing function words only)',
    'ours: 0–0.27 per paragraph, median ~0.09, in the Korean news prose of the seeds; used only in a block\'s favour',
    0,
    1,
  ),
  'classify.stopwords.ja': spec(
    0.35,
    'density of hiragana particles and auxiliaries in Japanese prose (the ja list, per character)',
    'ours: 0.48–0.55 in the prose of fixtures/pages/ja-blog.txt, 0.11 in its footer; a small sample',
    0,
    1,
  ),
  'classify.stopwords.zh': spec(
    0.2,
    'density of function characters in Chinese prose (the zh list, per character)',
    'ours: 0.15–0.29 in the prose of fixtures/pages/zh-news.html; a small sample',
    0,
    1,
  ),
  /** Input bytes per job a run must have for worker threads, when the size of its inputs is known before it starts. */
  'parallel.minBytesPerJob': spec(
    16 * 1024 * 1024,
    'named files and folders: worker threads are started only when the inputs hold more than this many bytes per --jobs (decided before the first document); smaller runs stay in one thread',
    'ours (2026-11-23, 2-core bench machine, full pipeline, bench pages of ~4.4 KB): a worker costs ~1 s of CPU (its start, and its own compiler warming up) plus ~0.1 ms a page. --jobs 2 against 1, wall time: JSON Lines 8.4 MB 1.88 vs 1.37 s, 16.8 MB 2.43 vs 2.00 s, 33.6 MB 3.29 vs 3.08 s, 67 MB 4.83 vs 5.26 s (break-even ~45 MB); one file per page 22.4 MB 3.40 vs 3.40 s, 35 MB 4.61 vs 4.96 s, 55.7 MB 6.04 vs 7.39 s (break-even ~22 MB). 16 MB a job (32 MB for two) sits between the two; with more cores each worker warms up on a core of its own, so it is the cautious side there',
    0,
    2 ** 40,
    true,
  ),
  /** Documents per job a run must have before worker threads are started, when the size of its input is not known (standard input). */
  'parallel.minDocsPerJob': spec(
    200,
    'standard input: worker threads are started once more than this many documents per --jobs have been read; smaller runs stay in one thread',
    'ours (2026-11-23, 2-core bench machine): a worker pays for itself only after ~5,000 pages of ~4 KB (see parallel.minBytesPerJob), but on a stream the run cannot know how many follow, and a worker started late gains less: 128 MB of JSON Lines took 7.6–7.7 s with workers started after 400 pages, 7.8–7.9 s after 6,000. So they start early, at the price of ~0.4 s on runs of a few thousand pages',
    0,
    1_000_000,
    true,
  ),
  // --- issue 22: the report's files and page ---
  /** Distinct corpus-boilerplate blocks the report's dictionary holds; later ones keep their text in documents.jsonl. */
  'report.dictionaryMax': spec(
    50_000,
    'distinct corpus-boilerplate blocks named once in report.json and by id in documents.jsonl; blocks met after the dictionary is full keep their text on each line',
    'ours: the bench corpus of 128 MB has a few thousand distinct boilerplate blocks; 50,000 of at most 2,000 characters bound the dictionary to ~100 MB of memory in the worst case, ~10 MB typically',
    0,
    10_000_000,
    true,
  ),
  /** Documents report.html embeds; a larger corpus gets those that lost the most and a fixed sample. */
  'report.pageDocs': spec(
    5_000,
    'documents embedded in report.html; above it, half are those that lost the largest share of their text and half a fixed sample (by a hash of the name)',
    'issue 22 ("say, above 5,000 documents"): at ~6 KB of text a page, a page of ~30 MB that a browser still opens',
    2,
    1_000_000,
    true,
  ),
  /** Characters of each document's text the page shows. */
  'report.pageDocChars': spec(
    10_000,
    'characters of each embedded document report.html shows (removed spans past it are listed, not shown)',
    'ours: twice the bench pages\' median of ~5,000 characters; bounds the page and the memory that gathers it (5,000 × 10,000 characters ≈ 100 MB at worst)',
    100,
    10_000_000,
    true,
  ),
} satisfies Record<string, ThresholdSpec>;

export type ThresholdName = keyof typeof THRESHOLDS;
export type Thresholds = Record<ThresholdName, number>;

/** Default value of every threshold. */
export function defaultThresholds(): Thresholds {
  const out = {} as Thresholds;
  for (const [name, s] of Object.entries(THRESHOLDS) as [ThresholdName, ThresholdSpec][]) out[name] = s.value;
  return out;
}

/** Check and apply overrides; returns an error sentence for the first bad one. */
export function applyThresholds(base: Thresholds, overrides: Record<string, unknown>): string | undefined {
  for (const [name, raw] of Object.entries(overrides)) {
    const s = (THRESHOLDS as Record<string, ThresholdSpec>)[name];
    if (!s) return `unknown threshold "${name}" (see --list-thresholds)`;
    const value = typeof raw === 'number' ? raw : Number(raw);
    if (!Number.isFinite(value) || (s.integer && !Number.isInteger(value)) || value < s.min || value > s.max)
      return `threshold "${name}" takes ${s.integer ? 'a whole number' : 'a number'} from ${s.min} to ${s.max}, not "${String(raw)}"`;
    (base as Record<string, number>)[name] = value;
  }
  return undefined;
}
