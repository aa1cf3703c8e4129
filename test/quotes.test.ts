/**
 * The quotes analyser, table-driven: direct quotes in each quotation style, split, colon, dash and
 * multi-paragraph quotes, pronoun resolution, anonymous sources, scare quotes, indirect speech, and
 * false-positive guards (apostrophes, titles, inch marks). All sentences are fictional. Also:
 * hostile input runs in linear time, options are validated, the lexicon is well formed.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LEXICON, quotesAnalyser } from '../src/analysers/quotes/index.js';
import { segmentsAnalyser } from '../src/analysers/segments/index.js';
import { structureAnalyser } from '../src/analysers/structure/index.js';
import { buildPipeline, runPipeline } from '../src/core/pipeline.js';
import type { Annotation, MarginaliaDocument, Span } from '../src/core/types.js';
import { emptyMeta } from '../src/ingest/types.js';
import { timeBudget } from './helpers/time-budget.js';

const pipeline = buildPipeline([segmentsAnalyser(), structureAnalyser(), quotesAnalyser()]);
const run = (text: string): MarginaliaDocument => runPipeline(pipeline, { text, meta: emptyMeta() });
const quotes = (doc: MarginaliaDocument, kind = 'quote'): Annotation[] => doc.annotations.filter((a) => a.kind === kind);
const said = (doc: MarginaliaDocument, a: Annotation): string | null => {
  const span = a.data.speakerSpan as Span | null;
  return span ? doc.text.slice(span.start, span.end) : null;
};

interface Case {
  name: string;
  text: string;
  /** Expected direct/indirect quotes in order: content, speaker, words of speakerSpan, cue, anonymous. */
  expect: { label?: string; text: string; speaker: string | null; span?: string | null; cue?: string | null; anonymous?: boolean }[];
}

