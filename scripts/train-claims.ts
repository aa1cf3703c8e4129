/**
 * Trains the claims analyser's check-worthiness model and writes src/analysers/claims/weights.json.
 * Data: ../shared/data/claimbuster/train.json (7,976 debate sentences, 1 = check-worthy factual) and
 * ../shared/data/clef2019-checkthat/CT19-T1-Training.csv (16,421 debate lines, 1 = checked by
 * fact-checkers). Deterministic: fixed seed, stable order, so a rerun reproduces the file byte for
 * byte. The loaders and the training recipe are exported for bench/claims.ts.
 * Run: npx tsx scripts/train-claims.ts
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createFeatureVector } from '../src/analysers/claims/features.js';
import { encodeWeights, toExample, trainLogistic, type TrainingExample, type TrainOptions } from '../src/analysers/claims/learn.js';
import { textFeatures } from '../src/analysers/claims/model.js';
import { calibrate, type Calibration } from '../src/analysers/claims/calibrate.js';

/** Where the datasets live, relative to the repository root. */
export const DATA_ROOT = fileURLToPath(new URL('../../shared/data/', import.meta.url));
const OUT = fileURLToPath(new URL('../src/analysers/claims/weights.json', import.meta.url));

/** One labelled sentence. `group` is the debate (CLEF) or `claimbuster`. */
export interface LabelledSentence {
  text: string;
  label: 0 | 1;
  group: string;
}

/** The training recipe, shared with the benchmark. */
export const RECIPE: Required<TrainOptions> & { clefWeight: number } = { epochs: 6, learningRate: 0.05, seed: 20190101, clefWeight: 1 };

/** ClaimBuster train.json as labelled sentences, in file order. */
export function loadClaimBuster(root = DATA_ROOT): LabelledSentence[] {
  const path = `${root}claimbuster/train.json`;
  requireFile(path);
  const rows = JSON.parse(readFileSync(path, 'utf8')) as { text: string; label: number }[];
  return rows.map((row) => ({ text: row.text, label: row.label === 1 ? 1 : 0, group: 'claimbuster' }));
}

/** CLEF-2019 CheckThat! task 1 training lines, in file order; `group` is the debate file. */
export function loadClef(root = DATA_ROOT): LabelledSentence[] {
  const path = `${root}clef2019-checkthat/CT19-T1-Training.csv`;
  requireFile(path);
  const rows = parseCsv(readFileSync(path, 'utf8'));
  const header = rows[0] ?? [];
  const col = (name: string): number => header.indexOf(name);
  const [text, label, file] = [col('text'), col('label'), col('file_name')];
  return rows.slice(1).filter((row) => row.length === header.length).map((row) => ({
    text: row[text]!,
    label: row[label] === '1' ? 1 : 0,
    group: row[file]!,
  }));
}

function requireFile(path: string): void {
  if (!existsSync(path)) {
    console.error(`train-claims: ${path} is missing; expected the shared datasets in ../shared/data beside the repository.`);
    process.exit(1);
  }
}

/** RFC 4180 CSV: quoted fields with doubled quotes, CRLF or LF rows. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length) rows.push([...row, field]);
  return rows;
}

/** Normalised text for matching the same sentence across datasets. */
export function sentenceKey(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** Examples weighted so each dataset's positives weigh as much as its negatives (times `scale`). */
export function toExamples(sentences: readonly LabelledSentence[], scale = 1): TrainingExample[] {
  const positives = sentences.filter((s) => s.label === 1).length;
  const negatives = sentences.length - positives;
  const positiveWeight = positives ? Math.min(negatives / positives, 10) : 1;
  const vector = createFeatureVector();
  return sentences.map((s) => {
    textFeatures(s.text, vector);
    return toExample(vector, s.label, scale * (s.label === 1 ? positiveWeight : 1));
  });
}

/** Trains on ClaimBuster and CLEF sentences with the recipe; returns the weights. */
export function trainClaimsModel(claimbuster: readonly LabelledSentence[], clef: readonly LabelledSentence[]): Float64Array {
  return trainLogistic(claimsExamples(claimbuster, clef), RECIPE);
}

/** Platt scaling and F1 threshold from 3-fold out-of-fold scores of the same training data. */
export function calibrateClaimsModel(claimbuster: readonly LabelledSentence[], clef: readonly LabelledSentence[]): Calibration {
  return calibrate(claimsExamples(claimbuster, clef), RECIPE);
}

function claimsExamples(claimbuster: readonly LabelledSentence[], clef: readonly LabelledSentence[]): TrainingExample[] {
  return [...toExamples(claimbuster), ...toExamples(clef, RECIPE.clefWeight)];
}

function main(): void {
  const claimbuster = loadClaimBuster();
  const clef = loadClef();
  const started = performance.now();
  const weights = trainClaimsModel(claimbuster, clef);
  const calibration = calibrateClaimsModel(claimbuster, clef);
  const { scale, data } = encodeWeights(weights);
  const file = {
    model: 'logistic-regression, hashed word n-grams, character n-grams and cue features, averaged SGD; Platt-calibrated',
    version: '1.1.0',
    normalisedTo: 3,
    featureBits: 16,
    recipe: RECIPE,
    trainedOn: {
      claimbuster: { sentences: claimbuster.length, positives: claimbuster.filter((s) => s.label === 1).length },
      clef2019: { sentences: clef.length, positives: clef.filter((s) => s.label === 1).length },
    },
    calibration,
    scale,
    weights: data,
  };
  writeFileSync(OUT, `${JSON.stringify(file, null, 1)}\n`);
  console.log(`train-claims: ${claimbuster.length + clef.length} sentences in ${((performance.now() - started) / 1000).toFixed(1)} s; wrote ${OUT}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
