/**
 * Repetition found algorithmically: a phrase of two to four tokens that starts and ends with a
 * content word and recurs at least `minCount` times in the article. Every occurrence after the
 * first is marked. Uses the n-gram counts the article context already holds; linear.
 */
import { MAX_NGRAM, ngramHash, type ArticleContext } from './article-context.js';
import { SHAPE } from './tokenize.js';

/** A repeated phrase occurrence in token offsets. */
export interface RepeatMatch {
  first: number;
  end: number;
  /** How often the phrase occurs in the article. */
  count: number;
}

const FUNCTION_WORDS = new Set(
  'a an the and or but of to in on at by for with from as is are was were be been it its this that these those he she they we you i his her their our your not no'.split(' '),
);

function isContent(ctx: ArticleContext, i: number): boolean {
  const shape = ctx.tokens.shape[i];
  return shape !== SHAPE.punct && shape !== SHAPE.quote && shape !== SHAPE.number && !FUNCTION_WORDS.has(ctx.tokens.lower[i]!);
}

/** Later occurrences of repeated phrases (longest first, non-overlapping) within `include`. */
export function findRepetition(ctx: ArticleContext, include: Uint8Array, minCount = 3): RepeatMatch[] {
  const { tokens } = ctx;
  const seen = new Set<number>();
  const out: RepeatMatch[] = [];
  for (let i = 0; i < tokens.count; i++) {
    if (!include[i] || !isContent(ctx, i)) continue;
    for (let n = MAX_NGRAM; n >= 2; n--) {
      const end = i + n;
      if (end > tokens.count || !include[end - 1] || !isContent(ctx, end - 1)) continue;
      if (ctx.sentence[i] !== ctx.sentence[end - 1]) continue;
      const h = ngramHash(tokens, i, n);
      const count = ctx.ngramCounts.get(h) ?? 0;
      if (count < minCount) continue;
      if (seen.has(h)) {
        out.push({ first: i, end, count });
        i = end - 1;
      } else {
        seen.add(h);
      }
      break;
    }
  }
  return out;
}