const CASES: Case[] = [
  { name: 'curly, speaker after', text: '“The bridge opens in May,” Mara Velt said.', expect: [{ text: 'The bridge opens in May,', speaker: 'Mara Velt', span: 'Mara Velt', cue: 'said' }] },
  { name: 'straight, inverted cue', text: '"We need more ferries," said Oren Lask, the harbour master of Dunmere.', expect: [{ text: 'We need more ferries,', speaker: 'Oren Lask', cue: 'said' }] },
  { name: 'guillemets, colon before', text: 'Ilse Marot said: «The vote was fair and the count was public.»', expect: [{ text: 'The vote was fair and the count was public.', speaker: 'Ilse Marot', cue: 'said' }] },
  { name: 'German marks', text: 'Jonas Brell added: „Wir bleiben hier und wir bauen weiter.“', expect: [{ text: 'Wir bleiben hier und wir bauen weiter.', speaker: 'Jonas Brell', cue: 'added' }] },
  { name: 'single marks, British style', text: '‘The budget is not enough for the clinics,’ the spokesman said.', expect: [{ text: 'The budget is not enough for the clinics,', speaker: 'the spokesman', cue: 'said', anonymous: false }] },
  {
    name: 'split quote shares its speaker',
    text: '“The river is rising,” Tova Renn said, “and the levee will not hold another week.”',
    expect: [
      { text: 'The river is rising,', speaker: 'Tova Renn', cue: 'said' },
      { text: 'and the levee will not hold another week.', speaker: 'Tova Renn', cue: 'said' },
    ],
  },
  { name: 'dash attribution', text: '“Nobody asked the fishermen what they wanted.” — Petra Oslund', expect: [{ text: 'Nobody asked the fishermen what they wanted.', speaker: 'Petra Oslund', cue: null }] },
  { name: 'anonymous source', text: '“The talks have stalled again over the border,” a senior official said.', expect: [{ text: 'The talks have stalled again over the border,', speaker: 'a senior official', anonymous: true }] },
  {
    name: 'pronoun resolved to the subject of the previous sentence',
    text: 'Dana Ferrow spoke to the council about the harbour plan for Kelby Bay.\n\n“We will not sell the old pier to anyone,” she said.',
    expect: [{ text: 'We will not sell the old pier to anyone,', speaker: 'Dana Ferrow', span: 'she', cue: 'said' }],
  },
  {
    name: 'loaded cue in a partial quote',
    text: 'The Coastal Front claimed the flood was an “act of sabotage” by the mill owners.',
    expect: [{ text: 'act of sabotage', speaker: 'Coastal Front', span: 'The Coastal Front', cue: 'claimed' }],
  },
  {
    name: 'multi-paragraph quote',
    text: 'Rhea Dunmore said: “The first winter was the hardest for all of us.\n\n“By spring, the school had reopened and the market was back.”',
    expect: [{ text: 'The first winter was the hardest for all of us.\n\n“By spring, the school had reopened and the market was back.', speaker: 'Rhea Dunmore', cue: 'said' }],
  },
  { name: 'indirect speech with that', text: 'Mayor Ansel Brook said that the ferry service would resume next month.', expect: [{ label: 'indirect', text: 'the ferry service would resume next month', speaker: 'Ansel Brook', cue: 'said' }] },
  { name: 'according to', text: 'According to local officials, the dam was inspected twice last year.', expect: [{ label: 'indirect', text: 'the dam was inspected twice last year', speaker: 'local officials', anonymous: true }] },
  { name: 'told reporters', text: 'The minister told reporters the harbour would stay closed until Friday.', expect: [{ label: 'indirect', text: 'the harbour would stay closed until Friday', speaker: 'The minister', cue: 'told' }] },
  {
    name: 'indirect: "…, officials said on Tuesday, and forecasters warned that …" is two attributions',
    text: 'More than 3,000 people left the valley after two days of rain, officials said on Tuesday, and forecasters warned that the worst was still to come.',
    expect: [
      { label: 'indirect', text: 'More than 3,000 people left the valley after two days of rain', speaker: 'officials', cue: 'said', anonymous: true },
      { label: 'indirect', text: 'the worst was still to come', speaker: 'forecasters', cue: 'warned', anonymous: true },
    ],
  },
  { name: 'indirect after ", and"', text: 'The river rose all week, and rescuers said the lower town was cut off.', expect: [{ label: 'indirect', text: 'the lower town was cut off', speaker: 'rescuers', cue: 'said', anonymous: true }] },
  { name: 'indirect: bare "police said" at the end', text: 'The coast road was closed for six hours, police said.', expect: [{ label: 'indirect', text: 'The coast road was closed for six hours', speaker: 'police', cue: 'said', anonymous: false }] },
  {
    name: 'indirect: a relative clause between the speaker and the cue',
    text: 'A senior harbour official, who spoke on condition of anonymity because he was not allowed to brief reporters, said the ferries would stop by Friday.',
    expect: [{ label: 'indirect', text: 'the ferries would stop by Friday', speaker: 'A senior harbour official', cue: 'said', anonymous: true }],
  },
  {
    name: 'indirect: a participle after a comma speaks for the subject',
    text: 'Finance Minister Ola Brisk denied it, telling the council the town had spent 2 million crowns on the pier.',
    expect: [{ label: 'indirect', text: 'the town had spent 2 million crowns on the pier', speaker: 'Ola Brisk', cue: 'telling' }],
  },
  {
    name: 'indirect: a short object before the reporting participle is not the content',
    text: 'Finance Minister Ola Brisk denied the figures, saying the town had spent far less on the pier.',
    expect: [{ label: 'indirect', text: 'the town had spent far less on the pier', speaker: 'Ola Brisk', cue: 'saying' }],
  },
  { name: 'ok: an impersonal passive names no speaker (not even a day before it)', text: 'The board met on Monday. It is believed that the pier will be sold.', expect: [] },
  { name: 'an indefinite office is an unnamed source', text: 'A ministry said that the harbour would stay closed until May.', expect: [{ label: 'indirect', text: 'the harbour would stay closed until May', speaker: 'A ministry', cue: 'said', anonymous: true }] },
  { name: '"read" quotes a sign', text: 'The sign on the gate read: “No ferries until May.”', expect: [{ text: 'No ferries until May.', speaker: 'The sign on the gate', cue: 'read' }] },
  { name: 'inverted "read the sign"', text: '“No ferries until May,” read the sign on the gate.', expect: [{ text: 'No ferries until May,', speaker: 'the sign', cue: 'read' }] },
  {
    name: 'ok: "read every word of …" reads, it does not quote',
    text: 'It was a long week. “Frankly alarming,” local man Ivo Senn, 43, read every word of the harbour lease on Tuesday.',
    expect: [],
  },
  {
    name: 'a noun "report" after a possessive and an adjective is no cue; a new sentence\'s "According to" credits what follows it',
    text: 'The councillors demanded that the board release the auditor’s full report “without delay.” According to the Velmar Beacon, the board refused.',
    expect: [
      { text: 'without delay.', speaker: 'The councillors' },
      { label: 'indirect', text: 'the board refused', speaker: 'Velmar Beacon' },
    ],
  },
  { name: '"Here is X …:" names X', text: 'Here is Senator Ana Ruiz repeating the claim: “The harbour will close by May.”', expect: [{ text: 'The harbour will close by May.', speaker: 'Ana Ruiz' }] },
  { name: 'a sentence adverb is no part of the name', text: 'Again Mara Holm adds, “The ferries never ran on time.”', expect: [{ text: 'The ferries never ran on time.', speaker: 'Mara Holm', cue: 'adds' }] },
  { name: 'ok: "That’s" names nobody', text: 'Eleven boats sank in the storm. That’s hardly a “minor incident” for the port.', expect: [] },
  { name: '"Former" qualifies a title', text: 'Former President Ana Ruiz said that the harbour would reopen in May.', expect: [{ label: 'indirect', text: 'the harbour would reopen in May', speaker: 'Ana Ruiz', cue: 'said' }] },
  {
    name: 'ok: "None" is no antecedent for "he"',
    text: 'Tomas Reyl runs the school. None of the pupils were hurt. “We were lucky this time,” he said.',
    expect: [{ text: 'We were lucky this time,', speaker: 'Tomas Reyl', cue: 'said' }],
  },
  { name: 'ok: "state" after "of" is no cue', text: 'The secretary of state arrived late, and the talks began at noon.', expect: [] },
  { name: 'ok: "alleged" after a preposition is an adjective', text: 'She told her doctor in 2017 about alleged abuse at the harbour office.', expect: [] },
  { name: 'ok: a participle that reports no speech', text: 'The harbour master resigned on Friday, citing the new rules for the fishing fleet.', expect: [] },
  { name: 'ok: "…, the mayor said, and" needs a speech verb in the second clause', text: 'The pier will reopen in May, the mayor said, and the ferries will follow in June.', expect: [{ label: 'indirect', text: 'The pier will reopen in May', speaker: 'the mayor', cue: 'said' }] },
  {
    name: 'a report is a noun after a year; "that called" is a verb after a relative',
    text: 'Critics say the pier was never repaired despite a 2016 survey that called it “dangerously weak”.',
    expect: [{ text: 'dangerously weak', speaker: 'a 2016 survey', cue: 'called' }],
  },
  {
    name: 'relative subject: the span is "who", the speaker its antecedent',
    text: 'Lena Vosk, who has in the past described the plan as “a slow disaster for the bay,” was not at the meeting.',
    expect: [{ text: 'a slow disaster for the bay,', speaker: 'Lena Vosk', span: 'who', cue: 'described' }],
  },
  {
    name: 'relative subject after a noun: "which notes"',
    text: 'The council cited a report by the Harbour Gazette, which notes, “Half of the moorings stand empty this winter.”',
    expect: [{ text: 'Half of the moorings stand empty this winter.', speaker: 'Harbour Gazette', span: 'which', cue: 'notes' }],
  },
  {
    name: 'middle initial after the quote',
    text: '“The tide tables are wrong for half the year,” Nora T. Hallam wrote in April.',
    expect: [{ text: 'The tide tables are wrong for half the year,', speaker: 'Nora T. Hallam', cue: 'wrote' }],
  },
  {
    name: 'parenthesis with a period after the quote',
    text: '“We will fund the levee this year,” Rep. Aldo Finch (D-Ore.) said.',
    expect: [{ text: 'We will fund the levee this year,', speaker: 'Aldo Finch', cue: 'said' }],
  },
  {
    name: 'sentence-initial inverted cue',
    text: 'The square filled by noon. Said Mira Kole, who sold fish there for years, “We were all so proud of the town.”',
    expect: [{ text: 'We were all so proud of the town.', speaker: 'Mira Kole', cue: 'said' }],
  },
  {
    name: 'a spokesperson for a named body is anonymous',
    text: '“The line reopens on Monday,” a spokesperson for the Orvane rail authority said.',
    expect: [{ text: 'The line reopens on Monday,', speaker: 'a spokesperson for the Orvane rail authority', cue: 'said', anonymous: true }],
  },
  {
    name: 'an official at a named body is anonymous',
    text: 'An official at the Kelby port office said: “No ship has been turned away.”',
    expect: [{ text: 'No ship has been turned away.', speaker: 'An official at the Kelby port office', cue: 'said', anonymous: true }],
  },
  {
    name: 'ok: a named spokesman is named',
    text: '“The line reopens on Monday,” said Ivo Brandt, a spokesman for the Orvane rail authority.',
    expect: [{ text: 'The line reopens on Monday,', speaker: 'Ivo Brandt', cue: 'said', anonymous: false }],
  },
  {
    name: 'introductory phrases are not the speaker',
    text: 'Indeed, Selma Quist wrote to the board twice. Just last week, Arno Vell, the board’s secretary, wrote back: “We have no money for it.”',
    expect: [{ text: 'We have no money for it.', speaker: 'Arno Vell', cue: 'wrote' }],
  },
  {
    name: 'a participle opener is not the speaker',
    text: 'Asked on Monday whether the pier would close, Mayor Ansel Brook shook his head and said, “Not this year.”',
    expect: [{ text: 'Not this year.', speaker: 'Ansel Brook', cue: 'said' }],
  },
  {
    name: 'went on, with a long apposition before the cue',
    text: '“The bay is cleaner than it was,” Tova Renn, who has run the ferry company since the floods of the last decade, went on.',
    expect: [{ text: 'The bay is cleaner than it was,', speaker: 'Tova Renn', cue: 'went on' }],
  },
  {
    name: 'a cue ending in a colon introduces the next quote',
    text: '“We will keep the morning boat,” Mara Velt said. “The evening one is the problem.” Oren Lask shot back: “Then cut neither.”',
    expect: [
      { text: 'We will keep the morning boat,', speaker: 'Mara Velt', cue: 'said' },
      { text: 'The evening one is the problem.', speaker: 'Mara Velt', cue: 'said' },
      { text: 'Then cut neither.', speaker: 'Oren Lask', cue: 'shot back' },
    ],
  },
  // False-positive guards: nothing to report.
  { name: 'ok: a plain initial ends no sentence it should not', text: 'The ferry left from Pier B. The harbour master waved it off.', expect: [] },
  { name: 'ok: apostrophes', text: "The workers' union met on Tuesday and the mayor's office didn't reply about the '90s contract.", expect: [] },
  { name: 'ok: inch marks', text: 'The new pipes are 12" wide and were laid along the north shore last year.', expect: [] },
  { name: 'ok: title in quotes', text: 'She watched “The Long Tide Home” on the late ferry back to the island.', expect: [] },
  { name: 'ok: plain narrative', text: 'The storm reached the coast at dawn and the ferries stayed in port for two days.', expect: [] },
  { name: 'ok: wrote to someone reports no words', text: 'Councillor Petra Holm wrote to the ferry company last week about the timetable.', expect: [] },
];

