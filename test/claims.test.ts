/**
 * The claims analyser: sourcing, claim types, clause units, regions, seeded quotes, options and
 * hostile input. Sentences are fictional (fictional outlet, people and places).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { claimsAnalyser } from '../src/analysers/claims/index.js';
import { loadModel } from '../src/analysers/claims/model.js';
import { segmentsAnalyser } from '../src/analysers/segments/index.js';
import { structureAnalyser } from '../src/analysers/structure/index.js';
import { makeAnnotation } from '../src/core/annotation.js';
import { buildPipeline, runPipeline } from '../src/core/pipeline.js';
import type { Annotation, MarginaliaDocument } from '../src/core/types.js';
import { emptyMeta } from '../src/ingest/types.js';
import { timeBudget } from './helpers/time-budget.js';

const pipeline = buildPipeline([segmentsAnalyser(), structureAnalyser(), claimsAnalyser()]);

function run(text: string, annotations: Annotation[] = []): MarginaliaDocument {
  return runPipeline(pipeline, { text, meta: emptyMeta(), annotations });
}

function claims(text: string, annotations: Annotation[] = []): Annotation[] {
  return run(text, annotations).annotations.filter((a) => a.kind === 'claim');
}

/** Two body paragraphs so the sentence under test is not taken for a headline. */
function article(sentence: string): string {
  return `Harbour town weighs a new sea wall as storms grow\n\nThe council of Port Avel met on Tuesday evening to discuss the plans for the harbour.\n\n${sentence}\n`;
}

function claimWith(text: string, needle: string): Annotation {
  const found = claims(article(text)).find((c) => c.text.includes(needle));
  assert.ok(found, `no claim containing "${needle}" in: ${text}`);
  return found;
}

