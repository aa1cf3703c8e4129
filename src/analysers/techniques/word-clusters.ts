/**
 * The distributional word clusters of clusters.json (built by scripts/train-word-clusters.ts):
 * each known word has a coarse and a fine cluster, so the tagger can carry what it learned about
 * one word to the words used like it. Decoded on first use and shared.
 */
import clusterData from './clusters.json' with { type: 'json' };
import { hashString } from './hashing.js';
import { fromBase64 } from './weights.js';

/** Cluster code of a word: coarse × 1024 + fine + 1; 0 for an unknown word. */
export type ClusterCode = number;

interface ClusterFile {
  words: string;
  coarse: string;
  fine: string;
}

let shared: Map<number, ClusterCode> | null = null;

/**
 * The cluster code of each listed word, keyed by the word's hash (`hashString`, the hash the
 * tokenizer already computes: a number key looks up faster than a fresh string), built once.
 */
export function wordClusters(): Map<number, ClusterCode> {
  if (shared) return shared;
  const data = clusterData as ClusterFile;
  const words = data.words.split(' ');
  const coarse = fromBase64(data.coarse);
  const fine = fromBase64(data.fine);
  shared = new Map();
  words.forEach((word, i) => shared!.set(hashString(word), coarse[i]! * 1024 + (fine[2 * i]! | (fine[2 * i + 1]! << 8)) + 1));
  return shared;
}

/** Coarse cluster of a code (0 for unknown words, else 1 + cluster). */
export function coarseOf(code: ClusterCode): number {
  return code === 0 ? 0 : 1 + Math.floor((code - 1) / 1024);
}
