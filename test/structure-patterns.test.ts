/**
 * Safety and speed of the structure rules: every pattern, run raw (without the length caps the
 * analyser applies) against long adversarial strings, must finish quickly; every entry must carry
 * an id, a note and a source and appear in the readme. (Throughput is measured by bench/pipeline.ts,
 * not asserted here.)
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { allRules } from '../src/analysers/structure/rule-set.js';
import { slowestRun, timeBudget } from './helpers/time-budget.js';

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
  const worst = slowestRun(rules, ADVERSARIAL, (rule, input) => void rule.regex.exec(input));
  assert.ok(worst.ms < timeBudget(250), `rule ${worst.id} took ${worst.ms.toFixed(1)} ms on adversarial sample ${worst.sample}`);
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
