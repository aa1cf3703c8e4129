/**
 * Distributional word vectors and clusters from raw text, for the training scripts: positive PMI
 * co-occurrence counts, a seeded randomised SVD (Halko, Martinsson & Tropp 2011) and spherical
 * k-means. Plain typed arrays, deterministic for a given seed, no dependencies.
 */
import { seededRandom } from '../src/core/random.js';

/** Sparse rows (compressed sparse row) of a words × contexts matrix. */
export interface SparseRows {
  rows: number;
  cols: number;
  offsets: Int32Array;
  index: Int32Array;
  value: Float32Array;
}

/**
 * Positive PMI matrix of words × contexts. `wordIds[d][i]` is the word row of token i of document d
 * and `contextIds[d][i]` its context column (-1: not counted). Window ±`window` with 1/distance
 * weights and context smoothing 0.75 (Levy, Goldberg & Dagan 2015).
 */
export function ppmi(wordIds: readonly Int32Array[], contextIds: readonly Int32Array[], words: number, contexts: number, window: number): SparseRows {
  const pair = new Map<number, number>();
  const wordTotal = new Float64Array(words);
  const contextTotal = new Float64Array(contexts);
  wordIds.forEach((doc, k) => {
    const ctx = contextIds[k]!;
    for (let i = 0; i < doc.length; i++) {
      const w = doc[i]!;
      if (w < 0 || w >= words) continue;
      for (let d = 1; d <= window; d++) {
        for (let side = -1; side <= 1; side += 2) {
          const j = i + side * d;
          if (j < 0 || j >= doc.length) continue;
          const c = ctx[j]!;
          if (c < 0 || c >= contexts) continue;
          const key = w * contexts + c;
          pair.set(key, (pair.get(key) ?? 0) + 1 / d);
        }
      }
    }
  });
  for (const [key, count] of pair) {
    wordTotal[Math.floor(key / contexts)]! += count;
    contextTotal[key % contexts]! += count;
  }
  let smoothed = 0;
  for (let c = 0; c < contexts; c++) smoothed += contextTotal[c]! ** 0.75;
  const keys = [...pair.keys()].sort((a, b) => a - b);
  const offsets = new Int32Array(words + 1);
  const index: number[] = [];
  const value: number[] = [];
  let row = 0;
  for (const key of keys) {
    const w = Math.floor(key / contexts);
    const c = key % contexts;
    const pmi = Math.log((pair.get(key)! * smoothed) / (wordTotal[w]! * contextTotal[c]! ** 0.75));
    if (pmi <= 0) continue;
    while (row < w) offsets[++row] = index.length;
    index.push(c);
    value.push(pmi);
  }
  while (row < words) offsets[++row] = index.length;
  return { rows: words, cols: contexts, offsets, index: Int32Array.from(index), value: Float32Array.from(value) };
}

/**
 * M·X (X is cols × k, result rows × k) or, with `transposed`, Mᵀ·X (X is rows × k, result cols × k),
 * for dense row-major X.
 */
function multiply(m: SparseRows, x: Float64Array, k: number, transposed = false): Float64Array {
  const out = new Float64Array((transposed ? m.cols : m.rows) * k);
  for (let r = 0; r < m.rows; r++) {
    for (let p = m.offsets[r]!; p < m.offsets[r + 1]!; p++) {
      const v = m.value[p]!;
      const from = transposed ? r : m.index[p]!;
      const to = transposed ? m.index[p]! : r;
      for (let j = 0; j < k; j++) out[to * k + j]! += v * x[from * k + j]!;
    }
  }
  return out;
}

/** Orthonormalises the k columns of `a` (n × k, row-major) in place (modified Gram–Schmidt). */
function orthonormalise(a: Float64Array, n: number, k: number): void {
  for (let j = 0; j < k; j++) {
    for (let q = 0; q < j; q++) {
      let dot = 0;
      for (let i = 0; i < n; i++) dot += a[i * k + j]! * a[i * k + q]!;
      for (let i = 0; i < n; i++) a[i * k + j]! -= dot * a[i * k + q]!;
    }
    let norm = 0;
    for (let i = 0; i < n; i++) norm += a[i * k + j]! ** 2;
    norm = Math.sqrt(norm) || 1;
    for (let i = 0; i < n; i++) a[i * k + j]! /= norm;
  }
}

