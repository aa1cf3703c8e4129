/**
 * What an event summary says: the event a date governs, read the way a reader would. A date in an
 * aside ("the dykes, built in 1953, …") dates the aside; a date inside reported speech dates the
 * reported event, not the saying; "on Sunday night" leaves no stray "night". Fictional sentences.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { summariseEvent } from '../src/analysers/dates/summarise-event.js';
import { createAnalyzer } from '../src/api/analyzer.js';

function summaryAround(sentence: string, date: string): string | null {
  const start = sentence.indexOf(date);
  assert.ok(start >= 0, `no "${date}" in: ${sentence}`);
  return summariseEvent(sentence, { start: 0, end: sentence.length }, { start, end: start + date.length }, false)?.summary ?? null;
}

const CASES: [string, string, string][] = [
  ['Critics say the sea walls, built in the 1970s, were never raised.', 'in the 1970s', 'the sea walls built'],
  ['The old ferry, launched in 1961, sank at its moorings last week.', 'in 1961', 'The old ferry launched'],
  ['The river burst its banks on Sunday night, flooding the lower town.', 'on Sunday', 'The river burst its banks, flooding the lower town'],
  ['The lifeboat crew left on Tuesday morning and returned at dusk.', 'on Tuesday', 'The lifeboat crew left and returned at dusk'],
  // ok: a participle that is the main verb, not an aside.
  ['The council, in 2019, approved the new harbour wall.', 'in 2019', 'The council approved the new harbour wall'],
  ['The harbour wall was built in 1953 by the county.', 'in 1953', 'The harbour wall was built by the county'],
];

test('event summaries: asides and parts of the day', () => {
  for (const [sentence, date, summary] of CASES) assert.equal(summaryAround(sentence, date), summary, sentence);
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
