/**
 * Techniques benchmark on ../shared/data/ptc-semeval2020/dev with the SemEval-2020 Task 11 metrics:
 * SI (character-overlap precision/recall of spans, overlapping spans merged per article) through
 * the whole pipeline, TC (micro-F1 of the label given each gold span), a per-technique table and the
 * time per article.
 *
 *   npx tsx bench/techniques.ts
 */
import { segmentsAnalyser } from '../src/analysers/segments/index.js';
import { structureAnalyser } from '../src/analysers/structure/index.js';
import { techniquesAnalyser, type TechniquesOptions } from '../src/analysers/techniques/index.js';
import { TECHNIQUE_LABELS } from '../src/analysers/techniques/labels.js';
import { tallyOverlap, type OverlapTally } from '../src/analysers/techniques/ptc-format.js';
import { labelSpans } from '../src/analysers/techniques/find-techniques.js';
import { sharedTechniqueModel } from '../src/analysers/techniques/shared-model.js';
import { buildPipeline, runPipeline, type Analyser } from '../src/core/pipeline.js';
import { emptyMeta } from '../src/ingest/types.js';
import { contextOf, loadPtc, tokenRange } from '../scripts/techniques-data.js';
import { printTable, quantile } from './stats.js';

const articles = loadPtc('dev');
const model = sharedTechniqueModel();

function f1(p: number, r: number): number {
  return p + r > 0 ? (2 * p * r) / (p + r) : 0;
}

/** Other helpers' analysers, when they exist (loaded by a computed specifier so the bench never depends on them). */
async function optional(path: string, factory: string): Promise<Analyser | null> {
  try {
    const module = (await import(path)) as Record<string, (() => Analyser) | undefined>;
    return module[factory]?.() ?? null;
  } catch {
    return null;
  }
}
const quotes = await optional(['..', 'src', 'analysers', 'quotes', 'index.js'].join('/'), 'quotesAnalyser');
const mentions = await optional(['..', 'src', 'analysers', 'mentions', 'index.js'].join('/'), 'mentionsAnalyser');

interface Run {
  name: string;
  p: number;
  r: number;
  f: number;
  predicted: number;
  /** Share of the predicted spans (merged) that overlap no gold span. */
  disjoint: number;
  msPerArticle: number;
  perThousand: number[];
  predictedBy: Map<string, number>;
}

function runSi(name: string, options: TechniquesOptions, extra: Analyser[] = []): Run {
  const pipeline = buildPipeline([segmentsAnalyser(), structureAnalyser(), techniquesAnalyser(options), ...extra]);
  for (const article of articles.slice(0, 10)) runPipeline(pipeline, { text: article.text, meta: emptyMeta() });
  const tally: OverlapTally = { precisionSum: 0, recallSum: 0, predicted: 0, gold: 0, disjoint: 0 };
  const perThousand: number[] = [];
  const predictedBy = new Map<string, number>();
  let totalMs = 0;
  for (const article of articles) {
    const started = performance.now();
    const doc = runPipeline(pipeline, { text: article.text, meta: emptyMeta() });
    const ms = performance.now() - started;
    totalMs += ms;
    perThousand.push((ms * 1000) / article.text.split(/\s+/).filter(Boolean).length);
    const spans = doc.annotations.filter((a) => a.kind === 'technique');
    for (const s of spans) predictedBy.set(s.label, (predictedBy.get(s.label) ?? 0) + 1);
    tallyOverlap(spans.map((a) => a.span), article.spans, tally);
  }
  const p = tally.predicted ? tally.precisionSum / tally.predicted : 0;
  const r = tally.recallSum / tally.gold;
  return { name, p, r, f: f1(p, r), predicted: tally.predicted, disjoint: tally.predicted ? tally.disjoint! / tally.predicted : 0, msPerArticle: totalMs / articles.length, perThousand, predictedBy };
}

const NO_RULES = { phrases: false, repetition: false, mentions: false, quotes: false };
const runs = [
  runSi('model only', { rules: NO_RULES }),
  runSi('+ phrase rules', { rules: { ...NO_RULES, phrases: true } }),
  runSi('+ repetition rule', { rules: { ...NO_RULES, repetition: true } }),
  runSi('default (phrases, quotes, mentions)', {}),
  runSi('all rules', { rules: { repetition: true } }),
];
if (quotes || mentions) runs.push(runSi('default + quotes + mentions', {}, [quotes, mentions].filter((a): a is Analyser => a !== null)));
const main = runs[3]!;
// Time of the model and rules alone: the whole pipeline minus segments + structure.
const base = buildPipeline([segmentsAnalyser(), structureAnalyser()]);
let baseMs = 0;
for (const article of articles) {
  const started = performance.now();
  runPipeline(base, { text: article.text, meta: emptyMeta() });
  baseMs += performance.now() - started;
}
const words = articles.reduce((sum, a) => sum + a.text.split(/\s+/).filter(Boolean).length, 0);
const predictedBy = main.predictedBy;

// TC: classify every gold span.
const confusion = new Map<string, { tp: number; fp: number; fn: number; gold: number }>();
for (const label of TECHNIQUE_LABELS) confusion.set(label, { tp: 0, fp: 0, fn: 0, gold: 0 });
let correct = 0;
let total = 0;
for (const article of articles) {
  const ctx = contextOf(article.text);
  const rows = article.spans.map((span) => model.classify(ctx, ...tokenRange(ctx, span.start, span.end)));
  // Spans with identical offsets (one span, several techniques) get distinct labels.
  const labels = labelSpans(model.labels, rows, article.spans.map((s) => `${s.start}:${s.end}`));
  article.spans.forEach((span, i) => {
    const label = labels[i]!;
    total++;
    const gold = confusion.get(span.technique)!;
    gold.gold++;
    if (label === span.technique) {
      correct++;
      gold.tp++;
    } else {
      gold.fn++;
      confusion.get(label)!.fp++;
    }
  });
}

console.log(`PTC dev: ${articles.length} articles, ${total} labelled spans, ${words} words; quotes ${quotes ? 'on' : 'absent'}, mentions ${mentions ? 'on' : 'absent'}\n`);
printTable(
  ['configuration', 'SI P', 'SI R', 'SI F1', 'spans (merged)', 'overlapping no gold span', 'ms/article', 'ms/1k words (median)'],
  runs.map((r) => [r.name, r.p, r.r, r.f, r.predicted, r.disjoint, r.msPerArticle, quantile(r.perThousand, 0.5)]),
);
console.log('');
printTable(
  ['metric', 'value'],
  [
    ['TC micro-F1 (gold spans)', correct / total],
    ['techniques alone, ms per 1,000 words (mean)', ((main.msPerArticle * articles.length - baseMs) * 1000) / words],
    ['whole pipeline, ms per 1,000 words (p95)', quantile(main.perThousand, 0.95)],
  ],
);
console.log('');
printTable(
  ['technique', 'gold', 'TC P', 'TC R', 'TC F1', 'SI predicted'],
  TECHNIQUE_LABELS.map((label) => {
    const c = confusion.get(label)!;
    const p = c.tp + c.fp ? c.tp / (c.tp + c.fp) : 0;
    const r = c.gold ? c.tp / c.gold : 0;
    return [label, c.gold, p, r, f1(p, r), predictedBy.get(label) ?? 0];
  }),
);