const SOURCING_CASES: { sentence: string; needle: string; sourcing: string; sourceName?: string | null }[] = [
  { sentence: 'According to Mara Quell, the harbour wall cost 40 million crowns to build.', needle: 'harbour wall', sourcing: 'named-source', sourceName: 'Mara Quell' },
  // A definite body is an identifiable source, named by its description; an indefinite one is not.
  { sentence: "The mayor's office confirmed that 40 homes on the quay were flooded.", needle: '40 homes', sourcing: 'named-source', sourceName: "mayor's office" },
  { sentence: 'The health ministry said 40 people had died in the flood.', needle: '40 people', sourcing: 'named-source', sourceName: 'health ministry' },
  { sentence: 'A ministry said 40 people had died in the flood.', needle: '40 people', sourcing: 'anonymous-source' },
  // Base forms of reporting verbs after a plural subject: documents and officials as sources.
  { sentence: 'Records obtained by the Harbour Gazette show the pier contract was never signed.', needle: 'contract was never signed', sourcing: 'named-source', sourceName: 'Harbour Gazette' },
  { sentence: 'Officials confirm that the old bridge will close in May.', needle: 'bridge will close', sourcing: 'anonymous-source' },
  { sentence: 'The show was cancelled after the harbour festival lost its sponsor.', needle: 'The show', sourcing: 'unsourced' },
  // Unnamed experts are sources; a hedge on their speech makes the claim hedged.
  { sentence: 'According to a Velmar clinic doctor, the flu season has started early.', needle: 'flu season', sourcing: 'anonymous-source' },
  { sentence: 'The doctors may have warned the council about the flu season.', needle: 'warned the council', sourcing: 'hedged' },
  // An impersonal passive is a hedge, whatever sentence came before it.
  { sentence: 'It is believed that the dam failed because of poor maintenance.', needle: 'the dam failed', sourcing: 'hedged' },
  // A local office before the name is a title, as in the quotes and mentions analysers.
  { sentence: 'Councillor Dana Whitlock said the harbour board had ignored 300 written objections.', needle: 'objections', sourcing: 'named-source', sourceName: 'Dana Whitlock' },
  { sentence: 'The storm flooded 300 homes in the lower town, Mayor Ivo Brandt said on Monday.', needle: '300 homes', sourcing: 'named-source', sourceName: 'Ivo Brandt' },
  { sentence: 'The delay was confirmed last week by the head of the port authority, Lena Ostrova, who spoke to reporters.', needle: 'confirmed', sourcing: 'named-source', sourceName: 'Lena Ostrova' },
  { sentence: 'Piet Varga, the council treasurer, said the budget had doubled since the spring.', needle: 'budget', sourcing: 'named-source', sourceName: 'Piet Varga' },
  { sentence: 'The old pier was closed twice last winter, the harbour master, Mara Quell, told the meeting.', needle: 'pier', sourcing: 'named-source', sourceName: 'Mara Quell' },
  { sentence: 'Ferry fares rose by a third in the spring, Lena Ostrova, the port director, told reporters.', needle: 'fares', sourcing: 'named-source', sourceName: 'Lena Ostrova' },
  { sentence: 'The port’s chief engineer, Ilse Marrow, insisted that the repairs would cost 9 million crowns.', needle: 'repairs', sourcing: 'named-source', sourceName: 'Ilse Marrow' },
  { sentence: 'The harbour master, a former diver, said the wreck had shifted 40 metres in the storm.', needle: 'wreck', sourcing: 'anonymous-source', sourceName: null },
  { sentence: 'A senior official at the ministry said the contract was signed in secret.', needle: 'contract', sourcing: 'anonymous-source', sourceName: null },
  { sentence: 'According to sources close to the council, the mayor will resign next month.', needle: 'mayor', sourcing: 'anonymous-source', sourceName: null },
  // A document is a source a reader can look up when its maker or its date identifies it.
  { sentence: 'According to a report by the Harbour Safety Trust, the sea wall cracked in two places.', needle: 'sea wall', sourcing: 'named-source', sourceName: 'Harbour Safety Trust' },
  { sentence: 'According to a 2019 survey commissioned by the board, most ferries ran late that winter.', needle: 'ferries', sourcing: 'named-source', sourceName: '2019 survey commissioned by the board' },
  { sentence: 'According to a study published by Velden University, the lagoon lost half its eels.', needle: 'eels', sourcing: 'named-source', sourceName: 'Velden University' },
  { sentence: 'According to figures released by the board last year, the terminal lost 1.4 million crowns.', needle: 'terminal', sourcing: 'named-source', sourceName: 'figures released by the board last year' },
  { sentence: 'According to data from the Velden Statistics Office, rents doubled in five years.', needle: 'rents', sourcing: 'named-source', sourceName: 'Velden Statistics Office' },
  // ok cases: a document nobody can look up is still an anonymous source.
  { sentence: 'According to some figures, the terminal lost 1.4 million crowns in a single year.', needle: 'terminal', sourcing: 'anonymous-source', sourceName: null },
  { sentence: 'According to a review of the accounts, the terminal lost 1.4 million crowns in a year.', needle: 'terminal', sourcing: 'anonymous-source', sourceName: null },
  { sentence: 'According to a report, the sea wall cracked in two places last spring.', needle: 'sea wall', sourcing: 'anonymous-source', sourceName: null },
  { sentence: 'According to reports, the mayor will resign before the end of next month.', needle: 'mayor', sourcing: 'anonymous-source', sourceName: null },
  { sentence: 'The contractor reportedly paid the inspectors to ignore the cracks in the wall.', needle: 'inspectors', sourcing: 'hedged' },
  { sentence: 'It is believed that the harbour master sold the permits to a rival firm.', needle: 'permits', sourcing: 'hedged' },
  { sentence: 'The pumps may have failed hours before the water reached the square.', needle: 'pumps', sourcing: 'hedged' },
  { sentence: 'The engineer is said to have warned the council about the weak joints.', needle: 'engineer', sourcing: 'hedged' },
  { sentence: 'I believe the council has betrayed the fishermen of this town.', needle: 'betrayed', sourcing: 'opinion' },
  { sentence: 'The council must stop wasting money on vanity projects like this one.', needle: 'vanity', sourcing: 'opinion' },
  { sentence: 'The decision was shameful and the reasoning behind it utterly absurd.', needle: 'decision', sourcing: 'opinion' },
  // The writer's own feeling, a word or three after "I" or "we", is a judgement.
  { sentence: 'I was enormously impressed by the way the harbour crews rebuilt the pier in 2019.', needle: 'harbour crews', sourcing: 'opinion' },
  { sentence: 'We were deeply ashamed of how the council treated the 40 dockers last winter.', needle: 'dockers', sourcing: 'opinion' },
  // ok cases: the same feeling of someone else, reported as fact, is not the writer's judgement.
  { sentence: 'The harbour crews were enormously impressed by the new cranes delivered in 2019.', needle: 'cranes', sourcing: 'unsourced' },
  { sentence: 'I met the 40 dockers who later admired the new cranes at the northern quay.', needle: 'dockers', sourcing: 'unsourced' },
  // A capitalised "States" is part of a name, not a verb of saying.
  { sentence: 'The harbour complex is openly defying the President of the United States over the new 40-metre wall.', needle: 'defying', sourcing: 'unsourced' },
  // Speech reported in a later relative or subordinate clause is not the main clause's source.
  { sentence: 'Lena Ostrova was replaced as harbour master by Piet Varga, who in 2021 stated that he wanted a fresh start because he said the old board had failed.', needle: 'replaced', sourcing: 'unsourced' },
  { sentence: 'Piet Varga, who chairs the harbour board, said the budget had doubled since the spring.', needle: 'budget', sourcing: 'named-source', sourceName: 'Piet Varga' },
  // ok cases: asserted as fact by the author, nothing to attribute, hedge or judge.
  { sentence: 'The harbour company was paying the dredging crews in cash while the council looked away.', needle: 'dredging', sourcing: 'unsourced' },
  { sentence: 'The new wall is four metres taller than the one it replaced in the old port.', needle: 'wall', sourcing: 'unsourced' },
  { sentence: 'Everyone says the ferry is late, but the timetable shows it left at noon today.', needle: 'timetable', sourcing: 'unsourced' },
];

