/**
 * Thresholds of duplicate detection: MinHash shingles and LSH bands (dedup), the pass-1 near-copy signature
 * (nearCopies), and long paragraphs repeated across documents (crossDoc).
 *
 * Part of the registry in ../thresholds.ts (which lists the families in `--list-thresholds` order).
 */
import { spec, type ThresholdSpec } from './spec.js';

export const DEDUP_THRESHOLDS = {
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
} satisfies Record<string, ThresholdSpec>;
