/**
 * Content hashes. Pure JavaScript so core runs in a browser too: sha256 for document ids (the
 * contract), and a fast 53-bit hash (cyrb53) for annotation ids, where speed and few allocations
 * matter more than cryptographic strength.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

/** Hex sha256 of the UTF-8 encoding of `text`. */
export function sha256Hex(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)));
}

/** The running state of the 53-bit hash. */
export type HashState = readonly [number, number];

/** The hash state after `text`, to be continued by `digestPair`. */
export function hashState(text: string, seed = 0): HashState {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  return [h1, h2];
}

/** A fast, well-mixed 53-bit hash of a string, as 11 base-36 characters. */
export function shortHash(text: string, seed = 0): string {
  const [h1, h2] = finalMix(...hashState(text, seed));
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36).padStart(11, '0');
}

const DIGITS = '0123456789abcdefghijklmnopqrstuv';
const ID_CODES: number[] = [];

/**
 * `tag` followed by the hash of `state` continued with two integers, as 11 base-32 digits. Built
 * with one string allocation: this runs once per annotation.
 */
export function digestPair(state: HashState, a: number, b: number, tag: string): string {
  let [h1, h2] = state;
  for (const n of [a, b]) {
    h1 = Math.imul(h1 ^ (n & 0xffff), 2654435761);
    h2 = Math.imul(h2 ^ (n & 0xffff), 1597334677);
    h1 = Math.imul(h1 ^ (n >>> 16), 2654435761);
    h2 = Math.imul(h2 ^ (n >>> 16), 1597334677);
  }
  [h1, h2] = finalMix(h1, h2);
  const codes = ID_CODES;
  codes.length = tag.length + 11;
  for (let i = 0; i < tag.length; i++) codes[i] = tag.charCodeAt(i);
  let low = h1 >>> 0;
  let at = codes.length;
  for (let i = 0; i < 6; i++, low >>>= 5) codes[--at] = DIGITS.charCodeAt(low & 31);
  // 30 bits of `low` are used; its top 2 bits join the 21 high bits of h2.
  let high = (((2097151 & h2) >>> 0) << 2) | low;
  for (let i = 0; i < 5; i++, high >>>= 5) codes[--at] = DIGITS.charCodeAt(high & 31);
  return String.fromCharCode.apply(null, codes);
}

function finalMix(h1: number, h2: number): [number, number] {
  const a = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  const b = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(a ^ (a >>> 13), 3266489909);
  return [a, b];
}
