/**
 * The techniques tagger's training (scripts/train-techniques.ts): token data with labels from the
 * gold spans, averaged-SGD logistic regression, the stacked second stage on out-of-fold stage-1
 * probabilities, and the choice of decoding thresholds on held-out articles by the official SI score.
 */
import type { ArticleContext } from '../src/analysers/techniques/article-context.js';
import { decodeSpans } from '../src/analysers/techniques/decode-spans.js';
import { tallyOverlap, type OverlapTally } from '../src/analysers/techniques/ptc-format.js';
import { MAX_STACK_FEATURES, sentenceLevels, stackFeatures } from '../src/analysers/techniques/stack-features.js';
import { tagProbabilities, type DenseLinear } from '../src/analysers/techniques/technique-model.js';
import { MAX_TOKEN_FEATURES, tokenFeatures } from '../src/analysers/techniques/token-features.js';
import { SEED, random, shuffle, tokenRange, type PtcArticle } from './techniques-data.js';

/** Bits of the tagger and stacker tables (2^18 rows; TT_BITS overrides). */
export const TAGGER_BITS = Number(process.env.TT_BITS ?? 18);

interface TaggerData {
  features: Int32Array;
  offsets: Int32Array;
  labels: Uint8Array;
  /** Weight of each positive token: 1 / (tokens in the shortest gold span covering it)^SPAN_POWER. */
  weights: Float32Array;
}

/**
 * How much the length of a gold span discounts its tokens in training (TT_SPAN_POWER overrides).
 * The SI score counts each gold span once whatever its length; with no discount a 30-token Doubt
 * clause outweighs ten one-word loaded terms in training. 0.5 (square root) measured best: see readme.md.
 */
const SPAN_POWER = Number(process.env.TT_SPAN_POWER ?? 0.5);

function taggerData(contexts: readonly ArticleContext[], articles: readonly PtcArticle[], stage1?: readonly Float32Array[]): TaggerData {
  const features: number[] = [];
  const offsets: number[] = [0];
  const labels: number[] = [];
  const weights: number[] = [];
  const buffer = new Int32Array(MAX_TOKEN_FEATURES + MAX_STACK_FEATURES);
  contexts.forEach((ctx, a) => {
    const inside = new Uint8Array(ctx.text.length + 1);
    // Length in tokens of the shortest gold span covering each character.
    const shortest = new Float32Array(ctx.text.length + 1).fill(Infinity);
    for (const span of articles[a]!.spans) {
      inside.fill(1, span.start, span.end);
      const [first, end] = tokenRange(ctx, span.start, span.end);
      for (let k = span.start; k < span.end; k++) shortest[k] = Math.min(shortest[k]!, end - first);
    }
    const p1 = stage1?.[a];
    const levels = p1 ? sentenceLevels(ctx, p1) : null;
    for (let i = 0; i < ctx.tokens.count; i++) {
      const mid = (ctx.tokens.start[i]! + ctx.tokens.end[i]! - 1) >> 1;
      labels.push(inside[mid]!);
      weights.push(inside[mid]! ? Math.pow(shortest[mid]!, -SPAN_POWER) : 1);
      let count = tokenFeatures(ctx, i, buffer);
      if (p1 && levels) count = stackFeatures(ctx, p1, levels, i, buffer, count);
      for (let f = 0; f < count; f++) features.push(buffer[f]! & ((1 << TAGGER_BITS) - 1));
      offsets.push(features.length);
    }
  });
  return { features: Int32Array.from(features), offsets: Int32Array.from(offsets), labels: Uint8Array.from(labels), weights: Float32Array.from(weights) };
}

/** Logistic regression by averaged SGD over hashed token features. */
export function trainTagger(data: TaggerData, epochs: number): Float32Array {
  const size = 1 << TAGGER_BITS;
  const w = new Float32Array(size);
  const u = new Float32Array(size);
  const order = Int32Array.from({ length: data.labels.length }, (_, i) => i);
  const next = random(SEED);
  let c = 1;
  const positiveWeight = Number(process.env.TT_POSW ?? 1.6);
  const baseRate = Number(process.env.TT_RATE ?? 0.05);
  for (let epoch = 0; epoch < epochs; epoch++) {
    shuffle(order, next);
    const rate = baseRate / (1 + epoch);
    let loss = 0;
    for (const i of order) {
      const from = data.offsets[i]!;
      const to = data.offsets[i + 1]!;
      let score = 0;
      for (let f = from; f < to; f++) score += w[data.features[f]!]!;
      const y = data.labels[i]!;
      const p = 1 / (1 + Math.exp(-Math.max(-30, Math.min(30, score))));
      loss -= Math.log(y ? p : 1 - p);
      const g = rate * (y - p) * (y ? positiveWeight * data.weights[i]! : 1);
      for (let f = from; f < to; f++) {
        const k = data.features[f]!;
        w[k]! += g;
        u[k]! += c * g;
      }
      c++;
    }
    console.log(`  tagger epoch ${epoch + 1}/${epochs}: log loss ${(loss / order.length).toFixed(4)}`);
  }
  for (let k = 0; k < size; k++) w[k] = w[k]! - u[k]! / c;
  return w;
}