for (const c of CASES) {
  test(`quotes: ${c.name}`, () => {
    const doc = run(c.text);
    const found = quotes(doc);
    assert.equal(found.length, c.expect.length, JSON.stringify(found.map((a) => a.text)));
    c.expect.forEach((want, k) => {
      const got = found[k]!;
      assert.equal(got.label, want.label ?? 'direct');
      assert.equal(got.text, want.text);
      assert.equal(got.data.speaker, want.speaker);
      if (want.span !== undefined) assert.equal(said(doc, got), want.span);
      if (want.cue !== undefined) assert.equal(got.data.cue, want.cue);
      if (want.anonymous !== undefined) assert.equal(got.data.anonymous, want.anonymous);
    });
  });
}

test('quotes: split parts share a quoteId', () => {
  const doc = run('“The river is rising,” Tova Renn said, “and the levee will not hold another week.”');
  const [a, b] = quotes(doc);
  assert.equal(a!.data.quoteId, b!.data.quoteId);
});

test('quotes: scare quotes are their own kind', () => {
  const cases: [string, string[]][] = [
    ['The so-called “elections” in the north were held without observers.', ['elections']],
    ['The council called the levy a “temporary” measure in 2019, and it is still in place.', []],
    ['Critics mocked the “miracle” cure sold at the Dunmere fair that summer.', ['miracle']],
  ];
  for (const [text, expected] of cases) {
    const doc = run(text);
    assert.deepEqual(quotes(doc, 'scare-quote').map((a) => a.text), expected, text);
  }
});

