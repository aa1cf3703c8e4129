/**
 * Trains the techniques analyser's two models on ../shared/data/ptc-semeval2020/train (never dev)
 * and writes src/analysers/techniques/model.json. Deterministic: fixed seed, sorted file order.
 *
 *   npx tsx scripts/train-techniques.ts
 *
 * Tagger: logistic regression over hashed token features (averaged SGD); its threshold and gap
 * threshold are chosen on two held-out sevenths of train, then it is retrained on all of train.
 * Classifier: softmax regression over hashed span features of the gold spans (averaged SGD).
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildArticleContext, type ArticleContext } from '../src/analysers/techniques/article-context.js';
import { TECHNIQUE_LABELS, labelIndex } from '../src/analysers/techniques/labels.js';
import { parseLabels, tallyOverlap, type GoldSpan, type OverlapTally } from '../src/analysers/techniques/ptc-format.js';
import { spanFeatures } from '../src/analysers/techniques/span-features.js';
import { tagProbabilities, type DenseLinear } from '../src/analysers/techniques/technique-model.js';
import { MAX_STACK_FEATURES, sentenceLevels, stackFeatures } from '../src/analysers/techniques/stack-features.js';
import { decodeSpans } from '../src/analysers/techniques/decode-spans.js';
import { MAX_TOKEN_FEATURES, tokenFeatures } from '../src/analysers/techniques/token-features.js';
import { encodeWeights } from '../src/analysers/techniques/weights.js';
import { splitParagraphs, splitSentences } from '../src/analysers/segments/index.js';

const DATA = '../shared/data/ptc-semeval2020';
const TAGGER_BITS = Number(process.env.TT_BITS ?? 18);
const CLASSIFIER_BITS = 17;
const SEED = 20200911;

/** One PTC article with its gold spans (UTF-16 offsets). */
export interface PtcArticle {
  id: string;
  text: string;
  spans: GoldSpan[];
}

/** Reads the `train` or `dev` split; exits 1 with a message when the data is missing. */
export function loadPtc(split: 'train' | 'dev'): PtcArticle[] {
  const dir = `${DATA}/${split}-articles`;
  if (!existsSync(dir)) {
    console.error(`Missing ${dir}: run from the repository root with ../shared/data/ptc-semeval2020 present.`);
    process.exit(1);
  }
  return readdirSync(dir)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => {
      const id = name.slice('article'.length, -'.txt'.length);
      const text = readFileSync(`${dir}/${name}`, 'utf8');
      const labelFile = `${DATA}/${split}-labels-task-flc-tc/article${id}.task-flc-tc.labels`;
      const spans = existsSync(labelFile) ? parseLabels(readFileSync(labelFile, 'utf8'), text) : [];
      return { id, text, spans };
    });
}

/** The context the analyser would build: the segments analyser's paragraphs and sentences. */
export function contextOf(text: string): ArticleContext {
  const paragraphs = splitParagraphs(text);
  const sentences = paragraphs.flatMap((p) => splitSentences(text, p));
  return buildArticleContext(text, sentences, paragraphs);
}

/** Token range [first, end) covering the characters of `span`. */
export function tokenRange(ctx: ArticleContext, start: number, end: number): [number, number] {
  const { tokens } = ctx;
  let first = 0;
  while (first < tokens.count && tokens.end[first]! <= start) first++;
  let last = first;
  while (last < tokens.count && tokens.start[last]! < end) last++;
  return [first, Math.max(last, first + 1)];
}

function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle(order: Int32Array, next: () => number): void {
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    const t = order[i]!;
    order[i] = order[j]!;
    order[j] = t;
  }
}

interface TaggerData {
  features: Int32Array;
  offsets: Int32Array;
  labels: Uint8Array;
}

