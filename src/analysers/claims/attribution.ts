/**
 * Who a sentence credits its statement to, from the sentence's own words: "according to X",
 * "X said", "…, said X", "was confirmed … by X". The source is named (a capitalised name, title
 * dropped; an apposition after a description wins: "by the former chief of …, Jane Roe"),
 * anonymous ("a senior official", "sources", "a report") or a pronoun to resolve elsewhere. The
 * quotes analyser's cue lexicon is the reference; this is the fallback when it is not in the
 * pipeline. Bounded look-ahead and look-behind: linear in the sentence.
 */
import { afterInnerTitle, leadingTitleLength, PERSON_TITLES } from '../../core/person-titles.js';
import type { Cue } from './cues.js';
import { LEXICON } from './lexicon.js';
import { PUNCT, type Token } from './tokens.js';

/** A source found in the sentence. */
export interface Attribution {
  kind: 'named' | 'anonymous' | 'pronoun';
  /** The name, for a named source. */
  name: string | null;
  /** Token range of the words that name or describe the source. */
  from: number;
  to: number;
  /** The cue words ("said", "according to") and the lexicon entry id. */
  cue: string;
  cueId: string;
  /** Token index of the cue. */
  cueAt: number;
}

/** Words that open a subordinate or relative clause: speech reported inside one is not the main clause's source. */
const SUBORDINATE_OPENERS = new Set(['who', 'whom', 'whose', 'which', 'because', 'although', 'though', 'while', 'whereas', 'when', 'after', 'before', 'since', 'unless']);

/**
 * Where the sentence's `attribution` stops speaking for earlier units: the index of the last token
 * that opens a subordinate or relative clause at or before the attribution's source and cue ("X was
 * replaced by Y, who said …", "… because he said …"), or -1. A unit of tokens [from, to) is sourced
 * by the attribution when the attribution starts before `to` or this index is below `to`. One pass
 * per sentence, so every unit is decided in constant time.
 */
export function attributionBarrier(tokens: readonly Token[], attribution: Attribution): number {
  for (let k = Math.min(attribution.from, attribution.cueAt); k >= 0; k--) if (SUBORDINATE_OPENERS.has(tokens[k]!.lower)) return k;
  return -1;
}

/** Whether `attribution` (with its `barrier` from attributionBarrier) sources the unit ending before token `to`. */
export function attributionReaches(to: number, attribution: Attribution, barrier: number): boolean {
  return Math.min(attribution.from, attribution.cueAt) < to || barrier < to;
}

/** How far (in tokens) a passive cue may be from its "by". */
const BY_WINDOW = 10;
/** Longest opening subject with an apposition ('X, the …, said'), in tokens. */
const APPOSITION_WINDOW = 40;
/** How far before a speech verb an anonymous head may sit ('an aide to the minister said'). */
const HEAD_REACH = 6;
/** Longest source phrase read, in tokens. */
const PHRASE_WINDOW = 16;
const BE = new Set(['was', 'were', 'is', 'are', 'been', 'being', 'be']);
const SKIPPABLE = new Set(['also', 'has', 'have', 'had', 'later', 'previously', 'recently', 'then', 'publicly', 'repeatedly', 'once', 'already', 'had', 'first', 'again', 'privately', 'reportedly', 'subsequently', 'has', 'would', 'will', 'not', 'never']);
const PHRASE_END = new Set(['who', 'which', 'that', 'when', 'as', 'because', 'while', 'after', 'before', 'in', 'on', 'to']);
const DOCUMENT_HEADS = new Set([
  'report', 'reports', 'study', 'studies', 'survey', 'document', 'documents', 'statement', 'memo', 'figures', 'data', 'statistics',
  'records', 'filings', 'audit', 'poll', 'census', 'minutes', 'accounts', 'estimates', 'review', 'investigation', 'assessment',
]);
const NOT_NAMES = new Set(['it', 'this', 'that', 'these', 'those', 'there', 'everyone', 'everybody', 'nobody', 'somebody', 'many', 'most', 'some', 'others', 'all', 'few', 'none', 'what', 'which', 'history', 'time', 'evidence', 'data', 'science']);
/** Words between a document head and its maker: "a survey commissioned by …", "a report published by …". */
const DOCUMENT_VERBS = new Set(['commissioned', 'published', 'released', 'conducted', 'produced', 'prepared', 'issued', 'written', 'compiled', 'carried', 'out']);
const DOCUMENT_LINKS = new Set(['by', 'from', 'of', 'for']);
const DETERMINERS = new Set(['a', 'an', 'the', 'one', 'two', 'several', 'some', 'many', 'other', 'senior', 'unnamed']);