for (const c of SOURCING_CASES) {
  test(`sourcing ${c.sourcing}: ${c.sentence}`, () => {
    const claim = claimWith(c.sentence, c.needle);
    assert.equal(claim.data.sourcing, c.sourcing, claim.note);
    if (c.sourceName !== undefined) assert.equal(claim.data.sourceName, c.sourceName);
    assert.equal(claim.source, 'claims');
    assert.equal(typeof claim.data.checkWorthiness, 'number');
  });
}

const TYPE_CASES: { sentence: string; needle: string; type: string }[] = [
  { sentence: 'The storm destroyed over 1,200 fishing boats along the northern coast.', needle: 'boats', type: 'quantity' },
  { sentence: 'Thousands of residents left the valley before the dam was opened.', needle: 'residents', type: 'quantity' },
  { sentence: 'Unemployment in Port Avel is higher than in any other town on the coast.', needle: 'Unemployment', type: 'comparison' },
  { sentence: 'The river flooded because the council closed the northern sluice gates.', needle: 'river', type: 'causal' },
  { sentence: 'The new bridge will open to traffic before the end of the decade.', needle: 'bridge', type: 'prediction' },
  { sentence: 'Soldiers of the coastal guard arrested the smugglers near the lighthouse.', needle: 'smugglers', type: 'event' },
  // ok cases: a bare year is a date, not a quantity.
  { sentence: 'The old mill closed its doors in 1998 after a long dispute with the owners.', needle: 'mill', type: 'event' },
  // …nor a day of the month or an offset in time: they date a claim, they are not amounts.
  { sentence: 'The ferries stopped running on 4 June after the storm hit the coast.', needle: 'ferries', type: 'event' },
  { sentence: 'The pier reopened on March 12 after the repairs were finished.', needle: 'pier', type: 'event' },
  { sentence: 'The harbour master retired just six months after the new quay opened.', needle: 'harbour master', type: 'event' },
  // …while a duration or a count stays a quantity.
  { sentence: 'The ferry strike lasted 40 days and cost the port its summer trade.', needle: 'strike', type: 'quantity' },
];

for (const c of TYPE_CASES) {
  test(`type ${c.type}: ${c.sentence}`, () => assert.equal(claimWith(c.sentence, c.needle).label, c.type));
}

test('a sentence splits at a relative clause and a contrast, each unit sourced on its own', () => {
  const text = article('The town sold the pier to Calder Holdings, whose directors reportedly bribed two councillors, but the sale was approved by the court.');
  const units = claims(text);
  const hedged = units.find((c) => c.text.startsWith('whose directors'));
  assert.ok(hedged, units.map((c) => c.text).join(' | '));
  assert.equal(hedged.data.sourcing, 'hedged');
  assert.equal(hedged.data.hedgeCue, 'reportedly');
  assert.ok(units.some((c) => c.text.startsWith('The town sold the pier')));
});

