/**
 * The dates analyser, table-driven: what each kind of date expression resolves to (value and
 * precision), relative dates anchored at the publication date, at the date before them and at an
 * event named in the text; false-positive guards that must find nothing; events and the timeline;
 * the golden fixture; option validation.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { createAnalyzer } from '../src/api/analyzer.js';
import { datesAnalyser } from '../src/analysers/dates/index.js';
import { segmentsAnalyser } from '../src/analysers/segments/index.js';
import { structureAnalyser } from '../src/analysers/structure/index.js';
import { buildPipeline, runPipeline } from '../src/core/pipeline.js';
import type { Annotation, MarginaliaDocument } from '../src/core/types.js';
import { emptyMeta } from '../src/ingest/types.js';
import { assertDocumentInvariants } from './helpers/invariants.js';

const pipeline = buildPipeline([segmentsAnalyser(), structureAnalyser(), datesAnalyser()]);

function analyse(text: string, publishedTime: string | null = null): MarginaliaDocument {
  return runPipeline(pipeline, { text, meta: { ...emptyMeta(), publishedTime } });
}

function datesOf(doc: MarginaliaDocument): Annotation[] {
  return doc.annotations.filter((a) => a.kind === 'date');
}

/** [input, published, expected: [text, value, precision, label]]. */
const CASES: [string, string | null, [string, string, string, string][]][] = [
  ['The bridge opened on January 3, 2020, after years of delay.', null, [['January 3, 2020', '2020-01-03', 'day', 'absolute']]],
  ['The treaty was signed on 3 January 2020 in Lisbon.', null, [['3 January 2020', '2020-01-03', 'day', 'absolute']]],
  ['The report was filed 2021-03-04 by the clerk.', null, [['2021-03-04', '2021-03-04', 'day', 'absolute']]],
  ['Prices rose in June 2014 and fell in summer 2015.', null, [['June 2014', '2014-06', 'month', 'absolute'], ['summer 2015', '2015-summer', 'season', 'absolute']]],
  ['The party was founded in 1953 by dock workers.', null, [['1953', '1953', 'year', 'absolute']]],
  ['Music from the 1990s is back in fashion.', null, [['the 1990s', '1990s', 'decade', 'absolute']]],
  ['Talks began in mid-2014 and stalled.', null, [['mid-2014', '2014', 'year', 'absolute']]],
  ['She served as mayor from 2010 to 2015.', null, [['from 2010 to 2015', '2010', 'year', 'absolute']]],
  ['He chaired the board 2010–15 without a break.', null, [['2010–15', '2010', 'year', 'absolute']]],
  ['Prices rose sharply last year.', '2025-06-15', [['last year', '2024', 'year', 'relative']]],
  ['The vote was held on Tuesday in the old hall.', '2025-06-15', [['on Tuesday', '2025-06-10', 'day', 'relative']]],
  ['The mayor resigned two years ago over the budget.', '2025-06-15', [['two years ago', '2023', 'year', 'relative']]],
  ['The council met in March to discuss the road.', '2025-06-15', [['March', '2025-03', 'month', 'relative']]],
  // A sentence about the future takes its year from the publication date (the next occurrence),
  // not from a year the article looked back to.
  ['The pier was sold in mid-2014. The terminal will close on April 30.', '2025-03-07', [['mid-2014', '2014', 'year', 'absolute'], ['April 30', '2025-04-30', 'day', 'relative']]],
  ['The ferry will resume in February.', '2025-06-15', [['February', '2026-02', 'month', 'relative']]],
  // An abbreviated month keeps its dot; a full one ending a sentence does not take the full stop.
  ['The ferry ran until Feb. 3, 2024, and stopped.', null, [['Feb. 3, 2024', '2024-02-03', 'day', 'absolute']]],
  // ok case: a past narrative keeps the year of the date before.
  ['The pier was sold on March 4, 2014. The board met again on April 30.', '2025-03-07', [['March 4, 2014', '2014-03-04', 'day', 'absolute'], ['April 30', '2014-04-30', 'day', 'relative']]],
  ['The dam was completed in 1998. The following year, the valley flooded.', null, [['1998', '1998', 'year', 'absolute'], ['The following year', '1999', 'year', 'relative']]],
  ['The firm was founded in 2001. Three years later it went bankrupt.', null, [['2001', '2001', 'year', 'absolute'], ['Three years later', '2004', 'year', 'relative']]],
  [
    'The reactor exploded on April 26, 1986. Just under five years after the explosion, the town was abandoned.',
    null,
    [['April 26, 1986', '1986-04-26', 'day', 'absolute'], ['Just under five years after the explosion', '1991-03', 'month', 'relative']],
  ],
  [
    'Less than a year before she was elected, Mara Oben spoke in the square. She was elected on May 4, 2018.',
    null,
    [['Less than a year before she was elected', '2017', 'year', 'relative'], ['May 4, 2018', '2018-05-04', 'day', 'absolute']],
  ],
];