/** The first attribution among the sentence's cues, or null. `text` is the document text. */
export function findAttribution(text: string, tokens: readonly Token[], from: number, to: number, cues: readonly Cue[]): Attribution | null {
  for (const cue of cues) {
    const cueText = text.slice(tokens[cue.start]!.start, tokens[cue.end - 1]!.end);
    const base = { cue: cueText, cueId: cue.entry.id, cueAt: cue.start };
    if (cue.group === 'according') {
      const source = sourceAfter(text, tokens, cue.end, to);
      if (source) return { ...source, ...base };
      continue;
    }
    if (cue.group !== 'cue') continue;
    // A capitalised verb of saying inside the sentence is a name, not a verb ("the United States").
    if (cue.start > from && tokens[cue.start]!.isCapitalised && tokens[cue.start - 1]!.type !== PUNCT) continue;
    const c = cue.start;
    const next = tokens[c + 1];
    const previous = tokens[c - 1];
    if (previous && BE.has(previous.lower) && next?.lower === 'to') continue; // "is said to": a hedge
    let j = c - 1;
    while (j >= from && SKIPPABLE.has(tokens[j]!.lower)) j--;
    if (j >= from && BE.has(tokens[j]!.lower)) {
      for (let k = c + 1; k < to && k <= c + BY_WINDOW && tokens[k]!.lower !== ';'; k++) {
        if (tokens[k]!.lower !== 'by') continue;
        const source = sourceAfter(text, tokens, k + 1, to);
        if (source) return { ...source, ...base };
        break;
      }
      continue;
    }
    // "…, the harbour master, Jane Roe, said" or "…, Jane Roe, the harbour master, said".
    const apposed = j > from && tokens[j]!.lower === ',' ? apposition(text, tokens, from, j) : null;
    if (apposed) return { ...apposed, ...base };
    // "Jane Roe, the agency's director, said": the subject is the sentence's opening phrase.
    if (j > from && tokens[j]!.lower === ',' && j - from <= APPOSITION_WINDOW) {
      let comma = from;
      while (comma < j && tokens[comma]!.lower !== ',') comma++;
      const subject = describe(text, tokens, from, comma);
      if (subject && comma > from) return { ...subject, ...base };
    }
    const before = sourceBefore(text, tokens, from, j);
    if (before) return { ...before, ...base };
    if (previous && previous.type === PUNCT && next && (next.isCapitalised || DETERMINERS.has(next.lower))) {
      const after = sourceAfter(text, tokens, c + 1, to);
      if (after) return { ...after, ...base };
    }
  }
  return null;
}

type Source = Pick<Attribution, 'kind' | 'name' | 'from' | 'to'>;

/**
 * A name and a description in apposition, in two comma-separated segments ending at the comma `j`
 * before a speech verb, the earlier segment opened by a comma or the sentence start: "…, the harbour master, Jane
 * Roe, said" or "…, Jane Roe, the harbour master, said"; two descriptions make an anonymous
 * source. Null unless each segment is a name or opens with a determiner, and not both names.
 */
function apposition(text: string, tokens: readonly Token[], from: number, j: number): Source | null {
  const p1 = previousComma(tokens, from, j);
  if (p1 < 0) return null;
  let p2 = previousComma(tokens, from, p1);
  // At the start of the sentence the earlier segment needs no comma: "The board's chair, Anton Reyes, said".
  if (p2 < 0 && p1 - from <= APPOSITION_WINDOW && !tokens.slice(from, p1).some((t) => t.type === PUNCT && t.lower !== "'" && t.lower !== '’')) p2 = from - 1;
  if (p2 < from - 1) return null;
  const isName = (s: number, e: number): boolean => {
    if (e - s < 1 || e - s > 5 || !tokens[s]!.isCapitalised || NOT_NAMES.has(tokens[s]!.lower) || DETERMINERS.has(tokens[s]!.lower)) return false;
    for (let k = s; k < e; k++) if (!(tokens[k]!.isCapitalised || LEXICON.connector.hasWord(tokens[k]!.lower))) return false;
    return true;
  };
  const isDescription = (s: number, e: number): boolean => e - s >= 2 && DETERMINERS.has(tokens[s]!.lower) && !tokens[e - 1]!.isCapitalised;
  if (isName(p1 + 1, j) && isDescription(p2 + 1, p1)) return named(text, tokens, p1 + 1, j);
  if (isDescription(p1 + 1, j) && isName(p2 + 1, p1)) return named(text, tokens, p2 + 1, p1);
  // "…, the inspector, a former diver, said": two descriptions, no name.
  if (isDescription(p1 + 1, j) && isDescription(p2 + 1, p1)) return { kind: 'anonymous', name: null, from: p2 + 1, to: p1 };
  return null;
}