function taggerData(contexts: readonly ArticleContext[], articles: readonly PtcArticle[], stage1?: readonly Float32Array[]): TaggerData {
  const features: number[] = [];
  const offsets: number[] = [0];
  const labels: number[] = [];
  const buffer = new Int32Array(MAX_TOKEN_FEATURES + MAX_STACK_FEATURES);
  contexts.forEach((ctx, a) => {
    const inside = new Uint8Array(ctx.text.length + 1);
    for (const span of articles[a]!.spans) inside.fill(1, span.start, span.end);
    const p1 = stage1?.[a];
    const levels = p1 ? sentenceLevels(ctx, p1) : null;
    for (let i = 0; i < ctx.tokens.count; i++) {
      const mid = (ctx.tokens.start[i]! + ctx.tokens.end[i]! - 1) >> 1;
      labels.push(inside[mid]!);
      let count = tokenFeatures(ctx, i, buffer);
      if (p1 && levels) count = stackFeatures(ctx, p1, levels, i, buffer, count);
      for (let f = 0; f < count; f++) features.push(buffer[f]! & ((1 << TAGGER_BITS) - 1));
      offsets.push(features.length);
    }
  });
  return { features: Int32Array.from(features), offsets: Int32Array.from(offsets), labels: Uint8Array.from(labels) };
}

function trainTagger(data: TaggerData, epochs: number): Float32Array {
  const size = 1 << TAGGER_BITS;
  const w = new Float32Array(size);
  const u = new Float32Array(size);
  const order = Int32Array.from({ length: data.labels.length }, (_, i) => i);
  const next = random(SEED);
  let c = 1;
  const positiveWeight = Number(process.env.TT_POSW ?? 1.6);
  const baseRate = Number(process.env.TT_RATE ?? 0.05);
  for (let epoch = 0; epoch < epochs; epoch++) {
    shuffle(order, next);
    const rate = baseRate / (1 + epoch);
    let loss = 0;
    for (const i of order) {
      const from = data.offsets[i]!;
      const to = data.offsets[i + 1]!;
      let score = 0;
      for (let f = from; f < to; f++) score += w[data.features[f]!]!;
      const y = data.labels[i]!;
      const p = 1 / (1 + Math.exp(-Math.max(-30, Math.min(30, score))));
      loss -= Math.log(y ? p : 1 - p);
      const g = rate * (y - p) * (y ? positiveWeight : 1);
      for (let f = from; f < to; f++) {
        const k = data.features[f]!;
        w[k]! += g;
        u[k]! += c * g;
      }
      c++;
    }
    console.log(`  tagger epoch ${epoch + 1}/${epochs}: log loss ${(loss / order.length).toFixed(4)}`);
  }
  for (let k = 0; k < size; k++) w[k] = w[k]! - u[k]! / c;
  return w;
}

function dense(weights: Float32Array): DenseLinear {
  return { weights, mask: (1 << TAGGER_BITS) - 1, classes: 1 };
}

interface TwoStage {
  stage1: Float32Array;
  stage2: Float32Array | null;
}

/** Stage 1 on everything; stage 2 on out-of-fold stage-1 probabilities (3 folds). */
function trainTwoStage(contexts: readonly ArticleContext[], articles: readonly PtcArticle[], epochs: number, stacked: boolean): TwoStage {
  const stage1 = trainTagger(taggerData(contexts, articles), epochs);
  if (!stacked) return { stage1, stage2: null };
  const folds = 3;
  const oof: Float32Array[] = new Array<Float32Array>(contexts.length);
  for (let fold = 0; fold < folds; fold++) {
    const fit = contexts.map((_, i) => i).filter((i) => i % folds !== fold);
    console.log(`  stage-1 fold ${fold + 1}/${folds}`);
    const w = trainTagger(taggerData(fit.map((i) => contexts[i]!), fit.map((i) => articles[i]!)), epochs);
    contexts.forEach((ctx, i) => {
      if (i % folds === fold) oof[i] = tagProbabilities(ctx, dense(w), null);
    });
  }
  console.log('  stage 2');
  const stage2 = trainTagger(taggerData(contexts, articles, oof), epochs);
  return { stage1, stage2 };
}

