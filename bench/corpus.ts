/**
 * `npm run bench:corpus`: the whole CLI over real pages and articles in ../shared/data, as a
 * researcher would run it: the 88 Zyte HTML pages, PTC dev and PolNeAR dev as one --batch JSONL.
 * Reports documents per second end to end (ingest, every analyser, JSON output), failed items,
 * failed analysers and diagnostics by code. Needs `npm run build` (it runs dist/bundle/bin.js).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { printTable } from './stats.js';

const DATA = '../shared/data';
const SOURCES = [
  { name: 'Zyte HTML pages', dir: `${DATA}/article-extraction-benchmark/html`, field: 'html' },
  { name: 'PTC dev articles', dir: `${DATA}/ptc-semeval2020/dev-articles`, field: 'text' },
  { name: 'PolNeAR dev texts', dir: `${DATA}/polnear/data/dev/text`, field: 'text' },
] as const;

if (!existsSync(DATA) || !existsSync('dist/bundle/bin.js')) {
  console.error('bench:corpus needs ../shared/data beside the repository and a build (npm run build).');
  process.exit(1);
}
const lines: string[] = [];
for (const source of SOURCES) {
  for (const file of readdirSync(source.dir).sort()) {
    const raw = readFileSync(join(source.dir, file));
    const content = file.endsWith('.gz') ? gunzipSync(raw).toString('utf8') : raw.toString('utf8');
    lines.push(JSON.stringify({ id: `${source.name}/${file}`, [source.field]: content }));
  }
}
const input = join(mkdtempSync(join(tmpdir(), 'marginalia-corpus-')), 'corpus.jsonl');
writeFileSync(input, `${lines.join('\n')}\n`);

const started = performance.now();
let output = '';
try {
  output = execFileSync(process.execPath, ['dist/bundle/bin.js', 'analyze', '--batch', input, '--format', 'jsonl', '--quiet'], {
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
} catch (error) {
  output = String((error as { stdout?: string }).stdout ?? ''); // some items failed: exit 1, output still complete
}
const seconds = (performance.now() - started) / 1000;
const docs = output.trimEnd().split('\n').map((line) => JSON.parse(line) as { error?: { code: string }; diagnostics?: { code: string }[] });
const failed = docs.filter((d) => d.error).length;
const diagnostics = new Map<string, number>();
for (const doc of docs) for (const d of doc.diagnostics ?? []) diagnostics.set(d.code, (diagnostics.get(d.code) ?? 0) + 1);

printTable(
  ['documents', 'seconds (whole CLI run)', 'documents / s', 'failed items', 'analyser failures'],
  [[docs.length, seconds, docs.length / seconds, failed, diagnostics.get('W_ANALYSER_FAILED') ?? 0]],
);
console.log('');
printTable(['diagnostic', 'occurrences'], [...diagnostics].sort((a, b) => b[1] - a[1]));
