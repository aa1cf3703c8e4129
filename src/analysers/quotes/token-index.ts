/**
 * Tokens of a document shared by every step of the quotes analyser: each paragraph is tokenized
 * once, on first use, and any stretch of text (the clause before a quote, the words after it, a
 * sentence read for reported speech or for a pronoun's antecedent) is a slice of those tokens,
 * found by binary search. This keeps the cost linear however many quotes share a paragraph.
 */
import type { Span } from '../../core/types.js';
import { tokenize, type Token } from './tokenize.js';

/** The tokens of a document, tokenized per paragraph on demand. */
export interface TokenIndex {
  /** The tokens that lie wholly inside [start, end), in order. */
  range(start: number, end: number): Token[];
}

/** Index of the first token in `tokens` whose start is at or after `at`. */
function firstAtOrAfter(tokens: readonly Token[], at: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.start < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the first paragraph whose end is after `at` (paragraphs in text order). */
function paragraphAt(paragraphs: readonly Span[], at: number): number {
  let lo = 0;
  let hi = paragraphs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (paragraphs[mid]!.end <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Creates the shared token index of `text` over its paragraphs (sorted, not overlapping). */
export function createTokenIndex(text: string, paragraphs: readonly Span[]): TokenIndex {
  const cache: (Token[] | undefined)[] = new Array<Token[] | undefined>(paragraphs.length);
  const tokensOf = (p: number): Token[] => {
    let tokens = cache[p];
    if (!tokens) {
      tokens = tokenize(text, paragraphs[p]!.start, paragraphs[p]!.end);
      cache[p] = tokens;
    }
    return tokens;
  };
  return {
    range(start, end) {
      if (end <= start) return [];
      let p = paragraphAt(paragraphs, start);
      // Text outside the paragraphs (or a stretch that begins before one): tokenize it directly.
      if (p >= paragraphs.length || paragraphs[p]!.start > start) return tokenize(text, start, end);
      let out: Token[] | null = null;
      let at = start;
      for (; p < paragraphs.length && at < end; p++) {
        const paragraph = paragraphs[p]!;
        if (paragraph.start > at) {
          // A gap between paragraphs: only white space is expected there, but read it to be safe.
          const gap = tokenize(text, at, Math.min(paragraph.start, end));
          out = out ? out.concat(gap) : gap;
          at = paragraph.start;
          if (at >= end) break;
        }
        const tokens = tokensOf(p);
        const from = firstAtOrAfter(tokens, at);
        let to = from;
        while (to < tokens.length && tokens[to]!.end <= end) to++;
        const part = tokens.slice(from, to);
        out = out ? out.concat(part) : part;
        at = paragraph.end;
      }
      if (at < end) {
        const rest = tokenize(text, at, end);
        out = out ? out.concat(rest) : rest;
      }
      return out ?? [];
    },
  };
}