function tuneThresholds(contexts: readonly ArticleContext[], articles: readonly PtcArticle[], probabilities: readonly Float32Array[]): [number, number, number, number] {
  let best: [number, number, number, number] = [0.5, 0.5, 0, 0];
  for (let threshold = 0.15; threshold <= 0.7001; threshold += 0.025) {
    for (const gapRatio of [1, 0.8, 0.6, 0.4, 0.25])
    for (const minScore of [0, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55]) {
      const tally: OverlapTally = { precisionSum: 0, recallSum: 0, predicted: 0, gold: 0 };
      contexts.forEach((ctx, a) => {
        const spans = decodeSpans(ctx, probabilities[a]!, threshold, threshold * gapRatio).filter((s) => s.score >= minScore).map((s) => ({
          start: ctx.tokens.start[s.first]!,
          end: ctx.tokens.end[s.end - 1]!,
        }));
        tallyOverlap(spans, articles[a]!.spans, tally);
      });
      const p = tally.predicted ? tally.precisionSum / tally.predicted : 0;
      const r = tally.gold ? tally.recallSum / tally.gold : 0;
      const f = p + r > 0 ? (2 * p * r) / (p + r) : 0;
      if (f > best[3]) best = [Number(threshold.toFixed(3)), Number((threshold * gapRatio).toFixed(3)), minScore, f];
    }
  }
  return best;
}

function trainClassifier(contexts: readonly ArticleContext[], articles: readonly PtcArticle[], epochs: number): Float32Array {
  const K = TECHNIQUE_LABELS.length;
  const mask = (1 << CLASSIFIER_BITS) - 1;
  const instances: { features: number[]; label: number }[] = [];
  contexts.forEach((ctx, a) => {
    for (const span of articles[a]!.spans) {
      const label = labelIndex(span.technique);
      if (label < 0) continue;
      const [first, end] = tokenRange(ctx, span.start, span.end);
      instances.push({ features: spanFeatures(ctx, first, end).map((f) => f & mask), label });
    }
  });
  const w = new Float32Array((mask + 1) * K);
  const u = new Float32Array((mask + 1) * K);
  const order = Int32Array.from({ length: instances.length }, (_, i) => i);
  const next = random(SEED + 1);
  const p = new Float64Array(K);
  let c = 1;
  for (let epoch = 0; epoch < epochs; epoch++) {
    shuffle(order, next);
    const rate = Number(process.env.TT_TC_RATE ?? 0.03) / (1 + 0.3 * epoch);
    let correct = 0;
    for (const i of order) {
      const { features, label } = instances[i]!;
      p.fill(0);
      for (const f of features) for (let k = 0; k < K; k++) p[k]! += w[f * K + k]!;
      let max = -Infinity;
      let arg = 0;
      for (let k = 0; k < K; k++) if (p[k]! > max) [max, arg] = [p[k]!, k];
      if (arg === label) correct++;
      let sum = 0;
      for (let k = 0; k < K; k++) sum += p[k] = Math.exp(p[k]! - max);
      for (let k = 0; k < K; k++) {
        const g = rate * ((k === label ? 1 : 0) - p[k]! / sum);
        for (const f of features) {
          w[f * K + k]! += g;
          u[f * K + k]! += c * g;
        }
      }
      c++;
    }
    console.log(`  classifier epoch ${epoch + 1}/${epochs}: train accuracy ${(correct / instances.length).toFixed(3)}`);
  }
  for (let k = 0; k < w.length; k++) w[k] = w[k]! - u[k]! / c;
  return w;
}

const classifierEpochs = Number(process.env.TT_TC_EPOCHS ?? 12);

function classifierAccuracy(contexts: readonly ArticleContext[], articles: readonly PtcArticle[], w: Float32Array): number {
  const K = TECHNIQUE_LABELS.length;
  const mask = (1 << CLASSIFIER_BITS) - 1;
  let correct = 0;
  let total = 0;
  contexts.forEach((ctx, a) => {
    for (const span of articles[a]!.spans) {
      const [first, end] = tokenRange(ctx, span.start, span.end);
      const scores = new Float64Array(K);
      for (const f of spanFeatures(ctx, first, end)) for (let k = 0; k < K; k++) scores[k]! += w[(f & mask) * K + k]!;
      let arg = 0;
      for (let k = 1; k < K; k++) if (scores[k]! > scores[arg]!) arg = k;
      total++;
      if (TECHNIQUE_LABELS[arg] === span.technique) correct++;
    }
  });
  return correct / total;
}

