/**
 * The genre analyser: the fixtures come out as their genre with reasons; short texts are `other`;
 * features measure what they say (first person, disclaimer and bio regions, quotes, satire cues);
 * the model file matches the feature list; training is deterministic; options are validated.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { genreInputFrom } from '../src/analysers/genre/genre-input.js';
import { classifyGenre, DENSE_FEATURES, extractFeatures, genreAnalyser, trainGenreModel, type GenreInput } from '../src/analysers/genre/index.js';
import { datesAnalyser } from '../src/analysers/dates/index.js';
import { segmentsAnalyser } from '../src/analysers/segments/index.js';
import { structureAnalyser } from '../src/analysers/structure/index.js';
import { buildPipeline, runPipeline } from '../src/core/pipeline.js';
import type { MarginaliaDocument } from '../src/core/types.js';
import { emptyMeta } from '../src/ingest/types.js';
import weights from '../src/analysers/genre/weights.json' with { type: 'json' };
import { assertDocumentInvariants } from './helpers/invariants.js';

const pipeline = buildPipeline([segmentsAnalyser(), structureAnalyser(), datesAnalyser(), genreAnalyser()]);

function analyse(text: string): MarginaliaDocument {
  return runPipeline(pipeline, { text, meta: emptyMeta() });
}

function fixture(name: string): string {
  return readFileSync(new URL(`../src/analysers/genre/fixtures/${name}.txt`, import.meta.url), 'utf8');
}

function input(text: string, extra: Partial<GenreInput> = {}): GenreInput {
  return { text, body: [{ start: 0, end: text.length }], paragraphs: 1, sentences: 1, hasDisclaimer: false, hasBio: false, hasByline: false, quotes: null, ...extra };
}

const FEATURE = (name: (typeof DENSE_FEATURES)[number]) => DENSE_FEATURES.indexOf(name);

for (const label of ['opinion', 'reporting', 'satire'] as const) {
  test(`fixture ${label}.txt is ${label}, with reasons`, () => {
    const doc = analyse(fixture(label));
    assertDocumentInvariants(doc);
    assert.equal(doc.genre?.label, label);
    assert.ok(doc.genre!.confidence > 0.5 && doc.genre!.confidence <= 1);
    assert.ok(doc.genre!.reasons.length >= 2);
    assert.match(doc.genre!.reasons.at(-1)!, new RegExp(`^model: ${label} `));
  });
}

test('the opinion fixture names its disclaimer and bio among the reasons', () => {
  const reasons = analyse(fixture('opinion')).genre!.reasons.join(' | ');
  assert.match(reasons, /disclaimer|author bio|first-person|normative/);
});

test('a short text is other, whatever it says', () => {
  const genre = analyse('I think the council is wrong. We deserve better.').genre!;
  assert.equal(genre.label, 'other');
  assert.match(genre.reasons[0]!, /too little/);
});

/** [text, feature, expected value (per 100 words or per paragraph)]. */
const FEATURE_CASES: [string, (typeof DENSE_FEATURES)[number], number][] = [
  ['I said my piece and I left', 'first-singular', 300 / 7],
  ['We know our town', 'first-plural', 50],
  ['The committee met at noon', 'first-singular', 0],
  ['“Yes,” she said. “No,” he said.', 'quotes-per-paragraph', 2],
  ['Area man wins; at press time he was asleep', 'satire-phrases', 200 / 9],
  ['The area manager met a local manager', 'satire-phrases', 0],
  ['What? Why? No!', 'questions', 2],
];

for (const [text, name, expected] of FEATURE_CASES) {
  test(`feature ${name} of: ${text}`, () => {
    const value = extractFeatures(input(text), 12).dense[FEATURE(name)]!;
    assert.ok(Math.abs(value - expected) < 1e-9, `${name} = ${value}, expected ${expected}`);
  });
}

test('disclaimer and bio regions are features; quote annotations replace quote marks when given', () => {
  const text = 'Plain words here.';
  const dense = extractFeatures(input(text, { hasDisclaimer: true, hasBio: true, quotes: 6, paragraphs: 3 }), 12).dense;
  assert.equal(dense[FEATURE('disclaimer')], 1);
  assert.equal(dense[FEATURE('bio')], 1);
  assert.equal(dense[FEATURE('quotes-per-paragraph')], 2);
});

