/**
 * Golden fixtures of the quotes analyser: each fictional article in src/analysers/quotes/fixtures
 * with the quotes and scare quotes it must yield (kind, label, text, rule, speaker, the words of
 * the speaker span, cue, anonymous). Files named ok-*.txt are false-positive guards (apostrophes,
 * inch and foot marks, a nickname, a title in quotes) and must yield nothing. Regenerate an
 * expected file only after checking the new output by hand.
 */
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { test } from 'node:test';
import { quotesAnalyser } from '../src/analysers/quotes/index.js';
import { segmentsAnalyser } from '../src/analysers/segments/index.js';
import { structureAnalyser } from '../src/analysers/structure/index.js';
import { buildPipeline, runPipeline } from '../src/core/pipeline.js';
import type { Span } from '../src/core/types.js';
import { emptyMeta } from '../src/ingest/types.js';

const DIR = new URL('../src/analysers/quotes/fixtures/', import.meta.url);
const pipeline = buildPipeline([segmentsAnalyser(), structureAnalyser(), quotesAnalyser()]);
const files = readdirSync(DIR).filter((f) => f.endsWith('.txt')).sort();

test('quotes fixtures: there are quote, embed and ok fixtures', () => {
  assert.ok(files.some((f) => f.startsWith('ok-')));
  assert.ok(files.filter((f) => !f.startsWith('ok-')).length >= 2);
});

for (const file of files) {
  test(`quotes fixture: ${file}`, () => {
    const text = readFileSync(new URL(file, DIR), 'utf8');
    const expected = JSON.parse(readFileSync(new URL(file.replace(/\.txt$/, '.expected.json'), DIR), 'utf8')) as unknown[];
    const doc = runPipeline(pipeline, { text, meta: emptyMeta() });
    const actual = doc.annotations
      .filter((a) => a.kind === 'quote' || a.kind === 'scare-quote')
      .map((a) => {
        const base = { kind: a.kind, label: a.label, text: a.text, ruleId: a.ruleId };
        if (a.kind !== 'quote') return base;
        const span = a.data.speakerSpan as Span | null;
        return { ...base, speaker: a.data.speaker, speakerText: span ? text.slice(span.start, span.end) : null, cue: a.data.cue, anonymous: a.data.anonymous };
      });
    if (file.startsWith('ok-')) assert.deepEqual(actual, [], 'an ok fixture must yield no quotes');
    assert.deepEqual(actual, expected);
  });
}
