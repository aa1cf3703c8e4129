/**
 * Reported (indirect) speech in one sentence without quotation marks: "X said (that) …",
 * "X told reporters (that) …", "X confirmed …", "according to X, …", "…, X said." The reported
 * content is the span; the speaker phrase is read as for direct quotes. One finding per sentence.
 */
import type { Span } from '../../core/types.js';
import { cueAt, type Attribution } from './find-attribution.js';
import { phraseAfter, phraseBefore } from './speaker-phrase.js';
import type { Token } from './tokenize.js';

/** Reported speech: the content and its attribution. */
export interface IndirectSpeech {
  content: Span;
  attribution: Attribution;
}

const TRAILING = new Set(['.', '!', '?', ';', ':', ',', '”', '"', ')']);
const MIN_CONTENT = 3;
const ADDRESSEE_DETERMINERS = new Set(['the', 'a', 'an', 'his', 'her', 'their', 'its']);

/** The content span tokens[from, to) with trailing punctuation dropped, or null when too short. */
function contentOf(tokens: readonly Token[], from: number, to: number): Span | null {
  while (to > from && TRAILING.has(tokens[to - 1]!.text)) to--;
  while (from < to && !tokens[from]!.isWord) from++;
  let words = 0;
  for (let k = from; k < to && words < MIN_CONTENT; k++) if (tokens[k]!.isWord) words++;
  return words >= MIN_CONTENT ? { start: tokens[from]!.start, end: tokens[to - 1]!.end } : null;
}

/** Finds reported speech in the tokens of one sentence. */
export function findIndirect(tokens: readonly Token[]): IndirectSpeech | null {
  const n = tokens.length;
  for (let i = 0; i < n; i++) {
    const t = tokens[i]!;
    if (!t.isWord) continue;
    if (t.lower === 'according' && tokens[i + 1]?.lower === 'to') {
      const phrase = phraseAfter(tokens, i + 1);
      if (!phrase) continue;
      const attribution: Attribution = { phrase, cue: null, cueText: 'according to', cueSpan: { start: t.start, end: tokens[i + 1]!.end }, rule: 'according-to', confidence: 0.8 };
      if (i === 0) {
        let comma = i + 2;
        while (comma < n && tokens[comma]!.text !== ',') comma++;
        const content = contentOf(tokens, comma + 1, n);
        if (content) return { content, attribution };
      } else if (tokens[i - 1]!.text === ',') {
        const content = contentOf(tokens, 0, i - 1);
        if (content) return { content, attribution };
      }
      continue;
    }
    const cue = cueAt(tokens, i);
    if (!cue || !cue.entry.indirect || t.lower.endsWith('ing')) continue;
    // "…, X said." at the end of the sentence: the content comes first.
    const comma = lastCommaBefore(tokens, i);
    const phrase = phraseBefore(tokens, i, 0);
    if (!phrase) continue;
    const startsClause = phrase.span.start === tokens[0]!.start || phrase.span.start === tokens[comma + 1]?.start;
    if (!startsClause) continue;
    if (comma > 0 && phrase.span.start === tokens[comma + 1]?.start && isClauseEnd(tokens, cue.end)) {
      const content = contentOf(tokens, 0, comma);
      if (content) return { content, attribution: { phrase, cue: cue.entry, cueText: cue.text, cueSpan: { start: t.start, end: tokens[cue.end - 1]!.end }, rule: 'cue-after', confidence: 0.75 } };
    }
    let from = cue.end;
    if (cue.entry.lemma === 'tell') {
      // told reporters / told the BBC: skip the addressee.
      let k = from;
      if (ADDRESSEE_DETERMINERS.has(tokens[k]?.lower ?? '')) k++;
      if (tokens[k]?.isCapital) while (k < n && k - from < 5 && tokens[k]!.isCapital) k++;
      else if (tokens[k]?.isWord && tokens[k]!.lower !== 'that') k++;
      if (k === from || !tokens[k - 1]!.isWord) continue;
      from = k;
    }
    for (let k = from; k < n && k - from < 6; k++) {
      if (tokens[k]!.text === ',') break;
      if (tokens[k]!.lower === 'that') {
        from = k + 1;
        break;
      }
    }
    if (!tokens[from]?.isWord) continue;
    // "wrote to the company last week", "spoke on Tuesday": a prepositional phrase, not reported words.
    if (from === cue.end && NOT_CONTENT_START.has(tokens[from]!.lower)) continue;
    const content = contentOf(tokens, from, n);
    if (content) return { content, attribution: { phrase, cue: cue.entry, cueText: cue.text, cueSpan: { start: t.start, end: tokens[cue.end - 1]!.end }, rule: 'cue-before', confidence: 0.75 } };
  }
  return null;
}

const NOT_CONTENT_START = new Set(['to', 'about', 'in', 'on', 'at', 'for', 'with', 'from', 'during', 'after', 'before', 'of', 'via', 'through', 'over', 'as', 'by', 'back', 'up', 'down']);

/** Index of the last comma before `i` in the clause, or -1. */
function lastCommaBefore(tokens: readonly Token[], i: number): number {
  for (let k = i - 1; k >= 0 && k > i - 16; k--) if (tokens[k]!.text === ',') return k;
  return -1;
}

/** Whether only a short adverbial ("on Tuesday", "in a statement") follows `from` to the sentence end. */
function isClauseEnd(tokens: readonly Token[], from: number): boolean {
  let words = 0;
  for (let k = from; k < tokens.length; k++) {
    if (tokens[k]!.isWord && ++words > 5) return false;
    if (tokens[k]!.text === ',' || tokens[k]!.lower === 'that') return false;
  }
  return true;
}
