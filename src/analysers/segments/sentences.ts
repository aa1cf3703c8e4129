/**
 * Sentence boundaries inside a paragraph: a terminal mark (. ! ? …), optional closing quotes or
 * brackets, white space, then something that can start a sentence. Abbreviations, initials and
 * decimal numbers do not end sentences. One pass, no backtracking.
 */
import type { Span } from '../../core/types.js';
import abbreviationList from './abbreviations.json' with { type: 'json' };

const ABBREVIATIONS = new Set(abbreviationList.abbreviations.map((a) => a.toLowerCase()));
const CLOSERS = new Set(['"', '\'', '”', '’', ')', ']', '»', '›']);
const OPENERS = /[\p{Lu}\p{N}"'“‘([«‹¿¡\p{Extended_Pictographic}@#—–-]/u;

/** Sentence spans within `span` of `text`, trimmed, covering every non-space character. */
export function splitSentences(text: string, span: Span): Span[] {
  const out: Span[] = [];
  let start = span.start;
  const end = span.end;
  for (let i = start; i < end; i++) {
    const ch = text[i]!;
    if (ch !== '.' && ch !== '!' && ch !== '?' && ch !== '…') continue;
    let j = i + 1;
    while (j < end && (text[j] === '.' || text[j] === '!' || text[j] === '?')) j++;
    while (j < end && CLOSERS.has(text[j]!)) j++;
    if (j >= end || !/\s/u.test(text[j]!)) {
      i = j - 1;
      continue;
    }
    let k = j;
    while (k < end && /\s/u.test(text[k]!)) k++;
    if (k >= end) break;
    if (ch === '.' && j === i + 1 && isAbbreviation(text, start, i)) continue;
    if (!OPENERS.test(text[k]!)) continue;
    pushTrimmed(text, out, start, j);
    start = k;
    i = k - 1;
  }
  pushTrimmed(text, out, start, end);
  return out;
}

/** Whether the word before the period at `dot` is an abbreviation or an initial. */
function isAbbreviation(text: string, floor: number, dot: number): boolean {
  let w = dot;
  while (w > floor && /[\p{L}.]/u.test(text[w - 1]!)) w--;
  const word = text.slice(w, dot);
  if (word.length === 0) return false;
  if (word.length === 1 && /\p{Lu}/u.test(word)) return true; // an initial: "J. Smith"
  if (word.includes('.')) return true; // "U.S.", "e.g."
  return ABBREVIATIONS.has(word.toLowerCase());
}

function pushTrimmed(text: string, out: Span[], start: number, end: number): void {
  while (start < end && /\s/u.test(text[start]!)) start++;
  while (end > start && /\s/u.test(text[end - 1]!)) end--;
  if (end > start) out.push({ start, end });
}