test('hashed n-grams are unit length and sorted', () => {
  const { buckets, values } = extractFeatures(input('the council met and the council voted'), 12);
  assert.deepEqual([...buckets].sort((a, b) => a - b), buckets);
  assert.ok(Math.abs(values.reduce((s, v) => s + v * v, 0) - 1) < 1e-9);
  assert.ok(buckets.every((b) => b >= 0 && b < 4096));
});

test('weights.json matches the feature list and stays small', () => {
  assert.deepEqual(weights.dense, [...DENSE_FEATURES]);
  assert.deepEqual(weights.classes, ['opinion', 'reporting', 'satire', 'analysis']);
  assert.equal(weights.hashWeights[0]!.length, 1 << weights.bucketBits);
  assert.equal(weights.offsets.length, weights.classes.length);
  assert.equal(weights.offsets[0], 0);
  assert.ok(JSON.stringify(weights).length < 2_000_000);
});

test('training is deterministic', () => {
  const texts: [string, number][] = [
    ['I believe we must act now, and you should too.', 0],
    ['The ministry said on Monday that 40 people were hurt, police told reporters.', 1],
    ['Area man reportedly wins award for sitting; at press time he was still seated.', 2],
    ['The data suggest the trend is likely to continue; however, the context matters.', 3],
  ];
  const examples = texts.map(([text, label]) => ({ features: extractFeatures(input(text), 6), label }));
  const settings = { epochs: 30, learningRate: 0.5, l2: 0.001, maxClassWeight: 8, hashRate: 4 };
  const a = trainGenreModel(examples, ['opinion', 'reporting', 'satire', 'analysis'], DENSE_FEATURES, 6, settings);
  const b = trainGenreModel(examples, ['opinion', 'reporting', 'satire', 'analysis'], DENSE_FEATURES, 6, settings);
  assert.equal(JSON.stringify(a), JSON.stringify(b));
  assert.notDeepEqual(a.bias, [0, 0, 0, 0]);
});

test('classifyGenre gives a label from the contract and a confidence in 0..1', () => {
  const genre = classifyGenre(extractFeatures(input(fixture('reporting')), weights.bucketBits));
  assert.ok(['opinion', 'reporting', 'satire', 'analysis', 'other'].includes(genre.label));
  assert.ok(genre.confidence >= 0 && genre.confidence <= 1);
});

test('options are validated when the analyser is built', () => {
  assert.throws(() => genreAnalyser({ minWords: -1 }), { code: 'E_ANALYSER_OPTIONS' });
  assert.throws(() => genreAnalyser({ colour: 1 } as never), { code: 'E_ANALYSER_OPTIONS' });
  const analyser = genreAnalyser();
  assert.deepEqual([analyser.id, analyser.produces, analyser.uses], ['genre', ['genre'], ['quotes', 'dates']]);
});

test('hostile input: 50,000 numbers and a 100,000-character sentence do not crash', () => {
  const numbers = Array.from({ length: 50_000 }, (_, i) => String(i)).join(' ');
  const sentence = `${'the council met and argued '.repeat(100_000 / 27)}.`;
  for (const text of [numbers, sentence]) {
    const doc = analyse(text);
    assert.ok(doc.genre);
    assert.deepEqual(doc.diagnostics.filter((d) => d.code === 'W_ANALYSER_FAILED'), []);
  }
});

test("a staff journalist's closing note is no contributor bio; an outside writer's is, a former correspondent's too", () => {
  const bioOf = (note: string): boolean => {
    const text = `Storm closes the coast road\n\nBy Ivo Senn\n\n${'The coast road stayed closed on Tuesday after the storm, officials said. '.repeat(4)}\n\n${note}\n`;
    const pipeline = buildPipeline([segmentsAnalyser(), structureAnalyser()]);
    const doc = runPipeline(pipeline, { text, meta: emptyMeta() });
    assert.ok(doc.annotations.some((a) => a.kind === 'region' && a.label === 'bio'), `no bio region for: ${note}`);
    const annotationsOf = (kind: string) => doc.annotations.filter((a) => a.kind === kind);
    return genreInputFrom(text, annotationsOf, false).hasBio;
  };
  assert.equal(bioOf('Ivo Senn is Harbour Weekly’s climate correspondent.'), false);
  assert.equal(bioOf('Ivo Senn is a staff writer at Harbour Weekly.'), false);
  assert.equal(bioOf('Ivo Senn is a novelist and the author of three books about the coast.'), true);
  assert.equal(bioOf('Ivo Senn is a former Harbour Weekly correspondent and the author of two books.'), true);
});
