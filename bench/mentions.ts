/**
 * Benchmark of the mentions analyser: time per 1,000 words of analyse() alone (after warm-up), on
 * fixed fictional articles of growing length, so linearity shows; plus the whole pipeline for
 * reference. Prints a table. Run: npx tsx bench/mentions.ts
 */
import { mentionsAnalyser } from '../src/analysers/mentions/index.js';
import { segmentsAnalyser } from '../src/analysers/segments/index.js';
import { structureAnalyser } from '../src/analysers/structure/index.js';
import { makeAnnotation } from '../src/core/annotation.js';
import { buildPipeline, runPipeline, type AnalysisContext } from '../src/core/pipeline.js';
import { emptyMeta } from '../src/ingest/types.js';

const PARAGRAPHS = [
  'General Ivo Marsh, the fictional commander of the Harbour Defence Council (HDC), said on Monday that the Zionist entity and Daesh had both been defeated in the long war along the coast.',
  'Marsh told reporters in Tehran that the Iranian regime had been brave, and the HDC agreed; analysts at the Pell Institute for Coastal Studies were less sure of the outcome.',
  'Hamas militants were killed by the security forces, the Iraqi government said, while Lina Okafor, a fictional professor, called the raid cruel and unnecessary.',
  'The river rose overnight and the ferry stayed in port, so the market opened an hour late and nobody in the town could say when the boats would sail again.',
];

function article(words: number): string {
  const out: string[] = [];
  let count = 0;
  for (let i = 0; count < words; i++) {
    const p = PARAGRAPHS[i % PARAGRAPHS.length]!;
    out.push(p);
    count += p.split(/\s+/u).length;
  }
  return out.join('\n');
}

function timeAnalyse(text: string, runs: number): number {
  const base = runPipeline(buildPipeline([segmentsAnalyser(), structureAnalyser()]), { text, meta: emptyMeta() });
  const sentences = base.annotations.filter((a) => a.kind === 'sentence');
  const regions = base.annotations.filter((a) => a.kind === 'region');
  const analyser = mentionsAnalyser();
  const ctx: AnalysisContext = {
    annotations: (kind) => (kind === 'sentence' ? sentences : kind === 'region' ? regions : []),
    emit: (input) => makeAnnotation(text, 'mentions', input),
    diagnose: () => undefined,
    setGenre: () => undefined,
    summarise: () => undefined,
  };
  const doc = { text, meta: emptyMeta() };
  for (let i = 0; i < Math.max(5, runs / 5); i++) analyser.analyse(doc, ctx);
  const started = performance.now();
  for (let i = 0; i < runs; i++) analyser.analyse(doc, ctx);
  return (performance.now() - started) / runs;
}

function main(): void {
  const full = buildPipeline([segmentsAnalyser(), structureAnalyser(), mentionsAnalyser()]);
  const rows: string[][] = [['words', 'mentions ms', 'ms / 1,000 words', 'pipeline ms', 'mentions found']];
  for (const words of [1_000, 5_000, 20_000, 50_000]) {
    const text = article(words);
    const actual = text.split(/\s+/u).length;
    const runs = words <= 5_000 ? 200 : 20;
    const ms = timeAnalyse(text, runs);
    const started = performance.now();
    const doc = runPipeline(full, { text, meta: emptyMeta() });
    const pipelineMs = performance.now() - started;
    const found = doc.annotations.filter((a) => a.kind === 'mention').length;
    rows.push([String(actual), ms.toFixed(3), ((ms / actual) * 1000).toFixed(3), pipelineMs.toFixed(1), String(found)]);
  }
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  for (const row of rows) console.log(row.map((cell, c) => cell.padStart(widths[c]!)).join('  '));
}

main();
