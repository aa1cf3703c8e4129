/**
 * Genre calibration and the newer features: stratified folds are seeded and balanced; macro-F1 is
 * right on small tables; the offset search moves a rare class's threshold and leaves classes with
 * too few examples alone; datelines, Title Case headlines, weekdays, official sources and
 * contractions are measured, with false-positive (ok) cases.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { macroF1, searchOffsets, stratifiedFolds } from '../src/analysers/genre/calibrate.js';
import { DENSE_FEATURES, extractFeatures, hasDateline, hasQuestionOrExclamation, titleCaseShare, type GenreInput } from '../src/analysers/genre/features.js';

function input(text: string, extra: Partial<GenreInput> = {}): GenreInput {
  return { text, body: [{ start: 0, end: text.length }], paragraphs: 1, sentences: 1, hasDisclaimer: false, hasBio: false, hasByline: false, quotes: null, ...extra };
}

const FEATURE = (name: (typeof DENSE_FEATURES)[number]) => DENSE_FEATURES.indexOf(name);

test('stratified folds: seeded, every fold gets its share of each label', () => {
  const labels = [...Array<string>(20).fill('a'), ...Array<string>(5).fill('b')];
  const folds = stratifiedFolds(labels, 5, 42);
  assert.deepEqual(folds, stratifiedFolds(labels, 5, 42));
  assert.notDeepEqual(folds, stratifiedFolds(labels, 5, 43));
  for (let f = 0; f < 5; f++) {
    assert.equal(labels.filter((l, i) => l === 'a' && folds[i] === f).length, 4);
    assert.equal(labels.filter((l, i) => l === 'b' && folds[i] === f).length, 1);
  }
});

/** [gold, predicted, expected macro-F1]. */
const MACRO_CASES: [number[], number[], number][] = [
  [[0, 0, 1, 1], [0, 0, 1, 1], 1],
  [[0, 0, 1, 1], [0, 0, 0, 0], (2 / 3 + 0) / 2],
  [[0, 0, 0, 1], [1, 1, 1, 1], (0 + 2 / 5) / 2],
  [[0, 0], [0, 2], 2 / 3],
];

for (const [gold, predicted, expected] of MACRO_CASES) {
  test(`macroF1 of ${JSON.stringify(gold)} vs ${JSON.stringify(predicted)}`, () => {
    assert.ok(Math.abs(macroF1(gold, predicted) - expected) < 1e-12);
  });
}

test('searchOffsets lowers the threshold of a rare class whose scores sit just below the majority', () => {
  const logits: number[][] = [];
  const gold: number[] = [];
  for (let i = 0; i < 40; i++) {
    logits.push([1, 0.2]);
    gold.push(0);
  }
  for (let i = 0; i < 12; i++) {
    logits.push([1, 0.6]);
    gold.push(1);
  }
  const offsets = searchOffsets(logits, gold, 2);
  assert.equal(offsets[0], 0);
  assert.ok(offsets[1]! > 0.4 && offsets[1]! <= 0.8, `offset ${offsets[1]}`);
});

test('searchOffsets leaves classes with fewer than minSupport examples at 0 (ok case)', () => {
  const logits = [[1, 0.6], [1, 0.6], [1, 0.2], [1, 0.2]];
  assert.deepEqual(searchOffsets(logits, [1, 1, 0, 0], 2), [0, 0]);
  assert.ok(searchOffsets(logits, [1, 1, 0, 0], 2, 1)[1]! > 0);
});

/** [body text, has a dateline]. */
const DATELINE_CASES: [string, boolean][] = [
  ['KINSHASA, Congo — The government said', true],
  ['CAPITAL CITY (Wire Service) - Officials said', true],
  ['PORT HALLIN -- The council voted', true],
  ['  NORFOLK, Va. — A man pleaded guilty', true],
  ['VELDEN, Sept. 28 (Harbour Wire) — A preview clip', true],
  ['PORT HALLIN, March 4, 2025 — The council voted', true],
  ['2025 IN REVIEW — the year the port closed', false],
  ['The council met on Tuesday — and voted', false],
  ['I said no - twice', false],
  ['USA Today reported - late', false],
  ['NATO AND THE EU ARE', false],
  ['', false],
];

for (const [text, expected] of DATELINE_CASES) {
  test(`dateline ${expected ? '' : '(ok) '}in: ${JSON.stringify(text)}`, () => {
    assert.equal(hasDateline(text, 0), expected);
    assert.equal(extractFeatures(input(text), 8).dense[FEATURE('dateline')], expected ? 1 : 0);
  });
}

test('dateline: adversarial input reads at most 80 characters', () => {
  const text = `${'A'.repeat(200_000)} — x`;
  const t0 = performance.now();
  assert.equal(hasDateline(text, 0), false);
  assert.equal(hasDateline(`${'('.repeat(100_000)}`, 0), false);
  assert.ok(performance.now() - t0 < 50);
});

/** [headline, Title Case share, question or exclamation]. */
const HEADLINE_CASES: [string, number, boolean][] = [
  ['Council Approves New Budget', 1, false],
  ['Council approves new budget', 0.25, false],
  ['Why Are They Doing This?', 1, true],
  ['Watch him flee!', 1 / 3, true],
  ['2024: a year', 0, false],
];

for (const [headline, share, punct] of HEADLINE_CASES) {
  test(`headline features of: ${headline}`, () => {
    const span = { start: 0, end: headline.length };
    assert.ok(Math.abs(titleCaseShare(headline, span) - share) < 1e-12);
    assert.equal(hasQuestionOrExclamation(headline, span), punct);
    const text = `${headline}\n\nBody text here.`;
    const dense = extractFeatures(input(text, { body: [{ start: headline.length + 2, end: text.length }], headline: span }), 8).dense;
    assert.ok(Math.abs(dense[FEATURE('headline-title-case')]! - share) < 1e-12);
  });
}

/** [text, feature, expected per 100 words]. */
const CUE_CASES: [string, (typeof DENSE_FEATURES)[number], number][] = [
  ['Police said on Tuesday that officials met', 'weekdays', 100 / 7],
  ['Police said on Tuesday that officials met', 'news-sources', 200 / 7],
  ['It’s not fair and we don’t care', 'contractions', 200 / 7],
  ['Its policy is not fair', 'contractions', 0],
  ['The police officer was a Sundays regular', 'weekdays', 0],
];

for (const [text, name, expected] of CUE_CASES) {
  test(`feature ${name} of: ${text}`, () => {
    const value = extractFeatures(input(text), 8).dense[FEATURE(name)]!;
    assert.ok(Math.abs(value - expected) < 1e-9, `${name} = ${value}, expected ${expected}`);
  });
}
