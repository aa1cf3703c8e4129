/**
 * Article-body extraction benchmark on the Zyte/Scrapinghub article-extraction-benchmark
 * (../shared/data/article-extraction-benchmark): plain Readability.js over linkedom against
 * Marginalia's HTML ingest, side by side in one run. The metric follows the dataset's evaluate.py:
 * word 4-gram shingles of `\w+` tokens (case kept) as multisets, per-page precision and recall
 * normalised by the page's tp+fp+fn, averaged over pages (a page without prediction is left out of
 * P, one with an empty gold body out of R), F1 of the two averages.
 *
 * Run: `npx tsx bench/extract.ts [--rounds N] [--verbose]`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { createAnalyzer } from '../src/api/analyzer.js';
import { ingestHtml } from '../src/ingest/html/ingest-html.js';

/** One extractor under test: HTML (and its URL) in, article body text out. */
type Extractor = (html: string, url: string) => string;

const HERE = dirname(fileURLToPath(import.meta.url));
const DATA_DIR = resolve(HERE, '../../shared/data/article-extraction-benchmark');

/** Plain Readability.js over linkedom: the baseline, as a user of the two libraries would write it. */
const extractReadability: Extractor = (html) => {
  const { document } = parseHTML(html);
  const article = new Readability(document).parse();
  return article?.textContent ?? '';
};

const analyzer = createAnalyzer();
/** What `marginalia extract` returns: ingest, then the structure analyser's body regions. */
const extractOurs: Extractor = (html, url) => analyzer.extractIngested(ingestHtml(html, { url })).text;

const TOKEN = /[\p{L}\p{N}_]+/gu;

