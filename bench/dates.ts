/**
 * Speed of the dates and genre analysers: milliseconds per 1,000 words after warm-up on fictional
 * articles (the fixtures, repeated to 1k, 10k and 50k words), measured as the pipeline with them
 * minus the pipeline without them; and the hostile inputs of the issue (10,000 date-like tokens,
 * 50,000 numbers, a 100,000-character sentence), which must stay linear.
 * Run: npx tsx bench/dates.ts
 */
import { readFileSync } from 'node:fs';
import { datesAnalyser } from '../src/analysers/dates/index.js';
import { genreAnalyser } from '../src/analysers/genre/index.js';
import { segmentsAnalyser } from '../src/analysers/segments/index.js';
import { structureAnalyser } from '../src/analysers/structure/index.js';
import { buildPipeline, runPipeline, type Pipeline } from '../src/core/pipeline.js';
import { emptyMeta } from '../src/ingest/types.js';
import { printTable, quantile } from './stats.js';

const base = buildPipeline([segmentsAnalyser(), structureAnalyser()]);
const withDates = buildPipeline([segmentsAnalyser(), structureAnalyser(), datesAnalyser()]);
const withBoth = buildPipeline([segmentsAnalyser(), structureAnalyser(), datesAnalyser(), genreAnalyser()]);
const meta = { ...emptyMeta(), publishedTime: '2025-06-15' };

const fixtures = ['dates/fixtures/harbour-timeline.txt', 'genre/fixtures/opinion.txt', 'genre/fixtures/reporting.txt', 'genre/fixtures/satire.txt']
  .map((path) => readFileSync(new URL(`../src/analysers/${path}`, import.meta.url), 'utf8'))
  .join('\n\n');

function words(text: string): number {
  return text.split(/\s+/u).filter(Boolean).length;
}

function repeatTo(target: number): string {
  const parts: string[] = [];
  let count = 0;
  while (count < target) {
    parts.push(fixtures);
    count += words(fixtures);
  }
  return parts.join('\n\n');
}

/** Median milliseconds of a run after warm-up. */
function median(pipeline: Pipeline, text: string, runs: number): number {
  for (let i = 0; i < Math.max(3, runs / 5); i++) runPipeline(pipeline, { text, meta });
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    runPipeline(pipeline, { text, meta });
    times.push(performance.now() - started);
  }
  return quantile(times, 0.5);
}

const rows: (string | number)[][] = [];
for (const target of [1_000, 10_000, 50_000]) {
  const text = repeatTo(target);
  const n = words(text);
  const runs = target >= 50_000 ? 10 : target >= 10_000 ? 30 : 200;
  const b = median(base, text, runs);
  const d = median(withDates, text, runs);
  const g = median(withBoth, text, runs);
  rows.push([n, (1000 * b) / n, (1000 * Math.max(0, d - b)) / n, (1000 * Math.max(0, g - d)) / n, (1000 * Math.max(0, g - b)) / n]);
}
console.log('Dates and genre: ms per 1,000 words (median; fixtures repeated; publication date known)\n');
printTable(['words', 'segments+structure', 'dates', 'genre', 'dates+genre'], rows);

const hostile: [string, string][] = [
  ['10,000 date-like tokens', Array.from({ length: 10_000 }, (_, i) => ['2020', 'May 3', 'last year', 'the following year', 'two years after the war'][i % 5]).join(' ') + '.'],
  ['50,000 numbers', Array.from({ length: 50_000 }, (_, i) => String(1000 + (i % 9000))).join(' ')],
  ['100,000-character sentence', `${'In 2010 the council met and argued, '.repeat(100_000 / 36)}then it stopped.`],
];
const hostileRows = hostile.map(([name, text]) => {
  const half = text.slice(0, text.length >> 1);
  const b = median(base, text, 5);
  const full = median(withBoth, text, 5) - b;
  const halfMs = median(withBoth, half, 5) - median(base, half, 5);
  return [name, text.length, b, full, full / Math.max(0.01, halfMs)];
});
console.log('\nHostile input: ms for dates+genre (beyond segments+structure); ratio full/half ≈ 2 means linear\n');
printTable(['input', 'chars', 'segments+structure ms', 'dates+genre ms', 'full/half'], hostileRows);
