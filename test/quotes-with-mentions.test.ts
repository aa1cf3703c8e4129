/**
 * The quotes analyser with the mentions analyser before it: a pronoun speaker is never read as a
 * place, organisation or group the mentions analyser named, however close it stands, nor "he" or
 * "she" a capitalised word inside such a mention.
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
    name: 'a titled surname takes the full name the mentions analyser gives it',
    text: 'The clinic director Tomas Reyl spoke first.\n\nAccording to Dr. Reyl, the flu season had started early.',
    content: 'flu season',
    speaker: 'Tomas Reyl',
  },
  {
    name: 'a surname the mentions analyser knows in full gives the full name to a later "she"',
    text: 'The harbour intern Mara Velt left in the spring.\n\nLater, Velt said the board had been told twice.\n\n“Now I understand how little power I had,” she wrote.',
    content: 'how little power',
    speaker: 'Mara Velt',
  },
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
    name: 'an organisation quoted earlier is still not "he"',
    text: 'The Northern Front claimed the attack in a statement. Tomas Reyl drove the convoy to the port. The Northern Front blocked the coast road. He even asked that the spare engines be sent by sea instead.',
    content: 'spare engines',
    speaker: 'Tomas Reyl',
  },
  // The same adjective use, one term from each side: a capitalised word inside a mention that is not
  // a person is no antecedent, whichever side's word it is.
  {
    name: 'a capitalised adjective ("Zionist brutality") is not "he"',
    text: 'Tomas Reyl drove the convoy to the port. He backed the dockers against Zionist brutality at the gates. He even asked that the spare engines be sent by sea instead.',
    content: 'spare engines',
    speaker: 'Tomas Reyl',
  },
  {
    name: 'mirror: a capitalised adjective ("Jihadist brutality") is not "he"',
    text: 'Tomas Reyl drove the convoy to the port. He backed the dockers against Jihadist brutality at the gates. He even asked that the spare engines be sent by sea instead.',
    content: 'spare engines',
    speaker: 'Tomas Reyl',
  },
  {
    name: 'the first word of an organisation\'s name ("the Zionist entity’s") is not "he"',
    text: 'Tomas Reyl drove the convoy to the port. He backed the dockers against the Zionist entity’s blockade. He even asked that the spare engines be sent by sea instead.',
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
