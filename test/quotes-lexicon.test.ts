/**
 * The quotes analyser's data and safety: readme.md's cue and anonymous-source tables list exactly
 * the entries of cues.json and anonymous.json; every cue form is one lower-case word; hostile
 * input aimed at the attribution scans (long clauses, endless introductory phrases, parentheses,
 * brackets, datelines) runs in linear time; and the analyser alone stays within a loose bound per 1,000 words (bench/quotes.ts has the figure).
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

test('hostile input for the attribution scans stays linear', () => {
  const inputs = [
    `${'Speaking in Salem, '.repeat(5_000)}“a b c d e f,” he said.`,
    `${'But when '.repeat(10_000)}“a b c d e f.”`,
    `${'Rep. A (R-X) '.repeat(5_000)}said “a b c d e.”`,
    `“a b c d e” [${'A '.repeat(20_000)}`,
    `${'WASHINGTON — '.repeat(5_000)}Moore thanked “a b c d e.”`,
    `${'The town released a statement saying '.repeat(2_000)}“a b c d e.”`,
    `${'“a b c d e,” '.repeat(5_000)}`,
    `${'calling '.repeat(20_000)}“a b c d e.”`,
    `Name: ${'“a b c d e” '.repeat(5_000)}`,
  ];
  for (const text of inputs) {
    const t0 = performance.now();
    const doc = run(text);
    const ms = performance.now() - t0;
    assert.ok(ms < 2_000, `${text.slice(0, 20)}… took ${ms.toFixed(0)} ms`);
    for (const a of doc.annotations) assert.equal(doc.text.slice(a.span.start, a.span.end), a.text);
    assert.ok(!doc.diagnostics.some((d) => d.code === 'W_ANALYSER_FAILED'), JSON.stringify(doc.diagnostics.slice(0, 2)));
  }
});

test('the quotes analyser alone stays within a loose per-word bound after warm-up', () => {
  const paragraphs = [
    '“We were elected to protect the waterfront, not to sell it,” said Ilse Marot, the deputy leader of the Dunmere council.',
    'Mayor Oren Lask said the delay would cost the town money. “Every month we wait, the repairs get dearer,” he added.',
    'The harbour council met on Tuesday evening and voted, after a long debate, to delay the sale of the land behind the sea wall.',
    'Residents called the plan a “giveaway” and the so-called “consultation” a formality, according to a local newsletter.',
  ];
  const text = Array.from({ length: 40 }, (_, i) => paragraphs[i % 4]).join('\n\n');
  const words = text.split(/\s+/).length;
  const base = buildPipeline([segmentsAnalyser(), structureAnalyser()]);
  // The fastest of several interleaved runs: other processes on a shared machine only slow runs down.
  const time = (fn: () => void): number => {
    let best = Infinity;
    for (let i = 0; i < 30; i++) {
      const t0 = performance.now();
      fn();
      if (i >= 5) best = Math.min(best, performance.now() - t0);
    }
    return best;
  };
  const withQuotes = time(() => run(text));
  const without = time(() => runPipeline(base, { text, meta: emptyMeta() }));
  const perThousand = ((withQuotes - without) / words) * 1000;
  // Only a guard against super-linear blowups: a loaded shared machine makes finer bounds flaky;
  // bench/quotes.ts reports the figure.
  assert.ok(perThousand < 20, `quotes cost ${perThousand.toFixed(2)} ms per 1,000 words`);
});
