/**
 * `npm run bench:pipeline`: speed of the whole analysis pipeline on the bundled example articles.
 * Reports median and p95 ms per article and per 1,000 words after warm-up, time per analyser,
 * scaling at 1×, 10× and 100× article length, peak memory, and the CLI's cold start.
 * Run after `npm run build` (the cold-start figure runs dist/bundle/bin.js).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { createAnalyzer } from '../src/api/analyzer.js';
import { buildPipeline, runPipeline } from '../src/core/pipeline.js';
import { defaultAnalysers } from '../src/analysers/registry.js';
import { emptyMeta } from '../src/ingest/types.js';
import { printTable, quantile } from './stats.js';

const EXAMPLES = ['examples/ridgeline-op-ed.txt', 'examples/harbour-op-ed.html', 'examples/council-report.md'];
const analyzer = createAnalyzer();
const texts: { name: string; text: string }[] = [];
for (const path of EXAMPLES) {
  const doc = await analyzer.analyze({ bytes: readFileSync(path), subject: path });
  texts.push({ name: path, text: doc.text });
}
const words = (text: string) => text.split(/\s+/).filter(Boolean).length;

let peakRss = 0;
const sampleMemory = () => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
};

/** Times `run` repeatedly: warm-up first, then `rounds` measured calls. */
function time(run: () => void, rounds: number, warmup = Math.min(200, rounds)): number[] {
  for (let i = 0; i < warmup; i++) run();
  const out: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const start = performance.now();
    run();
    out.push(performance.now() - start);
    if (i % 50 === 0) sampleMemory();
  }
  return out;
}

console.log('\n## Whole pipeline per article (after warm-up)\n');
const rows = texts.map(({ name, text }) => {
  const samples = time(() => analyzer.analyzeText(text), 1000);
  const perK = 1000 / words(text);
  return [name, words(text), quantile(samples, 0.5), quantile(samples, 0.95), quantile(samples, 0.5) * perK, quantile(samples, 0.95) * perK];
});
printTable(['article', 'words', 'median ms', 'p95 ms', 'median ms / 1k words', 'p95 ms / 1k words'], rows);

console.log('\n## Time per analyser (median ms per 1,000 words, all examples)\n');
const analyserRows = defaultAnalysers().map((analyser) => {
  const upstream = buildPipeline(defaultAnalysers(), ['html-regions']).analysers;
  const before = upstream.slice(0, upstream.findIndex((a) => a.id === analyser.id));
  const perK: number[] = [];
  for (const { text } of texts) {
    const base = runPipeline(buildPipeline(before, ['html-regions']), { text, meta: emptyMeta() });
    const alone = buildPipeline([analyser], ['html-regions', ...before.flatMap((a) => a.produces)]);
    const samples = time(() => runPipeline(alone, { text, meta: emptyMeta(), annotations: base.annotations }), 500);
    perK.push((quantile(samples, 0.5) * 1000) / words(text));
  }
  return [analyser.id, perK.reduce((a, b) => a + b, 0) / perK.length];
});
printTable(['analyser', 'median ms / 1k words'], analyserRows);

console.log('\n## Scaling with length (first example repeated; each setting in a fresh process)\n');
const scaleRows: (string | number)[][] = [];
for (const [setting, flags] of [
  ['V8 default young generation', []],
  ['64 MB young generation (as the CLI runs)', ['--max-semi-space-size=64']],
] as const) {
  const output = execFileSync(process.execPath, [...flags, '--import', 'tsx', 'bench/scale-length.ts'], { encoding: 'utf8' });
  const rows = JSON.parse(output) as { factor: number; words: number; medianMs: number }[];
  const unit = rows[0]!.medianMs;
  for (const row of rows) scaleRows.push([setting, `${row.factor}×`, row.words, row.medianMs, row.medianMs / unit]);
}
printTable(['heap', 'length', 'words', 'median ms', 'cost relative to 1×'], scaleRows);

console.log('\n## Memory\n');
sampleMemory();
console.log(`peak RSS: ${(peakRss / 1024 / 1024).toFixed(1)} MB`);

console.log('\n## CLI cold start (node dist/bundle/bin.js, wall clock)\n');
if (!existsSync('dist/bundle/bin.js')) {
  console.log('dist/bundle/bin.js is missing: run `npm run build` first.');
} else {
  const coldRows = [
    ['--version', ['--version']],
    ['analyze text → json', ['analyze', 'examples/ridgeline-op-ed.txt', '--format', 'json']],
    ['analyze html → html', ['analyze', 'examples/harbour-op-ed.html', '--format', 'html']],
  ].map(([label, args]) => {
    const samples: number[] = [];
    for (let i = 0; i < 7; i++) {
      const start = performance.now();
      execFileSync(process.execPath, ['dist/bundle/bin.js', ...(args as string[])], { stdio: 'ignore' });
      samples.push(performance.now() - start);
    }
    return [label as string, quantile(samples, 0.5), Math.min(...samples)];
  });
  printTable(['command', 'median ms', 'best ms'], coldRows);
}