/** A dense table as the model code reads it. */
export function dense(weights: Float32Array): DenseLinear {
  return { weights, mask: (1 << TAGGER_BITS) - 1, classes: 1 };
}

/** First- and second-stage tagger weights. */
export interface TwoStage {
  stage1: Float32Array;
  stage2: Float32Array | null;
}

/** Stage 1 on everything; stage 2 on out-of-fold stage-1 probabilities (3 folds). */
export function trainTwoStage(contexts: readonly ArticleContext[], articles: readonly PtcArticle[], epochs: number, stacked: boolean): TwoStage {
  const stage1 = trainTagger(taggerData(contexts, articles), epochs);
  if (!stacked) return { stage1, stage2: null };
  const folds = 3;
  const oof: Float32Array[] = new Array<Float32Array>(contexts.length);
  for (let fold = 0; fold < folds; fold++) {
    const fit = contexts.map((_, i) => i).filter((i) => i % folds !== fold);
    console.log(`  stage-1 fold ${fold + 1}/${folds}`);
    const w = trainTagger(taggerData(fit.map((i) => contexts[i]!), fit.map((i) => articles[i]!)), epochs);
    contexts.forEach((ctx, i) => {
      if (i % folds === fold) oof[i] = tagProbabilities(ctx, dense(w), null);
    });
  }
  console.log('  stage 2');
  const stage2 = trainTagger(taggerData(contexts, articles, oof), epochs);
  return { stage1, stage2 };
}

/** Decoding settings chosen on held-out articles, with the SI F1 they reach there. */
export interface DecodingChoice {
  threshold: number;
  gapThreshold: number;
  minSpanScore: number;
  /** One-token spans need at least this mean probability (0: no extra gate). */
  minSingleScore: number;
  trimWords: boolean;
  f1: number;
}

/** Threshold, gap threshold, minimum span scores and edge trimming that maximise SI F1 on held-out probabilities. */
export function tuneThresholds(contexts: readonly ArticleContext[], articles: readonly PtcArticle[], probabilities: readonly Float32Array[]): DecodingChoice {
  let best: DecodingChoice = { threshold: 0.5, gapThreshold: 0.5, minSpanScore: 0, minSingleScore: 0, trimWords: false, f1: 0 };
  for (const trimWords of [false, true])
  for (const minSingleScore of [0, 0.35, 0.4, 0.45])
  for (let threshold = 0.15; threshold <= 0.7001; threshold += 0.025) {
    for (const gapRatio of [1, 0.8, 0.6, 0.4, 0.25])
    for (const minScore of [0, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55]) {
      const tally: OverlapTally = { precisionSum: 0, recallSum: 0, predicted: 0, gold: 0 };
      contexts.forEach((ctx, a) => {
        const spans = decodeSpans(ctx, probabilities[a]!, threshold, threshold * gapRatio, trimWords).filter((s) => s.score >= minScore && (s.end - s.first > 1 || s.score >= minSingleScore)).map((s) => ({
          start: ctx.tokens.start[s.first]!,
          end: ctx.tokens.end[s.end - 1]!,
        }));
        tallyOverlap(spans, articles[a]!.spans, tally);
      });
      const p = tally.predicted ? tally.precisionSum / tally.predicted : 0;
      const r = tally.gold ? tally.recallSum / tally.gold : 0;
      const f = p + r > 0 ? (2 * p * r) / (p + r) : 0;
      if (f > best.f1) best = { threshold: Number(threshold.toFixed(3)), gapThreshold: Number((threshold * gapRatio).toFixed(3)), minSpanScore: minScore, minSingleScore, trimWords, f1: f };
    }
  }
  return best;
}
