/**
 * From token probabilities to spans by hysteresis: a span runs from a token at or above the
 * threshold to the last such token after it, bridging any run of tokens that stay at or above the
 * lower gap threshold in between. Spans never cross sentences and are trimmed of punctuation at
 * their edges, and of function words ("the", "and", "of"…) when `trimWords` is set: annotators rarely
 * start or end a span with one. One pass, linear in the number of tokens.
 */
import type { ArticleContext } from './article-context.js';
import { SHAPE, tokenize } from './tokenize.js';

const EDGE_WORDS = new Set(tokenize('the a an and or but of to in on at for with by as that which who is was are were be').hash);

/** A decoded span as a token range [first, end) with its mean token probability. */
export interface TokenSpan {
  first: number;
  end: number;
  score: number;
}

/** Decodes spans from `probability` (one per token). */
export function decodeSpans(ctx: ArticleContext, probability: Float32Array, threshold: number, gapThreshold: number, trimWords = false): TokenSpan[] {
  const n = ctx.tokens.count;
  const spans: TokenSpan[] = [];
  // first: start of the open span; last: its last token at or above the threshold.
  let first = -1;
  let last = -1;
  const close = (): void => {
    let a = first;
    let b = last + 1;
    while (a < b && (isEdgePunct(ctx, a) || (trimWords && EDGE_WORDS.has(ctx.tokens.hash[a]!)))) a++;
    while (b > a && (isEdgePunct(ctx, b - 1) || (trimWords && EDGE_WORDS.has(ctx.tokens.hash[b - 1]!)))) b--;
    if (b > a) {
      let sum = 0;
      for (let k = a; k < b; k++) sum += probability[k]!;
      spans.push({ first: a, end: b, score: sum / (b - a) });
    }
    first = -1;
  };
  for (let i = 0; i < n; i++) {
    const p = probability[i]!;
    if (first >= 0 && ctx.sentence[i] !== ctx.sentence[first]) close();
    if (p >= threshold) {
      if (first < 0) first = i;
      last = i;
    } else if (first >= 0 && p < gapThreshold) {
      close();
    }
  }
  if (first >= 0) close();
  return spans;
}

function isEdgePunct(ctx: ArticleContext, i: number): boolean {
  const shape = ctx.tokens.shape[i];
  return shape === SHAPE.punct;
}
