/**
 * The genre analyser: opinion, reporting, satire, analysis or other, with a confidence and the
 * reasons a reader can check (first-person density, evaluative language, a "views expressed"
 * disclaimer, an author bio, quotes per paragraph, satire cues). A small logistic-regression model
 * (weights.json, trained by scripts/train-genre.ts) weighs the features; the reasons are the
 * measurements that pushed hardest towards the winning label. A publisher's own label (a news-parody
 * site, an /opinion/ section) overrides the model, and says so (publication.ts).
 */
import { MarginaliaError } from '../../core/errors.js';
import { assertKnownOptions } from '../../core/options.js';
import type { Analyser } from '../../core/pipeline.js';
import type { Genre, GenreLabel } from '../../core/types.js';
import { DENSE_FEATURES, extractFeatures, type GenreFeatures } from './features.js';
import { genreInputFrom } from './genre-input.js';
import { argmax, scoreGenre, type GenreModel } from './model.js';
import { publicationCue, withPublication } from './publication.js';
import weights from './weights.json' with { type: 'json' };

export { DENSE_FEATURES, extractFeatures, type GenreFeatures, type GenreInput } from './features.js';
export { genreInputFrom } from './genre-input.js';
export { scoreGenre, trainGenreModel, type GenreModel } from './model.js';
export { searchOffsets, stratifiedFolds, tuneOffsets } from './calibrate.js';
export { publicationCue, withPublication, type PublicationCue } from './publication.js';

/** Options of the genre analyser. */
export interface GenreOptions {
  /** Below this many body words the label is `other` ("too little text to tell"). Default 50. */
  minWords?: number;
}

const MODEL = weights as GenreModel;
const LABELS = new Set<string>(['opinion', 'reporting', 'satire', 'analysis', 'other']);

/** Creates the genre analyser (sets the document's genre). */
export function genreAnalyser(options: GenreOptions = {}): Analyser {
  if (options === null || typeof options !== 'object') {
    throw new MarginaliaError('E_ANALYSER_OPTIONS', 'Analyser "genre" got options that are not an object; expected an object.', { subject: 'genre' });
  }
  assertKnownOptions('genre', options, ['minWords']);
  const { minWords = 50 } = options;
  if (!Number.isInteger(minWords) || minWords < 0 || minWords > 10_000) {
    throw new MarginaliaError('E_ANALYSER_OPTIONS', `Analyser "genre" option "minWords" is ${JSON.stringify(minWords)}; expected an integer from 0 to 10000.`, {
      subject: 'genre',
    });
  }
  return {
    id: 'genre',
    version: MODEL.version,
    needs: ['sentences', 'paragraphs', 'regions'],
    uses: ['quotes', 'dates'],
    produces: ['genre'],
    analyse(doc, ctx) {
      const hasQuotes = ctx.annotations('quote').length > 0;
      const features = extractFeatures(genreInputFrom(doc.text, ctx.annotations, hasQuotes), MODEL.bucketBits);
      ctx.setGenre(withPublication(classifyGenre(features, minWords), publicationCue(doc.meta)));
    },
  };
}

/** The genre of a document from its features; `other` when the body has fewer than `minWords` words. */
export function classifyGenre(features: GenreFeatures, minWords = 50): Genre {
  if (features.words < minWords) {
    return { label: 'other', confidence: 0.6, reasons: [`only ${features.words} words of body text: too little to tell a genre`] };
  }
  const { probabilities, contributions } = scoreGenre(MODEL, features);
  const best = argmax(probabilities);
  const label = MODEL.classes[best]!;
  const ranked = MODEL.classes
    .map((name, c) => `${name} ${probabilities[c]!.toFixed(2)}`)
    .sort((a, b) => Number(b.split(' ')[1]) - Number(a.split(' ')[1]));
  const cues = contributions
    .map((value, k) => ({ value, k }))
    .filter(({ value, k }) => value > 0.05 && features.dense[k]! > MODEL.mean[k]!)
    .sort((a, b) => b.value - a.value)
    .slice(0, 4)
    .map(({ k }) => describeFeature(k, features.dense[k]!));
  return {
    label: (LABELS.has(label) ? label : 'other') as GenreLabel,
    confidence: Math.round(probabilities[best]! * 1000) / 1000,
    reasons: [...cues, `model: ${ranked.join(', ')}`],
  };
}

/** A dense feature's value in words, e.g. "first-person singular: 2.4 per 100 words". */
export function describeFeature(index: number, value: number): string {
  const name = DENSE_FEATURES[index];
  const v = value.toFixed(value >= 10 ? 0 : 1);
  switch (name) {
    case 'first-singular': return `first-person singular (I, me, my): ${v} per 100 words`;
    case 'first-plural': return `first-person plural (we, our): ${v} per 100 words`;
    case 'second-person': return `addresses the reader (you, your): ${v} per 100 words`;
    case 'reporting-verbs': return `attribution verbs (said, told, according to): ${v} per 100 words`;
    case 'normative-modals': return `normative modals (should, must): ${v} per 100 words`;
    case 'analysis-markers': return `explanatory markers (however, suggests, likely): ${v} per 100 words`;
    case 'satire-phrases': return `satire cues (stock phrases of news parody): ${v} per 100 words`;
    case 'intensifiers': return `intensifiers and stance adverbs: ${v} per 100 words`;
    case 'evaluative-words': return `evaluative words (AFINN-165): ${v} per 100 words`;
    case 'evaluative-strength': return `strength of evaluative language: ${v}`;
    case 'negative-share': return `share of negative evaluative words: ${(value * 100).toFixed(0)}%`;
    case 'quotes-per-paragraph': return `quotes per paragraph: ${value.toFixed(2)}`;
    case 'questions': return `questions per sentence: ${value.toFixed(2)}`;
    case 'exclamations': return `exclamations per sentence: ${value.toFixed(2)}`;
    case 'numbers': return `numbers: ${v} per 100 words`;
    case 'sentence-length': return `mean sentence length: ${(value * 20).toFixed(0)} words`;
    case 'length': return `length: ${Math.round(Math.expm1(value * 7))} words`;
    case 'disclaimer': return value ? 'a "views expressed" disclaimer region' : 'no "views expressed" disclaimer';
    case 'bio': return value ? 'an author bio region' : 'no author bio';
    case 'weekdays': return `days of the week (on Tuesday …): ${v} per 100 words`;
    case 'news-sources': return `official sources and wire credits (police, officials, ministry): ${v} per 100 words`;
    case 'contractions': return `contractions (don't, it's): ${v} per 100 words`;
    case 'dateline': return value ? 'opens with a dateline (CITY —)' : 'no dateline';
    case 'headline-title-case': return `headline in Title Case: ${(value * 100).toFixed(0)}% of its words capitalised`;
    case 'headline-question': return value ? 'a question or exclamation in the headline' : 'a plain headline';
    default: return `${String(name)}: ${v}`;
  }
}
