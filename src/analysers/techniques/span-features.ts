/**
 * Features of a candidate span for technique classification: its words and word pairs, first and
 * last word, character trigrams of short spans, length, the words around it, whether its text
 * recurs in the article, its sentiment, punctuation and capitalisation, and where it sits in its
 * sentence. Hashed ids into a growing array (spans are few).
 */
import { MAX_NGRAM, ngramHash, type ArticleContext } from './article-context.js';
import { BOUNDARY, hashString, mix } from './hashing.js';
import { SHAPE } from './tokenize.js';

const LENGTH_EDGES = [2, 3, 4, 6, 9, 13, 20, 30];
const CHAR_SPAN_LIMIT = 40;

function bucket(value: number, edges: readonly number[]): number {
  let b = 0;
  while (b < edges.length && value >= edges[b]!) b++;
  return b;
}

function pushBits(out: number[], template: number, bits: number): void {
  for (let g = 0; bits; g++, bits >>>= 1) if (bits & 1) out.push(mix(template, g));
}

/** Hashed features of the span covering tokens [first, end) of the article. */
export function spanFeatures(ctx: ArticleContext, first: number, end: number): number[] {
  const { tokens } = ctx;
  const n = tokens.count;
  const h = tokens.hash;
  const w = (k: number): number => (k >= 0 && k < n ? h[k]! : BOUNDARY);
  const out: number[] = [mix(100, 0)];
  const length = end - first;
  out.push(mix(101, bucket(length, LENGTH_EDGES)));
  out.push(mix(102, w(first)), mix(103, w(end - 1)), mix(104, w(first - 1)), mix(105, w(end)));
  out.push(mix(106, w(first - 2)), mix(107, w(end + 1)), mix(108, w(first - 1), w(first - 2)));
  let capitals = 0;
  let sentiment = 0;
  let strongest = 0;
  let exclaim = 0;
  let question = 0;
  let quoteMarks = 0;
  for (let k = first; k < end; k++) {
    out.push(mix(110, h[k]!));
    if (k + 1 < end) out.push(mix(111, h[k]!, h[k + 1]!));
    const shape = tokens.shape[k]!;
    if (shape === SHAPE.capitalised || shape === SHAPE.upper) capitals++;
    if (shape === SHAPE.quote) quoteMarks++;
    const lower = tokens.lower[k]!;
    if (lower === '!') exclaim++;
    if (lower === '?') question++;
    const score = ctx.afinn[k]!;
    sentiment += score;
    if (Math.abs(score) > Math.abs(strongest)) strongest = score;
    if (length <= 3) out.push(mix(112, ctx.suffix[k]!));
  }
  if (length === 1) out.push(mix(113, h[first]!));
  out.push(mix(114, Math.max(-6, Math.min(6, sentiment)) + 8), mix(115, strongest + 8));
  out.push(mix(116, bucket(capitals, [1, 2, 4]) * 4 + bucket(length, [2, 5, 10])));
  out.push(mix(117, Math.min(exclaim, 2) * 4 + Math.min(question, 2)), mix(118, Math.min(quoteMarks, 2)));
  out.push(mix(119, ctx.inQuote[first]!));
  // Repetition: does this span's text (up to MAX_NGRAM tokens) or its longest word recur?
  const span = Math.min(length, MAX_NGRAM);
  const recurs = length > 0 ? (ctx.ngramCounts.get(ngramHash(tokens, first, span)) ?? 0) : 0;
  out.push(mix(120, bucket(recurs, [2, 3, 4, 6]) * 16 + Math.min(length, 6)));
  if (length > 0) {
    // Has this text (its first and last four tokens) already occurred earlier in the article? (Repetition)
    const firstSeen = ctx.ngramFirst.get(ngramHash(tokens, first, span)) ?? first;
    const isLater = firstSeen < first ? 1 : 0;
    out.push(mix(146, isLater * 16 + bucket(recurs, [2, 3, 4, 6]) * 4 + bucket(length, [2, 4, 8])));
    if (length > MAX_NGRAM) {
      const tailSeen = ctx.ngramFirst.get(ngramHash(tokens, end - MAX_NGRAM, MAX_NGRAM)) ?? first;
      out.push(mix(147, isLater * 2 + (tailSeen < end - MAX_NGRAM ? 1 : 0)));
    }
    out.push(mix(148, isLater, h[first]!));
  }
  let longest = first;
  for (let k = first; k < end; k++) if (tokens.lower[k]!.length > tokens.lower[longest]!.length) longest = k;
  out.push(mix(121, bucket(ctx.frequency[longest] ?? 0, [2, 3, 4, 6, 9])));
  out.push(mix(122, bucket(ctx.frequency[longest] ?? 0, [2, 3, 4, 6, 9]), h[longest] ?? 0));
  // Where in the sentence: whole sentence, start, end, middle.
  const s = first < n ? ctx.sentence[first]! : -1;
  if (s >= 0) {
    const atStart = first <= ctx.sentenceFirst[s]! ? 1 : 0;
    const atEnd = end >= ctx.sentenceEnd[s]! - 1 ? 1 : 0;
    out.push(mix(123, atStart * 2 + atEnd), mix(124, Math.min(s, 3)));
    out.push(mix(125, bucket(ctx.sentenceEnd[s]! - ctx.sentenceFirst[s]!, [8, 16, 30])));
    // The rest of the sentence, as a bag of words (bounded, so long sentences stay cheap).
    const from = Math.max(ctx.sentenceFirst[s]!, first - 12);
    const to = Math.min(ctx.sentenceEnd[s]!, end + 12);
    for (let k = from; k < to; k++) if (k < first || k >= end) out.push(mix(127, h[k]!));
    // Cue groups inside the span, just before it, and elsewhere in the window.
    let inside = 0;
    let before = 0;
    let around = 0;
    for (let k = first; k < end; k++) inside |= ctx.cues[k]!;
    for (let k = Math.max(from, first - 3); k < first; k++) before |= ctx.cues[k]!;
    for (let k = from; k < to; k++) if (k < first || k >= end) around |= ctx.cues[k]!;
    pushBits(out, 130, inside);
    pushBits(out, 131, before);
    pushBits(out, 132, around & ~inside);
  }
  // Does the whole span recur? Its first and last four tokens, counted in the article.
  if (length > MAX_NGRAM) {
    const head = ctx.ngramCounts.get(ngramHash(tokens, first, MAX_NGRAM)) ?? 0;
    const tail = ctx.ngramCounts.get(ngramHash(tokens, end - MAX_NGRAM, MAX_NGRAM)) ?? 0;
    out.push(mix(133, bucket(Math.min(head, tail), [2, 3, 5])));
  }
  if (length <= 6) {
    const chars = ctx.text.slice(tokens.start[first] ?? 0, Math.min(tokens.end[end - 1] ?? 0, (tokens.start[first] ?? 0) + CHAR_SPAN_LIMIT)).toLowerCase();
    const padded = ` ${chars} `;
    for (let k = 0; k + 3 <= padded.length; k++) out.push(mix(126, hashString(padded.slice(k, k + 3))));
  }
  // First and last two words.
  if (length >= 2) out.push(mix(143, w(first), w(first + 1)), mix(144, w(end - 2), w(end - 1)));
  return out;
}
