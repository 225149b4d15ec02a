/**
 * Thresholds of repeated text: spans repeated inside a document (repeats) and blocks repeated across the corpus
 * (boilerplate).
 *
 * Part of the registry in ../thresholds.ts (which lists the families in `--list-thresholds` order).
 */
import { spec, type ThresholdSpec } from './spec.js';

export const REPEAT_THRESHOLDS = {
  'repeats.minChars': spec(
    50,
    'shortest repeat, in characters, removed: whole blocks repeating earlier text, or a span a block repeats of itself at its edge',
    'ours: the 50-character span of the seeds scoring check; Gopher\'s duplicate-line and n-gram filters work at sentence length',
    8,
    100000,
    true,
  ),
  'repeats.minInlineChars': spec(
    100,
    'shortest span a block repeats of itself removed when it lies strictly inside the block (a repeated phrase inside prose)',
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
} satisfies Record<string, ThresholdSpec>;
