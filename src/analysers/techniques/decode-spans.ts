/**
 * From token probabilities to spans: a token at or above the threshold starts or continues a span;
 * a single token between two span tokens joins them when it clears the lower gap threshold; spans
 * never cross sentences and are trimmed of punctuation at their edges. One pass.
 */
import type { ArticleContext } from './article-context.js';
import { SHAPE } from './tokenize.js';

/** A decoded span as a token range [first, end) with its mean token probability. */
export interface TokenSpan {
  first: number;
  end: number;
  score: number;
}

/** Decodes spans from `probability` (one per token). */
export function decodeSpans(ctx: ArticleContext, probability: Float32Array, threshold: number, gapThreshold: number): TokenSpan[] {
  const n = ctx.tokens.count;
  const spans: TokenSpan[] = [];
  let first = -1;
  const close = (end: number): void => {
    let a = first;
    let b = end;
    while (a < b && isEdgePunct(ctx, a)) a++;
    while (b > a && isEdgePunct(ctx, b - 1)) b--;
    if (b > a) {
      let sum = 0;
      for (let k = a; k < b; k++) sum += probability[k]!;
      spans.push({ first: a, end: b, score: sum / (b - a) });
    }
    first = -1;
  };
  for (let i = 0; i < n; i++) {
    const p = probability[i]!;
    const sameSentence = first < 0 || ctx.sentence[i] === ctx.sentence[first];
    if (first >= 0 && !sameSentence) close(i);
    if (p >= threshold) {
      if (first < 0) first = i;
      continue;
    }
    if (first >= 0) {
      const next = i + 1 < n ? probability[i + 1]! : 0;
      if (p >= gapThreshold && next >= threshold && ctx.sentence[i + 1] === ctx.sentence[i]) continue;
      close(i);
    }
  }
  if (first >= 0) close(n);
  return spans;
}

function isEdgePunct(ctx: ArticleContext, i: number): boolean {
  const shape = ctx.tokens.shape[i];
  return shape === SHAPE.punct;
}
