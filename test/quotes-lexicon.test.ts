/**
 * The quotes analyser's data and safety: readme.md's cue and anonymous-source tables list exactly
 * the entries of cues.json and anonymous.json; every cue form is one lower-case word; hostile
 * input aimed at the attribution scans (long clauses, endless introductory phrases, parentheses,
 * brackets, datelines) and a long ordinary article stay linear: four times the input may not cost
 * much more than four times the time. These are blow-up guards through timeBudget (a generous
 * factor for a loaded machine), not speed measurements: bench/quotes.ts measures throughput.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import anonymous from '../src/analysers/quotes/anonymous.json' with { type: 'json' };
import { LEXICON, quotesAnalyser } from '../src/analysers/quotes/index.js';
import { segmentsAnalyser } from '../src/analysers/segments/index.js';
import { structureAnalyser } from '../src/analysers/structure/index.js';
import { buildPipeline, runPipeline } from '../src/core/pipeline.js';
import { emptyMeta } from '../src/ingest/types.js';
import { timeBudget } from './helpers/time-budget.js';

const readme = readFileSync(new URL('../src/analysers/quotes/readme.md', import.meta.url), 'utf8');

test('readme lists every cue and anonymous-source entry, and nothing else', () => {
  const ids = new Set<string>();
  for (const entry of LEXICON.cueEntries) {
    ids.add(entry.id);
    const row = readme.split('\n').find((line) => line.startsWith(`| \`${entry.id}\` |`));
    assert.ok(row, `readme.md does not list ${entry.id}`);
    for (const form of entry.forms) assert.ok(row.includes(form), `readme row of ${entry.id} lacks the form ${form}`);
    assert.ok(row.includes(`| ${entry.stance} |`), `readme row of ${entry.id} has the wrong stance`);
  }
  for (const head of anonymous.heads) {
    ids.add(head.id);
    assert.ok(readme.includes(`| \`${head.id}\` |`), `readme.md does not list ${head.id}`);
  }
  for (const [, id] of readme.matchAll(/^\| `((?:cue|anon)-[a-z0-9-]+)` \|/gmu)) assert.ok(ids.has(id!), `readme.md lists ${id}, which is no entry`);
});

test('cue forms are single lower-case words and entries carry a note and a source', () => {
  for (const entry of LEXICON.cueEntries) {
    assert.match(entry.id, /^cue-[a-z-]+$/u);
    for (const form of entry.forms) assert.match(form, /^[a-z]+$/u, `${entry.id}: ${form}`);
    assert.ok(entry.note.length > 10 && entry.source.length > 10, entry.id);
  }
});

const pipeline = buildPipeline([segmentsAnalyser(), structureAnalyser(), quotesAnalyser()]);
const run = (text: string) => runPipeline(pipeline, { text, meta: emptyMeta() });

/** Runs `text` twice (the second run timed, after warm-up) and checks the output is well formed. */
function timed(text: string): number {
  run(text);
  const t0 = performance.now();
  const doc = run(text);
  const ms = performance.now() - t0;
  for (const a of doc.annotations) assert.equal(doc.text.slice(a.span.start, a.span.end), a.text);
  assert.ok(!doc.diagnostics.some((d) => d.code === 'W_ANALYSER_FAILED'), JSON.stringify(doc.diagnostics.slice(0, 2)));
  return ms;
}

/** n repetitions → text; the guard compares n and 4n: linear costs ~4×, quadratic ~16×. */
const HOSTILE: [string, (n: number) => string][] = [
  ['endless introductory phrases', (n) => `${'Speaking in Salem, '.repeat(n)}“a b c d e f,” he said.`],
  ['endless clause openers', (n) => `${'But when '.repeat(2 * n)}“a b c d e f.”`],
  ['parentheses after titles', (n) => `${'Rep. A (R-X) '.repeat(n)}said “a b c d e.”`],
  ['an unclosed bracket', (n) => `“a b c d e” [${'A '.repeat(4 * n)}`],
  ['datelines', (n) => `${'WASHINGTON — '.repeat(n)}Moore thanked “a b c d e.”`],
  ['participle clauses', (n) => `${'The town released a statement saying '.repeat(n / 2)}“a b c d e.”`],
  ['split quotes', (n) => '“a b c d e,” '.repeat(n)],
  ['naming cues', (n) => `${'calling '.repeat(4 * n)}“a b c d e.”`],
  ['a headline digest', (n) => `Name: ${'“a b c d e” '.repeat(n)}`],
];

for (const [name, make] of HOSTILE) {
  test(`hostile input for the attribution scans stays linear: ${name}`, () => {
    const small = timed(make(1_250));
    const large = timed(make(5_000));
    assert.ok(large < 8 * small + timeBudget(100), `${name}: ${small.toFixed(1)} ms → ${large.toFixed(1)} ms`);
    assert.ok(large < timeBudget(2_000), `${name}: ${large.toFixed(0)} ms`);
  });
}

test('an ordinary article four times as long costs about four times as much', () => {
  const paragraphs = [
    '“We were elected to protect the waterfront, not to sell it,” said Ilse Marot, the deputy leader of the Dunmere council.',
    'Mayor Oren Lask said the delay would cost the town money. “Every month we wait, the repairs get dearer,” he added.',
    'The harbour council met on Tuesday evening and voted, after a long debate, to delay the sale of the land behind the sea wall.',
    'Residents called the plan a “giveaway” and the so-called “consultation” a formality, according to a local newsletter.',
  ];
  const article = (n: number): string => Array.from({ length: n }, (_, i) => paragraphs[i % 4]).join('\n\n');
  const small = timed(article(40));
  const large = timed(article(160));
  assert.ok(large < 8 * small + timeBudget(50), `${small.toFixed(1)} ms → ${large.toFixed(1)} ms`);
});
