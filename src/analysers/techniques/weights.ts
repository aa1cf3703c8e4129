/**
 * A compact JSON encoding for the hashed linear models: only the non-zero rows are stored, their
 * indices as delta varints and their weights as 16-bit integers with one scale, both in base64.
 * Decoding fills a dense Float32Array once, at factory time; no Node-only APIs.
 */
import { MarginaliaError } from '../../core/errors.js';

/** A linear model over a hashed feature table with `classes` weights per feature. */
export interface EncodedWeights {
  bits: number;
  classes: number;
  scale: number;
  /** Row indices, delta-encoded varints, base64. */
  rows: string;
  /** Int16 little-endian weights, `classes` per row, base64. */
  values: string;
}

/** Decodes base64 to bytes with the platform's atob (browsers and Node 16+). */
function fromBase64(value: string): Uint8Array {
  const binary = atob(value);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

/** Encodes bytes as base64 without Node's Buffer. */
function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Dense weights (row-major, `classes` per row) from their encoding. */
export function decodeWeights(encoded: EncodedWeights): Float32Array {
  const { bits, classes, scale } = encoded;
  if (!Number.isInteger(bits) || bits < 8 || bits > 24 || !Number.isInteger(classes) || classes < 1) {
    throw new MarginaliaError('E_INTERNAL', `Technique model weights have bits ${bits} and classes ${classes}; expected 8..24 bits and at least one class.`);
  }
  const dense = new Float32Array((1 << bits) * classes);
  const rowBytes = fromBase64(encoded.rows);
  const valueBytes = fromBase64(encoded.values);
  const values = new Int16Array(valueBytes.buffer, valueBytes.byteOffset, valueBytes.byteLength >> 1);
  let row = 0;
  let v = 0;
  for (let i = 0; i < rowBytes.length; ) {
    let delta = 0;
    let shift = 0;
    let byte: number;
    do {
      byte = rowBytes[i++]!;
      delta |= (byte & 0x7f) << shift;
      shift += 7;
    } while (byte & 0x80);
    row += delta;
    for (let k = 0; k < classes; k++) dense[row * classes + k] = values[v++]! * scale;
  }
  return dense;
}

/** Encodes dense weights, dropping rows whose largest absolute weight is below `epsilon`. */
export function encodeWeights(dense: Float32Array, bits: number, classes: number, epsilon: number): EncodedWeights {
  let max = 0;
  for (const value of dense) max = Math.max(max, Math.abs(value));
  const scale = max > 0 ? max / 32767 : 1;
  const rows: number[] = [];
  const values: number[] = [];
  let previous = 0;
  for (let row = 0; row < 1 << bits; row++) {
    let largest = 0;
    for (let k = 0; k < classes; k++) largest = Math.max(largest, Math.abs(dense[row * classes + k]!));
    if (largest < epsilon) continue;
    let delta = row - previous;
    previous = row;
    while (delta >= 0x80) {
      rows.push((delta & 0x7f) | 0x80);
      delta >>>= 7;
    }
    rows.push(delta);
    for (let k = 0; k < classes; k++) values.push(Math.round(dense[row * classes + k]! / scale));
  }
  const valueBytes = new Uint8Array(new Int16Array(values).buffer);
  return { bits, classes, scale, rows: toBase64(Uint8Array.from(rows)), values: toBase64(valueBytes) };
}