test('a relative clause inside a short subject stays in its unit: no bare noun phrase as a claim', () => {
  const units = claims(article('One retired ferry pilot, who asked not to be named, told me that 40 crews were warned to stay silent.'));
  const whole = units.find((c) => c.text.startsWith('One retired ferry pilot'));
  assert.ok(whole, units.map((c) => c.text).join(' | '));
  assert.ok(whole.text.includes('40 crews were warned'), whole.text);
  assert.equal(whole.data.sourcing, 'anonymous-source');
  // ok case: after a longer main clause, the relative clause is an assertion of its own.
  const split = claims(article('The harbour board sold the old pier to Calder Holdings, which paid 12 million crowns for it, in the spring.'));
  assert.ok(split.some((c) => c.text.startsWith('which paid 12 million')), split.map((c) => c.text).join(' | '));
});

test('only body regions: the headline, a bio and a disclaimer give no claims', () => {
  const text = `${article('The harbour company paid 12 million crowns for the land in the spring.')}\nJana Holm is a columnist at the Avel Courier and a former harbour pilot.\n\n(The views expressed in this article are the author's own and do not reflect those of the Avel Courier.)\n`;
  const found = claims(text);
  assert.ok(found.some((c) => c.text.includes('12 million')));
  assert.ok(found.every((c) => !c.text.includes('views expressed') && !c.text.includes('columnist') && !c.text.startsWith('Harbour town')));
});

test('questions and short fragments are not claims', () => {
  assert.equal(claims(article('Who will pay for the new wall when the storms come back again?')).filter((c) => c.text.startsWith('Who')).length, 0);
  assert.equal(claims(article('Not again.')).filter((c) => c.text.startsWith('Not')).length, 0);
});

const HEADING_CASES: { paragraph: string; isClaim: boolean }[] = [
  { paragraph: 'Residents ask who will pay for the new sea wall', isClaim: false },
  { paragraph: 'The fishing families of the lower town want answers', isClaim: false },
  // ok cases: a full stop, a bullet, or a long line make it prose.
  { paragraph: 'The fishing families of the lower town lost their boats.', isClaim: true },
  { paragraph: '- The fishing families of the lower town lost 40 boats', isClaim: true },
  { paragraph: `The fishing families of the lower town lost their boats ${'and their nets '.repeat(6)}`, isClaim: true },
];

for (const c of HEADING_CASES) {
  test(`a line without closing punctuation is a subheading (${String(!c.isClaim)}): ${c.paragraph.slice(0, 50)}`, () => {
    const found = claims(article(c.paragraph)).filter((claim) => claim.text.includes('ask who') || claim.text.includes('fishing families'));
    assert.equal(found.length > 0, c.isClaim);
  });
}

test('an apposition with no name in it gives no named source', () => {
  const claim = claimWith('The pier collapsed on Sunday, the inspector, a former diver, told reporters.', 'pier');
  assert.notEqual(claim.data.sourcing, 'named-source', claim.note);
});

test('a seeded quote annotation gives the source, and a pronoun cue takes its speaker', () => {
  const sentence = 'She said the council had spent 30 million crowns on consultants.';
  const text = article(sentence);
  const start = text.indexOf('the council had');
  const quote = makeAnnotation(text, 'quotes', {
    kind: 'quote',
    span: { start, end: text.indexOf('.', start) },
    label: 'indirect',
    confidence: 0.9,
    ruleId: 'test',
    note: 'seeded',
    data: { speaker: 'Edda Lund', speakerSpan: null, cue: 'said', anonymous: false },
  });
  const claim = claims(text, [quote]).find((c) => c.text.includes('30 million'));
  assert.ok(claim);
  assert.equal(claim.data.sourcing, 'named-source');
  assert.equal(claim.data.sourceName, 'Edda Lund');
  const without = claims(text).find((c) => c.text.includes('30 million'));
  assert.equal(without?.data.sourcing, 'named-source');
  assert.equal(without?.data.sourceName, null);
});

test('the claims summary is sorted by check-worthiness and respects tableSize', () => {
  const text = article('The storm flooded 300 homes in the lower town. The council met again on Friday. I think the mayor is a fine man. Fishing income fell by 40 percent in two years.');
  const doc = runPipeline(buildPipeline([segmentsAnalyser(), structureAnalyser(), claimsAnalyser({ tableSize: 2 })]), { text, meta: emptyMeta() });
  const table = doc.summaries.claims;
  assert.ok(table);
  assert.deepEqual(table.columns, ['claim', 'type', 'check-worthiness', 'sourcing', 'source']);
  assert.equal(table.rows.length, 2);
  assert.ok(Number(table.rows[0]![2]) >= Number(table.rows[1]![2]));
});