/** Eigen-decomposition of a symmetric k × k matrix (cyclic Jacobi): eigenvalues and column eigenvectors, sorted descending. */
function symmetricEigen(s: Float64Array, k: number): { values: Float64Array; vectors: Float64Array } {
  const a = Float64Array.from(s);
  const v = new Float64Array(k * k);
  for (let i = 0; i < k; i++) v[i * k + i] = 1;
  for (let sweep = 0; sweep < 60; sweep++) {
    let off = 0;
    for (let p = 0; p < k; p++) for (let q = p + 1; q < k; q++) off += a[p * k + q]! ** 2;
    if (off < 1e-20) break;
    for (let p = 0; p < k; p++) {
      for (let q = p + 1; q < k; q++) {
        const apq = a[p * k + q]!;
        if (Math.abs(apq) < 1e-30) continue;
        const theta = (a[q * k + q]! - a[p * k + p]!) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const sn = t * c;
        for (let r = 0; r < k; r++) {
          const arp = a[r * k + p]!;
          const arq = a[r * k + q]!;
          a[r * k + p] = c * arp - sn * arq;
          a[r * k + q] = sn * arp + c * arq;
        }
        for (let r = 0; r < k; r++) {
          const apr = a[p * k + r]!;
          const aqr = a[q * k + r]!;
          a[p * k + r] = c * apr - sn * aqr;
          a[q * k + r] = sn * apr + c * aqr;
        }
        for (let r = 0; r < k; r++) {
          const vrp = v[r * k + p]!;
          const vrq = v[r * k + q]!;
          v[r * k + p] = c * vrp - sn * vrq;
          v[r * k + q] = sn * vrp + c * vrq;
        }
      }
    }
  }
  const order = [...Array(k).keys()].sort((x, y) => a[y * k + y]! - a[x * k + x]!);
  const values = new Float64Array(k);
  const vectors = new Float64Array(k * k);
  order.forEach((from, to) => {
    values[to] = a[from * k + from]!;
    for (let r = 0; r < k; r++) vectors[r * k + to] = v[r * k + from]!;
  });
  return { values, vectors };
}

/**
 * Rank-`dims` left singular vectors of `m`, scaled by the square root of their singular values and
 * normalised to unit length per row (rows × dims, row-major).
 */
export function wordVectors(m: SparseRows, dims: number, seed: number, powerIterations = 2): Float32Array {
  const k = dims + 16;
  const next = seededRandom(seed);
  const gaussian = (): number => Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
  const omega = new Float64Array(m.cols * k);
  for (let i = 0; i < omega.length; i++) omega[i] = gaussian();
  let y = multiply(m, omega, k);
  orthonormalise(y, m.rows, k);
  for (let it = 0; it < powerIterations; it++) {
    const z = multiply(m, y, k, true);
    orthonormalise(z, m.cols, k);
    y = multiply(m, z, k);
    orthonormalise(y, m.rows, k);
  }
  // B = Qᵀ M (k × cols); B Bᵀ = Qᵀ M Mᵀ Q (k × k).
  const bt = multiply(m, y, k, true); // cols × k = Bᵀ
  const bbt = new Float64Array(k * k);
  for (let c = 0; c < m.cols; c++) {
    for (let i = 0; i < k; i++) {
      const x = bt[c * k + i]!;
      if (x === 0) continue;
      for (let j = i; j < k; j++) bbt[i * k + j]! += x * bt[c * k + j]!;
    }
  }
  for (let i = 0; i < k; i++) for (let j = 0; j < i; j++) bbt[i * k + j] = bbt[j * k + i]!;
  const { values, vectors } = symmetricEigen(bbt, k);
  const out = new Float32Array(m.rows * dims);
  for (let r = 0; r < m.rows; r++) {
    let norm = 0;
    for (let d = 0; d < dims; d++) {
      let s = 0;
      for (let j = 0; j < k; j++) s += y[r * k + j]! * vectors[j * k + d]!;
      // Singular value σ = √λ; scale by √σ.
      s *= Math.max(values[d]!, 0) ** 0.25;
      out[r * dims + d] = s;
      norm += s * s;
    }
    norm = Math.sqrt(norm) || 1;
    for (let d = 0; d < dims; d++) out[r * dims + d]! /= norm;
  }
  return out;
}

/** Spherical k-means of unit rows (n × dims): cluster of each row. Seeded init from distinct rows; fixed iterations. */
export function sphericalKMeans(vectors: Float32Array, n: number, dims: number, k: number, seed: number, iterations = 15): Uint16Array {
  const next = seededRandom(seed);
  const centroids = new Float32Array(k * dims);
  const picked = new Set<number>();
  for (let c = 0; c < k; c++) {
    let r = Math.floor(next() * n);
    while (picked.has(r)) r = (r + 1) % n;
    picked.add(r);
    centroids.set(vectors.subarray(r * dims, (r + 1) * dims), c * dims);
  }
  const assign = new Uint16Array(n);
  for (let it = 0; it < iterations; it++) {
    for (let r = 0; r < n; r++) {
      let best = 0;
      let bestDot = -Infinity;
      for (let c = 0; c < k; c++) {
        let dot = 0;
        for (let d = 0; d < dims; d++) dot += vectors[r * dims + d]! * centroids[c * dims + d]!;
        if (dot > bestDot) {
          bestDot = dot;
          best = c;
        }
      }
      assign[r] = best;
    }
    const sums = new Float64Array(k * dims);
    const counts = new Int32Array(k);
    for (let r = 0; r < n; r++) {
      const c = assign[r]!;
      counts[c]!++;
      for (let d = 0; d < dims; d++) sums[c * dims + d]! += vectors[r * dims + d]!;
    }
    for (let c = 0; c < k; c++) {
      if (counts[c] === 0) continue; // keeps its old centroid
      let norm = 0;
      for (let d = 0; d < dims; d++) norm += sums[c * dims + d]! ** 2;
      norm = Math.sqrt(norm) || 1;
      for (let d = 0; d < dims; d++) centroids[c * dims + d] = sums[c * dims + d]! / norm;
    }
  }
  return assign;
}
