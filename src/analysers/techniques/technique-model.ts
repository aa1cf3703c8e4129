/**
 * The trained models, decoded once: a token tagger (is this token inside a technique span?) and a
 * span classifier (which of the 14 techniques?). Both are hashed linear models; see
 * scripts/train-techniques.ts for how they are trained and readme.md for the figures.
 */
import type { ArticleContext } from './article-context.js';
import { spanFeatures } from './span-features.js';
import { MAX_STACK_FEATURES, sentenceLevels, stackFeatures } from './stack-features.js';
import { MAX_TOKEN_FEATURES, tokenFeatures } from './token-features.js';
import { openWeights, type CodedWeights, type EncodedWeights } from './weights.js';

/** What the training script writes to model.json. */
export interface EncodedModel {
  version: string;
  trainedOn: string;
  tagger: EncodedWeights & { threshold: number; gapThreshold: number; minSpanScore: number; minSingleScore?: number; trimWords?: boolean };
  /** Second-stage tagger over the first stage's probabilities; null when trained without it. */
  stacker: EncodedWeights | null;
  classifier: EncodedWeights & { labels: string[] };
}

/** A decoded, ready-to-use model. */
export interface TechniqueModel {
  version: string;
  threshold: number;
  gapThreshold: number;
  /** Decoded spans whose mean token probability is below this are dropped. */
  minSpanScore: number;
  /** One-token spans whose probability is below this are dropped (precision gate). */
  minSingleScore: number;
  /** Trim function words at span edges when decoding (chosen on held-out train). */
  trimWords: boolean;
  labels: readonly string[];
  /** Probability that each token of the article is inside a technique span. */
  tagTokens(ctx: ArticleContext, include?: Uint8Array): Float32Array;
  /** Class probabilities (in `labels` order) for the span of tokens [first, end). */
  classify(ctx: ArticleContext, first: number, end: number): Float32Array;
}

/** A hashed linear table: dense Float32 weights (training) or coded weights read in place (model.json). */
export interface DenseLinear {
  weights: Float32Array | null;
  coded?: CodedWeights;
  mask: number;
  classes: number;
}

/** Opens `encoded` for reading in place: one base64 decode, no dense copy. */
export function denseLinear(encoded: EncodedWeights): DenseLinear {
  return { weights: null, coded: openWeights(encoded), mask: (1 << encoded.bits) - 1, classes: encoded.classes };
}

/** Logistic function, clamped so very large scores stay finite. */
export function sigmoid(score: number): number {
  return 1 / (1 + Math.exp(-Math.max(-30, Math.min(30, score))));
}

/** Softmax of the class scores for `features`, written into `out`. */
export function softmaxScores(model: DenseLinear, features: readonly number[], out: Float32Array): Float32Array {
  const { weights, coded, mask, classes } = model;
  out.fill(0);
  for (const feature of features) {
    if (weights) {
      const row = (feature & mask) * classes;
      for (let k = 0; k < classes; k++) out[k]! += weights[row + k]!;
    } else if (coded) {
      const r = coded.rowIndex ? coded.rowIndex[feature & mask]! : feature & mask;
      if (r < 0) continue;
      const { levels, codes } = coded;
      for (let k = 0; k < classes; k++) out[k]! += levels[codes[r * classes + k]!]!;
    }
  }
  let max = -Infinity;
  for (let k = 0; k < classes; k++) max = Math.max(max, out[k]!);
  let sum = 0;
  for (let k = 0; k < classes; k++) sum += out[k] = Math.exp(out[k]! - max);
  for (let k = 0; k < classes; k++) out[k]! /= sum;
  return out;
}

function score(model: DenseLinear, features: Int32Array, from: number, to: number): number {
  const { weights, coded, mask } = model;
  let sum = 0;
  if (weights) {
    for (let f = from; f < to; f++) sum += weights[features[f]! & mask]!;
  } else if (coded && !coded.rowIndex) {
    const { levels, codes } = coded;
    for (let f = from; f < to; f++) sum += levels[codes[features[f]! & mask]!]!;
  } else if (coded?.rowIndex) {
    const { levels, codes, rowIndex } = coded;
    for (let f = from; f < to; f++) {
      const r = rowIndex[features[f]! & mask]!;
      if (r >= 0) sum += levels[codes[r]!]!;
    }
  }
  return sum;
}

/**
 * Token probabilities from the first-stage tagger, refined by the second stage when given. Token
 * features are extracted once; linear in the number of tokens.
 */
export function tagProbabilities(ctx: ArticleContext, stage1: DenseLinear, stage2: DenseLinear | null, include?: Uint8Array): Float32Array {
  const n = ctx.tokens.count;
  const width = MAX_TOKEN_FEATURES + MAX_STACK_FEATURES;
  const features = new Int32Array(n * width);
  const counts = new Uint8Array(n);
  const p1 = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    if (include && !include[i]) continue;
    counts[i] = tokenFeatures(ctx, i, features, i * width);
    p1[i] = sigmoid(score(stage1, features, i * width, i * width + counts[i]!));
  }
  if (!stage2) return p1;
  const levels = sentenceLevels(ctx, p1);
  const p2 = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    if (include && !include[i]) continue;
    const end = stackFeatures(ctx, p1, levels, i, features, i * width + counts[i]!);
    p2[i] = sigmoid(score(stage2, features, i * width, end));
  }
  return p2;
}

/** Builds the model from its encoding (weights are read in place, not expanded). */
export function loadTechniqueModel(encoded: EncodedModel): TechniqueModel {
  const tagger = denseLinear(encoded.tagger);
  const stacker = encoded.stacker ? denseLinear(encoded.stacker) : null;
  const classifier = denseLinear(encoded.classifier);
  return {
    version: encoded.version,
    threshold: encoded.tagger.threshold,
    gapThreshold: encoded.tagger.gapThreshold,
    minSpanScore: encoded.tagger.minSpanScore,
    minSingleScore: encoded.tagger.minSingleScore ?? 0,
    trimWords: encoded.tagger.trimWords ?? false,
    labels: encoded.classifier.labels,
    tagTokens(ctx, include) {
      return tagProbabilities(ctx, tagger, stacker, include);
    },
    classify(ctx, first, end) {
      return softmaxScores(classifier, spanFeatures(ctx, first, end), new Float32Array(classifier.classes));
    },
  };
}
