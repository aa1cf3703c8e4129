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
  /** Per class, a logit offset tuned on held-out predictions (calibrate.ts); none means zeros. */
  offsets?: number[];
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
export const DEFAULT_TRAIN_SETTINGS: TrainSettings = { epochs: 100, learningRate: 1.5, l2: 0.0005, maxClassWeight: 20, hashRate: 10 };

/** The model's logits for `features`, before the class offsets. */
export function logitsOf(model: GenreModel, features: GenreFeatures): number[] {
  const z = standardise(model, features.dense);
  return model.bias.map((b, c) => {
    let sum = b;
    const dw = model.denseWeights[c]!;
    for (let k = 0; k < z.length; k++) sum += dw[k]! * z[k]!;
    const hw = model.hashWeights[c]!;
    for (let k = 0; k < features.buckets.length; k++) sum += (hw[features.buckets[k]!] ?? 0) * features.values[k]!;
    return sum;
  });
}

/** Class probabilities (offsets applied) and the dense features' contributions to the winning class (vs. the mean of the others). */
export function scoreGenre(model: GenreModel, features: GenreFeatures): { probabilities: number[]; contributions: number[] } {
  const z = standardise(model, features.dense);
  const logits = logitsOf(model, features).map((l, c) => l + (model.offsets?.[c] ?? 0));
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
  const N = examples.length;
  const mean = new Array<number>(D).fill(0);
  const std = new Array<number>(D).fill(0);
  for (const ex of examples) ex.features.dense.forEach((v, k) => (mean[k]! += v / N));
  for (const ex of examples) ex.features.dense.forEach((v, k) => (std[k]! += (v - mean[k]!) ** 2 / N));
  for (let k = 0; k < D; k++) std[k] = Math.sqrt(std[k]!) || 1;
  const zs = examples.map((ex) => Float64Array.from(standardise({ mean, std }, ex.features.dense)));
  const buckets = examples.map((ex) => Int32Array.from(ex.features.buckets));
  const values = examples.map((ex) => Float64Array.from(ex.features.values));
  const counts = new Array<number>(C).fill(0);
  for (const ex of examples) counts[ex.label]!++;
  const classWeight = counts.map((n) => (n ? Math.min(settings.maxClassWeight, N / (C * n)) : 0));
  const totalWeight = examples.reduce((sum, ex) => sum + classWeight[ex.label]! * (ex.weight ?? 1), 0);
  const weightOf = examples.map((ex) => (classWeight[ex.label]! * (ex.weight ?? 1)) / totalWeight);
  const bias = new Float64Array(C);
  const dw = new Float64Array(C * D);
  const hw = new Float64Array(C * B);
  const gb = new Float64Array(C);
  const gd = new Float64Array(C * D);
  const gh = new Float64Array(C * B);
  const logits = new Float64Array(C);
  for (let epoch = 0; epoch < settings.epochs; epoch++) {
    gb.fill(0);
    gd.fill(0);
    gh.fill(0);
    for (let i = 0; i < N; i++) {
      const z = zs[i]!;
      const fb = buckets[i]!;
      const fv = values[i]!;
      let max = -Infinity;
      for (let c = 0; c < C; c++) {
        let sum = bias[c]!;
        for (let k = 0; k < D; k++) sum += dw[c * D + k]! * z[k]!;
        for (let k = 0; k < fb.length; k++) sum += hw[c * B + fb[k]!]! * fv[k]!;
        logits[c] = sum;
        if (sum > max) max = sum;
      }
      let total = 0;
      for (let c = 0; c < C; c++) total += logits[c] = Math.exp(logits[c]! - max);
      const label = examples[i]!.label;
      for (let c = 0; c < C; c++) {
        const err = weightOf[i]! * (logits[c]! / total - (c === label ? 1 : 0));
        gb[c]! += err;
        for (let k = 0; k < D; k++) gd[c * D + k]! += err * z[k]!;
        for (let k = 0; k < fb.length; k++) gh[c * B + fb[k]!]! += err * fv[k]!;
      }
    }
    const lr = settings.learningRate;
    for (let c = 0; c < C; c++) bias[c]! -= lr * gb[c]!;
    for (let k = 0; k < C * D; k++) dw[k]! -= lr * (gd[k]! + settings.l2 * dw[k]!);
    for (let k = 0; k < C * B; k++) hw[k]! -= lr * (gh[k]! * settings.hashRate + settings.l2 * hw[k]!);
  }
  const round = (v: number) => Math.round(v * 10_000) / 10_000;
  const rows = (flat: Float64Array, width: number) => Array.from({ length: C }, (_, c) => Array.from(flat.subarray(c * width, (c + 1) * width), round));
  return {
    version: '1.2.0',
    classes: [...classes],
    dense: [...dense],
    bucketBits,
    mean: mean.map(round),
    std: std.map(round),
    bias: Array.from(bias, round),
    denseWeights: rows(dw, D),
    hashWeights: rows(hw, B),
  };
}
