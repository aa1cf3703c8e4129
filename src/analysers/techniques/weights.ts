/**
 * A compact JSON encoding for the hashed linear models. Each weight is one byte: an index into a
 * 256-entry codebook (1-D k-means of the table's weights, so levels sit where the weights are).
 * Tables that are mostly non-zero are stored densely; sparse ones store their non-zero rows as
 * delta varints. Both byte strings are base64, decoded with a table-driven decoder (faster than
 * atob in Node 20) into one dense Float32Array at first use; no Node-only APIs.
 */
import { MarginaliaError } from '../../core/errors.js';

/** A linear model over a hashed feature table with `classes` weights per feature. */
export interface EncodedWeights {
  bits: number;
  classes: number;
  /** The 256 weight levels; a code byte indexes this list. */
  codebook: number[];
  /** Row indices of the stored rows as delta varints, base64; empty when every row is stored. */
  rows: string;
  /** One code byte per weight, `classes` per stored row, base64. */
  codes: string;
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const LOOKUP = new Uint8Array(128);
for (let i = 0; i < ALPHABET.length; i++) LOOKUP[ALPHABET.charCodeAt(i)] = i;

/** Decodes base64 (padded, no line breaks) to bytes with a lookup table. */
export function fromBase64(value: string): Uint8Array {
  let length = value.length;
  while (length > 0 && value.charCodeAt(length - 1) === 61) length--;
  const out = new Uint8Array((length * 3) >> 2);
  let o = 0;
  let i = 0;
  for (; i + 4 <= length; i += 4) {
    const n = (LOOKUP[value.charCodeAt(i)]! << 18) | (LOOKUP[value.charCodeAt(i + 1)]! << 12) | (LOOKUP[value.charCodeAt(i + 2)]! << 6) | LOOKUP[value.charCodeAt(i + 3)]!;
    out[o++] = n >> 16;
    out[o++] = (n >> 8) & 255;
    out[o++] = n & 255;
  }
  let n = 0;
  const rest = length - i;
  for (let k = 0; k < rest; k++) n |= LOOKUP[value.charCodeAt(i + k)]! << (18 - 6 * k);
  if (rest >= 2) out[o++] = n >> 16;
  if (rest >= 3) out[o++] = (n >> 8) & 255;
  return out;
}

/** Encodes bytes as base64 without Node's Buffer. */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/**
 * Weights ready to read without expanding them: the code bytes, the levels they index, and for sparse
 * tables the stored-row number of every table row (-1 when the row is zero). Opening costs one base64
 * decode; weight `k` of table row `r` is `levels[codes[(rowIndex ? rowIndex[r] : r) * classes + k]]`.
 */
export interface CodedWeights {
  levels: Float32Array;
  codes: Uint8Array;
  rowIndex: Int32Array | null;
}

/** Opens an encoding for reading in place (no dense copy). */
export function openWeights(encoded: EncodedWeights): CodedWeights {
  const { bits, classes, codebook } = encoded;
  if (!Number.isInteger(bits) || bits < 8 || bits > 24 || !Number.isInteger(classes) || classes < 1 || codebook.length !== 256) {
    throw new MarginaliaError('E_INTERNAL', `Technique model weights have bits ${bits}, classes ${classes} and ${codebook.length} levels; expected 8..24 bits, at least one class and 256 levels.`);
  }
  const levels = Float32Array.from(codebook);
  const codes = fromBase64(encoded.codes);
  if (!encoded.rows) {
    if (codes.length !== (1 << bits) * classes) throw new MarginaliaError('E_INTERNAL', `Technique model weights hold ${codes.length} codes; expected ${(1 << bits) * classes}.`);
    return { levels, codes, rowIndex: null };
  }
  const rowIndex = new Int32Array(1 << bits).fill(-1);
  const rows = decodeRows(fromBase64(encoded.rows));
  const stored = rows.length;
  for (let i = 0; i < stored; i++) rowIndex[rows[i]!] = i;
  if (stored * classes !== codes.length) throw new MarginaliaError('E_INTERNAL', `Technique model weights store ${stored} rows and ${codes.length} codes; expected ${classes} codes per row.`);
  return { levels, codes, rowIndex };
}

/** Row numbers of the stored rows, from their delta-encoded varints. */
function decodeRows(bytes: Uint8Array): Int32Array {
  const rows: number[] = [];
  let row = 0;
  for (let i = 0; i < bytes.length; ) {
    let delta = 0;
    let shift = 0;
    let byte: number;
    do {
      byte = bytes[i++]!;
      delta |= (byte & 0x7f) << shift;
      shift += 7;
    } while (byte & 0x80);
    row += delta;
    rows.push(row);
  }
  return Int32Array.from(rows);
}

/** Dense weights (row-major, `classes` per row) from their encoding (tests and tools; the analyser reads them in place). */
export function decodeWeights(encoded: EncodedWeights): Float32Array {
  const { bits, classes, codebook } = encoded;
  if (!Number.isInteger(bits) || bits < 8 || bits > 24 || !Number.isInteger(classes) || classes < 1 || codebook.length !== 256) {
    throw new MarginaliaError('E_INTERNAL', `Technique model weights have bits ${bits}, classes ${classes} and ${codebook.length} levels; expected 8..24 bits, at least one class and 256 levels.`);
  }
  const levels = Float32Array.from(codebook);
  const dense = new Float32Array((1 << bits) * classes);
  const codes = fromBase64(encoded.codes);
  if (!encoded.rows) {
    const count = Math.min(codes.length, dense.length);
    for (let i = 0; i < count; i++) dense[i] = levels[codes[i]!]!;
    return dense;
  }
  let v = 0;
  for (const row of decodeRows(fromBase64(encoded.rows))) {
    const base = row * classes;
    for (let k = 0; k < classes; k++) dense[base + k] = levels[codes[v++]!]!;
  }
  return dense;
}

/** 256 levels by 1-D k-means over `values` (sorted copy), started at quantiles; level 0 is exactly 0. */
export function codebookOf(values: Float32Array): Float32Array {
  const sorted = Float32Array.from(values).sort();
  const levels = new Float32Array(256);
  for (let j = 1; j < 256; j++) levels[j] = sorted[Math.min(sorted.length - 1, Math.floor(((j - 0.5) * sorted.length) / 255))] ?? 0;
  for (let iteration = 0; iteration < 12; iteration++) {
    const sums = new Float64Array(256);
    const counts = new Float64Array(256);
    let j = 1;
    for (const value of sorted) {
      while (j < 255 && Math.abs(levels[j + 1]! - value) <= Math.abs(levels[j]! - value)) j++;
      sums[j]! += value;
      counts[j]!++;
    }
    for (let k = 1; k < 256; k++) if (counts[k]) levels[k] = sums[k]! / counts[k]!;
    levels.subarray(1).sort();
  }
  levels[0] = 0;
  return levels;
}

function nearest(levels: Float32Array, value: number): number {
  if (value === 0) return 0;
  let lo = 1;
  let hi = 255;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (levels[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo > 1 && Math.abs(levels[lo - 1]! - value) < Math.abs(levels[lo]! - value) ? lo - 1 : lo;
}

/** Encodes dense weights, zeroing weights below `epsilon` and dropping all-zero rows when that saves bytes. */
export function encodeWeights(dense: Float32Array, bits: number, classes: number, epsilon: number): EncodedWeights {
  const rowCount = 1 << bits;
  const kept: number[] = [];
  const nonZero: number[] = [];
  for (let row = 0; row < rowCount; row++) {
    let largest = 0;
    for (let k = 0; k < classes; k++) largest = Math.max(largest, Math.abs(dense[row * classes + k]!));
    if (largest < epsilon) continue;
    kept.push(row);
    for (let k = 0; k < classes; k++) if (Math.abs(dense[row * classes + k]!) >= epsilon) nonZero.push(dense[row * classes + k]!);
  }
  const levels = codebookOf(Float32Array.from(nonZero));
  const code = (value: number): number => (Math.abs(value) < epsilon ? 0 : nearest(levels, value));
  const codebook = Array.from(levels, (v) => Number(v.toPrecision(6)));
  const isDense = kept.length * 2 > rowCount;
  if (isDense) {
    const codes = new Uint8Array(rowCount * classes);
    for (let i = 0; i < codes.length; i++) codes[i] = code(dense[i]!);
    return { bits, classes, codebook, rows: '', codes: toBase64(codes) };
  }
  const rows: number[] = [];
  const codes = new Uint8Array(kept.length * classes);
  let previous = 0;
  kept.forEach((row, r) => {
    let delta = row - previous;
    previous = row;
    while (delta >= 0x80) {
      rows.push((delta & 0x7f) | 0x80);
      delta >>>= 7;
    }
    rows.push(delta);
    for (let k = 0; k < classes; k++) codes[r * classes + k] = code(dense[row * classes + k]!);
  });
  return { bits, classes, codebook, rows: toBase64(Uint8Array.from(rows)), codes: toBase64(codes) };
}
