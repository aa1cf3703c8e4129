/**
 * Features of a claim unit for the check-worthiness model, hashed into 2^FEATURE_BITS slots: word
 * unigrams and bigrams (numbers folded to <num> or <year>), character 3- and 4-grams, word suffixes,
 * and a few dense cues —
 * numbers, named actors (capitalised words past the first), comparatives and superlatives, causal
 * connectives, modality and tense, hedges, first and second person, questions, length. The vector
 * is scaled to a fixed L2 norm (bias aside), so a long unit does not score high for length. The same
 * code serves training (scripts/train-claims.ts) and the analyser, so the two cannot drift apart.
 */
import type { Cue, CueGroup } from './cues.js';
import { NUMBER, PUNCT, type Token } from './tokens.js';

/** Bits of the hashed feature space: 2^16 weights. */
export const FEATURE_BITS = 16;
const MASK = (1 << FEATURE_BITS) - 1;

/** A sparse feature vector in reusable typed arrays; `length` entries are valid. */
export interface FeatureVector {
  indices: Int32Array;
  values: Float32Array;
  length: number;
}

/** An empty vector with room for `capacity` features (it grows when needed). */
export function createFeatureVector(capacity = 512): FeatureVector {
  return { indices: new Int32Array(capacity), values: new Float32Array(capacity), length: 0 };
}

/** 32-bit FNV-1a of a string, from `seed`. */
export function hashString(text: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function mix(a: number, b: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ b;
  h = Math.imul(h ^ (h >>> 15), 0xc2b2ae35);
  return (h ^ (h >>> 13)) >>> 0;
}

function push(vector: FeatureVector, hash: number, value: number): void {
  if (vector.length === vector.indices.length) {
    const indices = new Int32Array(vector.length * 2);
    const values = new Float32Array(vector.length * 2);
    indices.set(vector.indices);
    values.set(vector.values);
    vector.indices = indices;
    vector.values = values;
  }
  vector.indices[vector.length] = hash & MASK;
  vector.values[vector.length++] = value;
}

const SEED_WORD = hashString('w:');
const SEED_SUFFIX = hashString('s:');
const SEED_CHAR = hashString('c:');

/** Character 3- and 4-grams of a word marked at both ends (^word$), at half weight; no substrings allocated. */
function charGrams(out: FeatureVector, word: string): void {
  const last = word.length + 1;
  for (let i = 0; i + 2 <= last; i++) {
    let h = SEED_CHAR;
    for (let k = i; k < i + 3; k++) h = Math.imul(h ^ (k === 0 ? 94 : k === last ? 36 : word.charCodeAt(k - 1)), 0x01000193);
    push(out, h >>> 0, 0.5);
    if (i + 3 <= last) push(out, Math.imul(h ^ (i + 3 === last ? 36 : word.charCodeAt(i + 2)), 0x01000193) >>> 0, 0.5);
  }
}

const START = hashString('<s>');
const BIAS = hashString('bias');
const NUM = hashString('<num>', SEED_WORD);
const YEAR = hashString('<year>', SEED_WORD);
const GROUP_HASH: Readonly<Record<CueGroup, number>> = {
  hedge: hashString('g:hedge'),
  cue: hashString('g:cue'),
  according: hashString('g:according'),
  judgement: hashString('g:judgement'),
  obligation: hashString('g:obligation'),
  evaluative: hashString('g:evaluative'),
  quantity: hashString('g:quantity'),
  comparison: hashString('g:comparison'),
  causal: hashString('g:causal'),
  prediction: hashString('g:prediction'),
  event: hashString('g:event'),
};
const DENSE = {
  number: hashString('d:number'),
  year: hashString('d:year'),
  actor: hashString('d:actor'),
  firstPerson: hashString('d:first-person'),
  secondPerson: hashString('d:second-person'),
  question: hashString('d:question'),
  short: hashString('d:short'),
  long: hashString('d:long'),
};
const FIRST_PERSON = new Set(['i', 'we', 'me', 'us', 'my', 'our', 'mine', 'ours', "i'm", "we're", "i've", "we've"]);
const SECOND_PERSON = new Set(['you', 'your', 'yours', "you're", "you've"]);

function isYear(token: Token): boolean {
  if (token.lower.length !== 4) return false;
  const n = Number(token.lower);
  return n >= 1800 && n <= 2099;
}

/**
 * Writes the features of tokens [from, to) into `out` (reset first). `cues` are the cues of that
 * range (see cuesIn). `end` is the token after the unit, read for a closing question mark.
 */
export function extractFeatures(tokens: readonly Token[], from: number, to: number, cues: readonly Cue[], out: FeatureVector): void {
  out.length = 0;
  push(out, BIAS, 1);
  let previous = START;
  let words = 0;
  let numbers = 0;
  let years = 0;
  let actors = 0;
  let first = 0;
  let second = 0;
  for (let i = from; i < to; i++) {
    const token = tokens[i]!;
    let hash: number;
    if (token.type === NUMBER) {
      const year = isYear(token);
      hash = year ? YEAR : NUM;
      if (year) years++;
      else numbers++;
    } else {
      hash = hashString(token.lower, SEED_WORD);
      if (token.type !== PUNCT) {
        if (token.isCapitalised && i > from) actors++;
        if (FIRST_PERSON.has(token.lower)) first++;
        else if (SECOND_PERSON.has(token.lower)) second++;
        if (token.lower.length >= 6) push(out, hashString(token.lower.slice(-3), SEED_SUFFIX), 1);
        charGrams(out, token.lower);
      }
    }
    if (token.type !== PUNCT) words++;
    push(out, hash, 1);
    push(out, mix(previous, hash), 1);
    previous = hash;
  }
  for (const cue of cues) push(out, GROUP_HASH[cue.group], 1);
  if (numbers) push(out, DENSE.number, Math.min(3, numbers));
  if (years) push(out, DENSE.year, 1);
  if (actors) push(out, DENSE.actor, Math.log1p(actors));
  if (first) push(out, DENSE.firstPerson, 1);
  if (second) push(out, DENSE.secondPerson, 1);
  if (to < tokens.length && tokens[to]!.lower === '?') push(out, DENSE.question, 1);
  if (words < 8) push(out, DENSE.short, 1);
  if (words > 30) push(out, DENSE.long, 1);
  normalise(out);
}

/** L2 norm every vector is scaled to (bias aside): long and short units weigh alike. */
const NORM = 3;

/** Scales the features after the bias (index 0) to an L2 norm of NORM. */
function normalise(out: FeatureVector): void {
  let squares = 0;
  for (let k = 1; k < out.length; k++) squares += out.values[k]! * out.values[k]!;
  if (squares === 0) return;
  const factor = NORM / Math.sqrt(squares);
  for (let k = 1; k < out.length; k++) out.values[k]! *= factor;
}

/** Dot product of a feature vector with a weight array. */
export function dot(vector: FeatureVector, weights: Float32Array | Float64Array): number {
  let sum = 0;
  for (let k = 0; k < vector.length; k++) sum += weights[vector.indices[k]!]! * vector.values[k]!;
  return sum;
}
