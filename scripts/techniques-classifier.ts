/**
 * The techniques span classifier's training (scripts/train-techniques.ts): softmax regression over
 * the hashed span features of every gold span of train, and its TC accuracy on held-out spans.
 */
import type { ArticleContext } from '../src/analysers/techniques/article-context.js';
import { labelSpans } from '../src/analysers/techniques/find-techniques.js';
import { TECHNIQUE_LABELS, labelIndex } from '../src/analysers/techniques/labels.js';
import { spanFeatures } from '../src/analysers/techniques/span-features.js';
import { SEED, random, shuffle, tokenRange, type PtcArticle } from './techniques-data.js';

/** Bits of the classifier table (2^17 rows × 14 classes). */
export const CLASSIFIER_BITS = 17;

/** Softmax regression by averaged SGD over hashed span features of the gold spans. */
export function trainClassifier(contexts: readonly ArticleContext[], articles: readonly PtcArticle[], epochs: number): Float32Array {
  const K = TECHNIQUE_LABELS.length;
  const mask = (1 << CLASSIFIER_BITS) - 1;
  const instances: { features: number[]; label: number }[] = [];
  contexts.forEach((ctx, a) => {
    for (const span of articles[a]!.spans) {
      const label = labelIndex(span.technique);
      if (label < 0) continue;
      const [first, end] = tokenRange(ctx, span.start, span.end);
      instances.push({ features: spanFeatures(ctx, first, end).map((f) => f & mask), label });
    }
  });
  const w = new Float32Array((mask + 1) * K);
  const u = new Float32Array((mask + 1) * K);
  const order = Int32Array.from({ length: instances.length }, (_, i) => i);
  const next = random(SEED + 1);
  const p = new Float64Array(K);
  let c = 1;
  for (let epoch = 0; epoch < epochs; epoch++) {
    shuffle(order, next);
    const rate = Number(process.env.TT_TC_RATE ?? 0.03) / (1 + 0.3 * epoch);
    let correct = 0;
    for (const i of order) {
      const { features, label } = instances[i]!;
      p.fill(0);
      for (const f of features) for (let k = 0; k < K; k++) p[k]! += w[f * K + k]!;
      let max = -Infinity;
      let arg = 0;
      for (let k = 0; k < K; k++) if (p[k]! > max) [max, arg] = [p[k]!, k];
      if (arg === label) correct++;
      let sum = 0;
      for (let k = 0; k < K; k++) sum += p[k] = Math.exp(p[k]! - max);
      for (let k = 0; k < K; k++) {
        const g = rate * ((k === label ? 1 : 0) - p[k]! / sum);
        for (const f of features) {
          w[f * K + k]! += g;
          u[f * K + k]! += c * g;
        }
      }
      c++;
    }
    console.log(`  classifier epoch ${epoch + 1}/${epochs}: train accuracy ${(correct / instances.length).toFixed(3)}`);
  }
  for (let k = 0; k < w.length; k++) w[k] = w[k]! - u[k]! / c;
  return w;
}

/** Classifier epochs (TT_TC_EPOCHS overrides). */
export const CLASSIFIER_EPOCHS = Number(process.env.TT_TC_EPOCHS ?? 12);

/** TC accuracy (micro-F1) on gold spans; spans with identical offsets get distinct labels. */
export function classifierAccuracy(contexts: readonly ArticleContext[], articles: readonly PtcArticle[], w: Float32Array): number {
  const K = TECHNIQUE_LABELS.length;
  const mask = (1 << CLASSIFIER_BITS) - 1;
  let correct = 0;
  let total = 0;
  contexts.forEach((ctx, a) => {
    const spans = articles[a]!.spans;
    const rows = spans.map((span) => {
      const [first, end] = tokenRange(ctx, span.start, span.end);
      const scores = new Float32Array(K);
      for (const f of spanFeatures(ctx, first, end)) for (let k = 0; k < K; k++) scores[k]! += w[(f & mask) * K + k]!;
      return scores;
    });
    const predicted = labelSpans(TECHNIQUE_LABELS, rows, spans.map((s) => `${s.start}:${s.end}`));
    spans.forEach((span, i) => {
      total++;
      if (predicted[i] === span.technique) correct++;
    });
  });
  return correct / total;
}
