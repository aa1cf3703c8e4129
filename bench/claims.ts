/**
 * Benchmark of the claims analyser: quality of the check-worthiness model and speed.
 *
 * - ClaimBuster (../shared/data/claimbuster/train.json, 1,994 check-worthy of 7,976): stratified
 *   5-fold cross-validation with the training recipe of scripts/train-claims.ts (averaged SGD,
 *   learning rate 0.05, 6 epochs, positives weighted to balance negatives), trained on the other
 *   four folds only. Calibration (calibrate.ts) is fitted inside those four folds too: a 3-fold
 *   split of them gives out-of-fold scores, on which Platt scaling and the F1-maximising threshold
 *   are fitted; the test fold is never seen. "Balanced two-class": each test fold is balanced by
 *   keeping all its positives and an equal number of its negatives drawn with a fixed seed; F1 of
 *   the check-worthy class and macro-F1 are measured on that balanced fold at the tuned threshold
 *   (what the analyser ships) and at p ≥ 0.5. ROC-AUC (threshold-free, unaffected by balancing) and
 *   F1 on the unbalanced fold are reported too.
 * - CLEF-2019 CheckThat! task 1 (../shared/data/clef2019-checkthat): leave one debate out. For each
 *   of the 19 debates, train on ClaimBuster (minus any sentence that also occurs in the held-out
 *   debate: three 2016 debates overlap) and the other 18 debates; rank the held-out debate's lines
 *   by score; average precision; MAP is the mean over debates.
 * - Speed: the analyser alone (after segments and structure) on a fictional 1,000-word article,
 *   after warm-up, and on 10× and 50× that length to show it stays linear.
 * Run: npx tsx bench/claims.ts
 */
import { createFeatureVector, dot } from '../src/analysers/claims/features.js';
import { NO_CALIBRATION, calibrate, type Calibration } from '../src/analysers/claims/calibrate.js';
import { seededRandom, sigmoid, trainLogistic } from '../src/analysers/claims/learn.js';
import { textFeatures } from '../src/analysers/claims/model.js';
import { RECIPE, loadClaimBuster, loadClef, sentenceKey, toExamples, trainClaimsModel, type LabelledSentence } from '../scripts/train-claims.js';
import { claimsAnalyser } from '../src/analysers/claims/index.js';
import { segmentsAnalyser } from '../src/analysers/segments/index.js';
import { structureAnalyser } from '../src/analysers/structure/index.js';
import { makeAnnotation } from '../src/core/annotation.js';
import { buildPipeline, runPipeline, type AnalysisContext } from '../src/core/pipeline.js';
import type { Annotation } from '../src/core/types.js';
import { emptyMeta } from '../src/ingest/types.js';
import { printTable } from './stats.js';

const FOLDS = 5;

function scoreAll(weights: Float64Array, sentences: readonly LabelledSentence[], calibration: Calibration = NO_CALIBRATION): number[] {
  const vector = createFeatureVector();
  return sentences.map((s) => {
    textFeatures(s.text, vector);
    return sigmoid(calibration.a * dot(vector, weights) + calibration.b);
  });
}

/** Area under the ROC curve by the rank-sum formula (ties count half). */
export function rocAuc(scores: readonly number[], labels: readonly number[]): number {
  const order = scores.map((s, i) => [s, labels[i]!] as const).sort((a, b) => a[0] - b[0]);
  let rankSum = 0;
  let positives = 0;
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j < order.length && order[j]![0] === order[i]![0]) j++;
    const rank = (i + j + 1) / 2;
    for (let k = i; k < j; k++) if (order[k]![1] === 1) {
      rankSum += rank;
      positives++;
    }
    i = j;
  }
  const negatives = order.length - positives;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

/** Average precision of a ranking by score (ties broken by original order). */
export function averagePrecision(scores: readonly number[], labels: readonly number[]): number {
  const order = scores.map((s, i) => i).sort((a, b) => scores[b]! - scores[a]! || a - b);
  let hits = 0;
  let sum = 0;
  order.forEach((index, rank) => {
    if (labels[index] === 1) {
      hits++;
      sum += hits / (rank + 1);
    }
  });
  return hits ? sum / hits : 0;
}