test('quotes: the speakers summary counts quotes and cues per speaker', () => {
  const doc = run('“We will rebuild,” Mara Velt said.\n\n“It was never safe,” Mara Velt insisted.\n\n“Sources say otherwise,” an aide said.');
  const summary = doc.summaries.speakers!;
  assert.ok(summary);
  const row = summary.rows.find((r) => r[0] === 'Mara Velt')!;
  assert.equal(row[2], 2);
  assert.match(String(row[4]), /insisted ×1 \(loaded\)/);
  assert.equal(summary.rows.find((r) => r[0] === 'an aide')?.[1], 'anonymous');
});

/** n → hostile text; the guard compares n and 4n (linear ~4×, quadratic ~16×). */
const HOSTILE: [string, (n: number) => string][] = [
  ['straight double marks', (n) => '"'.repeat(n)],
  ['curly opening marks', (n) => '“'.repeat(n)],
  ['a quote that never closes', (n) => `“${'word '.repeat(2 * n)}`],
  ['cues without quotes', (n) => 'a said b '.repeat(n)],
  ['apostrophes', (n) => "'".repeat(n)],
  ['attributed split quotes', (n) => '“a,” he said, '.repeat(n / 2)],
  ['one endless word', (n) => 'x'.repeat(10 * n)],
];

