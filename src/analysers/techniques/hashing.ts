/**
 * Feature hashing: a feature is a template id mixed with one or two value hashes, folded into a
 * fixed table. No feature strings are built at run time, so extracting features allocates nothing.
 */

/** FNV-1a hash of a string, as a signed 32-bit integer. */
export function hashString(value: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < value.length; i++) {
    h ^= value.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h | 0;
}

/** Mixes a template id with up to two value hashes (murmur3 finaliser). */
export function mix(template: number, a: number, b = 0): number {
  let h = Math.imul(template + 0x9e3779b9, 0x85ebca6b) ^ a;
  h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d) ^ b;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) | 0;
}

/** Hash of the string pieces of a feature template, for fixed values (e.g. bucket names). */
export const BOUNDARY = hashString('<s>');
