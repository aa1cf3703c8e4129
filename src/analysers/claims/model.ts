/**
 * The check-worthiness model: logistic regression over the hashed features of features.ts, with
 * weights trained by scripts/train-claims.ts and committed in weights.json (Int16, base64), and a
 * Platt calibration so scores read as probabilities (see calibrate.ts). Decoded once, when the
 * module loads; scoring a unit is one pass over its features.
 */
import { MarginaliaError } from '../../core/errors.js';
import { NO_CALIBRATION, type Calibration } from './calibrate.js';
import { cuesIn, scanCues, type Cue } from './cues.js';
import { FEATURE_BITS, createFeatureVector, dot, extractFeatures, type FeatureVector } from './features.js';
import { decodeWeights, sigmoid } from './learn.js';
import { PUNCT, tokenize, type Token } from './tokens.js';
import weightsFile from './weights.json' with { type: 'json' };

/** The shape of weights.json. */
export interface WeightsFile {
  model: string;
  featureBits: number;
  scale: number;
  weights: string;
  /** Platt scaling and check-worthy threshold; absent in older files (identity, 0.5). */
  calibration?: Calibration;
  [key: string]: unknown;
}

/** Scores claim units: the probability (0..1) that a fact-checker would find the unit worth checking. */
export interface CheckWorthinessModel {
  /** Score of tokens [from, to) of a sentence, given the sentence's cues. */
  score(tokens: readonly Token[], from: number, to: number, cues: readonly Cue[]): number;
  /** Score of a piece of text taken as one unit (for training, benchmarks and tests). */
  scoreText(text: string): number;
  /** Probability at or above which a unit counts as check-worthy (F1-optimal on held-out folds). */
  threshold: number;
}

/** Features of a piece of text taken as one unit, written into `out`. */
export function textFeatures(text: string, out: FeatureVector): void {
  const tokens = tokenize(text, 0, text.length);
  let from = 0;
  let to = tokens.length;
  while (from < to && tokens[from]!.type === PUNCT) from++;
  while (to > from && tokens[to - 1]!.type === PUNCT) to--;
  extractFeatures(tokens, from, to, cuesIn(scanCues(tokens, from, to), from, to), out);
}

/** A model over raw weights and a calibration (default: none), as the benchmark's cross-validation builds it. */
export function modelFromWeights(weights: Float32Array | Float64Array, calibration: Calibration = NO_CALIBRATION): CheckWorthinessModel {
  if (weights.length !== 1 << FEATURE_BITS) {
    throw new MarginaliaError('E_INTERNAL', `Claims model has ${weights.length} weights; expected ${1 << FEATURE_BITS} (featureBits ${FEATURE_BITS}).`);
  }
  const vector = createFeatureVector();
  const { a, b, threshold } = calibration;
  return {
    score(tokens, from, to, cues) {
      extractFeatures(tokens, from, to, cues, vector);
      return sigmoid(a * dot(vector, weights) + b);
    },
    scoreText(text) {
      textFeatures(text, vector);
      return sigmoid(a * dot(vector, weights) + b);
    },
    threshold,
  };
}

/** Loads a weights file (default: the committed weights.json). Throws E_INTERNAL on a bad file. */
export function loadModel(file: WeightsFile = weightsFile as WeightsFile): CheckWorthinessModel {
  if (file.featureBits !== FEATURE_BITS || typeof file.weights !== 'string') {
    throw new MarginaliaError('E_INTERNAL', `Claims weights file has featureBits ${String(file.featureBits)}; expected ${FEATURE_BITS}. Run npm run train:claims.`);
  }
  return modelFromWeights(decodeWeights(file.scale, file.weights), file.calibration ?? NO_CALIBRATION);
}