for (const [name, make] of HOSTILE) {
  test(`quotes: hostile input stays linear and never crashes: ${name}`, () => {
    const timed = (text: string): number => {
      run(text);
      const t0 = performance.now();
      const doc = run(text);
      const ms = performance.now() - t0;
      for (const a of doc.annotations) assert.equal(doc.text.slice(a.span.start, a.span.end), a.text);
      assert.ok(!doc.diagnostics.some((d) => d.code === 'W_ANALYSER_FAILED'), JSON.stringify(doc.diagnostics));
      return ms;
    };
    const small = timed(make(2_500));
    const large = timed(make(10_000));
    assert.ok(large < 8 * small + timeBudget(100), `${name}: ${small.toFixed(1)} ms → ${large.toFixed(1)} ms`);
    assert.ok(large < timeBudget(2_000), `${name}: ${large.toFixed(0)} ms`);
  });
}

test('quotes: options are validated', () => {
  assert.throws(() => quotesAnalyser({ nope: true } as never), /unknown option "nope"/);
  assert.throws(() => quotesAnalyser({ maxScareWords: 0 }), /maxScareWords/);
  assert.throws(() => quotesAnalyser({ indirect: 'yes' as never }), /indirect/);
  const doc = runPipeline(buildPipeline([segmentsAnalyser(), structureAnalyser(), quotesAnalyser({ indirect: false })]), {
    text: 'Mayor Ansel Brook said that the ferry service would resume next month.',
    meta: emptyMeta(),
  });
  assert.equal(quotes(doc).length, 0);
});

test('quotes: the cue lexicon has both stances, each entry with a note and a source', () => {
  const stances = new Set(LEXICON.cueEntries.map((e) => e.stance));
  assert.deepEqual([...stances].sort(), ['loaded', 'neutral']);
  for (const entry of LEXICON.cueEntries) {
    assert.ok(entry.note.length > 10 && entry.source.length > 5, entry.id);
  }
  assert.equal(LEXICON.cues.get('said')?.stance, 'neutral');
  assert.equal(LEXICON.cues.get('claimed')?.stance, 'loaded');
});

test('quotes: a quote runs on across one-sentence lines until its closing mark', () => {
  const text = [
    'The harbour master spoke at the hearing.',
    '“The pier is older than the town hall.',
    'It has not been surveyed in twenty years.',
    'We cannot wait another winter,” said Mara Quell.',
    'The board did not reply.',
  ].join('\n');
  const doc = run(text);
  const quotes = doc.annotations.filter((a) => a.kind === 'quote' && a.label === 'direct');
  assert.equal(quotes.length, 1);
  assert.ok(quotes[0]!.text.startsWith('The pier is older') && quotes[0]!.text.endsWith('another winter,'), quotes[0]!.text);
  assert.equal(quotes[0]!.data.speaker, 'Mara Quell');
  assert.ok(!doc.diagnostics.some((d) => d.code === 'W_UNBALANCED_QUOTES'));
  // A speech quoted line by line runs on for a dozen lines and still closes.
  const speech = run(['The candidate spoke at the harbour.', '“We were told to wait.', ...Array.from({ length: 10 }, (_, k) => `We waited for year ${k + 1}.`), 'No more waiting,” said Ivo Brandt.', 'The crowd left.'].join('\n'));
  assert.ok(!speech.diagnostics.some((d) => d.code === 'W_UNBALANCED_QUOTES'), JSON.stringify(speech.diagnostics));
  assert.equal(speech.annotations.filter((a) => a.kind === 'quote' && a.label === 'direct').length, 1);
  // A next line whose first mark opens a new quote does not continue the unclosed one.
  const unclosed = run('“The pier is old, said one engineer.\nHe added that "nothing" was done.');
  assert.ok(unclosed.diagnostics.some((d) => d.code === 'W_UNBALANCED_QUOTES'));
});

test('ok: an inch mark is neither a quote nor an unbalanced quotation mark', () => {
  const doc = run('The shop sold a 34" monitor and two 27" screens to the harbour office last week.');
  assert.equal(quotes(doc).length, 0);
  assert.ok(!doc.diagnostics.some((d) => d.code === 'W_UNBALANCED_QUOTES'), JSON.stringify(doc.diagnostics));
});
