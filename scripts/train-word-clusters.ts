/**
 * Builds the techniques analyser's word clusters (src/analysers/techniques/clusters.json): words
 * that occur in similar contexts share a cluster, so the tagger can generalise from "savage" to
 * "barbaric" even when only one of them was marked in training. Vectors come from positive PMI
 * over a ±2-word window and a randomised SVD; clusters from spherical k-means at two sizes.
 *
 *   npx tsx scripts/train-word-clusters.ts
 *
 * Text (unlabelled; no labels are read): PTC train, the SemEval-2023 genre articles except the 75
 * that are also PTC dev (dev stays unseen), PolNeAR train, ClaimBuster and CLEF-2019 sentences.
 * Deterministic: sorted files, fixed seed.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { toBase64 } from '../src/analysers/techniques/weights.js';
import { SHAPE, tokenize } from '../src/analysers/techniques/tokenize.js';
import { ppmi, sphericalKMeans, wordVectors } from './word-vectors.js';

const DATA = '../shared/data';
const SEED = 20251125;
/** A word needs this many occurrences to get a cluster. */
const MIN_COUNT = 4;
/** Most words kept (by frequency). */
const MAX_WORDS = 24000;
/** Context vocabulary: the most frequent tokens, punctuation included. */
const CONTEXTS = 8000;
const DIMS = 64;
/** Co-occurrence window, words either side. */
const WINDOW = 2;
/** Cluster counts: coarse and fine. */
const COARSE = 64;
const FINE = 512;

function filesIn(dir: string, suffix: string): string[] {
  return readdirSync(dir).filter((f) => f.endsWith(suffix)).sort().map((f) => `${dir}/${f}`);
}

/** The unlabelled texts, one string per document (or per sentence for the claim corpora). */
function corpus(): { texts: string[]; counts: Record<string, number> } {
  const ptcDev = new Set(readdirSync(`${DATA}/ptc-semeval2020/dev-articles`).map((f) => f.slice('article'.length, -'.txt'.length)));
  const ptc = filesIn(`${DATA}/ptc-semeval2020/train-articles`, '.txt').map((f) => readFileSync(f, 'utf8'));
  const genre = filesIn(`${DATA}/semeval2023-genre/articles`, '.txt')
    .filter((f) => !ptcDev.has(f.slice(f.lastIndexOf('/article') + '/article'.length, -'.txt'.length)))
    .map((f) => readFileSync(f, 'utf8'));
  const polnear = filesIn(`${DATA}/polnear/data/train/text`, '.txt').map((f) => readFileSync(f, 'utf8'));
  const claimbuster = (JSON.parse(readFileSync(`${DATA}/claimbuster/train.json`, 'utf8')) as { text: string }[]).map((r) => r.text);
  const clef = readFileSync(`${DATA}/clef2019-checkthat/CT19-T1-Training.csv`, 'utf8').split('\n').slice(1);
  return {
    texts: [...ptc, ...genre, ...polnear, ...claimbuster, ...clef],
    counts: { ptc: ptc.length, genre: genre.length, polnear: polnear.length, claimbuster: claimbuster.length, clef: clef.length },
  };
}

