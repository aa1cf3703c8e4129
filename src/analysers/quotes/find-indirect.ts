/**
 * Reported (indirect) speech in one sentence without quotation marks: "X said (that) …",
 * "X told reporters (that) …", "X confirmed …", "according to X, …", "…, X said." The reported
 * content is the span; the speaker phrase is read as for direct quotes. One finding per sentence.
 */
import type { Span } from '../../core/types.js';
import { cueAt, type Attribution } from './find-attribution.js';
import { phraseAfter, phraseBefore, subjectPhrase, type SpeakerPhrase } from './speaker-phrase.js';
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

/**
 * Finds reported speech in the tokens of one sentence: one finding, or two when a "…, X said (on
 * Tuesday)," clause is followed by another attribution ("…, officials said, and forecasters warned that …").
 */
export function findIndirect(tokens: readonly Token[]): IndirectSpeech[] {
  const found: IndirectSpeech[] = [];
  let begin = 0;
  while (begin < tokens.length && found.length < 2) {
    const next = findFrom(tokens, begin);
    if (!next) break;
    found.push(next.speech);
    if (next.resume < 0) break;
    begin = next.resume;
  }
  return found;
}

/** The first reported speech in the clause that starts at `begin`, and where to look for another (-1: nowhere). */
function findFrom(tokens: readonly Token[], begin: number): { speech: IndirectSpeech; resume: number } | null {
  const n = tokens.length;
  const once = (speech: IndirectSpeech | null): { speech: IndirectSpeech; resume: number } | null => (speech ? { speech, resume: -1 } : null);
  for (let i = begin; i < n; i++) {
    const t = tokens[i]!;
    if (!t.isWord) continue;
    if (t.lower === 'according' && tokens[i + 1]?.lower === 'to') {
      const phrase = phraseAfter(tokens, i + 1);
      if (!phrase) continue;
      const attribution: Attribution = { phrase, cue: null, cueText: 'according to', cueSpan: { start: t.start, end: tokens[i + 1]!.end }, rule: 'according-to', confidence: 0.8 };
      if (i === begin) {
        let comma = i + 2;
        while (comma < n && tokens[comma]!.text !== ',') comma++;
        const content = contentOf(tokens, comma + 1, n);
        if (content) return once({ content, attribution });
      } else if (tokens[i - 1]!.text === ',') {
        const content = contentOf(tokens, begin, i - 1);
        if (content) return once({ content, attribution });
      }
      continue;
    }
    const cue = cueAt(tokens, i);
    if (!cue || !cue.entry.indirect) continue;
    // "X denied it, telling parliament the plan …": a participle after a comma speaks for the clause's subject.
    const participle = t.lower.endsWith('ing');
    if (participle && (tokens[i - 1]?.text !== ',' || i - 1 <= begin)) continue;
    // "…, X said." at the end of the sentence: the content comes first.
    const comma = lastCommaBefore(tokens, i, begin);
    const phrase = participle ? subjectPhrase(tokens, begin, i - 1) : phraseBefore(tokens, i, begin);
    if (!phrase || isImpersonal(tokens, phrase, i)) continue;
    // The phrase opens the clause: at its start, after a comma, or after ", and" / ", but".
    const opener = comma >= begin && COORDINATORS.has(tokens[comma + 1]?.lower ?? '') ? comma + 2 : comma + 1;
    const startsClause = participle || phrase.span.start === tokens[begin]!.start || (comma >= begin && phrase.span.start === tokens[opener]?.start);
    if (!startsClause) continue;
    const clauseEnd = comma > begin && opener === comma + 1 && phrase.span.start === tokens[comma + 1]?.start ? attributionEnd(tokens, cue.end) : -1;
    if (clauseEnd >= 0) {
      const content = contentOf(tokens, begin, comma);
      const speech = content && { content, attribution: { phrase, cue: cue.entry, cueText: cue.text, cueSpan: { start: t.start, end: tokens[cue.end - 1]!.end }, rule: 'cue-after' as const, confidence: 0.75 } };
      if (speech) return { speech, resume: clauseEnd < n ? clauseEnd + 2 : -1 };
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
    // …and "told her doctor in 2017 about …": after the addressee, a preposition is no reported content either.
    if ((from === cue.end || cue.entry.lemma === 'tell') && NOT_CONTENT_START.has(tokens[from]!.lower)) continue;
    // "denied it, telling …": a pronoun object, not reported words.
    if (OBJECT_PRONOUNS.has(tokens[from]!.lower) && (from + 1 >= n || !tokens[from + 1]!.isWord)) continue;
    // "denied the claim, telling the council …": a short object, then the participle that reports.
    if (participleAfterObject(tokens, from)) continue;
    const content = contentOf(tokens, from, n);
    if (content) return once({ content, attribution: { phrase, cue: cue.entry, cueText: cue.text, cueSpan: { start: t.start, end: tokens[cue.end - 1]!.end }, rule: 'cue-before', confidence: 0.75 } });
  }
  return null;
}

const OBJECT_PRONOUNS = new Set(['it', 'this', 'that', 'so', 'them', 'him', 'her', 'everything', 'nothing']);
const NOT_CONTENT_START = new Set(['to', 'about', 'in', 'on', 'at', 'for', 'with', 'from', 'during', 'after', 'before', 'of', 'via', 'through', 'over', 'as', 'by', 'back', 'up', 'down']);

/** Whether a short phrase (at most four words) from `from` ends at a comma before a reporting participle. */
function participleAfterObject(tokens: readonly Token[], from: number): boolean {
  for (let k = from + 1; k < tokens.length && k <= from + 4; k++) {
    if (tokens[k]!.text !== ',') continue;
    const next = tokens[k + 1];
    return next !== undefined && next.lower.endsWith('ing') && cueAt(tokens, k + 1)?.entry.indirect === true;
  }
  return false;
}

const BE_FORMS = new Set(['is', 'was', 'are', 'were', 'been', 'be', 'being']);

/** "It is believed that …", "it was reported …": an impersonal passive names no speaker (a hedge, not a quote). */
function isImpersonal(tokens: readonly Token[], phrase: SpeakerPhrase, cue: number): boolean {
  if (phrase.kind !== 'pronoun' || phrase.speaker.toLowerCase() !== 'it') return false;
  for (let k = cue - 1; k >= 0 && k >= cue - 3; k--) if (BE_FORMS.has(tokens[k]!.lower)) return true;
  return false;
}

/** Words that join a second clause after a comma ("…, and forecasters warned that …"). */
const COORDINATORS = new Set(['and', 'but', 'while']);

/** Index of the last comma before `i` in the clause from `begin`, or -1. */
function lastCommaBefore(tokens: readonly Token[], i: number, begin: number): number {
  for (let k = i - 1; k >= begin && k > i - 16; k--) if (tokens[k]!.text === ',') return k;
  return -1;
}

/**
 * Where a "…, X said" attribution ends when only a short adverbial ("on Tuesday", "in a statement")
 * follows the cue: the sentence's end (its length), or the comma before a coordinator that opens the
 * next clause ("…, officials said on Wednesday, and …"). -1 when more follows.
 */
function attributionEnd(tokens: readonly Token[], from: number): number {
  let words = 0;
  for (let k = from; k < tokens.length; k++) {
    if (tokens[k]!.isWord && ++words > 5) return -1;
    if (tokens[k]!.text === ',') return COORDINATORS.has(tokens[k + 1]?.lower ?? '') ? k : -1;
    if (tokens[k]!.lower === 'that') return -1;
  }
  return tokens.length;
}
