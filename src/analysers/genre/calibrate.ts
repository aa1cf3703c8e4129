/**
 * Class offsets for the genre model, tuned on held-out predictions: the training set is split into
 * stratified folds, a model trained on the other folds scores each fold, and per-class logit
 * offsets are chosen by coordinate search to maximise macro-F1 on those out-of-fold scores. The
 * offsets move the decision thresholds of the rare classes (41 reporting against 382 opinion in
 * SemEval) without touching the test data. Deterministic: seeded folds, fixed grid, fixed order.
 */
import { seededRandom } from '../../core/random.js';
import { logitsOf, trainGenreModel, type GenreExample, type TrainSettings, DEFAULT_TRAIN_SETTINGS } from './model.js';

/** A labelled example for tuning; `isTarget` marks the ones the objective counts (default all). */
export interface CalibrationExample extends GenreExample {
  isTarget?: boolean;
}

/** Seeded 32-bit generator (mulberry32); see src/core/random.ts. */
export const mulberry32 = seededRandom;

/** Fold of each item: shuffled within its label (seeded), then dealt round-robin. */
export function stratifiedFolds(labels: readonly (string | number)[], folds: number, seed: number): number[] {
  const random = mulberry32(seed);
  const fold = new Array<number>(labels.length).fill(0);
  for (const label of [...new Set(labels.map(String))].sort()) {
    const members = labels.map((l, i) => (String(l) === label ? i : -1)).filter((i) => i >= 0);
    for (let i = members.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [members[i], members[j]] = [members[j]!, members[i]!];
    }
    members.forEach((index, k) => (fold[index] = k % folds));
  }
  return fold;
}

/** Macro-F1 of `predicted` against `gold` over the classes that occur in `gold`. */
export function macroF1(gold: readonly number[], predicted: readonly number[]): number {
  const classes = [...new Set(gold)];
  let sum = 0;
  for (const c of classes) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (let i = 0; i < gold.length; i++) {
      if (predicted[i] === c && gold[i] === c) tp++;
      else if (predicted[i] === c) fp++;
      else if (gold[i] === c) fn++;
    }
    sum += tp ? (2 * tp) / (2 * tp + fp + fn) : 0;
  }
  return classes.length ? sum / classes.length : 0;
}

function predict(logits: readonly number[], offsets: readonly number[]): number {
  let best = 0;
  for (let c = 1; c < logits.length; c++) if (logits[c]! + offsets[c]! > logits[best]! + offsets[best]!) best = c;
  return best;
}

/**
 * Offsets maximising macro-F1 of `logits` + offsets; ties keep the smaller change. Class 0 stays at
 * 0, and so does every class with fewer than `minSupport` gold examples (default 10): a threshold
 * tuned on two or three examples is noise.
 */
export function searchOffsets(logits: readonly (readonly number[])[], gold: readonly number[], classes: number, minSupport = 10): number[] {
  const offsets = new Array<number>(classes).fill(0);
  const support = new Array<number>(classes).fill(0);
  for (const g of gold) support[g]!++;
  const score = () => macroF1(gold, logits.map((l) => predict(l, offsets)));
  let best = score();
  for (let pass = 0; pass < 2; pass++) {
    for (let c = 1; c < classes; c++) {
      if (support[c]! < minSupport) continue;
      let bestValue = offsets[c]!;
      for (let step = -16; step <= 16; step++) {
        offsets[c] = step / 4;
        const value = score();
        if (value > best + 1e-12 || (Math.abs(value - best) <= 1e-12 && Math.abs(offsets[c]!) < Math.abs(bestValue))) {
          best = value;
          bestValue = offsets[c]!;
        }
      }
      offsets[c] = bestValue;
    }
  }
  return offsets;
}

/**
 * Per-class offsets from `folds`-fold out-of-fold logits of `examples` (only `isTarget` ones
 * count in the objective). Trains `folds` models: the caller's budget decides `folds`.
 */
export function tuneOffsets(
  examples: readonly CalibrationExample[],
  classes: readonly string[],
  dense: readonly string[],
  bucketBits: number,
  options: { folds?: number; seed?: number; settings?: TrainSettings } = {},
): number[] {
  const { folds = 3, seed = 7, settings = DEFAULT_TRAIN_SETTINGS } = options;
  const fold = stratifiedFolds(examples.map((e) => `${e.label}/${e.isTarget === false ? 0 : 1}`), folds, seed);
  const logits: number[][] = new Array<number[]>(examples.length);
  for (let f = 0; f < folds; f++) {
    const model = trainGenreModel(examples.filter((_, i) => fold[i] !== f), classes, dense, bucketBits, settings);
    examples.forEach((e, i) => {
      if (fold[i] === f) logits[i] = logitsOf(model, e.features);
    });
  }
  const target = examples.map((e, i) => (e.isTarget === false ? -1 : i)).filter((i) => i >= 0);
  return searchOffsets(target.map((i) => logits[i]!), target.map((i) => examples[i]!.label), classes.length);
}