/** Sentences that hold no date at all: the guards against look-alikes. */
const OK_CASES = [
  'You may want to march on the capital before noon.',
  'I sat with him for an hour and we talked.',
  'Over 3,000 mosques and 12,500 homes were destroyed.',
  'The army sent 2000 troops to the border.',
  'Turn to page 1984 of the manual for the diagram.',
  'The licence cost $2020 in fees.',
  'May I ask a question about the plan?',
  'Premieres Sun 04:30 and Sat 14:30 on the main channel.',
  'Prices rose sharply last year.',
  'The vote was 1500 to 300 in favour.',
  'He scored 2010 points over his career.',
  'They met on the 3rd floor at 10:30.',
];

for (const [input, published, expected] of CASES) {
  test(`dates in: ${input}`, () => {
    const doc = analyse(input, published);
    const found = datesOf(doc).map((a) => [a.text, a.data.value, a.data.precision, a.label]);
    assert.deepEqual(found, expected);
    assertDocumentInvariants(doc);
  });
}

for (const input of OK_CASES) {
  test(`no date in: ${input}`, () => {
    assert.deepEqual(datesOf(analyse(input)).map((a) => a.text), []);
  });
}

test('relative dates carry what they were resolved from and are marked uncertain when estimated', () => {
  const doc = analyse('The reactor exploded on April 26, 1986. Just under five years after the explosion, the town was abandoned.');
  const relative = datesOf(doc).find((a) => a.label === 'relative')!;
  assert.equal(relative.data.uncertain, true);
  assert.equal(relative.data.anchor, 'the explosion');
  assert.match(String(relative.data.resolvedFrom), /1986-04-26/);
});

test('an unanchored relative date is dropped, not guessed', () => {
  assert.equal(datesOf(analyse('The storm came three years after the flood.')).length, 0);
});

test('ranges carry their end', () => {
  const [range] = datesOf(analyse('She served as mayor from 2010 to 2015.'));
  assert.equal(range!.data.end, '2015');
});

