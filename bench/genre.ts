/**
 * Genre benchmark: stratified 5-fold cross-validation, two ways.
 * 1. SemEval only: the SemEval-2023 Task 3 subtask 1 English genre labels (../shared/data/semeval2023-genre:
 *    382 opinion, 41 reporting, 3 satire). Each fold's model is trained on the other folds plus all the
 *    fictional examples (never tested on); its class offsets are tuned on 3-fold out-of-fold predictions
 *    inside the training folds (nested), never on the test fold. This is the figure to compare with the
 *    SemEval-2023 English winner (macro-F1 about 0.78 on its own test split).
 *    The PolNeAR wire stories (train split, reporting) are in every training fold too, never tested.
 * 2. SemEval + fictional: the same, with the fictional examples in examples.json dealt into the folds
 *    too, so they are also tested on. Clearly not comparable with SemEval results: the fictional
 *    articles were written for this project and are easier.
 * 3. Real news held out: the model trained on everything labels the PolNeAR dev articles (2016
 *    election news, never trained on): the wire-credited ones must come out reporting; for the rest
 *    (no genre labels) the bench prints how the labels spread, as a sanity check. The same is done
 *    for the model trained without the wire stories, the baseline they are measured against.
 * Per-class precision, recall and F1 over the pooled predictions; macro-F1 over the classes in the gold labels.
 * Run: npx tsx bench/genre.ts
 */
import { classifyGenre } from '../src/analysers/genre/index.js';
import { stratifiedFolds } from '../src/analysers/genre/calibrate.js';
import { argmax, scoreGenre, type GenreModel } from '../src/analysers/genre/model.js';
import { readdirSync, readFileSync } from 'node:fs';
import { GENRE_CLASSES, featuresOf, loadFictional, loadSemEval, loadWire, trainCalibrated, type LabelledDoc } from '../scripts/train-genre.js';
import { printTable } from './stats.js';

const FOLDS = 5;
const SEED = 20230301;

interface Outcome {
  rows: { c: string; support: number; predicted: number; p: number; r: number; f1: number }[];
  macro: number;
  accuracy: number;
}

/** Cross-validated predictions for `tested` (each fold's model also sees every doc in `alwaysTrain`). */
function crossValidate(tested: readonly LabelledDoc[], alwaysTrain: readonly LabelledDoc[]): Outcome {
  const folds = stratifiedFolds(tested.map((d) => `${d.label}/${d.source}`), FOLDS, SEED);
  const predicted = new Array<string>(tested.length).fill('');
  for (let f = 0; f < FOLDS; f++) {
    const model = trainCalibrated([...tested.filter((_, i) => folds[i] !== f), ...alwaysTrain]);
    tested.forEach((doc, i) => {
      if (folds[i] !== f) return;
      predicted[i] = labelOf(model, doc.features);
    });
  }
  const gold = tested.map((d) => d.label);
  const rows = GENRE_CLASSES.map((c) => {
    const tp = gold.filter((g, i) => g === c && predicted[i] === c).length;
    const fp = gold.filter((g, i) => g !== c && predicted[i] === c).length;
    const fn = gold.filter((g, i) => g === c && predicted[i] !== c).length;
    const p = tp + fp ? tp / (tp + fp) : 0;
    const r = tp + fn ? tp / (tp + fn) : 0;
    return { c, support: tp + fn, predicted: tp + fp, p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
  });
  const inGold = rows.filter((r) => r.support > 0);
  return {
    rows,
    macro: inGold.reduce((s, r) => s + r.f1, 0) / inGold.length,
    accuracy: gold.filter((g, i) => g === predicted[i]).length / gold.length,
  };
}

function print(title: string, outcome: Outcome): void {
  console.log(`${title}\n`);
  printTable(['class', 'support', 'predicted', 'precision', 'recall', 'F1'], outcome.rows.map((r) => [r.c, r.support, r.predicted, r.p, r.r, r.f1]));
  const inGold = outcome.rows.filter((r) => r.support > 0);
  console.log('');
  const threeClass = inGold.filter((r) => r.c !== 'analysis');
  printTable(['metric', 'value'], [
    [`macro-F1 (${inGold.map((r) => r.c).join(', ')})`, outcome.macro],
    ...(threeClass.length < inGold.length ? [[`macro-F1 (${threeClass.map((r) => r.c).join(', ')})`, threeClass.reduce((s, r) => s + r.f1, 0) / threeClass.length] as [string, number]] : []),
    ['accuracy', outcome.accuracy],
    ['target macro-F1 (SemEval)', 0.75],
  ]);
  console.log('');
}

/** The label the model gives a document's features (the class with the highest probability). */
function labelOf(model: GenreModel, features: LabelledDoc['features']): string {
  return GENRE_CLASSES[argmax(scoreGenre(model, features).probabilities)]!;
}

/**
 * Part 3: PolNeAR dev, never trained on, labelled by the model trained on everything, and by the
 * same model trained without the wire stories (the SemEval-only baseline), so the gain is measured.
 */
function heldOutNews(withWire: readonly LabelledDoc[], withoutWire: readonly LabelledDoc[]): void {
  const wireDev = loadWire('dev');
  const dir = '../shared/data/polnear/data/dev/text';
  const devFeatures = readdirSync(dir)
    .sort()
    .map((name) => featuresOf(readFileSync(`${dir}/${name}`, 'utf8')));
  for (const [name, docs] of [['with the wire stories', withWire], ['without them', withoutWire]] as const) {
    const model = trainCalibrated(docs);
    const wireReporting = wireDev.filter((d) => labelOf(model, d.features) === 'reporting').length;
    const spread: Record<string, number> = {};
    for (const features of devFeatures) {
      const g = labelOf(model, features);
      spread[g] = (spread[g] ?? 0) + 1;
    }
    const all = Object.entries(spread).map(([k, v]) => `${k} ${v}`).join(', ');
    console.log(`3. Real news held out (PolNeAR dev, never trained on), model ${name}: wire-credited stories labelled reporting ${wireReporting} of ${wireDev.length}; all ${devFeatures.length} articles: ${all}`);
  }
  console.log('');
}

function main(): void {
  const started = performance.now();
  const semeval = loadSemEval();
  const fictional = loadFictional();
  const wire = loadWire('train');
  const only = crossValidate(semeval, [...fictional, ...wire]);
  print(`1. SemEval only: ${FOLDS}-fold stratified CV on SemEval-2023 Task 3 (English, ${semeval.length} articles; the ${fictional.length} fictional examples and ${wire.length} PolNeAR wire stories in every training fold, never tested; offsets tuned inside the training folds)`, only);
  const both = crossValidate([...semeval, ...fictional], wire);
  print(`2. SemEval + fictional (NOT comparable with SemEval figures): ${FOLDS}-fold stratified CV over ${semeval.length} SemEval + ${fictional.length} fictional articles`, both);
  heldOutNews([...semeval, ...fictional, ...wire], [...semeval, ...fictional]);
  const sample = semeval[0]!;
  const runs = 2000;
  const t0 = performance.now();
  for (let i = 0; i < runs; i++) classifyGenre(sample.features);
  console.log(`classify (features given): ${(((performance.now() - t0) / runs) * 1000).toFixed(1)} µs per document; total bench ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

main();
