/**
 * Genre benchmark: stratified 5-fold cross-validation on the SemEval-2023 Task 3 subtask 1 English
 * genre labels (../shared/data/semeval2023-genre: 382 opinion, 41 reporting, 3 satire). Each fold's
 * model is trained on the other folds plus the fictional examples (never tested on); per-class
 * precision, recall and F1 over the pooled predictions, and macro-F1 over the classes in the gold
 * labels. The SemEval-2023 English winner reported macro-F1 about 0.78 on its test set.
 * Run: npx tsx bench/genre.ts
 */
import { classifyGenre } from '../src/analysers/genre/index.js';
import { DENSE_FEATURES } from '../src/analysers/genre/features.js';
import { scoreGenre, trainGenreModel } from '../src/analysers/genre/model.js';
import { BUCKET_BITS, GENRE_CLASSES, loadFictional, loadSemEval, toExamples, type LabelledDoc } from '../scripts/train-genre.js';
import { printTable } from './stats.js';

const FOLDS = 5;
const SEED = 20230301;

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fold of each document: shuffled within its class (seeded), then dealt round-robin. */
function stratifiedFolds(docs: readonly LabelledDoc[]): number[] {
  const random = mulberry32(SEED);
  const fold = new Array<number>(docs.length).fill(0);
  for (const label of [...new Set(docs.map((d) => d.label))].sort()) {
    const members = docs.map((d, i) => (d.label === label ? i : -1)).filter((i) => i >= 0);
    for (let i = members.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [members[i], members[j]] = [members[j]!, members[i]!];
    }
    members.forEach((docIndex, k) => (fold[docIndex] = k % FOLDS));
  }
  return fold;
}

function main(): void {
  const started = performance.now();
  const semeval = loadSemEval();
  const fictional = loadFictional();
  const folds = stratifiedFolds(semeval);
  const predicted = new Array<string>(semeval.length).fill('');
  for (let f = 0; f < FOLDS; f++) {
    const train = [...semeval.filter((_, i) => folds[i] !== f), ...fictional];
    const model = trainGenreModel(toExamples(train), GENRE_CLASSES, DENSE_FEATURES, BUCKET_BITS);
    semeval.forEach((doc, i) => {
      if (folds[i] !== f) return;
      const { probabilities } = scoreGenre(model, doc.features);
      predicted[i] = GENRE_CLASSES[probabilities.indexOf(Math.max(...probabilities))]!;
    });
  }
  const gold = semeval.map((d) => d.label);
  const classes = [...new Set(gold)].sort();
  const rows = [...classes, ...GENRE_CLASSES.filter((c) => !classes.includes(c))].map((c) => {
    const tp = gold.filter((g, i) => g === c && predicted[i] === c).length;
    const fp = gold.filter((g, i) => g !== c && predicted[i] === c).length;
    const fn = gold.filter((g, i) => g === c && predicted[i] !== c).length;
    const p = tp + fp ? tp / (tp + fp) : 0;
    const r = tp + fn ? tp / (tp + fn) : 0;
    return { c, support: tp + fn, predictedCount: tp + fp, p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
  });
  console.log(`Genre: ${FOLDS}-fold stratified cross-validation on SemEval-2023 Task 3 (English, ${semeval.length} articles; + ${fictional.length} fictional examples in every training fold)\n`);
  printTable(['class', 'support', 'predicted', 'precision', 'recall', 'F1'], rows.map((r) => [r.c, r.support, r.predictedCount, r.p, r.r, r.f1]));
  const inGold = rows.filter((r) => r.support > 0);
  const macro = inGold.reduce((s, r) => s + r.f1, 0) / inGold.length;
  const twoClass = inGold.filter((r) => r.c !== 'satire');
  const accuracy = gold.filter((g, i) => g === predicted[i]).length / gold.length;
  console.log('');
  printTable(['metric', 'value'], [
    [`macro-F1 (${inGold.map((r) => r.c).join(', ')})`, macro],
    [`macro-F1 (${twoClass.map((r) => r.c).join(', ')})`, twoClass.reduce((s, r) => s + r.f1, 0) / twoClass.length],
    ['accuracy', accuracy],
    ['target macro-F1', 0.75],
  ]);
  const sample = semeval[0]!;
  const runs = 2000;
  const t0 = performance.now();
  for (let i = 0; i < runs; i++) classifyGenre(sample.features);
  console.log(`\nclassify (features given): ${(((performance.now() - t0) / runs) * 1000).toFixed(1)} µs per document; total bench ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

main();