/** Word 4-gram shingles with counts, as evaluate.py builds them (short texts give one shorter shingle). */
function shingles(text: string, n = 4): Map<string, number> {
  const tokens = text.match(TOKEN) ?? [];
  const counts = new Map<string, number>();
  const last = Math.max(1, tokens.length - n + 1);
  for (let i = 0; i < last; i++) {
    const gram = tokens.slice(i, i + n);
    if (gram.length === 0) continue;
    const key = gram.join('\u0001');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

interface PageScore {
  tp: number;
  fp: number;
  fn: number;
}

/** Normalised tp/fp/fn of one page, as evaluate.py's string_shingle_matching. */
function scorePage(gold: string, predicted: string): PageScore {
  const truth = shingles(gold);
  const pred = shingles(predicted);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [key, p] of pred) {
    const t = truth.get(key) ?? 0;
    tp += Math.min(t, p);
    fp += Math.max(0, p - t);
  }
  for (const [key, t] of truth) fn += Math.max(0, t - (pred.get(key) ?? 0));
  const sum = tp + fp + fn;
  return sum > 0 ? { tp: tp / sum, fp: fp / sum, fn: fn / sum } : { tp, fp, fn };
}

function precisionOf({ tp, fp, fn }: PageScore): number {
  if (fp === 0 && fn === 0) return 1;
  return tp === 0 && fp === 0 ? 0 : tp / (tp + fp);
}

function recallOf({ tp, fp, fn }: PageScore): number {
  if (fp === 0 && fn === 0) return 1;
  return tp === 0 && fn === 0 ? 0 : tp / (tp + fn);
}

/** Averages per-page precision and recall the way evaluate.py does, and their F1. */
function summarise(scores: readonly PageScore[]): { f1: number; precision: number; recall: number } {
  const ps = scores.filter((s) => s.tp + s.fp > 0).map(precisionOf);
  const rs = scores.filter((s) => s.tp + s.fn > 0).map(recallOf);
  const precision = ps.reduce((a, b) => a + b, 0) / Math.max(1, ps.length);
  const recall = rs.reduce((a, b) => a + b, 0) / Math.max(1, rs.length);
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { f1, precision, recall };
}

interface Page {
  key: string;
  html: string;
  url: string;
  gold: string;
}

function loadPages(): Page[] {
  const truthPath = join(DATA_DIR, 'ground-truth.json');
  const truth = JSON.parse(readFileSync(truthPath, 'utf8')) as Record<string, { articleBody?: string; url?: string }>;
  return Object.keys(truth)
    .sort()
    .map((key) => ({
      key,
      html: gunzipSync(readFileSync(join(DATA_DIR, 'html', `${key}.html.gz`))).toString('utf8'),
      url: truth[key]?.url ?? '',
      gold: truth[key]?.articleBody ?? '',
    }));
}

interface RunResult {
  name: string;
  scores: PageScore[];
  seconds: number;
  failures: number;
}

/** Runs one extractor over every page `rounds` times; scores come from the first round, time from all. */
function run(name: string, extract: Extractor, pages: readonly Page[], rounds: number): RunResult {
  const scores: PageScore[] = [];
  let failures = 0;
  let seconds = 0;
  for (let round = 0; round < rounds; round++) {
    for (const page of pages) {
      const started = process.hrtime.bigint();
      let predicted = '';
      try {
        predicted = extract(page.html, page.url);
      } catch (error) {
        if (round === 0) {
          failures++;
          if (verbose) console.error(`${name} failed on ${page.key}: ${String(error)}`);
        }
      }
      seconds += Number(process.hrtime.bigint() - started) / 1e9;
      if (round === 0) scores.push(scorePage(page.gold, predicted));
    }
  }
  return { name, scores, seconds: seconds / rounds, failures };
}

const argv = process.argv.slice(2);
const verbose = argv.includes('--verbose');
const roundsAt = argv.indexOf('--rounds');
const rounds = roundsAt >= 0 ? Math.max(1, Number(argv[roundsAt + 1]) || 1) : 3;

if (!existsSync(join(DATA_DIR, 'ground-truth.json')) || !existsSync(join(DATA_DIR, 'html'))) {
  console.error(
    `bench:extract needs the article-extraction-benchmark dataset at ${DATA_DIR} (ground-truth.json and html/); it is missing.`,
  );
  process.exit(1);
}

const pages = loadPages();
// Warm up both extractors (JIT, lazy module state) on a few pages before timing.
for (const page of pages.slice(0, 5)) {
  extractReadability(page.html, page.url);
  extractOurs(page.html, page.url);
}
const results = [run('readability+linkedom', extractReadability, pages, rounds), run('marginalia', extractOurs, pages, rounds)];

console.log(`article-extraction-benchmark: ${pages.length} pages, timing averaged over ${rounds} round(s)\n`);
console.log('extractor              F1      P       R       pages/s  failures');
for (const result of results) {
  const { f1, precision, recall } = summarise(result.scores);
  const rate = pages.length / result.seconds;
  console.log(
    `${result.name.padEnd(22)} ${f1.toFixed(3)}   ${precision.toFixed(3)}   ${recall.toFixed(3)}   ${rate.toFixed(1).padStart(7)}  ${result.failures}`,
  );
}
const [base, ours] = results as [RunResult, RunResult];
console.log(`\nthroughput ratio (ours / readability): ${(base.seconds / ours.seconds).toFixed(2)}`);
if (verbose) {
  console.log('\nper page F1 (readability → ours), worst first:');
  const rows = pages.map((page, i) => {
    const f = (s: PageScore): number => {
      const p = precisionOf(s);
      const r = recallOf(s);
      return p + r > 0 ? (2 * p * r) / (p + r) : 0;
    };
    return { key: page.key, url: page.url, a: f(base.scores[i]!), b: f(ours.scores[i]!) };
  });
  rows.sort((x, y) => x.b - y.b);
  for (const row of rows.slice(0, 30)) {
    console.log(`${row.a.toFixed(3)} → ${row.b.toFixed(3)}  ${row.key.slice(0, 12)}  ${row.url}`);
  }
}