test('the model ranks a factual statement with numbers above small talk', () => {
  const model = loadModel();
  assert.ok(model.scoreText('Unemployment rose by 12 percent last year, the highest rate in two decades.') > 0.5);
  assert.ok(model.scoreText('Thank you all for coming tonight, it is good to see you.') < 0.5);
});

test('options are validated in the factory', () => {
  assert.throws(() => claimsAnalyser({ minimum: 1 } as never), { code: 'E_ANALYSER_OPTIONS' });
  assert.throws(() => claimsAnalyser({ minCheckWorthiness: 2 }), { code: 'E_ANALYSER_OPTIONS' });
  assert.throws(() => claimsAnalyser({ tableSize: 0 }), { code: 'E_ANALYSER_OPTIONS' });
  const strict = runPipeline(buildPipeline([segmentsAnalyser(), structureAnalyser(), claimsAnalyser({ minCheckWorthiness: 0.99 })]), {
    text: article('Thank you all for coming tonight, it is good to see you all here.'),
    meta: emptyMeta(),
  });
  assert.equal(strict.annotations.filter((a) => a.kind === 'claim').length, 0);
});

/** Fewest milliseconds to analyse `text` over three runs, after a warm-up run. */
function timeOf(text: string): number {
  run(text);
  let best = Infinity;
  for (let i = 0; i < 3; i++) {
    const started = performance.now();
    const doc = run(text);
    best = Math.min(best, performance.now() - started);
    assert.equal(doc.diagnostics.filter((d) => d.code === 'W_ANALYSER_FAILED').length, 0);
  }
  return best;
}

test('hostile input: 50,000 numbers, a 100,000-character sentence, punctuation runs — linear, no crash', () => {
  const numbers = Array.from({ length: 50_000 }, (_, i) => String((i * 7919) % 100_000)).join(' ');
  const long = `The council said ${'that the wall, which cost 3 million crowns, '.repeat(2_400)}was sound.`;
  const marks = ', but '.repeat(20_000);
  // Thousands of clauses before one attribution at the end: each clause is checked against it.
  const lateCue = `${'The wall cost 3 million crowns, and the pier cost 2 million crowns, '.repeat(1_500)}the mayor said.`;
  for (const text of [numbers, long, marks, lateCue, 'according to '.repeat(10_000), 'said by '.repeat(12_000)]) {
    const small = timeOf(text.slice(0, text.length / 10));
    const full = timeOf(text);
    assert.ok(full < timeBudget(2_000), `took ${full.toFixed(0)} ms`);
    assert.ok(full < 40 * small + timeBudget(100), `not linear: ${small.toFixed(1)} ms for a tenth, ${full.toFixed(1)} ms for all`);
  }
});

test('a claim keeps the closing bracket it opened, and drops one it did not', () => {
  const whole = claimWith('The storm destroyed over 1,200 fishing boats along the northern coast (the old Avel shore).', 'fishing boats');
  assert.ok(whole.text.endsWith('(the old Avel shore)'), whole.text);
  // ok case: a bracket opened before the unit is not the unit's to close.
  const inner = claimWith('The storm destroyed over 1,200 fishing boats along the northern coast.', 'fishing boats');
  assert.ok(inner.text.endsWith('coast'), inner.text);
});

test('with the mentions analyser, a named source is the name the article gives the person in full', async () => {
  const { mentionsAnalyser } = await import('../src/analysers/mentions/index.js');
  const withMentions = buildPipeline([segmentsAnalyser(), structureAnalyser(), mentionsAnalyser(), claimsAnalyser()]);
  const text = article('Harbour master Lina Okafor opened the meeting. Later, Okafor said the wall had cost 40 million crowns to build.');
  const doc = runPipeline(withMentions, { text, meta: emptyMeta() });
  const claim = doc.annotations.find((a) => a.kind === 'claim' && a.text.includes('40 million'));
  assert.equal(claim?.data.sourceName, 'Lina Okafor');
  // Without mentions, the name as written.
  assert.equal(claims(text).find((c) => c.text.includes('40 million'))?.data.sourceName, 'Okafor');
});
