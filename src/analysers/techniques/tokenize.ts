/**
 * Word and punctuation tokens with UTF-16 offsets, in one pass over the text and without regexes on
 * the hot path. A word is a run of letters, digits and marks, with an apostrophe or hyphen allowed
 * between two word characters ("don't", "so-called"); every other non-space character is its own token.
 */
import { hashString } from './hashing.js';

/** Token shapes, used as features. */
export const SHAPE = { lower: 0, capitalised: 1, upper: 2, number: 3, punct: 4, quote: 5 } as const;

/** One of the SHAPE values. */
export type Shape = (typeof SHAPE)[keyof typeof SHAPE];

/** The tokens of a text as parallel arrays (few allocations, linear memory). */
export interface Tokens {
  count: number;
  start: number[];
  end: number[];
  /** Lower-cased form of each token. */
  lower: string[];
  /** Hash of `lower`. */
  hash: number[];
  shape: Shape[];
}

const LETTER = /[\p{L}\p{N}\p{M}]/u;
const QUOTES = new Set([34, 39, 0x201c, 0x201d, 0x2018, 0x2019, 0xab, 0xbb, 0x201e]);

/** Whether the code unit at `i` of `text` belongs to a word. ASCII fast path, then a one-character test. */
function isWordChar(text: string, code: number, i: number): boolean {
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57);
  if (code >= 0xd800 && code <= 0xdfff) return false;
  return LETTER.test(text[i]!);
}

function isSpace(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13) || code === 0xa0 || code === 0xfeff || (code >= 0x2000 && code <= 0x200b) || code === 0x2028 || code === 0x2029 || code === 0x3000;
}

/** Tokenises `text[from, to)`. Linear in its length. */
export function tokenize(text: string, from = 0, to = text.length): Tokens {
  const tokens: Tokens = { count: 0, start: [], end: [], lower: [], hash: [], shape: [] };
  let i = from;
  while (i < to) {
    const code = text.charCodeAt(i);
    if (isSpace(code)) {
      i++;
      continue;
    }
    const start = i;
    if (isWordChar(text, code, i)) {
      i++;
      while (i < to) {
        const c = text.charCodeAt(i);
        if (isWordChar(text, c, i)) i++;
        else if ((c === 39 || c === 0x2019 || c === 45) && i + 1 < to && isWordChar(text, text.charCodeAt(i + 1), i + 1)) i += 2;
        else break;
      }
    } else {
      // A surrogate pair (emoji) stays one token.
      i += code >= 0xd800 && code <= 0xdbff && i + 1 < to ? 2 : 1;
    }
    push(tokens, text, start, i);
  }
  return tokens;
}

function push(tokens: Tokens, text: string, start: number, end: number): void {
  const raw = text.slice(start, end);
  const lower = raw.toLowerCase();
  tokens.start.push(start);
  tokens.end.push(end);
  tokens.lower.push(lower);
  tokens.hash.push(hashString(lower));
  tokens.shape.push(shapeOf(raw, lower));
  tokens.count++;
}

function shapeOf(raw: string, lower: string): Shape {
  const first = raw.charCodeAt(0);
  if (raw.length === 1 && QUOTES.has(first)) return SHAPE.quote;
  if (first >= 48 && first <= 57) return SHAPE.number;
  if (raw === lower) return raw.toUpperCase() === raw ? SHAPE.punct : SHAPE.lower;
  if (raw.length > 1 && raw.toUpperCase() === raw) return SHAPE.upper;
  return SHAPE.capitalised;
}
