/**
 * The quotes analyser with the mentions analyser before it: a pronoun speaker is never read as a
 * place, organisation or group the mentions analyser named, however close it stands.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mentionsAnalyser } from '../src/analysers/mentions/index.js';
import { quotesAnalyser } from '../src/analysers/quotes/index.js';
import { segmentsAnalyser } from '../src/analysers/segments/index.js';
import { structureAnalyser } from '../src/analysers/structure/index.js';
import { buildPipeline, runPipeline } from '../src/core/pipeline.js';
import { emptyMeta } from '../src/ingest/types.js';

const pipeline = buildPipeline([segmentsAnalyser(), structureAnalyser(), mentionsAnalyser(), quotesAnalyser()]);

function speakerOf(text: string, content: string): unknown {
  const doc = runPipeline(pipeline, { text, meta: emptyMeta() });
  const quote = doc.annotations.find((a) => a.kind === 'quote' && a.text.includes(content));
  assert.ok(quote, `no quote containing "${content}"`);
  return quote.data.speaker;
}

const CASES: { name: string; text: string; content: string; speaker: string | null }[] = [
  {
    name: 'a place in the previous sentence is not "he"',
    text: 'The convoy finally reached Gaza in the spring. He even asked that the spare engines be sent to Gaza instead.',
    content: 'spare engines',
    speaker: null,
  },
  {
    name: 'the person before the place is "he"',
    text: 'Tomas Reyl drove the convoy to Gaza in the spring. He even asked that the spare engines be sent to Gaza instead.',
    content: 'spare engines',
    speaker: 'Tomas Reyl',
  },
  {
    name: 'ok: a person in the same place still resolves',
    text: 'Mara Oben spoke to the council about the harbour plan.\n\n“We will not sell the old pier to anyone,” she said.',
    content: 'old pier',
    speaker: 'Mara Oben',
  },
];

for (const c of CASES) {
  test(`pronoun speaker with mentions: ${c.name}`, () => {
    assert.equal(speakerOf(c.text, c.content), c.speaker);
  });
}

test('pronoun speaker: a name in the pronoun\'s own clause that is not a person is not "she"', () => {
  const text = 'Mara Oben runs the fictional ferry line.\n\nIn a Veltbook post at the time she described the vote as the "worst case scenario" for the crews.';
  assert.equal(speakerOf(text, 'worst case'), 'Mara Oben');
});
