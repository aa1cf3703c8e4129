/**
 * Calibration of the check-worthiness model: Platt scaling recovers a known curve, the F1
 * threshold falls where the classes part, balanced weights give both classes the same mass, and
 * out-of-fold calibration is deterministic.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { balancedWeights, bestF1Threshold, calibrate, fitPlatt } from '../src/analysers/claims/calibrate.js';
import { seededRandom, sigmoid, type TrainingExample } from '../src/analysers/claims/learn.js';

const PLATT_CASES: { a: number; b: number }[] = [
  { a: 1, b: 0 },
  { a: 2, b: -1 },
  { a: 0.5, b: 1.5 },
];

for (const c of PLATT_CASES) {
  test(`Platt scaling recovers a = ${c.a}, b = ${c.b} from sampled labels`, () => {
    const random = seededRandom(11);
    const scores: number[] = [];
    const labels: number[] = [];
    for (let i = 0; i < 20_000; i++) {
      const x = random() * 8 - 4;
      scores.push(x);
      labels.push(random() < sigmoid(c.a * x + c.b) ? 1 : 0);
    }
    const fitted = fitPlatt(scores, labels, new Float64Array(scores.length).fill(1));
    assert.ok(Math.abs(fitted.a - c.a) < 0.12, `a ${fitted.a}`);
    assert.ok(Math.abs(fitted.b - c.b) < 0.12, `b ${fitted.b}`);
  });
}

const THRESHOLD_CASES: { name: string; probabilities: number[]; labels: number[]; expected: number }[] = [
  { name: 'separable classes part between 0.4 and 0.6', probabilities: [0.9, 0.8, 0.6, 0.4, 0.2, 0.1], labels: [1, 1, 1, 0, 0, 0], expected: 0.5 },
  { name: 'one low positive is worth taking in', probabilities: [0.9, 0.8, 0.5, 0.3, 0.2], labels: [1, 1, 0, 1, 0], expected: 0.25 },
  // ok case: nothing separates them, so everything is called check-worthy (F1 favours recall).
  { name: 'all negatives above all positives', probabilities: [0.9, 0.8, 0.2, 0.1], labels: [0, 0, 1, 1], expected: 0.05 },
];

for (const c of THRESHOLD_CASES) {
  test(`F1 threshold: ${c.name}`, () => {
    assert.equal(bestF1Threshold(c.probabilities, c.labels, new Float64Array(c.labels.length).fill(1)), c.expected);
  });
}

test('balanced weights give both classes the same total', () => {
  const weights = balancedWeights([1, 0, 0, 0]);
  assert.equal(weights[0], 2);
  assert.ok(Math.abs(weights[1]! + weights[2]! + weights[3]! - 2) < 1e-12);
  // ok case: classes already balanced, every weight stays 1.
  assert.deepEqual([...balancedWeights([1, 0, 1, 0])], [1, 1, 1, 1]);
});

test('out-of-fold calibration is deterministic and gives a threshold inside (0, 1)', () => {
  const random = seededRandom(3);
  const examples: TrainingExample[] = [];
  for (let i = 0; i < 600; i++) {
    const label = i % 3 === 0 ? 1 : 0;
    const noisy = random() < 0.15 ? 1 - label : label;
    examples.push({ indices: Int32Array.of(0, 1 + noisy, 3 + (i % 7)), values: Float32Array.of(1, 1, 0.5), label, weight: 1 });
  }
  const first = calibrate(examples, { epochs: 3, seed: 5 });
  const second = calibrate(examples, { epochs: 3, seed: 5 });
  assert.deepEqual(first, second);
  assert.ok(first.a > 0, `a ${first.a}`);
  assert.ok(first.threshold > 0 && first.threshold < 1, `threshold ${first.threshold}`);
});