/** [sentence(s), expected summary of the event of the date `date`]. */
const EVENT_CASES: [string, string, string][] = [
  ['The storm destroyed the pier on March 2, 2011, while the ferry was docked.', 'March 2, 2011', 'The storm destroyed the pier'],
  ['The council was led by Mara Oben, who in 2019 resigned over the budget.', '2019', 'Mara Oben resigned over the budget'],
  ['He fled after the 1979 revolution in Veloria, leaving his farm.', '1979', 'the 1979 revolution in Veloria'],
  ['But in 2006, after the floods, the town rebuilt its dykes.', '2006', 'the town rebuilt its dykes'],
  ['The museum closed its doors when the roof collapsed in 2016.', '2016', 'the roof collapsed'],
  // More than 200 characters of adverbial before the clause: the summary starts at a whole word after its comma.
  [
    'But rather than thanking the harbour pilots for the many years of quiet and careful work they did in guiding the heavy freighters through the narrow channel past the old breakwater and the shifting sandbanks of the estuary, the Velden port council abruptly dismissed all of them on May 5, 2021, near the old customs house.',
    'May 5, 2021',
    'the Velden port council abruptly dismissed all of them near the old customs house',
  ],
  // A date completing a participle in an aside dates the aside; a main-verb participle is no aside.
  ['Critics say the sea walls, built in the 1970s, were never raised.', 'the 1970s', 'the sea walls built'],
  ['The old ferry, launched in 1961, sank at its moorings last week.', '1961', 'The old ferry launched'],
  ['The council, in 2019, approved the new harbour wall.', '2019', 'The council approved the new harbour wall'],
  ['The harbour wall was built in 1953 by the county.', '1953', 'The harbour wall was built by the county'],
  // The part of the day goes with the date (weekdays count from the publication date, 2025-06-04).
  ['The river burst its banks on Sunday night, flooding the lower town.', 'on Sunday', 'The river burst its banks, flooding the lower town'],
  ['The lifeboat crew left on Tuesday morning and returned at dusk.', 'on Tuesday', 'The lifeboat crew left and returned at dusk'],
];

for (const [input, dateText, summary] of EVENT_CASES) {
  test(`event of "${dateText}" in: ${input}`, () => {
    const doc = analyse(input, '2025-06-04T09:00:00Z');
    const events = doc.annotations.filter((a) => a.kind === 'event');
    const date = datesOf(doc).find((a) => a.text === dateText)!;
    const event = events.find((e) => e.data.date === date.data.value);
    assert.ok(event, `no event for ${dateText}`);
    assert.equal(event.label, 'timeline');
    assert.equal(event.data.summary, summary);
  });
}

test('golden fixture: the harbour timeline, with bio dates kept out of it', () => {
  const text = readFileSync(new URL('../src/analysers/dates/fixtures/harbour-timeline.txt', import.meta.url), 'utf8');
  const expected = JSON.parse(readFileSync(new URL('../src/analysers/dates/fixtures/harbour-timeline.expected.json', import.meta.url), 'utf8')) as {
    dates: [string, string, string][];
    timeline: string[];
  };
  const doc = analyse(text);
  assertDocumentInvariants(doc);
  assert.deepEqual(datesOf(doc).map((a) => [a.text, a.data.value, a.data.precision]), expected.dates);
  const timeline = doc.summaries.timeline!;
  assert.equal(timeline.source, 'dates');
  assert.deepEqual(timeline.rows.map((row) => row[0]), expected.timeline);
  assert.ok(!timeline.rows.some((row) => row[0] === '2008'), 'a bio date is not on the timeline');
  const uncertain = timeline.rows.filter((row) => row[4] === true).map((row) => row[0]);
  assert.deepEqual(uncertain, ['2016-12']);
});

test('golden fixture: look-alikes give no dates', () => {
  const text = readFileSync(new URL('../src/analysers/dates/fixtures/ok-no-dates.txt', import.meta.url), 'utf8');
  assert.deepEqual(datesOf(analyse(text)).map((a) => a.text), []);
});

test('the publication date beats embed dates; without either, publication-relative dates are dropped', () => {
  assert.equal(datesOf(analyse('Prices rose last year.', '2020-02-01T09:00:00Z'))[0]!.data.value, '2019');
  assert.equal(datesOf(analyse('Prices rose last year.', 'not a date')).length, 0);
});