function f1(scores: readonly number[], labels: readonly number[], positive: 0 | 1, threshold = 0.5): number {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  scores.forEach((score, i) => {
    const predicted = score >= threshold ? 1 : 0;
    if (predicted === positive && labels[i] === positive) tp++;
    else if (predicted === positive) fp++;
    else if (labels[i] === positive) fn++;
  });
  return tp ? (2 * tp) / (2 * tp + fp + fn) : 0;
}

function crossValidateClaimBuster(sentences: readonly LabelledSentence[]): Record<string, number> {
  const random = seededRandom(7);
  const fold = new Array<number>(sentences.length);
  for (const label of [0, 1]) {
    const members = sentences.map((s, i) => (s.label === label ? i : -1)).filter((i) => i >= 0);
    for (let i = members.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [members[i], members[j]] = [members[j]!, members[i]!];
    }
    members.forEach((index, k) => (fold[index] = k % FOLDS));
  }
  const totals = { f1: 0, macroF1: 0, f1Half: 0, macroF1Half: 0, auc: 0, f1Unbalanced: 0, threshold: 0 };
  for (let f = 0; f < FOLDS; f++) {
    const train = sentences.filter((_, i) => fold[i] !== f);
    const test = sentences.filter((_, i) => fold[i] === f);
    const examples = toExamples(train);
    const weights = trainLogistic(examples, RECIPE);
    const calibration = calibrate(examples, RECIPE);
    const { threshold } = calibration;
    const scores = scoreAll(weights, test, calibration);
    const labels = test.map((s) => s.label);
    totals.threshold += threshold;
    totals.auc += rocAuc(scores, labels);
    totals.f1Unbalanced += f1(scores, labels, 1, threshold);
    const positives = labels.map((l, i) => (l === 1 ? i : -1)).filter((i) => i >= 0);
    const negatives = labels.map((l, i) => (l === 0 ? i : -1)).filter((i) => i >= 0);
    for (let i = negatives.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [negatives[i], negatives[j]] = [negatives[j]!, negatives[i]!];
    }
    const kept = [...positives, ...negatives.slice(0, positives.length)];
    const balancedScores = kept.map((i) => scores[i]!);
    const balancedLabels = kept.map((i) => labels[i]!);
    const positiveF1 = f1(balancedScores, balancedLabels, 1, threshold);
    totals.f1 += positiveF1;
    totals.macroF1 += (positiveF1 + f1(balancedScores, balancedLabels, 0, threshold)) / 2;
    const positiveF1Half = f1(balancedScores, balancedLabels, 1);
    totals.f1Half += positiveF1Half;
    totals.macroF1Half += (positiveF1Half + f1(balancedScores, balancedLabels, 0)) / 2;
  }
  return Object.fromEntries(Object.entries(totals).map(([k, v]) => [k, v / FOLDS]));
}

function leaveOneDebateOut(claimbuster: readonly LabelledSentence[], clef: readonly LabelledSentence[]): { map: number; perDebate: [string, number, number][] } {
  const debates = [...new Set(clef.map((s) => s.group))].sort();
  const perDebate: [string, number, number][] = [];
  for (const debate of debates) {
    const held = clef.filter((s) => s.group === debate);
    const heldKeys = new Set(held.map((s) => sentenceKey(s.text)));
    const cb = claimbuster.filter((s) => !heldKeys.has(sentenceKey(s.text)));
    const weights = trainClaimsModel(cb, clef.filter((s) => s.group !== debate));
    const ap = averagePrecision(scoreAll(weights, held), held.map((s) => s.label));
    perDebate.push([debate, held.filter((s) => s.label === 1).length, ap]);
  }
  return { map: perDebate.reduce((sum, [, , ap]) => sum + ap, 0) / perDebate.length, perDebate };
}

