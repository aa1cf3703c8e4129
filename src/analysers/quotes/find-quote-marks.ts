/**
 * Pairs quotation marks into quoted spans, in one pass per paragraph: double marks first (“ ” " „
 * « » and the typewriter pairs '' and ``), then single marks (‘ ’ ' ‹ ›) outside them, telling
 * apostrophes from quotes by the characters around them. A paragraph that opens a quote without
 * closing it continues into the next when that one opens with a mark (the multi-paragraph
 * convention), or when the next one's first mark closes it (text with one sentence a line). Marks that pair with nothing are reported, not guessed at.
 */
import type { Span } from '../../core/types.js';

/** One pair of quotation marks and what they enclose. */
export interface QuotedSpan {
  /** Index of the opening mark. */
  open: number;
  /** Index just past the closing mark (or the paragraph end when the quote never closes). */
  close: number;
  /** The content without marks, trimmed of white space. */
  content: Span;
  family: 'double' | 'single';
  /** False when the quote runs to the end of its paragraph without a closing mark. */
  closed: boolean;
  /** How many paragraphs it spans (1 for most). */
  paragraphs: number;
}

/** Quoted spans and the marks that could not be paired. */
export interface QuoteMarks {
  quotes: QuotedSpan[];
  /** Marks (or unclosed openers) where the structure is ambiguous. */
  unbalanced: Span[];
}

const DOUBLE_OPEN = new Set(['“', '„', '«']);
const DOUBLE_CLOSE = new Set(['”', '»']);
const WORD = /[\p{L}\p{N}]/u;
const SPACE = /\s/u;

function isWord(ch: string | undefined): boolean {
  return ch !== undefined && (ch.charCodeAt(0) < 128 ? /[A-Za-z0-9]/.test(ch) : WORD.test(ch));
}
function isSpace(ch: string | undefined): boolean {
  return ch === undefined || ch === ' ' || ch === '\n' || ch === '\t' || ch === '\r' || (ch.charCodeAt(0) > 127 && SPACE.test(ch));
}
function isOpenContext(ch: string | undefined): boolean {
  return isSpace(ch) || ch === '(' || ch === '[' || ch === '—' || ch === '–' || ch === '-' || ch === ':' || ch === '/';
}

/**
 * How many paragraphs a quote may run on without re-opening marks before it counts as unclosed.
 * 16, not 6: in one-sentence-a-line text (PTC) a speech quoted line by line runs ten lines or more.
 * The look-ahead stops at the first double mark, so a quote that truly never closes still warns.
 */
const MAX_RUN_ON_PARAGRAPHS = 16;

/**
 * Whether an unclosed quote runs on into paragraph `p`: the first double mark in the next `budget`
 * paragraphs is a closing one (attached to the word before it), not an opener.
 */
function runsOn(text: string, paragraphs: readonly Span[], p: number, budget: number): boolean {
  for (let q = p; q < paragraphs.length && q < p + budget; q++) {
    const { start, end } = paragraphs[q]!;
    for (let i = start; i < end; i++) {
      const len = doubleMarkAt(text, i);
      if (len === 0) continue;
      const ch = text[i]!;
      if (DOUBLE_CLOSE.has(ch)) return true;
      if (DOUBLE_OPEN.has(ch) || ch === '`') return false;
      return !isSpace(text[i - 1]) && !isWord(text[i + len]);
    }
  }
  return false;
}

/** Length of the double mark at i (0 when none): 1 for one character, 2 for '' or ``. */
function doubleMarkAt(text: string, i: number): number {
  const ch = text[i]!;
  if (ch === '"' || DOUBLE_OPEN.has(ch) || DOUBLE_CLOSE.has(ch)) return 1;
  if ((ch === "'" || ch === '`') && text[i + 1] === ch) return 2;
  return 0;
}

function trimmed(text: string, start: number, end: number): Span {
  while (start < end && isSpace(text[start])) start++;
  while (end > start && isSpace(text[end - 1])) end--;
  return { start, end };
}

