/**
 * Training the check-worthiness model: logistic regression over hashed sparse features, fitted by
 * averaged stochastic gradient descent (constant step, weights averaged over every update, which
 * regularises without an explicit penalty). Deterministic: examples are shuffled by a seeded
 * generator, and arithmetic runs in a fixed order, so the same data and seed give the same bytes.
 * Also the compact weight encoding: Int16 quantised, base64, little-endian.
 */
import { seededRandom } from '../../core/random.js';
import { FEATURE_BITS, createFeatureVector, dot, type FeatureVector } from './features.js';

/** One training example: a feature vector, its label and its weight in the loss. */
export interface TrainingExample {
  indices: Int32Array;
  values: Float32Array;
  label: 0 | 1;
  weight: number;
}

/** Hyper-parameters of trainLogistic. */
export interface TrainOptions {
  /** Passes over the data (default 6). */
  epochs?: number;
  /** Step size (default 0.05). */
  learningRate?: number;
  /** Seed of the shuffle (default 20190101). */
  seed?: number;
}

export { seededRandom } from '../../core/random.js';

/** The logistic function. */
export function sigmoid(x: number): number {
  return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
}

/** Copies a feature vector's valid part into an example. */
export function toExample(vector: FeatureVector, label: 0 | 1, weight = 1): TrainingExample {
  return { indices: vector.indices.slice(0, vector.length), values: vector.values.slice(0, vector.length), label, weight };
}

/** Fits averaged logistic regression; returns the averaged weights (2^FEATURE_BITS of them). */
export function trainLogistic(examples: readonly TrainingExample[], options: TrainOptions = {}): Float64Array {
  const { epochs = 6, learningRate = 0.05, seed = 20190101 } = options;
  const size = 1 << FEATURE_BITS;
  const w = new Float64Array(size);
  const u = new Float64Array(size);
  const order = examples.map((_, i) => i);
  const random = seededRandom(seed);
  const view = createFeatureVector(1);
  let c = 1;
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const index of order) {
      const example = examples[index]!;
      view.indices = example.indices;
      view.values = example.values;
      view.length = example.indices.length;
      const p = sigmoid(dot(view, w));
      const g = learningRate * example.weight * (example.label - p);
      if (g !== 0) {
        for (let k = 0; k < view.length; k++) {
          const delta = g * example.values[k]!;
          w[example.indices[k]!]! += delta;
          u[example.indices[k]!]! += c * delta;
        }
      }
      c++;
    }
  }
  const averaged = new Float64Array(size);
  for (let k = 0; k < size; k++) averaged[k] = w[k]! - u[k]! / c;
  return averaged;
}

/** Encodes weights as Int16 (scaled to the largest magnitude) in base64; returns the scale too. */
export function encodeWeights(weights: Float64Array | Float32Array): { scale: number; data: string } {
  let max = 0;
  for (const value of weights) max = Math.max(max, Math.abs(value));
  const scale = max > 0 ? max / 32767 : 1;
  const bytes = new Uint8Array(weights.length * 2);
  for (let k = 0; k < weights.length; k++) {
    const q = Math.round(weights[k]! / scale) & 0xffff;
    bytes[2 * k] = q & 0xff;
    bytes[2 * k + 1] = q >>> 8;
  }
  let binary = '';
  for (let k = 0; k < bytes.length; k += 0x8000) binary += String.fromCharCode(...bytes.subarray(k, k + 0x8000));
  return { scale: Number(scale.toPrecision(9)), data: btoa(binary) };
}

/** Decodes what encodeWeights wrote. */
export function decodeWeights(scale: number, data: string): Float32Array {
  const binary = atob(data);
  const weights = new Float32Array(binary.length >>> 1);
  for (let k = 0; k < weights.length; k++) {
    const q = binary.charCodeAt(2 * k) | (binary.charCodeAt(2 * k + 1) << 8);
    weights[k] = (q >= 0x8000 ? q - 0x10000 : q) * scale;
  }
  return weights;
}
