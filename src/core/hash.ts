/**
 * Content hashes. Pure JavaScript so core runs in a browser too: sha256 for document ids (the
 * contract), a fast 53-bit FNV-style hash for annotation ids, where speed matters more.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

/** Hex sha256 of the UTF-8 encoding of `text`. */
export function sha256Hex(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)));
}

/** A fast, well-mixed 53-bit hash of a string (cyrb53), as 11 base-36 characters. */
export function shortHash(text: string, seed = 0): string {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  return finish(h1, h2);
}

/**
 * The same hash over a string followed by integers, without building the combined string: the
 * string part is hashed once per distinct prefix and cached, so hot paths only mix the numbers.
 */
export function shortHashWithNumbers(prefix: string, numbers: readonly number[]): string {
  let state = PREFIX_STATES.get(prefix);
  if (!state) {
    let a = 0xdeadbeef;
    let b = 0x41c6ce57;
    for (let i = 0; i < prefix.length; i++) {
      const ch = prefix.charCodeAt(i);
      a = Math.imul(a ^ ch, 2654435761);
      b = Math.imul(b ^ ch, 1597334677);
    }
    state = [a, b];
    if (PREFIX_STATES.size < 10_000) PREFIX_STATES.set(prefix, state);
  }
  let [h1, h2] = state;
  for (const n of numbers) {
    h1 = Math.imul(h1 ^ (n & 0xffff), 2654435761);
    h2 = Math.imul(h2 ^ (n & 0xffff), 1597334677);
    h1 = Math.imul(h1 ^ (n >>> 16), 2654435761);
    h2 = Math.imul(h2 ^ (n >>> 16), 1597334677);
  }
  return finish(h1, h2);
}

const PREFIX_STATES = new Map<string, [number, number]>();

function finish(h1: number, h2: number): string {
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  // 53 bits as 11 base-32 digits, by table: Number#toString(36) on a double is slow on hot paths.
  let low = h1 >>> 0;
  let high = (2097151 & h2) >>> 0;
  let out = '';
  for (let i = 0; i < 6; i++) {
    out = DIGITS[low & 31]! + out;
    low >>>= 5;
  }
  // 30 bits consumed from `low`; its top 2 bits join the 21 high bits.
  high = (high << 2) | low;
  for (let i = 0; i < 5; i++) {
    out = DIGITS[high & 31]! + out;
    high >>>= 5;
  }
  return out;
}

const DIGITS = '0123456789abcdefghijklmnopqrstuv';