/** The index of the last comma in [from, before) within APPOSITION_WINDOW tokens, or -1. */
function previousComma(tokens: readonly Token[], from: number, before: number): number {
  for (let k = before - 1; k >= from && before - k <= APPOSITION_WINDOW; k--) {
    if (tokens[k]!.lower === ',') return k;
    if (tokens[k]!.type === PUNCT && tokens[k]!.lower !== "'") return -1;
  }
  return -1;
}

/** The subject ending at token `j` (inclusive): a pronoun, a name, or an anonymous description. */
function sourceBefore(text: string, tokens: readonly Token[], from: number, j: number): Source | null {
  if (j < from) return null;
  const last = tokens[j]!;
  if (LEXICON.pronoun.hasWord(last.lower) && (j === from || tokens[j - 1]!.type === PUNCT || !tokens[j - 1]!.isCapitalised)) {
    return { kind: 'pronoun', name: null, from: j, to: j + 1 };
  }
  let start = j;
  while (start > from && j - start < PHRASE_WINDOW && tokens[start - 1]!.type !== PUNCT) {
    const t = tokens[start - 1]!;
    if (!(t.isCapitalised || LEXICON.connector.hasWord(t.lower) || LEXICON.anonymous.hasWord(t.lower) || DETERMINERS.has(t.lower) || t.lower === "'s")) break;
    start--;
  }
  if (LEXICON.anonymous.hasWord(last.lower)) return describe(text, tokens, start, j + 1);
  if (!last.isCapitalised && LEXICON.body.hasWord(last.lower)) {
    const body = bodySource(text, tokens, from, j);
    if (body) return body;
  }
  if (!last.isCapitalised) {
    // "a senior official at the ministry said": an anonymous head before a short modifier.
    for (let k = j - 1; k >= from && k >= j - HEAD_REACH && tokens[k]!.type !== PUNCT; k--) {
      if (!LEXICON.anonymous.hasWord(tokens[k]!.lower) || DOCUMENT_HEADS.has(tokens[k]!.lower)) continue;
      let s = k;
      while (s > from && k - s < 3 && tokens[s - 1]!.type !== PUNCT && !LEXICON.cue.hasWord(tokens[s - 1]!.lower)) s--;
      return { kind: 'anonymous', name: null, from: s, to: j + 1 };
    }
    return null;
  }
  // A lone capitalised word at the start of the sentence may be just the sentence's first word.
  if (start === j && j === from && NOT_NAMES.has(last.lower)) return null;
  return named(text, tokens, start, j + 1);
}

/** The dot of an abbreviated title inside a name: "Dr. Ana Ruiz", "Gen. Ivo Marsh". */
function isTitleDot(tokens: readonly Token[], k: number): boolean {
  return tokens[k]!.lower === '.' && k > 0 && PERSON_TITLES.has(tokens[k - 1]!.lower) && tokens[k + 1]?.isCapitalised === true;
}

/** Determiners that leave a body unnamed ("a ministry said"). */
const INDEFINITE = new Set(['a', 'an', 'one', 'another', 'some']);
/** Words before a definite body that make it an object, not the subject ("an official at the ministry"). */
const BODY_PREPOSITIONS = new Set(['at', 'of', 'for', 'from', 'in', 'with', 'by', 'to', 'inside', 'within', 'near', 'close']);

/**
 * "the mayor's office", "the health ministry", "the Interior ministry" ending at token `j`: a body the
 * reader can identify, named by its description (without the article), when the phrase is definite
 * (the, its, their) and at most four words; "a ministry", "one department" is an unnamed source.
 */
function bodySource(text: string, tokens: readonly Token[], from: number, j: number): Source | null {
  for (let s = j - 1; s >= from && s >= j - 4; s--) {
    const t = tokens[s]!;
    if (t.type === PUNCT && t.lower !== "'s") return null;
    if (LEXICON.cue.hasWord(t.lower)) return null;
    if (INDEFINITE.has(t.lower)) return { kind: 'anonymous', name: null, from: s, to: j + 1 };
    if (t.lower === 'the' || t.lower === 'its' || t.lower === 'their') {
      // "a senior official at the ministry said": the body is the object of a preposition, not the subject.
      return s > from && BODY_PREPOSITIONS.has(tokens[s - 1]!.lower) ? null : named(text, tokens, s, j + 1);
    }
  }
  return null;
}