test('without a publication date, a full date in the byline anchors relative dates; the metadata date still wins', () => {
  const text = 'Ferry service halted along the coast\n\nBy Ivo Senn | March 12, 2025\n\nThe ferries stopped on Tuesday after the storm, and prices rose last year.\n';
  const values = (doc: MarginaliaDocument) => datesOf(doc).filter((a) => a.label === 'relative').map((a) => [a.text, a.data.value, a.data.uncertain === true]);
  assert.deepEqual(values(analyse(text)), [
    ['on Tuesday', '2025-03-11', false],
    ['last year', '2024', false],
  ]);
  assert.match(String(datesOf(analyse(text)).find((a) => a.text === 'on Tuesday')!.note), /the date in the byline/);
  // The byline date says it was taken as the publication date; with a metadata date it is not.
  assert.equal(datesOf(analyse(text)).find((a) => a.text === 'March 12, 2025')?.data.publication, true);
  assert.equal(datesOf(analyse(text, '2026-06-04T09:00:00Z')).find((a) => a.text === 'March 12, 2025')?.data.publication, undefined);
  assert.deepEqual(values(analyse(text, '2026-06-04T09:00:00Z')), [
    ['on Tuesday', '2026-06-02', false],
    ['last year', '2025', false],
  ]);
  // A year alone in the byline is no publication date.
  assert.deepEqual(values(analyse(text.replace('March 12, 2025', '2025'))), []);
});

test('the analyzer takes a full date from the byline as the publication date when the metadata has none', () => {
  const analyzer = createAnalyzer();
  const text = 'Ferry service halted along the coast\n\nBy Ivo Senn | March 12, 2025\n\nThe ferries stopped on Tuesday after the storm, officials said.\n';
  assert.equal(analyzer.analyzeText(text).meta.publishedTime, '2025-03-12');
  assert.equal(analyzer.analyzeText(text, { meta: { publishedTime: '2026-06-04T09:00:00Z' } }).meta.publishedTime, '2026-06-04T09:00:00Z');
  assert.equal(analyzer.analyzeText(text.replace('By Ivo Senn | March 12, 2025', 'By Ivo Senn')).meta.publishedTime, null);
});

test('options are validated when the analyser is built', () => {
  assert.throws(() => datesAnalyser({ useEmbedDates: 'yes' } as never), { code: 'E_ANALYSER_OPTIONS' });
  assert.throws(() => datesAnalyser({ colour: 1 } as never), { code: 'E_ANALYSER_OPTIONS' });
  assert.equal(datesAnalyser().id, 'dates');
});

test('a date inside reported speech dates the reported event, not the act of saying it', () => {
  const analyzer = createAnalyzer();
  const text =
    'Harbour budget row deepens\n\nThe harbour board met on Monday.\n\nTreasurer Ola Brisk denied the claim, telling the council the town had spent 2 million crowns on the pier in 2023.\n';
  const doc = analyzer.analyzeText(text);
  const event = doc.annotations.find((a) => a.kind === 'event' && a.data.date === '2023');
  assert.ok(event, 'no event for 2023');
  assert.equal(event.data.summary, 'the town had spent 2 million crowns on the pier');
  // Without reported speech, the sentence's own clause.
  const plain = analyzer.analyzeText(text.replace('denied the claim, telling the council the town had spent', 'said the town had spent'));
  const said = plain.annotations.find((a) => a.kind === 'event' && a.data.date === '2023');
  assert.equal(said?.data.summary, 'the town had spent 2 million crowns on the pier');
});

test('dates side by side in one clause share its event: "in 2023 and 2024 combined"', () => {
  const analyzer = createAnalyzer();
  const text = 'Harbour accounts published\n\nThe harbour board met on Monday.\n\nThe ferry terminal lost about 1.4 million crowns in 2023 and 2024 combined. The pier was repaired in 2012, 2015 or 2017.\n';
  const rows = analyzer.analyzeText(text).summaries.timeline!.rows.map((r) => [r[0], r[2]]);
  assert.deepEqual(rows, [
    ['2012', 'The pier was repaired'],
    ['2015', 'The pier was repaired'],
    ['2017', 'The pier was repaired'],
    ['2023', 'The ferry terminal lost about 1.4 million crowns'],
    ['2024', 'The ferry terminal lost about 1.4 million crowns'],
  ]);
  // ok: dates in different clauses keep their own events.
  const apart = analyzer.analyzeText('Harbour accounts published\n\nThe board met on Monday.\n\nThe terminal opened in 2012, and the pier closed in 2015.\n');
  assert.deepEqual(apart.summaries.timeline!.rows.map((r) => r[2]), ['The terminal opened', 'the pier closed']);
});
