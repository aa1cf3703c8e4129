import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lastStartingAtOrBefore, spanHolding } from '../src/core/spans.js';

const SPANS = [
  { start: 0, end: 10 },
  { start: 12, end: 20 },
  { start: 20, end: 31 },
];

test('lastStartingAtOrBefore: the last span starting at or before the offset', () => {
  const cases: [number, number][] = [[-1, -1], [0, 0], [9, 0], [11, 0], [12, 1], [19, 1], [20, 2], [500, 2]];
  for (const [offset, index] of cases) assert.equal(lastStartingAtOrBefore(SPANS, offset), index, `offset ${offset}`);
  assert.equal(lastStartingAtOrBefore([], 5), -1);
});

test('spanHolding: the span holding the offset, -1 in gaps and past the end', () => {
  const cases: [number, number][] = [[0, 0], [9, 0], [10, -1], [11, -1], [12, 1], [20, 2], [30, 2], [31, -1]];
  for (const [offset, index] of cases) assert.equal(spanHolding(SPANS, offset), index, `offset ${offset}`);
});
