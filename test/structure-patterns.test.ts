/**
 * Safety and speed of the structure rules: every pattern, run raw (without the length caps the
 * analyser applies) against long adversarial strings, must finish quickly; every entry must carry
 * an id, a note and a source and appear in the readme; and the analyser must stay well inside the
 * pipeline's budget of 3 ms per 1,000 words.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { segmentsAnalyser } from '../src/analysers/segments/index.js';
import { structureAnalyser } from '../src/analysers/structure/index.js';
import { allRules } from '../src/analysers/structure/rule-set.js';
import { makeAnnotation } from '../src/core/annotation.js';
import { buildPipeline, runPipeline, type AnalysisContext } from '../src/core/pipeline.js';
import { emptyMeta } from '../src/ingest/types.js';

const N = 100_000;
const ADVERSARIAL = [
  'a'.repeat(N),
  'A '.repeat(N / 2),
  ' '.repeat(N),
  '\n'.repeat(N),
  '—'.repeat(N),
  '— A (@a) '.repeat(N / 9),
  '(@'.repeat(N / 2),
  'By A, '.repeat(N / 6),
  'By A and '.repeat(N / 9),
  'Ab Cd '.repeat(N / 6),
  '1:11 '.repeat(N / 5),
  'Mon 1'.repeat(N / 5),
  '#aa '.repeat(N / 4),
  'x@aa'.repeat(N / 4),
  '🌊'.repeat(N / 2),
  '[('.repeat(N / 2),
  'pic.twitter.com/'.repeat(N / 16),
  't.me/a '.repeat(N / 7),
  'Posted by a on '.repeat(N / 15),
  'A post shared by '.repeat(N / 17),
  'The views expressed '.repeat(N / 20),
  `${'a'.repeat(N - 2)}!`,
];

test('every rule pattern is fast on long adversarial strings', () => {
  const rules = allRules();
  assert.ok(rules.length >= 40);
  let worst = { ms: 0, id: '', sample: 0 };
  for (const rule of rules) {
    ADVERSARIAL.forEach((input, sample) => {
      const started = performance.now();
      rule.regex.exec(input);
      const ms = performance.now() - started;
      if (ms > worst.ms) worst = { ms, id: rule.entry.id, sample };
    });
  }
  assert.ok(worst.ms < 250, `rule ${worst.id} took ${worst.ms.toFixed(1)} ms on adversarial sample ${worst.sample}`);
});

test('every rule entry has an id, a note and a source, and the readme lists it', () => {
  const readme = readFileSync(new URL('../src/analysers/structure/readme.md', import.meta.url), 'utf8');
  const ids = new Set<string>();
  for (const { entry } of allRules()) {
    assert.ok(!ids.has(entry.id), `duplicate id ${entry.id}`);
    ids.add(entry.id);
    assert.match(entry.id, /^[a-z]+(?:-[a-z0-9]+)+$/u);
    assert.ok(entry.note.length > 20 && entry.source.length > 10, entry.id);
    assert.ok(readme.includes(`\`${entry.id}\``), `readme.md does not list ${entry.id}`);
  }
  for (const [, id] of readme.matchAll(/^\| `([a-z0-9]+-[a-z0-9-]+)` \|/gmu)) assert.ok(ids.has(id!), `readme.md lists ${id}, which is no rule`);
});

test('the analyser costs well under the 3 ms per 1,000 words pipeline budget', () => {
  const paragraph =
    'The harbour council met on Tuesday evening and voted, after a long and often angry debate, to delay the sale of the land behind the sea wall until the spring, when a new survey will be ready.';
  const lines: string[] = ['By Ana Ruiz'];
  for (let i = 0; i < 30; i++) {
    lines.push(paragraph, 'He did not stop there.');
    if (i % 10 === 5) lines.push('🌊', '— Harbour News (@HarbourNews) March 4, 2025', 'WATCH: The wall at dawn pic.twitter.com/Qx7LmN2bVa');
  }
  lines.push('Ana Ruiz is a writer and the author of two books.', '(The views expressed in this article are the author’s own.)');
  const text = lines.join('\n');
  const words = text.split(/\s+/u).length;
  const paragraphs = runPipeline(buildPipeline([segmentsAnalyser()]), { text, meta: emptyMeta() }).annotations.filter(
    (a) => a.kind === 'paragraph',
  );
  const analyser = structureAnalyser();
  let emitted = 0;
  const ctx: AnalysisContext = {
    annotations: (kind) => (kind === 'paragraph' ? paragraphs : []),
    emit: (input) => {
      emitted++;
      return makeAnnotation(text, 'structure', input);
    },
    diagnose: () => undefined,
    setGenre: () => undefined,
    summarise: () => undefined,
  };
  const doc = { text, meta: emptyMeta() };
  for (let i = 0; i < 50; i++) analyser.analyse(doc, ctx);
  // Median of batches, so a busy machine does not fail the test.
  const batches: number[] = [];
  for (let b = 0; b < 7; b++) {
    const started = performance.now();
    for (let i = 0; i < 50; i++) analyser.analyse(doc, ctx);
    batches.push((performance.now() - started) / 50);
  }
  const median = batches.sort((a, b) => a - b)[3]!;
  const perThousand = (median / words) * 1000;
  assert.ok(emitted > 0);
  assert.ok(perThousand < 1, `structure took ${perThousand.toFixed(3)} ms per 1,000 words`);
});
