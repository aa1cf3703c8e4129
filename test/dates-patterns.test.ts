/**
 * Safety and speed of the date rules: every pattern, tried at every position of long adversarial
 * strings as the scanner does, stays fast; every rule has an id, a note and a source and is listed
 * in the readme; and the analyser is linear on hostile documents (10,000 date-like tokens, a
 * 100,000-character sentence, 50,000 numbers) and never throws.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { datesAnalyser, DATE_RULES } from '../src/analysers/dates/index.js';
import { segmentsAnalyser } from '../src/analysers/segments/index.js';
import { structureAnalyser } from '../src/analysers/structure/index.js';
import { buildPipeline, runPipeline } from '../src/core/pipeline.js';
import { emptyMeta } from '../src/ingest/types.js';
import { slowestRun, timeBudget } from './helpers/time-budget.js';

const N = 100_000;
const ADVERSARIAL = [
  '1'.repeat(N),
  '2020 '.repeat(N / 5),
  '2020-'.repeat(N / 5),
  'January '.repeat(N / 8),
  'January 3, '.repeat(N / 11),
  'just under five years after '.repeat(N / 28),
  'a year after a year after '.repeat(N / 26),
  'the following '.repeat(N / 14),
  'mid-mid-'.repeat(N / 8),
  'the the '.repeat(N / 8),
  ' '.repeat(N),
  '3 3 3 '.repeat(N / 6),
  `five years after ${'x'.repeat(N)}`,
];

test('every rule pattern is fast on long adversarial strings', () => {
  const worst = slowestRun(DATE_RULES, ADVERSARIAL, (rule, input) => {
    for (let at = 0; at < 2000; at += 7) {
      rule.regex.lastIndex = at;
      rule.regex.exec(input);
    }
  });
  assert.ok(worst.ms < timeBudget(100), `rule ${worst.id} took ${worst.ms.toFixed(1)} ms on adversarial sample ${worst.sample}`);
});

test('every rule has an id, a note and a source, and the readme lists it', () => {
  const readme = readFileSync(new URL('../src/analysers/dates/readme.md', import.meta.url), 'utf8');
  assert.ok(DATE_RULES.length >= 15);
  for (const { entry } of DATE_RULES) {
    assert.ok(entry.note.length > 10 && entry.source.length > 3, entry.id);
    assert.ok(readme.includes(`\`${entry.id}\``), `readme lacks rule ${entry.id}`);
  }
});

const pipeline = buildPipeline([segmentsAnalyser(), structureAnalyser(), datesAnalyser()]);

function timeDates(text: string): { ms: number; dates: number } {
  const doc = runPipeline(pipeline, { text, meta: { ...emptyMeta(), publishedTime: '2025-01-01' } });
  assert.deepEqual(doc.diagnostics.filter((d) => d.code === 'W_ANALYSER_FAILED'), []);
  const started = performance.now();
  const again = runPipeline(pipeline, { text, meta: { ...emptyMeta(), publishedTime: '2025-01-01' } });
  return { ms: performance.now() - started, dates: again.annotations.filter((a) => a.kind === 'date').length };
}

const HOSTILE: [string, (n: number) => string][] = [
  ['date-like tokens', (n) => Array.from({ length: n }, (_, i) => ['2020', 'May 3', 'last year', 'the following year', 'two years after the war'][i % 5]).join(' ') + '.'],
  ['one long sentence', (n) => `${'In 2010 the council met and argued, '.repeat(n / 36)}then it stopped.`],
  ['numbers', (n) => Array.from({ length: n }, (_, i) => String(1000 + (i % 9000))).join(' ')],
];

for (const [name, make] of HOSTILE) {
  test(`linear on hostile input: ${name}`, () => {
    const small = timeDates(make(name === 'one long sentence' ? 50_000 : 5_000));
    const large = timeDates(make(name === 'one long sentence' ? 100_000 : 10_000));
    assert.ok(large.dates > 0);
    assert.ok(large.ms < 5 * small.ms + timeBudget(30), `${name}: ${small.ms.toFixed(1)} ms → ${large.ms.toFixed(1)} ms`);
    assert.ok(large.ms < timeBudget(2000), `${name}: ${large.ms.toFixed(0)} ms`);
  });
}

test('linear on hostile input: a list of years in one sentence (coordinated dates share a clause only in short lists)', () => {
  const make = (n: number): string => `The pier was repaired in ${Array.from({ length: n }, (_, i) => String(1900 + (i % 120))).join(', ')}.`;
  const small = timeDates(make(2_000));
  const large = timeDates(make(8_000));
  assert.ok(large.dates > 0);
  // Four times the text: linear work takes about four times as long, quadratic sixteen.
  assert.ok(large.ms < 8 * small.ms + timeBudget(30), `${small.ms.toFixed(1)} ms → ${large.ms.toFixed(1)} ms`);
});
