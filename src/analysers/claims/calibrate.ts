/**
 * Calibration of the check-worthiness model, so its confidences read as probabilities: Platt
 * scaling (a logistic curve over the raw score) fitted on out-of-fold scores of the training data,
 * and the decision threshold that maximises F1 of the check-worthy class on the same out-of-fold
 * scores. Both are weighted so the two classes weigh the same: the probability is that of a unit
 * drawn from equally many check-worthy and other statements. Deterministic (seeded folds).
 */
import { createFeatureVector, dot } from './features.js';
import { seededRandom, sigmoid, trainLogistic, type TrainingExample, type TrainOptions } from './learn.js';

/** Platt scaling p = sigmoid(a·score + b) and the check-worthy threshold on p. */
export interface Calibration {
  a: number;
  b: number;
  threshold: number;
}

/** The identity calibration (raw logistic output, threshold 0.5). */
export const NO_CALIBRATION: Calibration = { a: 1, b: 0, threshold: 0.5 };

/** Per-example weights that give both classes the same total weight. */
export function balancedWeights(labels: ArrayLike<number>): Float64Array {
  let positives = 0;
  for (let i = 0; i < labels.length; i++) positives += labels[i] === 1 ? 1 : 0;
  const negatives = labels.length - positives;
  const out = new Float64Array(labels.length);
  for (let i = 0; i < labels.length; i++) out[i] = labels[i] === 1 ? (positives ? labels.length / (2 * positives) : 0) : negatives ? labels.length / (2 * negatives) : 0;
  return out;
}

/** Weighted negative log-likelihood of p = sigmoid(a·x + b). */
function plattLoss(scores: ArrayLike<number>, labels: ArrayLike<number>, weights: ArrayLike<number>, a: number, b: number): number {
  let loss = 0;
  for (let i = 0; i < scores.length; i++) {
    const z = a * scores[i]! + b;
    // log(1 + e^z) - y·z, computed without overflow.
    loss += weights[i]! * ((z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z))) - labels[i]! * z);
  }
  return loss;
}

/** Fits p = sigmoid(a·x + b) to labelled scores by weighted maximum likelihood (damped Newton, ≤ 50 steps). */
export function fitPlatt(scores: ArrayLike<number>, labels: ArrayLike<number>, weights: ArrayLike<number>): { a: number; b: number } {
  let a = 1;
  let b = 0;
  let loss = plattLoss(scores, labels, weights, a, b);
  for (let step = 0; step < 50; step++) {
    let ga = 0;
    let gb = 0;
    let haa = 1e-9;
    let hab = 0;
    let hbb = 1e-9;
    for (let i = 0; i < scores.length; i++) {
      const x = scores[i]!;
      const p = sigmoid(a * x + b);
      const w = weights[i]!;
      const r = w * (p - labels[i]!);
      const v = w * p * (1 - p);
      ga += r * x;
      gb += r;
      haa += v * x * x;
      hab += v * x;
      hbb += v;
    }
    const det = haa * hbb - hab * hab;
    if (!(det > 0)) break;
    const da = (hbb * ga - hab * gb) / det;
    const db = (haa * gb - hab * ga) / det;
    // Halve the step until the loss does not rise (Newton alone can overshoot far from the optimum).
    let t = 1;
    let next = plattLoss(scores, labels, weights, a - da, b - db);
    while (next > loss && t > 1e-4) {
      t /= 2;
      next = plattLoss(scores, labels, weights, a - t * da, b - t * db);
    }
    if (next > loss) break;
    a -= t * da;
    b -= t * db;
    const improvement = loss - next;
    loss = next;
    if (Math.abs(t * da) + Math.abs(t * db) < 1e-10 || improvement < 1e-12 * (1 + Math.abs(loss))) break;
  }
  return { a, b };
}

/** The threshold on `probabilities` that maximises weighted F1 of class 1 (a midpoint, 3 decimals). */
export function bestF1Threshold(probabilities: ArrayLike<number>, labels: ArrayLike<number>, weights: ArrayLike<number>): number {
  const order = Array.from({ length: probabilities.length }, (_, i) => i).sort((x, y) => probabilities[y]! - probabilities[x]! || x - y);
  let positives = 0;
  for (let i = 0; i < labels.length; i++) if (labels[i] === 1) positives += weights[i]!;
  let tp = 0;
  let fp = 0;
  let best = -1;
  let threshold = 0.5;
  for (let k = 0; k < order.length; k++) {
    const i = order[k]!;
    if (labels[i] === 1) tp += weights[i]!;
    else fp += weights[i]!;
    const next = k + 1 < order.length ? probabilities[order[k + 1]!]! : 0;
    if (next === probabilities[i]) continue;
    const f1 = (2 * tp) / (2 * tp + fp + (positives - tp));
    if (f1 > best) {
      best = f1;
      threshold = (probabilities[i]! + next) / 2;
    }
  }
  return Math.round(threshold * 1000) / 1000;
}

/**
 * Out-of-fold calibration: trains on all folds but one (`folds`, default 3, stratified by a seeded
 * shuffle), scores the held-out fold, then fits Platt scaling and the F1 threshold on those scores.
 */
export function calibrate(examples: readonly TrainingExample[], options: TrainOptions = {}, folds = 3): Calibration {
  const fold = new Int32Array(examples.length);
  const random = seededRandom((options.seed ?? 20190101) ^ 0x5eed);
  for (const label of [0, 1]) {
    const members: number[] = [];
    examples.forEach((example, i) => {
      if (example.label === label) members.push(i);
    });
    for (let i = members.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [members[i], members[j]] = [members[j]!, members[i]!];
    }
    members.forEach((index, k) => (fold[index] = k % folds));
  }
  const scores = new Float64Array(examples.length);
  const view = createFeatureVector(1);
  for (let f = 0; f < folds; f++) {
    const weights = trainLogistic(
      examples.filter((_, i) => fold[i] !== f),
      options,
    );
    examples.forEach((example, i) => {
      if (fold[i] !== f) return;
      view.indices = example.indices;
      view.values = example.values;
      view.length = example.indices.length;
      scores[i] = dot(view, weights);
    });
  }
  const labels = examples.map((example) => example.label);
  const weights = balancedWeights(labels);
  const { a, b } = fitPlatt(scores, labels, weights);
  const probabilities = scores.map((score) => sigmoid(a * score + b));
  return { a: Number(a.toPrecision(9)), b: Number(b.toPrecision(9)), threshold: bestF1Threshold(probabilities, labels, weights) };
}
