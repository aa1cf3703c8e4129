/**
 * Features of one token for span identification (is this token part of a technique span?): the
 * word and its neighbours, word pairs, suffix, shape, quotation context, position in the sentence,
 * sentiment, and how often the word and its pairs recur in the article. Written as hashed ids into
 * a caller-owned buffer, so extraction allocates nothing.
 */
import type { ArticleContext } from './article-context.js';
import { BOUNDARY, mix } from './hashing.js';
import { coarseOf } from './word-clusters.js';

/** Most features a token can have; size of the buffer passed to tokenFeatures. */
export const MAX_TOKEN_FEATURES = 40;

function bucket(value: number, edges: readonly number[]): number {
  let b = 0;
  while (b < edges.length && value >= edges[b]!) b++;
  return b;
}

const LENGTH_EDGES = [4, 8, 14, 22, 32, 48];
const FREQ_EDGES = [2, 3, 5, 8];

/** Writes the hashed features of token `i` into `out` from `offset` (default 0); returns how many were written. */
export function tokenFeatures(ctx: ArticleContext, i: number, out: Int32Array, offset = 0): number {
  const { tokens } = ctx;
  const h = tokens.hash;
  const n = tokens.count;
  const w = (k: number): number => (k >= 0 && k < n ? h[k]! : BOUNDARY);
  const sh = (k: number): number => (k >= 0 && k < n ? tokens.shape[k]! : 9);
  const af = (k: number): number => (k >= 0 && k < n ? ctx.afinn[k]! : 0);
  let c = offset;
  const w0 = w(i);
  out[c++] = mix(1, 0);
  out[c++] = mix(2, w0);
  out[c++] = mix(3, w(i - 1));
  out[c++] = mix(4, w(i + 1));
  out[c++] = mix(5, w(i - 2));
  out[c++] = mix(6, w(i + 2));
  out[c++] = mix(7, w(i - 1), w0);
  out[c++] = mix(8, w0, w(i + 1));
  out[c++] = mix(9, ctx.suffix[i]!);
  out[c++] = mix(10, sh(i));
  out[c++] = mix(11, sh(i - 1) * 16 + sh(i) * 4 + sh(i + 1));
  const quoted = ctx.inQuote[i]!;
  out[c++] = mix(12, quoted);
  out[c++] = mix(13, w0, quoted);
  const s = ctx.sentence[i]!;
  if (s >= 0) {
    const first = ctx.sentenceFirst[s]!;
    const end = ctx.sentenceEnd[s]!;
    const length = end - first;
    const position = i - first;
    out[c++] = mix(14, position === 0 ? 0 : position === 1 ? 1 : Math.min(6, 2 + Math.floor((4 * position) / length)));
    out[c++] = mix(15, end - i <= 2 ? end - i : 3);
    out[c++] = mix(16, bucket(length, LENGTH_EDGES));
    out[c++] = mix(17, Math.min(s, 5));
  } else {
    out[c++] = mix(18, 0);
  }
  const content = tokens.lower[i]!.length >= 4 ? 1 : 0;
  out[c++] = mix(19, content * 8 + bucket(ctx.frequency[i]!, FREQ_EDGES));
  const pairBefore = i > 0 ? ctx.pairFrequency[i - 1]! : 0;
  const pairAfter = ctx.pairFrequency[i]!;
  out[c++] = mix(20, bucket(pairBefore, FREQ_EDGES) * 8 + bucket(pairAfter, FREQ_EDGES));
  out[c++] = mix(21, af(i) + 8);
  out[c++] = mix(22, (af(i - 1) + 8) * 32 + af(i + 1) + 8);
  out[c++] = mix(23, Math.sign(af(i - 2)) + Math.sign(af(i - 1)) * 3 + Math.sign(af(i + 1)) * 9 + Math.sign(af(i + 2)) * 27 + 40);
  out[c++] = mix(24, w(i - 3));
  out[c++] = mix(25, w(i + 3));
  out[c++] = mix(26, w0, sh(i - 1));
  // Cue groups (cue-lexicon.ts) on the token and within three tokens either side.
  let around = 0;
  for (let k = Math.max(0, i - 3); k < Math.min(n, i + 4); k++) if (k !== i) around |= ctx.cues[k]!;
  out[c++] = mix(27, ctx.cues[i]!);
  out[c++] = mix(28, around);
  // Distributional word clusters (word-clusters.ts): the token's and its neighbours'.
  const cl = (k: number): number => (k >= 0 && k < n ? ctx.cluster[k]! : -1);
  const co = (k: number): number => (k >= 0 && k < n ? coarseOf(ctx.cluster[k]!) : -1);
  out[c++] = mix(29, cl(i));
  out[c++] = mix(30, cl(i - 1));
  out[c++] = mix(31, cl(i + 1));
  out[c++] = mix(32, co(i - 1) * 128 + co(i + 1));
  out[c++] = mix(33, co(i), sh(i));
  return c - offset;
}
