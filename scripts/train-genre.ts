/**
 * Trains the genre model and writes src/analysers/genre/weights.json. Data: the SemEval-2023 Task 3
 * subtask 1 genre labels in ../shared/data/semeval2023-genre (opinion, reporting, satire) plus the
 * fictional examples in src/analysers/genre/examples.json (satire, reporting, analysis, opinion).
 * Deterministic: files in sorted order, full-batch training from zero weights, so a rerun writes the
 * same bytes. Run: npx tsx scripts/train-genre.ts
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { segmentsAnalyser } from '../src/analysers/segments/index.js';
import { structureAnalyser } from '../src/analysers/structure/index.js';
import { DENSE_FEATURES, extractFeatures, type GenreFeatures } from '../src/analysers/genre/features.js';
import { genreInputFrom } from '../src/analysers/genre/genre-input.js';
import { trainGenreModel, type GenreExample } from '../src/analysers/genre/model.js';
import { buildPipeline, runPipeline } from '../src/core/pipeline.js';
import type { AnnotationKind } from '../src/core/types.js';
import { emptyMeta } from '../src/ingest/types.js';

/** Classes of the model, in weight order. `other` is decided by length, not learned. */
export const GENRE_CLASSES = ['opinion', 'reporting', 'satire', 'analysis'] as const;
/** Hashed n-gram vector size: 2^12 buckets. */
export const BUCKET_BITS = 12;

const DATA_DIR = fileURLToPath(new URL('../../shared/data/semeval2023-genre/', import.meta.url));
const EXAMPLES = fileURLToPath(new URL('../src/analysers/genre/examples.json', import.meta.url));
const WEIGHTS = fileURLToPath(new URL('../src/analysers/genre/weights.json', import.meta.url));

/** One labelled document with its features. */
export interface LabelledDoc {
  id: string;
  label: string;
  features: GenreFeatures;
  /** Training weight: the fictional examples count FICTIONAL_WEIGHT times. */
  weight?: number;
}

/**
 * How much each fictional example counts in training: they are clean, hand-labelled exemplars of
 * the classes SemEval barely has, written in a different register (no shared vocabulary).
 */
export const FICTIONAL_WEIGHT = 3;

const pipeline = buildPipeline([segmentsAnalyser(), structureAnalyser()]);

/** Features of a text, computed exactly as the analyser does (segments + structure, no quotes analyser). */
export function featuresOf(text: string): GenreFeatures {
  const doc = runPipeline(pipeline, { text, meta: emptyMeta() });
  const byKind = (kind: AnnotationKind) => doc.annotations.filter((a) => a.kind === kind);
  return extractFeatures(genreInputFrom(text, byKind, false), BUCKET_BITS);
}

/** The SemEval genre documents, sorted by id; exits 1 with a message when the data is missing. */
export function loadSemEval(): LabelledDoc[] {
  if (!existsSync(`${DATA_DIR}labels.txt`)) {
    console.error(`Missing ${DATA_DIR}labels.txt: the SemEval-2023 genre data must be in ../shared/data/semeval2023-genre.`);
    process.exit(1);
  }
  const labels = new Map<string, string>();
  for (const line of readFileSync(`${DATA_DIR}labels.txt`, 'utf8').split('\n')) {
    const [id, label] = line.trim().split('\t');
    if (id && label) labels.set(id, label);
  }
  const files = new Set(readdirSync(`${DATA_DIR}articles`));
  return [...labels.keys()]
    .sort()
    .filter((id) => files.has(`article${id}.txt`))
    .map((id) => ({ id, label: labels.get(id)!, features: featuresOf(readFileSync(`${DATA_DIR}articles/article${id}.txt`, 'utf8')) }));
}

/** The fictional labelled examples shipped with the analyser. */
export function loadFictional(): LabelledDoc[] {
  const data = JSON.parse(readFileSync(EXAMPLES, 'utf8')) as { examples: { id: string; label: string; text: string }[] };
  return data.examples.map((e) => ({ id: e.id, label: e.label, features: featuresOf(e.text), weight: FICTIONAL_WEIGHT }));
}

/** Training examples for the model from labelled documents. */
export function toExamples(docs: readonly LabelledDoc[]): GenreExample[] {
  return docs
    .map((d) => ({ features: d.features, label: (GENRE_CLASSES as readonly string[]).indexOf(d.label), weight: d.weight ?? 1 }))
    .filter((e) => e.label >= 0);
}

function main(): void {
  const started = performance.now();
  const docs = [...loadSemEval(), ...loadFictional()];
  const model = trainGenreModel(toExamples(docs), GENRE_CLASSES, DENSE_FEATURES, BUCKET_BITS);
  const json = `${JSON.stringify(model)}\n`;
  writeFileSync(WEIGHTS, json);
  const counts = GENRE_CLASSES.map((c) => `${c} ${docs.filter((d) => d.label === c).length}`).join(', ');
  console.log(`Trained on ${docs.length} documents (${counts}) in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
  console.log(`Wrote ${WEIGHTS} (${(json.length / 1024).toFixed(0)} KB).`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
