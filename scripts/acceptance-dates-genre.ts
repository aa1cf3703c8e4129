/**
 * Acceptance check of the dates and genre analysers on the example op-ed in ../shared/examples
 * (read at run time, never copied): the dates 1953, 1979, 1998, 2006, 2012, mid-2014, 2017,
 * 3 January 2020 and 2021 are found and on the timeline; the date "just under five years after"
 * the assassination is resolved from 2020-01-03 to late 2024 (2024-12) and is on the timeline,
 * marked uncertain; the genre is opinion. Dates are identified by value and rule, never by the
 * article's words. Prints PASS/FAIL per check; exits 1 on any failure.
 * Run: npx tsx scripts/acceptance-dates-genre.ts
 */
import { datesAnalyser } from '../src/analysers/dates/index.js';
import { genreAnalyser } from '../src/analysers/genre/index.js';
import { segmentsAnalyser } from '../src/analysers/segments/index.js';
import { structureAnalyser } from '../src/analysers/structure/index.js';
import { buildPipeline, runPipeline } from '../src/core/pipeline.js';
import { emptyMeta } from '../src/ingest/types.js';
import { analyseExampleArticle } from './acceptance-article.js';


interface Check {
  name: string;
  pass: boolean;
  detail: string;
}

function main(): void {
  const { text, doc } = analyseExampleArticle('acceptance-dates-genre');
  const pipeline = buildPipeline([segmentsAnalyser(), structureAnalyser(), datesAnalyser(), genreAnalyser()]);
  const dates = doc.annotations.filter((a) => a.kind === 'date');
  const timeline = doc.summaries.timeline?.rows ?? [];
  const onTimeline = (cell: string) => timeline.some((row) => row[0] === cell);
  const checks: Check[] = [];

  const expected: [string, string, string][] = [
    ['1953', '1953', 'year'],
    ['1979', '1979', 'year'],
    ['1998', '1998', 'year'],
    ['2006', '2006', 'year'],
    ['2012', '2012', 'year'],
    ['mid 2014', '2014', 'year'],
    ['2017', '2017', 'year'],
    ['2020-01-03', '2020-01-03', 'day'],
    ['2021', '2021', 'year'],
  ];
  for (const [cell, value, precision] of expected) {
    const found = dates.filter((d) => d.data.value === value && d.data.precision === precision && (cell.startsWith('mid') ? d.data.qualifier === 'mid' : true));
    checks.push({
      name: `date ${cell} found and on the timeline`,
      pass: found.length > 0 && onTimeline(cell),
      detail: `${found.length} date annotation(s) [${found.map((d) => d.ruleId).join(', ')}], timeline ${onTimeline(cell) ? 'yes' : 'no'}`,
    });
  }

  const toppling = dates.find((d) => d.ruleId === 'event-relative' && String(d.data.resolvedFrom).includes('2020-01-03') && /^2024/.test(String(d.data.value)));
  const row = toppling ? timeline.find((r) => r[0] === toppling.data.value) : undefined;
  checks.push({
    name: '"just under five years after" the assassination resolved to late 2024, on the timeline, uncertain',
    pass: toppling !== undefined && toppling.data.value === '2024-12' && row !== undefined && row[4] === true,
    detail: toppling ? `value ${String(toppling.data.value)} (${String(toppling.data.precision)}), resolved from ${String(toppling.data.resolvedFrom)}` : 'not found',
  });

  const sorted = timeline.map((r) => String(r[0]).replace(/^mid /, ''));
  checks.push({
    name: 'timeline sorted by date',
    pass: sorted.every((v, i) => i === 0 || sorted[i - 1]!.slice(0, 4) <= v.slice(0, 4)),
    detail: sorted.join(' → '),
  });

  checks.push({
    name: 'genre opinion',
    pass: doc.genre?.label === 'opinion',
    detail: doc.genre ? `${doc.genre.label} ${doc.genre.confidence}: ${doc.genre.reasons.join('; ')}` : 'no genre',
  });

  const dateFailures = doc.diagnostics.filter((d) => d.code === 'W_ANALYSER_FAILED');
  checks.push({ name: 'no analyser failed', pass: dateFailures.length === 0, detail: dateFailures.map((d) => d.message).join('; ') || 'none' });

  for (let i = 0; i < 30; i++) runPipeline(pipeline, { text, meta: emptyMeta() });
  const base = buildPipeline([segmentsAnalyser(), structureAnalyser()]);
  for (let i = 0; i < 30; i++) runPipeline(base, { text, meta: emptyMeta() });
  const time = (p: typeof pipeline) => {
    const started = performance.now();
    for (let i = 0; i < 200; i++) runPipeline(p, { text, meta: emptyMeta() });
    return (performance.now() - started) / 200;
  };
  const words = text.split(/\s+/u).filter(Boolean).length;
  const extra = Math.max(0, time(pipeline) - time(base));
  console.log(`dates + genre on the op-ed: ${((1000 * extra) / words).toFixed(2)} ms per 1,000 words (${words} words; after warm-up; machine load affects this)`);

  let failed = 0;
  for (const check of checks) {
    if (!check.pass) failed++;
    console.log(`${check.pass ? 'PASS' : 'FAIL'}  ${check.name} — ${check.detail}`);
  }
  console.log(failed ? `\nFAIL: ${failed} of ${checks.length} checks failed.` : `\nPASS: all ${checks.length} checks.`);
  process.exit(failed ? 1 : 0);
}

main();
