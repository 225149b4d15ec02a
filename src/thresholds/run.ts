/**
 * Thresholds of the run rather than the text: when worker threads start (parallel), and how much the report
 * holds (report).
 *
 * Part of the registry in ../thresholds.ts (which lists the families in `--list-thresholds` order).
 */
import { spec, type ThresholdSpec } from './spec.js';

export const RUN_THRESHOLDS = {
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