/** A fictional 1,000-word article: varied sentences about a harbour town, repeated. */
function fictionalArticle(words: number): string {
  const sentences = [
    'The council of Port Avel voted on Tuesday to spend 40 million crowns on a new sea wall.',
    'According to Mara Quell, the harbour master, the old wall was breached three times last winter.',
    'Critics said the contract was awarded without a tender, and the contractor reportedly paid no tax.',
    'I believe the town deserves better than these shameful and reckless decisions.',
    'Fishing income fell by 40 percent in two years, the lowest level since the 1990s.',
    'The new wall will be four metres taller than the one it replaces, which was built in 1953.',
    'Because the sluice gates were closed, the river flooded the lower town, where 300 families live.',
  ];
  const paragraphs: string[] = [];
  let count = 0;
  for (let i = 0; count < words; i++) {
    const paragraph = [0, 1, 2].map((k) => sentences[(i * 3 + k) % sentences.length]!).join(' ');
    count += paragraph.split(' ').length;
    paragraphs.push(paragraph);
  }
  return paragraphs.join('\n\n');
}

/** Milliseconds of the claims analyser alone, per run and per 1,000 words, at three lengths. */
function measureSpeed(): (string | number)[][] {
  const base = buildPipeline([segmentsAnalyser(), structureAnalyser()]);
  const analyser = claimsAnalyser();
  const rows: (string | number)[][] = [];
  for (const words of [1_000, 10_000, 50_000]) {
    const text = fictionalArticle(words);
    const seeded = runPipeline(base, { text, meta: emptyMeta() });
    const byKind = (kind: string) => seeded.annotations.filter((a) => a.kind === kind);
    const lists = { sentence: byKind('sentence'), region: byKind('region') } as Record<string, Annotation[]>;
    const ctx: AnalysisContext = {
      annotations: (kind) => lists[kind] ?? [],
      emit: (input) => makeAnnotation(text, 'claims', input),
      diagnose: () => undefined,
      setGenre: () => undefined,
      summarise: () => undefined,
    };
    const doc = { text, meta: emptyMeta() };
    const runs = Math.max(5, Math.round(200_000 / words));
    for (let i = 0; i < runs; i++) analyser.analyse(doc, ctx);
    const started = performance.now();
    for (let i = 0; i < runs; i++) analyser.analyse(doc, ctx);
    const ms = (performance.now() - started) / runs;
    rows.push([words, ms, (ms * 1000) / words]);
  }
  return rows;
}

function main(): void {
  if (process.argv.includes('--speed')) {
    printTable(['words', 'ms per run', 'ms per 1,000 words'], measureSpeed());
    return;
  }
  const claimbuster = loadClaimBuster();
  const clef = loadClef();
  const started = performance.now();
  const cv = crossValidateClaimBuster(claimbuster);
  const lodo = leaveOneDebateOut(claimbuster, clef);
  const seconds = (performance.now() - started) / 1000;
  console.log(`\nCLEF-2019 leave-one-debate-out (per debate)\n`);
  printTable(['debate', 'positives', 'AP'], lodo.perDebate);
  console.log(`\nClaims: check-worthiness quality (${seconds.toFixed(1)} s)\n`);
  printTable(
    ['measure', 'value', 'target'],
    [
      ['ClaimBuster 5-fold F1 (check-worthy class, balanced folds, tuned threshold)', cv.f1!, '≥ 0.85'],
      ['ClaimBuster 5-fold macro-F1 (balanced folds, tuned threshold)', cv.macroF1!, ''],
      ['ClaimBuster 5-fold F1 (check-worthy class, balanced folds, p ≥ 0.5)', cv.f1Half!, ''],
      ['ClaimBuster 5-fold macro-F1 (balanced folds, p ≥ 0.5)', cv.macroF1Half!, ''],
      ['ClaimBuster 5-fold ROC-AUC', cv.auc!, ''],
      ['ClaimBuster 5-fold F1 (unbalanced folds, 25% positive, tuned threshold)', cv.f1Unbalanced!, ''],
      ['Tuned threshold (mean over folds)', cv.threshold!, ''],
      ['CLEF-2019 MAP, leave one debate out (19 debates)', lodo.map, '≥ 0.20'],
    ],
  );
  console.log('\nClaims: speed of the analyser (after segments and structure)\n');
  printTable(['words', 'ms per run', 'ms per 1,000 words'], measureSpeed());
}

main();
