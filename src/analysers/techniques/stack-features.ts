/**
 * Second-stage tagger features: the first-stage probabilities of the token, its neighbours and its
 * sentence, bucketed. They let the second stage join fragments into whole phrases and clauses the
 * way annotators mark them (stacked sequence learning).
 */
import type { ArticleContext } from './article-context.js';
import { mix } from './hashing.js';

/** Most stack features per token. */
export const MAX_STACK_FEATURES = 12;

function level(p: number): number {
  return p < 0.05 ? 0 : p < 0.1 ? 1 : p < 0.2 ? 2 : p < 0.3 ? 3 : p < 0.45 ? 4 : p < 0.6 ? 5 : p < 0.8 ? 6 : 7;
}

/** Per-sentence maximum and mean of first-stage probabilities. */
export function sentenceLevels(ctx: ArticleContext, p1: Float32Array): { max: Float32Array; mean: Float32Array } {
  const count = ctx.sentenceFirst.length;
  const max = new Float32Array(count);
  const mean = new Float32Array(count);
  for (let s = 0; s < count; s++) {
    const first = ctx.sentenceFirst[s]!;
    const end = ctx.sentenceEnd[s]!;
    let m = 0;
    let sum = 0;
    for (let i = first; i < end; i++) {
      m = Math.max(m, p1[i]!);
      sum += p1[i]!;
    }
    max[s] = m;
    mean[s] = end > first ? sum / (end - first) : 0;
  }
  return { max, mean };
}

/** Writes stack features of token `i` into `out` from `offset`; returns the new length. */
export function stackFeatures(
  ctx: ArticleContext,
  p1: Float32Array,
  levels: { max: Float32Array; mean: Float32Array },
  i: number,
  out: Int32Array,
  offset: number,
): number {
  const n = ctx.tokens.count;
  const at = (k: number): number => (k >= 0 && k < n ? level(p1[k]!) : 8);
  let c = offset;
  const here = at(i);
  out[c++] = mix(200, here);
  out[c++] = mix(201, at(i - 1) * 16 + here);
  out[c++] = mix(202, here * 16 + at(i + 1));
  out[c++] = mix(203, at(i - 2) * 16 + at(i - 1));
  out[c++] = mix(204, at(i + 1) * 16 + at(i + 2));
  out[c++] = mix(205, here, ctx.tokens.shape[i]!);
  let left = 0;
  for (let k = Math.max(0, i - 5); k < i; k++) left = Math.max(left, p1[k]!);
  let right = 0;
  for (let k = i + 1; k < Math.min(n, i + 6); k++) right = Math.max(right, p1[k]!);
  out[c++] = mix(206, level(left) * 16 + level(right));
  const s = ctx.sentence[i]!;
  if (s >= 0) {
    out[c++] = mix(207, level(levels.max[s]!) * 16 + level(levels.mean[s]!));
    out[c++] = mix(208, level(levels.max[s]!) * 16 + here);
  }
  return c;
}