/** Finds every quoted span in `paragraphs` (sorted, non-overlapping); `skip[i]` leaves paragraph i out. */
export function findQuoteMarks(text: string, paragraphs: readonly Span[], skip: readonly boolean[] = []): QuoteMarks {
  const quotes: QuotedSpan[] = [];
  const unbalanced: Span[] = [];
  let open = -1;
  let openLen = 0;
  let openChar = '';
  let openParagraphs = 1;
  const push = (closeAt: number, closeLen: number, closed: boolean): void => {
    const content = trimmed(text, open + openLen, closeAt);
    if (content.end > content.start) {
      quotes.push({ open, close: closeAt + closeLen, content, family: 'double', closed, paragraphs: openParagraphs });
    }
    open = -1;
  };
  let lastParagraph = -1;
  for (let p = 0; p < paragraphs.length; p++) {
    if (skip[p]) continue;
    const { start, end } = paragraphs[p]!;
    let i = start;
    if (open >= 0) {
      // A quote left open by the previous paragraph continues if this one opens with a mark.
      const len = lastParagraph === p - 1 ? doubleMarkAt(text, i) : 0;
      if (len > 0 && !DOUBLE_CLOSE.has(text[i]!)) {
        i += len;
        openParagraphs++;
      } else if (lastParagraph === p - 1 && runsOn(text, paragraphs, p, MAX_RUN_ON_PARAGRAPHS - openParagraphs)) {
        // One sentence a line (as in some corpora): the quote runs on until its closing mark.
        openParagraphs++;
      } else {
        unbalanced.push({ start: open, end: open + openLen });
        push(paragraphs[lastParagraph]!.end, 0, false);
      }
    }
    lastParagraph = p;
    for (; i < end; i++) {
      const len = doubleMarkAt(text, i);
      if (len === 0) continue;
      const ch = text[i]!;
      const before = text[i - 1];
      const after = text[i + len];
      if (open < 0) {
        // A straight double mark after a digit is an inch mark (34" monitor): no quote, no warning.
        const isInch = ch === '"' && /[0-9]/.test(before ?? '');
        const opens =
          DOUBLE_OPEN.has(ch) ||
          (ch === '`') ||
          (DOUBLE_CLOSE.has(ch) && isOpenContext(before) && !isSpace(after)) ||
          ((ch === '"' || ch === "'") && !isSpace(after) && !isInch);
        if (opens) {
          open = i;
          openLen = len;
          openChar = ch;
          openParagraphs = 1;
        } else if (!isInch) {
          unbalanced.push({ start: i, end: i + len });
        }
      } else if (DOUBLE_CLOSE.has(ch) || ch === "'" || (ch === '"' && !(isOpenContext(before) && !isSpace(after)))) {
        push(i, len, true);
      } else if (ch === '“' && openChar === '„') {
        push(i, len, true);
      } else if ((ch === '“' || ch === '"') && !isSpace(before) && !isWord(after)) {
        push(i, len, true); // a typed closer that looks like an opener
      } else {
        // An opener while a quote is open: the earlier one never closed.
        unbalanced.push({ start: open, end: open + openLen });
        open = i;
        openLen = len;
        openChar = ch;
        openParagraphs = 1;
      }
      i += len - 1;
    }
    // An open quote waits for the next paragraph (see the top of the loop).
  }
  if (open >= 0) {
    unbalanced.push({ start: open, end: open + openLen });
    push(paragraphs[lastParagraph]!.end, 0, false);
  }
  const singles = findSingles(text, paragraphs, skip, quotes);
  return { quotes: dropNested(mergeSorted(quotes, singles)), unbalanced };
}

/** Single-quoted spans inside one paragraph, outside the double-quoted spans. */
function findSingles(text: string, paragraphs: readonly Span[], skip: readonly boolean[], doubles: readonly QuotedSpan[]): QuotedSpan[] {
  const out: QuotedSpan[] = [];
  let d = 0;
  for (let p = 0; p < paragraphs.length; p++) {
    if (skip[p]) continue;
    const { start, end } = paragraphs[p]!;
    let open = -1;
    for (let i = start; i < end; i++) {
      while (d < doubles.length && doubles[d]!.close <= i) d++;
      const inside = d < doubles.length && doubles[d]!.open <= i;
      if (inside) {
        i = Math.min(end, doubles[d]!.close) - 1;
        continue;
      }
      const ch = text[i]!;
      if (ch !== '‘' && ch !== '’' && ch !== "'" && ch !== '‹' && ch !== '›') continue;
      if (ch === "'" && (text[i + 1] === "'" || text[i - 1] === "'")) continue;
      const before = text[i - 1];
      const after = text[i + 1];
      if (open < 0) {
        if ((ch === '‘' || ch === '‹' || ch === "'") && isOpenContext(before) && isWord(after) && !isDecadeAt(text, i + 1)) open = i;
        continue;
      }
      const closes = ch === '›' || ((ch === '’' || ch === "'") && !isSpace(before) && !isWord(after) && !isPluralPossessive(text, i));
      if (closes) {
        const content = trimmed(text, open + 1, i);
        if (content.end > content.start) out.push({ open, close: i + 1, content, family: 'single', closed: true, paragraphs: 1 });
        open = -1;
      }
    }
  }
  return out;
}

/** '90s, '20s: an elided century, not a quote. */
function isDecadeAt(text: string, i: number): boolean {
  return /[0-9]/.test(text[i] ?? '') && /[0-9]/.test(text[i + 1] ?? '') && text[i + 2] === 's';
}

/** workers’ union: an apostrophe after a plural, followed by a lower-case word. */
function isPluralPossessive(text: string, i: number): boolean {
  return text[i - 1] === 's' && text[i + 1] === ' ' && /[a-z]/.test(text[i + 2] ?? '');
}

function mergeSorted(a: QuotedSpan[], b: QuotedSpan[]): QuotedSpan[] {
  if (b.length === 0) return a;
  return [...a, ...b].sort((x, y) => x.open - y.open || y.close - x.close);
}

/** Drops spans inside another span (nested quotes stay part of the outer quote). Input sorted by open. */
function dropNested(quotes: QuotedSpan[]): QuotedSpan[] {
  const out: QuotedSpan[] = [];
  let reach = -1;
  for (const quote of quotes) {
    if (quote.open < reach) continue;
    out.push(quote);
    reach = quote.close;
  }
  return out;
}