function main(): number {
  const needed = ['ptc-semeval2020/train-articles', 'ptc-semeval2020/dev-articles', 'semeval2023-genre/articles', 'polnear/data/train/text', 'claimbuster/train.json', 'clef2019-checkthat/CT19-T1-Training.csv'];
  const missing = needed.filter((p) => !existsSync(`${DATA}/${p}`));
  if (missing.length > 0) {
    console.error(`train-word-clusters: missing ${missing.map((p) => `${DATA}/${p}`).join(', ')}; run from the repository root with ../shared/data beside it.`);
    return 1;
  }
  const started = performance.now();
  const { texts, counts } = corpus();
  // Token ids by first occurrence, then renumbered by frequency (ties by spelling).
  const idOf = new Map<string, number>();
  const spelled: string[] = [];
  const frequency: number[] = [];
  const raw: Int32Array[] = texts.map((text) => {
    const tokens = tokenize(text);
    const ids = new Int32Array(tokens.count);
    for (let i = 0; i < tokens.count; i++) {
      const lower = tokens.lower[i]!;
      let id = idOf.get(lower);
      if (id === undefined) {
        id = spelled.length;
        idOf.set(lower, id);
        spelled.push(lower);
        frequency.push(0);
      }
      frequency[id]!++;
      ids[i] = tokens.shape[i] === SHAPE.number ? -1 : id;
    }
    return ids;
  });
  const byFrequency = [...spelled.keys()].sort((a, b) => frequency[b]! - frequency[a]! || (spelled[a]! < spelled[b]! ? -1 : 1));
  const rank = new Int32Array(spelled.length);
  byFrequency.forEach((id, r) => (rank[id] = r));
  const docs = raw.map((ids) => ids.map((id) => (id < 0 ? -1 : rank[id]!)));
  const isWord = (id: number): boolean => /[\p{L}]/u.test(spelled[id]!);
  // Cluster words only; the ranks of punctuation stay contexts.
  const wordRanks = byFrequency.map((id, r) => [id, r] as const).filter(([id]) => frequency[id]! >= MIN_COUNT && isWord(id)).slice(0, MAX_WORDS);
  const rowOfRank = new Int32Array(byFrequency.length).fill(-1);
  wordRanks.forEach(([, r], row) => (rowOfRank[r] = row));
  const rows = docs.map((d) => d.map((r) => (r < 0 ? -1 : rowOfRank[r]!)));
  // Contexts are read from the rank sequence; words from the row sequence: the same positions.
  const tokensTotal = docs.reduce((s, d) => s + d.length, 0);
  console.log(`corpus: ${JSON.stringify(counts)}; ${tokensTotal} tokens, ${spelled.length} types, ${wordRanks.length} words clustered`);
  const matrix = ppmi(rows, docs, wordRanks.length, CONTEXTS, WINDOW);
  console.log(`ppmi: ${matrix.value.length} positive cells (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  const vectors = wordVectors(matrix, DIMS, SEED);
  console.log(`vectors: ${DIMS} dimensions (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  const coarse = sphericalKMeans(vectors, wordRanks.length, DIMS, COARSE, SEED + 1);
  const fine = sphericalKMeans(vectors, wordRanks.length, DIMS, FINE, SEED + 2);
  console.log(`clusters: ${COARSE} and ${FINE} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  const words = wordRanks.map(([id]) => spelled[id]!);
  const coarseBytes = Uint8Array.from(coarse);
  const fineBytes = new Uint8Array(fine.length * 2);
  fine.forEach((c, i) => {
    fineBytes[2 * i] = c & 255;
    fineBytes[2 * i + 1] = c >> 8;
  });
  const out = {
    note: `Distributional word clusters (${COARSE} coarse, ${FINE} fine) of the ${words.length} most frequent words met at least ${MIN_COUNT} times: positive PMI over a ±2-word window, a ${DIMS}-dimension randomised SVD and spherical k-means. Token features for the tagger; no word is flagged by its cluster alone.`,
    source: `Computed by scripts/train-word-clusters.ts from unlabelled text in ../shared/data (PTC train, SemEval-2023 genre articles outside PTC dev, PolNeAR train, ClaimBuster, CLEF-2019; research use; no text copied).`,
    words: words.join(' '),
    coarse: toBase64(coarseBytes),
    fine: toBase64(fineBytes),
  };
  const path = new URL('../src/analysers/techniques/clusters.json', import.meta.url);
  writeFileSync(path, `${JSON.stringify(out)}\n`);
  // A few neighbourhoods to eyeball.
  const show = ['savage', 'terrorists', 'hoax', 'brave', 'said', 'monday', 'hillary', 'destroy'];
  for (const w of show) {
    const row = words.indexOf(w);
    if (row < 0) continue;
    const same = words.filter((_, r) => fine[r] === fine[row]).slice(0, 12);
    console.log(`  ${w}: ${same.join(' ')}`);
  }
  console.log(`wrote ${fileURLToPath(path)} (${(JSON.stringify(out).length / 1024).toFixed(0)} KB) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) process.exitCode = main();