function main(): void {
  const started = performance.now();
  const articles = loadPtc('train');
  console.log(`train: ${articles.length} articles, ${articles.reduce((s, a) => s + a.spans.length, 0)} spans`);
  const contexts = articles.map((a) => contextOf(a.text));
  const held = (i: number): boolean => i % 7 === 3;
  const fitIdx = articles.map((_, i) => i).filter((i) => !held(i));
  const heldIdx = articles.map((_, i) => i).filter(held);
  if (process.env.TT_TC_CV === '1') {
    // 4-fold cross-validation of the classifier on train (for choosing its settings).
    let sum = 0;
    for (let fold = 0; fold < 4; fold++) {
      const fit = articles.map((_, i) => i).filter((i) => i % 4 !== fold);
      const test = articles.map((_, i) => i).filter((i) => i % 4 === fold);
      const w = trainClassifier(fit.map((i) => contexts[i]!), fit.map((i) => articles[i]!), classifierEpochs);
      sum += classifierAccuracy(test.map((i) => contexts[i]!), test.map((i) => articles[i]!), w);
    }
    console.log(`classifier 4-fold CV accuracy ${(sum / 4).toFixed(4)}`);
    return;
  }
  if (process.env.TT_TC_EVAL === '1') {
    const w = trainClassifier(fitIdx.map((i) => contexts[i]!), fitIdx.map((i) => articles[i]!), classifierEpochs);
    console.log(`classifier held-out accuracy ${classifierAccuracy(heldIdx.map((i) => contexts[i]!), heldIdx.map((i) => articles[i]!), w).toFixed(4)}`);
    if (process.env.TT_TC_DEV === '1') {
      const dev = loadPtc('dev');
      console.log(`classifier dev accuracy (confirmation only) ${classifierAccuracy(dev.map((a) => contextOf(a.text)), dev, w).toFixed(4)}`);
    }
    return;
  }
  const tagEpochs = Number(process.env.TT_EPOCHS ?? 4);
  const onlyTune = process.env.TT_TUNE_ONLY === '1';
  const stacked = process.env.TT_STACK !== '0';
  // Thresholds are tuned on two held-out sevenths of train pooled (106 articles), each predicted by
  // a tagger trained on the other six sevenths: one seventh alone gave noisy choices.
  const tuneContexts: ArticleContext[] = [];
  const tuneArticles: PtcArticle[] = [];
  const tuneProbabilities: Float32Array[] = [];
  for (const part of [3, 5]) {
    const fit = articles.map((_, i) => i).filter((i) => i % 7 !== part);
    const heldOut = articles.map((_, i) => i).filter((i) => i % 7 === part);
    console.log(`tagger: held-out seventh ${part} (fit ${fit.length}, held out ${heldOut.length})`);
    const partial = trainTwoStage(fit.map((i) => contexts[i]!), fit.map((i) => articles[i]!), tagEpochs, stacked);
    for (const i of heldOut) {
      tuneContexts.push(contexts[i]!);
      tuneArticles.push(articles[i]!);
      tuneProbabilities.push(tagProbabilities(contexts[i]!, dense(partial.stage1), partial.stage2 ? dense(partial.stage2) : null));
    }
  }
  const [threshold, gapThreshold, minSpanScore, heldF1] = tuneThresholds(tuneContexts, tuneArticles, tuneProbabilities);
  console.log(`  threshold ${threshold}, gap ${gapThreshold}, min span score ${minSpanScore}: held-out SI F1 ${heldF1.toFixed(4)}`);
  if (onlyTune) return;
  console.log('tagger: all of train');
  const tagger = trainTwoStage(contexts, articles, tagEpochs, stacked);
  console.log('classifier: all of train');
  const classifier = trainClassifier(contexts, articles, classifierEpochs);
  const model = {
    version: '1.1.0',
    trainedOn: 'SemEval-2020 Task 11 PTC v2, train split',
    tagger: {
      ...encodeWeights(tagger.stage1, TAGGER_BITS, 1, 1e-3),
      threshold,
      gapThreshold,
      minSpanScore,
    },
    stacker: tagger.stage2 ? encodeWeights(tagger.stage2, TAGGER_BITS, 1, 1e-3) : null,
    classifier: { ...encodeWeights(classifier, CLASSIFIER_BITS, TECHNIQUE_LABELS.length, 2e-3), labels: [...TECHNIQUE_LABELS] },
  };
  const out = new URL('../src/analysers/techniques/model.json', import.meta.url);
  const json = JSON.stringify(model);
  writeFileSync(out, `${json}\n`);
  console.log(`wrote ${fileURLToPath(out)} (${(json.length / 1e6).toFixed(2)} MB) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
