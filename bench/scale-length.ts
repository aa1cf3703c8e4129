/**
 * Child process of bench/pipeline.ts: median ms of the whole pipeline on the first example article
 * repeated 1×, 10× and 100×, printed as JSON. Run in its own process so V8 heap settings
 * (--max-semi-space-size) can be compared.
 */
import { readFileSync } from 'node:fs';
import { createAnalyzer } from '../src/api/analyzer.js';
import { quantile } from './stats.js';

const analyzer = createAnalyzer();
const base = analyzer.analyzeText(readFileSync('examples/ridgeline-op-ed.txt', 'utf8')).text;
const results: { factor: number; words: number; medianMs: number }[] = [];
for (const factor of [1, 10, 100]) {
  const text = Array.from({ length: factor }, () => base).join('\n');
  const rounds = factor === 100 ? 25 : factor === 10 ? 150 : 1500;
  for (let i = 0; i < Math.min(rounds, 100); i++) analyzer.analyzeText(text);
  const samples: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const start = performance.now();
    analyzer.analyzeText(text);
    samples.push(performance.now() - start);
  }
  results.push({ factor, words: text.split(/\s+/).filter(Boolean).length, medianMs: quantile(samples, 0.5) });
}
console.log(JSON.stringify(results));