/** The source phrase starting at token `s`: apposition name, anonymous description or name. */
function sourceAfter(text: string, tokens: readonly Token[], s: number, to: number): Source | null {
  let e = s;
  while (e < to && e - s < PHRASE_WINDOW && tokens[e]!.type !== PUNCT && !(e > s && PHRASE_END.has(tokens[e]!.lower) && !tokens[e]!.isCapitalised)) e++;
  if (e === s) return null;
  if (LEXICON.pronoun.hasWord(tokens[s]!.lower)) return { kind: 'pronoun', name: null, from: s, to: s + 1 };
  if (e < to && tokens[e]!.lower === ',' && e + 1 < to && tokens[e + 1]!.isCapitalised) {
    let r = e + 1;
    while (r < to && r - e < 6 && (tokens[r]!.isCapitalised || (LEXICON.connector.hasWord(tokens[r]!.lower) && tokens[r + 1]?.isCapitalised === true))) r++;
    const boundary = r >= to || tokens[r]!.type === PUNCT || PHRASE_END.has(tokens[r]!.lower);
    if (boundary && r - e >= 3) return named(text, tokens, e + 1, r);
  }
  return describe(text, tokens, s, e);
}

/** Classifies a phrase [s, e): anonymous head before any name, a document of a named body, or a name. */
function describe(text: string, tokens: readonly Token[], s: number, e: number): Source | null {
  let firstName = -1;
  for (let k = s; k < e; k++) {
    const t = tokens[k]!;
    const isDocument = DOCUMENT_HEADS.has(t.lower);
    if (isDocument || LEXICON.anonymous.hasWord(t.lower)) {
      if (isDocument) {
        if (firstName >= 0) return named(text, tokens, firstName, k);
        const document = identifiedDocument(text, tokens, s, k, e);
        if (document) return document;
      }
      return { kind: 'anonymous', name: null, from: s, to: e };
    }
    if (firstName < 0 && t.isCapitalised && !(k === s && DETERMINERS.has(t.lower))) firstName = k;
  }
  if (firstName < 0) return { kind: 'anonymous', name: null, from: s, to: e };
  let end = firstName;
  while (end < e && (tokens[end]!.isCapitalised || (LEXICON.connector.hasWord(tokens[end]!.lower) && tokens[end + 1]?.isCapitalised === true) || isTitleDot(tokens, end))) end++;
  return named(text, tokens, firstName, end);
}

/**
 * A document head at `head` with no name before it, identified by what follows or precedes it: its
 * maker's name ("a report by Amnesty International" → Amnesty International), or a year or a
 * definite maker ("a 2019 survey commissioned by the board") → the document itself, named by its
 * description. A bare "a report" or "reports" stays anonymous (null here).
 */
function identifiedDocument(text: string, tokens: readonly Token[], s: number, head: number, e: number): Source | null {
  let k = head + 1;
  while (k < e && DOCUMENT_VERBS.has(tokens[k]!.lower)) k++;
  if (k < e && DOCUMENT_LINKS.has(tokens[k]!.lower)) {
    let m = k + 1;
    while (m < e && DETERMINERS.has(tokens[m]!.lower)) m++;
    if (m < e && tokens[m]!.isCapitalised && !NOT_NAMES.has(tokens[m]!.lower)) {
      let end = m;
      while (end < e && (tokens[end]!.isCapitalised || (LEXICON.connector.hasWord(tokens[end]!.lower) && tokens[end + 1]?.isCapitalised === true))) end++;
      return named(text, tokens, m, end);
    }
    // A definite maker ("by the board", "from the ministry"); "a review of the accounts" names no maker.
    const maker = tokens[k]!.lower === 'by' || tokens[k]!.lower === 'from';
    if (maker && tokens[k + 1]?.lower === 'the' && m < e) return named(text, tokens, s, e);
  }
  for (let y = s; y < head; y++) if (/^(1[89]|20)\d\d$/.test(tokens[y]!.lower)) return named(text, tokens, s, e);
  return null;
}

/** A named source over tokens [s, e), without a leading article or title and a trailing 's. */
function named(text: string, tokens: readonly Token[], s: number, e: number): Source | null {
  while (e > s && (tokens[e - 1]!.lower === "'s" || LEXICON.connector.hasWord(tokens[e - 1]!.lower))) e--;
  while (s < e && (DETERMINERS.has(tokens[s]!.lower) || LEXICON.connector.hasWord(tokens[s]!.lower))) s++;
  const lower = (k: number): string => tokens[k]!.lower;
  s += leadingTitleLength(lower, s, e);
  s = afterInnerTitle(lower, s, e);
  if (s >= e) return null;
  return { kind: 'named', name: text.slice(tokens[s]!.start, tokens[e - 1]!.end), from: s, to: e };
}
