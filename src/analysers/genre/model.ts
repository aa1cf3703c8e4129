/**
 * The genre model: multinomial logistic regression over standardised dense features plus hashed
 * n-grams. `trainGenreModel` is deterministic (full-batch gradient descent from zero weights, fixed
 * order), so the training script reproduces weights.json exactly; `scoreGenre` gives class
 * probabilities and each dense feature's contribution, which become the reasons.
 */
import type { GenreFeatures } from './features.js';

/** The model as stored in weights.json. */
export interface GenreModel {
  version: string;
  classes: string[];
  dense: string[];
  bucketBits: number;
  mean: number[];
  std: number[];
  bias: number[];
  /** Per class, one weight per dense feature. */
  denseWeights: number[][];
  /** Per class, one weight per hashed bucket (2^bucketBits). */
  hashWeights: number[][];
}

/** A labelled example for training. */
export interface GenreExample {
  features: GenreFeatures;
  label: number;
  /** How much the example counts (default 1). */
  weight?: number;
}

/** Training settings; the defaults are the ones weights.json was trained with. */
export interface TrainSettings {
  epochs: number;
  learningRate: number;
  l2: number;
  /** Cap on the balancing weight of a rare class. */
  maxClassWeight: number;
  /** Step-size multiplier of the hashed n-gram weights (each document's n-gram vector has unit length). */
  hashRate: number;
}

/** Defaults of the committed model. */
export const DEFAULT_TRAIN_SETTINGS: TrainSettings = { epochs: 400, learningRate: 0.5, l2: 0.0005, maxClassWeight: 8, hashRate: 4 };

/** Class probabilities and the dense features' contributions to the winning class (vs. the mean of the others). */
export function scoreGenre(model: GenreModel, features: GenreFeatures): { probabilities: number[]; contributions: number[] } {
  const z = standardise(model, features.dense);
  const logits = model.bias.map((b, c) => {
    let sum = b;
    const dw = model.denseWeights[c]!;
    for (let k = 0; k < z.length; k++) sum += dw[k]! * z[k]!;
    const hw = model.hashWeights[c]!;
    for (let k = 0; k < features.buckets.length; k++) sum += (hw[features.buckets[k]!] ?? 0) * features.values[k]!;
    return sum;
  });
  const probabilities = softmax(logits);
  const best = argmax(probabilities);
  const contributions = z.map((value, k) => {
    let others = 0;
    for (let c = 0; c < model.classes.length; c++) if (c !== best) others += model.denseWeights[c]![k]!;
    return value * (model.denseWeights[best]![k]! - others / Math.max(1, model.classes.length - 1));
  });
  return { probabilities, contributions };
}

/** Index of the largest value (0 for an empty list or NaNs). */
export function argmax(values: readonly number[]): number {
  let best = 0;
  for (let k = 1; k < values.length; k++) if (values[k]! > values[best]!) best = k;
  return best;
}

function standardise(model: Pick<GenreModel, 'mean' | 'std'>, dense: readonly number[]): number[] {
  return dense.map((value, k) => (value - model.mean[k]!) / model.std[k]!);
}

function softmax(logits: readonly number[]): number[] {
  const max = Math.max(...logits);
  const exps = logits.map((l) => Math.exp(l - max));
  const total = exps.reduce((a, b) => a + b, 0);
  return exps.map((e) => e / total);
}

/** Trains a model on `examples` (labels index `classes`). Deterministic for the same input. */
export function trainGenreModel(
  examples: readonly GenreExample[],
  classes: readonly string[],
  dense: readonly string[],
  bucketBits: number,
  settings: TrainSettings = DEFAULT_TRAIN_SETTINGS,
): GenreModel {
  const C = classes.length;
  const D = dense.length;
  const B = 1 << bucketBits;
  const mean = new Array<number>(D).fill(0);
  const std = new Array<number>(D).fill(0);
  for (const ex of examples) ex.features.dense.forEach((v, k) => (mean[k]! += v / examples.length));
  for (const ex of examples) ex.features.dense.forEach((v, k) => (std[k]! += (v - mean[k]!) ** 2 / examples.length));
  for (let k = 0; k < D; k++) std[k] = Math.sqrt(std[k]!) || 1;
  const zs = examples.map((ex) => standardise({ mean, std }, ex.features.dense));
  const counts = new Array<number>(C).fill(0);
  for (const ex of examples) counts[ex.label]!++;
  const classWeight = counts.map((n) => (n ? Math.min(settings.maxClassWeight, examples.length / (C * n)) : 0));
  const totalWeight = examples.reduce((sum, ex) => sum + classWeight[ex.label]! * (ex.weight ?? 1), 0);
  const bias = new Array<number>(C).fill(0);
  const dw = Array.from({ length: C }, () => new Array<number>(D).fill(0));
  const hw = Array.from({ length: C }, () => new Float64Array(B));
  for (let epoch = 0; epoch < settings.epochs; epoch++) {
    const gb = new Array<number>(C).fill(0);
    const gd = Array.from({ length: C }, () => new Array<number>(D).fill(0));
    const gh = Array.from({ length: C }, () => new Float64Array(B));
    examples.forEach((ex, i) => {
      const z = zs[i]!;
      const f = ex.features;
      const logits = bias.map((b, c) => {
        let sum = b;
        for (let k = 0; k < D; k++) sum += dw[c]![k]! * z[k]!;
        for (let k = 0; k < f.buckets.length; k++) sum += hw[c]![f.buckets[k]!]! * f.values[k]!;
        return sum;
      });
      const p = softmax(logits);
      const w = (classWeight[ex.label]! * (ex.weight ?? 1)) / totalWeight;
      for (let c = 0; c < C; c++) {
        const err = w * (p[c]! - (c === ex.label ? 1 : 0));
        gb[c]! += err;
        for (let k = 0; k < D; k++) gd[c]![k]! += err * z[k]!;
        for (let k = 0; k < f.buckets.length; k++) gh[c]![f.buckets[k]!]! += err * f.values[k]!;
      }
    });
    const lr = settings.learningRate;
    for (let c = 0; c < C; c++) {
      bias[c]! -= lr * gb[c]!;
      for (let k = 0; k < D; k++) dw[c]![k]! -= lr * (gd[c]![k]! + settings.l2 * dw[c]![k]!);
      const row = hw[c]!;
      const grad = gh[c]!;
      for (let k = 0; k < B; k++) row[k]! -= lr * (grad[k]! * settings.hashRate + settings.l2 * row[k]!);
    }
  }
  const round = (v: number) => Math.round(v * 10_000) / 10_000;
  return {
    version: '1.0.0',
    classes: [...classes],
    dense: [...dense],
    bucketBits,
    mean: mean.map(round),
    std: std.map(round),
    bias: bias.map(round),
    denseWeights: dw.map((row) => row.map(round)),
    hashWeights: hw.map((row) => Array.from(row, round)),
  };
}
