/**
 * Trains the techniques analyser's two models on ../shared/data/ptc-semeval2020/train (never dev)
 * and writes src/analysers/techniques/model.json. Deterministic: fixed seed, sorted file order.
 *
 *   npx tsx scripts/train-techniques.ts
 *
 * Tagger: logistic regression over hashed token features (averaged SGD); its threshold and gap
 * threshold are chosen on two held-out sevenths of train, then it is retrained on all of train.
 * Classifier: softmax regression over hashed span features of the gold spans (averaged SGD).
 *
 * Measurement modes (write nothing): TT_CV=1 cross-validates the tagger (7 folds, SI F1 with
 * thresholds chosen on the pooled predictions); TT_TC_CV=1 cross-validates the classifier.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ArticleContext } from '../src/analysers/techniques/article-context.js';
import { TECHNIQUE_LABELS } from '../src/analysers/techniques/labels.js';
import { tagProbabilities } from '../src/analysers/techniques/technique-model.js';
import { decodeWeights, encodeWeights } from '../src/analysers/techniques/weights.js';
import { CLASSIFIER_BITS, CLASSIFIER_EPOCHS, classifierAccuracy, trainClassifier } from './techniques-classifier.js';
import { contextOf, loadPtc, type PtcArticle } from './techniques-data.js';
import { TAGGER_BITS, dense, trainTwoStage, tuneThresholds } from './techniques-tagger.js';

export { contextOf, loadPtc, tokenRange, type PtcArticle } from './techniques-data.js';

/**
 * Tagger weights below this are stored as zero. 0 since 1.3.1: zeroing those under 1e-3 cost about
 * 0.01 SI F1 on held-out train and on dev (many small weights add up); the tables are dense anyway,
 * so keeping them costs no bytes.
 */
const TAGGER_EPSILON = 0;

/** Tagger weights as model.json will hold them: encoded (one byte each) and decoded again. */
function stored(weights: Float32Array): Float32Array {
  return decodeWeights(encodeWeights(weights, TAGGER_BITS, 1, TAGGER_EPSILON));
}

/**
 * Token probabilities for the articles of the given sevenths of train (i % 7), each seventh
 * predicted by a tagger trained on the other six, with its weights as model.json will store them
 * (quantised): thresholds are chosen on what the analyser will run.
 */
function heldOutPredictions(contexts: readonly ArticleContext[], articles: readonly PtcArticle[], parts: readonly number[], epochs: number, stacked: boolean): { contexts: ArticleContext[]; articles: PtcArticle[]; probabilities: Float32Array[] } {
  const out = { contexts: [] as ArticleContext[], articles: [] as PtcArticle[], probabilities: [] as Float32Array[] };
  for (const part of parts) {
    const fit = articles.map((_, i) => i).filter((i) => i % 7 !== part);
    const heldOut = articles.map((_, i) => i).filter((i) => i % 7 === part);
    console.log(`tagger: held-out seventh ${part} (fit ${fit.length}, held out ${heldOut.length})`);
    const partial = trainTwoStage(fit.map((i) => contexts[i]!), fit.map((i) => articles[i]!), epochs, stacked);
    const stage1 = dense(stored(partial.stage1));
    const stage2 = partial.stage2 ? dense(stored(partial.stage2)) : null;
    for (const i of heldOut) {
      out.contexts.push(contexts[i]!);
      out.articles.push(articles[i]!);
      out.probabilities.push(tagProbabilities(contexts[i]!, stage1, stage2));
    }
  }
  return out;
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
      const w = trainClassifier(fit.map((i) => contexts[i]!), fit.map((i) => articles[i]!), CLASSIFIER_EPOCHS);
      sum += classifierAccuracy(test.map((i) => contexts[i]!), test.map((i) => articles[i]!), w);
    }
    console.log(`classifier 4-fold CV accuracy ${(sum / 4).toFixed(4)}`);
    return;
  }
  if (process.env.TT_TC_EVAL === '1') {
    const w = trainClassifier(fitIdx.map((i) => contexts[i]!), fitIdx.map((i) => articles[i]!), CLASSIFIER_EPOCHS);
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
  if (process.env.TT_CV === '1') {
    // 7-fold cross-validation of the tagger on train: every article predicted by a tagger that did
    // not see it, thresholds chosen on all of them pooled. Steadier than two held-out sevenths for
    // comparing changes (about 3 minutes; writes nothing).
    const pooled = heldOutPredictions(contexts, articles, [0, 1, 2, 3, 4, 5, 6], tagEpochs, stacked);
    const best = tuneThresholds(pooled.contexts, pooled.articles, pooled.probabilities);
    console.log(`7-fold CV SI F1 ${best.f1.toFixed(4)} (threshold ${best.threshold}, gap ${best.gapThreshold}, min span score ${best.minSpanScore}, one-token spans ${best.minSingleScore}, trim words ${best.trimWords})`);
    return;
  }
  // Thresholds are tuned on two held-out sevenths of train pooled (106 articles), each predicted by
  // a tagger trained on the other six sevenths: one seventh alone gave noisy choices.
  const tune = heldOutPredictions(contexts, articles, [3, 5], tagEpochs, stacked);
  const { threshold, gapThreshold, minSpanScore, minSingleScore, trimWords, f1: heldF1 } = tuneThresholds(tune.contexts, tune.articles, tune.probabilities);
  console.log(`  threshold ${threshold}, gap ${gapThreshold}, min span score ${minSpanScore}, one-token spans ${minSingleScore}, trim words ${trimWords}: held-out SI F1 ${heldF1.toFixed(4)}`);
  if (onlyTune) return;
  console.log('tagger: all of train');
  const tagger = trainTwoStage(contexts, articles, tagEpochs, stacked);
  console.log('classifier: all of train');
  const classifier = trainClassifier(contexts, articles, CLASSIFIER_EPOCHS);
  const model = {
    version: '1.4.0',
    trainedOn: 'SemEval-2020 Task 11 PTC v2, train split',
    tagger: {
      ...encodeWeights(tagger.stage1, TAGGER_BITS, 1, TAGGER_EPSILON),
      threshold,
      gapThreshold,
      minSpanScore,
      minSingleScore,
      trimWords,
    },
    stacker: tagger.stage2 ? encodeWeights(tagger.stage2, TAGGER_BITS, 1, TAGGER_EPSILON) : null,
    classifier: { ...encodeWeights(classifier, CLASSIFIER_BITS, TECHNIQUE_LABELS.length, 2e-3), labels: [...TECHNIQUE_LABELS] },
  };
  const out = new URL('../src/analysers/techniques/model.json', import.meta.url);
  const json = JSON.stringify(model);
  writeFileSync(out, `${json}\n`);
  console.log(`wrote ${fileURLToPath(out)} (${(json.length / 1e6).toFixed(2)} MB) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
