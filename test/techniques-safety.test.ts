/**
 * Hostile input and plumbing of the techniques analyser: linear time on long runs (100,000
 * exclamation marks, a word repeated 200,000 times, a phrase repeated), exact offset conversion
 * from the PTC format (BOM, astral characters), the official overlap score on a worked example,
 * weights that round-trip, and a readme that lists every phrase rule.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { buildArticleContext } from '../src/analysers/techniques/article-context.js';
import { CUE_GROUPS, markCues } from '../src/analysers/techniques/cue-lexicon.js';
import { tokenize } from '../src/analysers/techniques/tokenize.js';
import { decodeSpans } from '../src/analysers/techniques/decode-spans.js';
import { findModelSpans, labelSpans } from '../src/analysers/techniques/find-techniques.js';
import { PHRASE_RULE_FILES } from '../src/analysers/techniques/phrase-rules.js';
import { codePointOffsets, parseLabels, tallyOverlap } from '../src/analysers/techniques/ptc-format.js';
import { findRuleSpans } from '../src/analysers/techniques/rule-spans.js';
import { sharedTechniqueModel } from '../src/analysers/techniques/shared-model.js';
import { decodeWeights, encodeWeights, fromBase64, toBase64 } from '../src/analysers/techniques/weights.js';
import { splitParagraphs, splitSentences } from '../src/analysers/segments/index.js';
import { timeBudget } from './helpers/time-budget.js';

function run(text: string): { spans: number; ms: number } {
  const started = performance.now();
  const paragraphs = splitParagraphs(text);
  const sentences = paragraphs.flatMap((p) => splitSentences(text, p));
  const ctx = buildArticleContext(text, sentences, paragraphs);
  const include = new Uint8Array(ctx.tokens.count).fill(1);
  const spans = findModelSpans(sharedTechniqueModel(), ctx, include).length;
  const rules = findRuleSpans(ctx, include, { mentions: [], quotes: [] }, { phrases: true, repetition: true, mentions: true, quotes: true }).length;
  return { spans: spans + rules, ms: performance.now() - started };
}

const HOSTILE: { name: string; text: string; budgetMs: number }[] = [
  { name: '100,000 exclamation marks', text: '!'.repeat(100_000), budgetMs: 1_000 },
  { name: 'one word 200,000 times', text: 'outrage '.repeat(200_000), budgetMs: 2_000 },
  { name: 'a phrase repeated 20,000 times', text: 'make america great again '.repeat(20_000), budgetMs: 2_000 },
  { name: 'a long run of one letter', text: 'a'.repeat(200_000), budgetMs: 400 },
  { name: 'quotes only', text: '"“”'.repeat(30_000), budgetMs: 1_000 },
  { name: 'emoji and lone surrogates', text: '🌊\uD800x'.repeat(30_000), budgetMs: 1_000 },
];

for (const { name, text, budgetMs } of HOSTILE) {
  test(`hostile input: ${name}`, () => {
    const { ms } = run(text);
    assert.ok(ms < timeBudget(budgetMs), `${ms.toFixed(0)} ms (budget ${timeBudget(budgetMs)} ms)`);
  });
}

test('time grows linearly with length', () => {
  const unit = 'The shameless council betrayed the valley again! Nobody is fooled by these corrupt bureaucrats. ';
  run(unit.repeat(200));
  const small = run(unit.repeat(1_000)).ms;
  const large = run(unit.repeat(8_000)).ms;
  assert.ok(large < small * 8 * 3, `8x the text took ${(large / small).toFixed(1)}x the time`);
});

test('PTC code-point offsets become UTF-16 offsets (BOM and astral characters count once)', () => {
  const text = '\uFEFFA 😀 loaded word';
  assert.deepEqual([...codePointOffsets(text)].slice(0, 6), [0, 1, 2, 3, 5, 6]);
  const [span] = parseLabels('1\tLoaded_Language\t5\t11\n', text);
  assert.equal(text.slice(span!.start, span!.end), 'loaded');
  assert.equal(parseLabels('garbage\n1\tX\t9\t3\n', text).length, 0, 'bad lines are skipped');
});

test('the official SI overlap score on a worked example', () => {
  const tally = { precisionSum: 0, recallSum: 0, predicted: 0, gold: 0 };
  // Gold [0,10) and [20,30); predicted [5,15) and an overlapping [12,14) that merges with it.
  tallyOverlap([{ start: 5, end: 15 }, { start: 12, end: 14 }], [{ start: 0, end: 10 }, { start: 20, end: 30 }], tally);
  assert.deepEqual(tally, { precisionSum: 0.5, recallSum: 0.5, predicted: 1, gold: 2 });
  // With a disjoint counter: [40,45) overlaps no gold span, [25,28) does.
  const counted = { precisionSum: 0, recallSum: 0, predicted: 0, gold: 0, disjoint: 0 };
  tallyOverlap([{ start: 40, end: 45 }, { start: 25, end: 28 }], [{ start: 0, end: 10 }, { start: 20, end: 30 }], counted);
  assert.equal(counted.disjoint, 1);
  assert.equal(counted.predicted, 2);
});

const WEIGHT_CASES: { name: string; bits: number; classes: number; value: (i: number) => number }[] = [
  { name: 'sparse, one class', bits: 8, classes: 1, value: (i) => (i % 7 === 0 ? (i - 100) / 50 : 0) },
  { name: 'dense, one class', bits: 9, classes: 1, value: (i) => Math.sin(i) * 3 },
  { name: 'sparse, 14 classes', bits: 10, classes: 14, value: (i) => (Math.floor(i / 14) % 5 === 0 ? Math.cos(i) : 0) },
];

for (const { name, bits, classes, value } of WEIGHT_CASES) {
  test(`weights round-trip through their one-byte codebook encoding: ${name}`, () => {
    const dense = new Float32Array((1 << bits) * classes).map((_, i) => value(i));
    const encoded = encodeWeights(dense, bits, classes, 1e-6);
    const decoded = decodeWeights(encoded);
    assert.equal(decoded.length, dense.length);
    let range = 0;
    for (const v of dense) range = Math.max(range, Math.abs(v));
    for (let i = 0; i < dense.length; i++) {
      if (dense[i] === 0) assert.equal(decoded[i], 0, `zero weight ${i} stays zero`);
      else assert.ok(Math.abs(decoded[i]! - dense[i]!) < range / 40, `weight ${i}: ${decoded[i]} for ${dense[i]}`);
    }
  });
}

test('the table-driven base64 decoder agrees with atob for every length and byte', () => {
  for (let length = 0; length < 40; length++) {
    const bytes = Uint8Array.from({ length }, (_, i) => (i * 97 + length * 31) & 255);
    assert.deepEqual(fromBase64(toBase64(bytes)), bytes, `length ${length}`);
    assert.deepEqual(fromBase64(toBase64(bytes)), Uint8Array.from(atob(toBase64(bytes)), (c) => c.charCodeAt(0)));
  }
});

test('every phrase rule has an id, a note and a source, and the readme lists it', () => {
  const readme = readFileSync(new URL('../src/analysers/techniques/readme.md', import.meta.url), 'utf8');
  const ids = new Set<string>();
  for (const file of PHRASE_RULE_FILES) {
    for (const rule of file.rules) {
      assert.ok(!ids.has(rule.id), `duplicate ${rule.id}`);
      ids.add(rule.id);
      assert.ok(rule.note && rule.source && rule.phrases.length > 0, rule.id);
      assert.ok(readme.includes(`\`${rule.id}\``), `readme lacks ${rule.id}`);
    }
  }
});

test('every cue group has an id, a note, a source and a technique hint, and the readme lists it', () => {
  const readme = readFileSync(new URL('../src/analysers/techniques/readme.md', import.meta.url), 'utf8');
  for (const group of CUE_GROUPS) {
    assert.ok(group.id && group.note && group.source && group.phrases.length > 0, group.id);
    assert.ok(readme.includes(`\`${group.id}\``), `readme lacks ${group.id}`);
  }
});

const CUE_CASES: { name: string; text: string; marked: string[] }[] = [
  { name: 'either-or and everyone', text: 'Either we act or everyone knows the answer', marked: ['either', 'everyone', 'knows'] },
  { name: 'ok: a cue phrase cut short', text: 'What remains about the harbour is unclear', marked: [] },
  { name: 'ok: words of a cue phrase out of order', text: 'To according the plan, the mill closed', marked: [] },
];

for (const { name, text, marked } of CUE_CASES) {
  test(`cue lexicon marks whole phrases only: ${name}`, () => {
    const tokens = tokenize(text);
    const marks = markCues(tokens);
    assert.deepEqual(tokens.lower.filter((_, i) => marks[i]! > 0), marked);
  });
}

test('cue marking is linear on a cue repeated 200,000 times', () => {
  const started = performance.now();
  const marks = markCues(tokenize('according to '.repeat(200_000)));
  assert.equal(marks.length, 400_000);
  assert.ok(performance.now() - started < timeBudget(1_000));
});

const LABEL_CASES: { name: string; keys: string[]; expected: string[] }[] = [
  { name: 'distinct spans each get their best label', keys: ['0:5', '6:9'], expected: ['b', 'b'] },
  { name: 'identical offsets get the best, then the runner-up', keys: ['0:5', '0:5'], expected: ['b', 'c'] },
  { name: 'ok: a third copy gets the third label', keys: ['0:5', '0:5', '0:5'], expected: ['b', 'c', 'a'] },
];

for (const { name, keys, expected } of LABEL_CASES) {
  test(`labelSpans: ${name}`, () => {
    const scores = keys.map(() => Float32Array.from([0.1, 0.6, 0.3]));
    assert.deepEqual(labelSpans(['a', 'b', 'c'], scores, keys), expected);
  });
}

const TRIM_CASES: { name: string; text: string; trimWords: boolean; expected: string }[] = [
  { name: 'function words leave both edges', text: 'and the reckless scheme of', trimWords: true, expected: 'reckless scheme' },
  { name: 'ok: untouched without trimWords', text: 'and the reckless scheme of', trimWords: false, expected: 'and the reckless scheme of' },
  { name: 'ok: function words inside stay', text: 'reckless scheme of the mayor', trimWords: true, expected: 'reckless scheme of the mayor' },
];

for (const { name, text, trimWords, expected } of TRIM_CASES) {
  test(`decodeSpans edge trimming: ${name}`, () => {
    const paragraphs = splitParagraphs(text);
    const ctx = buildArticleContext(text, paragraphs.flatMap((p) => splitSentences(text, p)), paragraphs);
    const [span] = decodeSpans(ctx, new Float32Array(ctx.tokens.count).fill(0.9), 0.5, 0.5, trimWords);
    assert.equal(text.slice(ctx.tokens.start[span!.first], ctx.tokens.end[span!.end - 1]), expected);
  });
}
