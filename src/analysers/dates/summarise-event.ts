/**
 * The event a date governs, summarised as "who did what": the clause of the sentence that holds
 * the date (cut at semicolons, dashes, relative pronouns and subordinators), without the date
 * itself, its preposition, leading discourse markers and a leading adverbial phrase, with a
 * relative pronoun replaced by the name it refers to, trimmed to a few words. Works in a window
 * around the date, so a 100,000-character sentence costs no more than a short one.
 */
import type { Span } from '../../core/types.js';

/** An event's clause and its summary. */
export interface EventSummary {
  span: Span;
  summary: string;
}

/** Marks that end a clause: the cut falls at `offset` characters into the mark. */
const BOUNDARIES: readonly { mark: string; offset: number }[] = [
  { mark: '; ', offset: 1 }, { mark: ': ', offset: 1 }, { mark: ' — ', offset: 2 }, { mark: ' – ', offset: 2 },
  { mark: ', which ', offset: 1 }, { mark: ', who ', offset: 1 }, { mark: ', whose ', offset: 1 }, { mark: ', whom ', offset: 1 },
  { mark: ' who ', offset: 0 }, { mark: ' which ', offset: 0 }, { mark: ', both of whom ', offset: 1 }, { mark: ', all of whom ', offset: 1 }, { mark: ', where ', offset: 1 },
  { mark: ' when ', offset: 0 }, { mark: ' while ', offset: 0 }, { mark: ' because ', offset: 0 }, { mark: ' although ', offset: 0 },
  { mark: ' until ', offset: 0 }, { mark: ' after ', offset: 0 }, { mark: ' before ', offset: 0 }, { mark: ', but ', offset: 1 }, { mark: ', and ', offset: 1 },
];
const PREPOSITIONS = new Set(['in', 'on', 'at', 'since', 'by', 'during', 'from', 'until', 'till', 'of', 'around', 'circa', 'back', 'as', 'early', 'late', 'throughout']);
const DISCOURSE = ['but', 'and', 'then', 'indeed', 'in fact', 'however', 'also', 'so', 'meanwhile', 'yet', 'still', 'moreover', 'furthermore', 'finally', 'thus'];
const SUBORDINATORS = ['later', 'subsequently', 'after', 'before', 'when', 'while', 'until', 'because', 'although', 'though', 'where'];
const ADVERBIAL_STARTS = new Set([
  'rather', 'although', 'while', 'when', 'despite', 'instead', 'unlike', 'as', 'if', 'though', 'because', 'for', 'by', 'with',
  'from', 'in', 'on', 'after', 'before', 'during', 'following', 'according', 'given', 'having', 'since', 'once', 'at',
]);
const NAME_PARTICLES = new Set(['and', 'al', 'bin', 'ibn', 'de', 'van', 'von', 'der', 'la', 'le', 'du', 'da', 'di', 'of']);
const WINDOW = 200;
const MAX_WORDS = 16;
const EDGE = /^[\s"'“”‘’«»,;:([)\]—–-]+|[\s"'“”‘’«»,;:([)\]—–-]+$/gu;

/** The event `date` governs inside `sentence`, or null when nothing but the date is there. */
export function summariseEvent(text: string, sentence: Span, date: Span, isAttributive: boolean): EventSummary | null {
  const from = Math.max(sentence.start, date.start - WINDOW);
  const to = Math.min(sentence.end, date.end + WINDOW);
  const window = text.slice(from, to);
  const cuts = clauseCuts(window, date.start - from, date.end - from);
  let segStart = 0;
  let segEnd = window.length;
  for (const cut of cuts) {
    if (cut <= date.start - from) segStart = cut;
    else if (cut >= date.end - from && cut < segEnd) segEnd = cut;
  }
  // The window cut into the sentence, so the clause start is out of sight: start after the last
  // comma before the date (the end of a long adverbial), else at the first whole word.
  if (segStart === 0 && from > sentence.start) segStart = truncatedStart(window.slice(0, date.start - from));
  if (isAttributive) {
    const phrase = firstWords(window.slice(date.start - from, segEnd).split(',')[0]!, 10);
    return phrase.words > 1 ? { span: trimmedSpan(text, date.start, from + segEnd), summary: `the ${phrase.text}` } : null;
  }
  const laterCuts = cuts.filter((cut) => cut > segEnd);
  let summary = summaryOf(window, segStart, segEnd, date.start - from, date.end - from);
  // "In 2006, after the floods, the town rebuilt …": the date's own clause is only the date; read on.
  for (let k = 0; countWords(summary) < 3 && k <= laterCuts.length; k++) {
    segEnd = laterCuts[k] ?? window.length;
    summary = summaryOf(window, segStart, segEnd, date.start - from, date.end - from);
  }
  const words = firstWords(cutAtComma(summary), MAX_WORDS);
  if (words.words < 2) return null;
  return { span: trimmedSpan(text, from + segStart, from + segEnd), summary: words.text };
}

/** Where a clause whose start lies before the window begins: after its last comma, else at a word. */
function truncatedStart(left: string): number {
  const comma = left.lastIndexOf(', ');
  if (comma !== -1 && countWords(left.slice(comma + 2)) >= 2) return comma + 2;
  const space = left.search(/\s/u);
  return space === -1 ? 0 : space + 1;
}

/** "on Sunday night": the part of the day goes with the date. */
const TIME_OF_DAY = /^\s+(?:night|morning|afternoon|evening)\b/u;
/** "the flood defences, built in the 1970s, were …": a participle in an aside, the date its only complement. */
const ASIDE_PARTICIPLE = /^(?:\p{L}+ed|built|begun|made|written|won|held|drawn|sold|founded|born|seen|known|taken|given)$/u;
const NP_DETERMINERS = new Set(['the', 'a', 'an', 'its', 'their', 'his', 'her', 'our', 'this', 'that', 'these', 'those']);

/** The clause window[segStart, segEnd) without the date, cleaned at the start. */
function summaryOf(window: string, segStart: number, segEnd: number, dateStart: number, dateEnd: number): string {
  const left = dropTrailingPreposition(window.slice(segStart, dateStart));
  const aside = asideSummary(left, window.slice(dateEnd, segEnd));
  if (aside) return aside;
  const right = window.slice(dateEnd, segEnd).replace(/^[\s,]+/u, ' ').replace(TIME_OF_DAY, '');
  const summary = cleanStart(left.replace(/\s+/gu, ' '), right.replace(/\s+/gu, ' '));
  if (!/^(who|whom|which|whose|both of whom|all of whom)\b/i.test(summary)) return summary;
  const antecedent = trailingName(window.slice(0, segStart));
  return antecedent ? summary.replace(/^(both of whom|all of whom|who|whom|which|whose)\b/i, antecedent) : summary;
}

/**
 * "the flood defences, built (in the 1970s), were …" → "the flood defences built": when the date
 * completes a participle set off by commas, the event is the noun phrase before the comma and the
 * participle, not the sentence around them. Null when the date is not in such an aside.
 */
function asideSummary(left: string, right: string): string | null {
  if (!/^\s*,/u.test(right)) return null;
  const comma = left.lastIndexOf(', ');
  if (comma === -1) return null;
  const participle = left.slice(comma + 2).trim();
  if (!ASIDE_PARTICIPLE.test(participle)) return null;
  const before = left.slice(0, comma).trim().split(/\s+/u);
  let from = before.length - 1;
  for (let k = before.length - 1; k >= 0 && k >= before.length - 5; k--) {
    if (NP_DETERMINERS.has(before[k]!.toLowerCase())) {
      from = k;
      break;
    }
  }
  const phrase = before.slice(from).join(' ');
  return /\p{L}/u.test(phrase) ? `${phrase} ${participle}` : null;
}

function countWords(s: string): number {
  return s.split(' ').filter((w) => /\p{L}/u.test(w)).length;
}

/** Offsets in `window` where a clause ends, ignoring marks inside the date itself. */
function clauseCuts(window: string, dateStart: number, dateEnd: number): number[] {
  const cuts: number[] = [];
  for (const { mark, offset } of BOUNDARIES) {
    for (let at = window.indexOf(mark); at !== -1; at = window.indexOf(mark, at + 1)) {
      const cut = at + offset;
      if (cut > dateStart && cut < dateEnd) continue;
      cuts.push(cut);
    }
  }
  return cuts.sort((a, b) => a - b);
}

function dropTrailingPreposition(left: string): string {
  let trimmed = left.trimEnd();
  if (/(^|\s)the$/iu.test(trimmed)) trimmed = trimmed.slice(0, -3).trimEnd();
  const lastSpace = trimmed.lastIndexOf(' ');
  const word = trimmed.slice(lastSpace + 1).toLowerCase().replace(/^[“"‘(]+/u, '');
  if (!PREPOSITIONS.has(word)) return trimmed;
  const rest = trimmed.slice(0, lastSpace + 1);
  // "back in 2006", "as early as 1990": one more word.
  const before = rest.trimEnd();
  const prev = before.slice(before.lastIndexOf(' ') + 1).toLowerCase();
  return prev === 'back' || prev === 'as' ? before.slice(0, before.lastIndexOf(' ') + 1) : rest;
}

/**
 * Joins the parts before and after the date, stripping punctuation, discourse markers, a leading
 * adverbial phrase (up to its last comma before the date) and a subordinator from the start.
 */
function cleanStart(left: string, right: string): string {
  let head = stripMarkers(left.replace(EDGE, ''), DISCOURSE);
  const firstWord = head.slice(0, head.indexOf(' ') === -1 ? head.length : head.indexOf(' ')).toLowerCase();
  const comma = head.lastIndexOf(', ', 300);
  if (ADVERBIAL_STARTS.has(firstWord) && comma !== -1 && head.slice(comma + 2).split(' ').length >= 2) head = head.slice(comma + 2);
  const joined = `${head} ${right}`.replace(/\s+/gu, ' ').replace(/ ([.,;:!?])/gu, '$1');
  let s = stripMarkers(joined.replace(EDGE, ''), DISCOURSE);
  // The date opened the clause ("In 2006, after the floods, the town …"): skip the adverbial after it.
  const first = s.slice(0, Math.max(0, s.indexOf(' '))).toLowerCase();
  const firstComma = s.indexOf(', ');
  if (head.trim() === '' && ADVERBIAL_STARTS.has(first) && firstComma !== -1 && s.slice(firstComma + 2).split(' ').length >= 3) {
    s = s.slice(firstComma + 2);
  }
  return stripMarkers(s, SUBORDINATORS).replace(EDGE, '');
}

function stripMarkers(summary: string, markers: readonly string[]): string {
  let s = summary;
  for (let round = 0; round < 4; round++) {
    const lower = s.toLowerCase();
    const marker = markers.find((m) => lower.startsWith(m) && /^(?:[\s,]|$)/u.test(s.slice(m.length, m.length + 1)));
    if (!marker) break;
    s = s.slice(marker.length).replace(EDGE, '');
  }
  return s;
}

/** The name at the end of `before` (capitalised words and particles), for "who" and "both of whom". */
function trailingName(before: string): string | null {
  const words = before.replace(EDGE, '').split(/\s+/u).slice(-8);
  const kept: string[] = [];
  for (let k = words.length - 1; k >= 0; k--) {
    const word = words[k]!.replace(/[,.;:]+$/u, '');
    const isName = /^\p{Lu}/u.test(word) || /^al-\p{L}/u.test(word);
    if (isName || (kept.length > 0 && NAME_PARTICLES.has(word.toLowerCase()))) kept.unshift(word);
    else break;
  }
  while (kept.length > 0 && NAME_PARTICLES.has(kept[0]!.toLowerCase())) kept.shift();
  return kept.length > 0 ? kept.join(' ') : null;
}

/** The summary up to its first comma that comes after at least six words. */
function cutAtComma(summary: string): string {
  for (let at = summary.indexOf(', '); at !== -1; at = summary.indexOf(', ', at + 1)) {
    if (summary.slice(0, at).split(' ').length >= 6) return summary.slice(0, at);
  }
  return summary;
}

function firstWords(s: string, max: number): { text: string; words: number } {
  const words = s.replace(EDGE, '').replace(/[.!?]+$/u, '').split(/\s+/u).filter(Boolean);
  if (words.length <= max) return { text: words.join(' ').replace(EDGE, ''), words: words.length };
  return { text: `${words.slice(0, max).join(' ').replace(EDGE, '')} …`, words: max };
}

function trimmedSpan(text: string, start: number, end: number): Span {
  let s = start;
  let e = end;
  while (s < e && /[\s"'“”‘’«»,;:(—–-]/u.test(text[s]!)) s++;
  while (e > s && /[\s"'“”‘’«»,;:.!?)—–-]/u.test(text[e - 1]!)) e--;
  return { start: s, end: e };
}
