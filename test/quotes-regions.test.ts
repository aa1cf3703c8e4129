/** The quotes analyser reads the article's own text: no reported speech from an author bio or a disclaimer. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { quotesAnalyser } from '../src/analysers/quotes/index.js';
import { segmentsAnalyser } from '../src/analysers/segments/index.js';
import { structureAnalyser } from '../src/analysers/structure/index.js';
import { buildPipeline, runPipeline } from '../src/core/pipeline.js';
import { emptyMeta } from '../src/ingest/types.js';

const pipeline = buildPipeline([segmentsAnalyser(), structureAnalyser(), quotesAnalyser()]);

test('no indirect quote from an author bio; the body still has its own', () => {
  const text = [
    'The harbour board voted on Tuesday to close the old ferry terminal.',
    'Councillor Dana Whitlock said the board had ignored every objection raised at the hearings.',
    'Miriam Okafor is a former harbour pilot and the author of two books on coastal towns. She writes a fortnightly column for The Lantern Review.',
  ].join('\n\n');
  const doc = runPipeline(pipeline, { text, meta: emptyMeta() });
  const bio = doc.annotations.find((a) => a.kind === 'region' && a.label === 'bio');
  assert.ok(bio, 'the structure analyser should find the bio');
  const quotes = doc.annotations.filter((a) => a.kind === 'quote');
  assert.ok(quotes.some((q) => q.data.speaker === 'Councillor Dana Whitlock' || q.data.speaker === 'Dana Whitlock'), JSON.stringify(quotes.map((q) => q.data.speaker)));
  for (const q of quotes) assert.ok(q.span.end <= bio.span.start || q.span.start >= bio.span.end, `quote inside the bio: ${q.text}`);
});
