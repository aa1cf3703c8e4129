/**
 * Finds mention candidates sentence by sentence: naming-lexicon phrases and known names first
 * (longest match), then runs of capitalised words, classified by titles, organisation and place
 * suffixes, acronyms and the gazetteer. Names are not resolved to entities here (resolve-entities
 * does that, once the whole document has been read).
 */
import type { Span } from '../../core/types.js';
import type { KnownName } from './gazetteer.js';
import type { Connotation, LexiconEntry, MentionLabel } from './lexicon.js';
import { SINGLE_WORD_NAMES, matchAt, type NameMatch } from './name-index.js';
import { isCompoundAdjective, tokenise, type Token } from './tokens.js';
import { WORD_LISTS as W } from './word-lists.js';

/** How a candidate was found. */
export type CandidateKind = 'lexicon' | 'known' | 'titled' | 'org' | 'place' | 'acronym' | 'name' | 'single';

/** A mention before its entity is resolved. */
export interface Candidate {
  kind: CandidateKind;
  start: number;
  end: number;
  /** Sentence index and token range inside it. */
  sentence: number;
  first: number;
  last: number;
  label: MentionLabel;
  /** The name without its title ("Qassem Soleimani" for "General Qassem Soleimani"). */
  name: string;
  /** Lower-case name words, for grouping. */
  nameKeys: string[];
  connotation: Connotation;
  lexicon: (LexiconEntry & { conflict: string }) | null;
  known: KnownName | null;
  /** A capital used for its state ("Tehran said"). */
  isMetonym: boolean;
  /** Index of the candidate a descriptor attaches to ("Hamas militants"). */
  attachedTo: number;
}

/** One sentence, tokenised. */
export interface SentenceTokens {
  span: Span;
  tokens: Token[];
}

const PERSON_PARTICLES = new Set(['al', 'el', 'bin', 'ibn', 'bint', 'de', 'del', 'da', 'di', 'du', 'van', 'von', 'der', 'den', 'la', 'le', 'y', 'ul', 'ud', 'ad']);

/** Tokenises the sentences and finds every candidate in them, in text order. */
export function findCandidates(text: string, spans: readonly Span[]): { sentences: SentenceTokens[]; candidates: Candidate[] } {
  const sentences = spans.map((span) => ({ span, tokens: tokenise(text, span.start, span.end) }));
  const midCaps = new Set<string>();
  for (const { tokens } of sentences) {
    for (const t of tokens) if (t.isWord && t.isCapitalised && !t.isSentenceStart) midCaps.add(t.key);
  }
  const candidates: Candidate[] = [];
  sentences.forEach((sentence, index) => findInSentence(text, sentence.tokens, index, midCaps, candidates));
  return { sentences, candidates };
}

function findInSentence(text: string, tokens: Token[], sentence: number, midCaps: ReadonlySet<string>, out: Candidate[]): void {
  const used = new Uint8Array(tokens.length);
  const found: Candidate[] = [];
  // Pass 1: lexicon phrases and known names, longest match first.
  for (let i = 0; i < tokens.length; ) {
    const token = tokens[i]!;
    const match = token.isWord ? matchAt(text, tokens, i) : null;
    if (!match || shouldDefer(match, tokens)) {
      i++;
      continue;
    }
    found.push(fromMatch(text, tokens, sentence, match));
    for (let k = match.first; k < match.end; k++) used[k] = 1;
    i = match.end;
  }
  // Pass 2: runs of capitalised words in what is left.
  for (let i = 0; i < tokens.length; ) {
    const token = tokens[i]!;
    if (used[i] || !token.isWord || !token.isCapitalised) {
      i++;
      continue;
    }
    if (isCompoundAdjective(text, token)) {
      const head = SINGLE_WORD_NAMES.get(token.key.slice(0, token.key.indexOf('-')));
      if (head) found.push(knownCandidate(text, tokens, sentence, i, i + 1, head, token.start + head.form.length));
      i++;
      continue;
    }
    let end = i + 1;
    while (end < tokens.length && !tokens[end - 1]!.isPossessive) {
      const next = tokens[end]!;
      if (used[end] || !next.isWord) break;
      if (next.isCapitalised && !isCompoundAdjective(text, next)) {
        end++;
        continue;
      }
      // A lower-case particle inside a name, followed by a capitalised word.
      const after = tokens[end + 1];
      if (W.connectors.words.has(next.key) && after && !used[end + 1] && after.isWord && after.isCapitalised) {
        end += 2;
        continue;
      }
      break;
    }
    classifyRun(text, tokens, sentence, i, end, midCaps, found);
    i = end;
  }
  found.sort((a, b) => a.first - b.first);
  const offset = out.length;
  found.forEach((candidate, k) => {
    const entry = candidate.lexicon;
    const previous = k > 0 ? found[k - 1]! : null;
    if (entry?.attach && previous && previous.last + 1 === candidate.first && previous.lexicon?.attach === undefined) {
      candidate.attachedTo = offset + k - 1;
    }
    if (entry?.attach === 'only' && candidate.attachedTo < 0) return;
    out.push(candidate);
  });
  // Re-index attachments after dropped 'only' descriptors.
  for (let k = offset; k < out.length; k++) {
    const c = out[k]!;
    if (c.attachedTo >= 0 && out[c.attachedTo]?.last !== c.first - 1) c.attachedTo = k - 1;
  }
}

/**
 * A known name that starts a longer capitalised name ("Baghdad International Airport", "Iraqi
 * Popular Mobilisation Forces") is left to the run classifier; so is a case-sensitive lexicon
 * name ("Ulster") followed by more of a name ("Ulster Unionist Party").
 */
function shouldDefer(match: NameMatch, tokens: readonly Token[]): boolean {
  const next = tokens[match.end];
  if (!next || !next.isWord || !next.isCapitalised || tokens[match.end - 1]!.isPossessive) return false;
  if (W.titles.words.has(next.key) || W.stopWords.words.has(next.key)) return false;
  if (match.hit.source === 'known') return !match.hit.isAcronym;
  return match.hit.entry.caseSensitive === true && match.end - match.first === 1;
}

function blank(kind: CandidateKind, sentence: number, first: number, last: number, start: number, end: number, label: MentionLabel, name: string, nameKeys: string[]): Candidate {
  return { kind, start, end, sentence, first, last, label, name, nameKeys, connotation: 'neutral', lexicon: null, known: null, isMetonym: false, attachedTo: -1 };
}

function fromMatch(text: string, tokens: readonly Token[], sentence: number, match: NameMatch): Candidate {
  const { hit, first, end } = match;
  if (hit.source === 'known') return knownCandidate(text, tokens, sentence, first, end, hit.name, tokens[end - 1]!.end);
  const start = tokens[first]!.start;
  const stop = tokens[end - 1]!.end;
  const candidate = blank('lexicon', sentence, first, end - 1, start, stop, hit.entry.type, hit.entry.referent, []);
  candidate.lexicon = hit.entry;
  candidate.connotation = hit.entry.connotation;
  return candidate;
}

function knownCandidate(text: string, tokens: readonly Token[], sentence: number, first: number, end: number, name: KnownName, stop: number): Candidate {
  const candidate = blank('known', sentence, first, end - 1, tokens[first]!.start, stop, name.type, name.entity, []);
  candidate.known = name;
  if (name.role === 'demonym') candidate.name = name.country ?? name.entity;
  const next = tokens[end];
  if (name.role === 'capital' && name.country && (tokens[end - 1]!.isPossessive || (next?.isWord && W.actorCues.words.has(next.key)))) {
    candidate.isMetonym = true;
    candidate.name = name.country;
  }
  return candidate;
}

/** Classifies the run tokens[a, b) and adds what it names to `found`. */
function classifyRun(text: string, tokens: readonly Token[], sentence: number, a: number, b: number, midCaps: ReadonlySet<string>, found: Candidate[]): void {
  // Drop openers that are not names: "The", "But", "In" …
  while (a < b && W.stopWords.words.has(tokens[a]!.key) && (tokens[a]!.isSentenceStart || tokens[a]!.key === 'the' || b - a === 1)) a++;
  while (b > a && (W.connectors.words.has(tokens[b - 1]!.key) || (b - a > 1 && W.stopWords.words.has(tokens[b - 1]!.key)))) b--;
  if (a >= b) return;
  const keys: string[] = [];
  for (let k = a; k < b; k++) keys.push(tokens[k]!.key);
  const lastKey = keys[keys.length - 1]!;
  const span = (from: number, to: number): [number, number] => [tokens[from]!.start, tokens[to - 1]!.end];
  const words = (from: number, to: number): string => text.slice(tokens[from]!.start, tokens[to - 1]!.end);
  if (b - a >= 2 && W.orgSuffixes.words.has(lastKey)) {
    found.push(blank('org', sentence, a, b - 1, ...span(a, b), 'organization', words(a, b), keys));
    return;
  }
  if (b - a >= 2 && W.placeSuffixes.words.has(lastKey)) {
    found.push(blank('place', sentence, a, b - 1, ...span(a, b), 'place', words(a, b), keys));
    return;
  }
  if (b - a >= 3 && W.orgHeads.words.has(keys[0]!) && (keys[1] === 'of' || keys[1] === 'for')) {
    found.push(blank('org', sentence, a, b - 1, ...span(a, b), 'organization', words(a, b), keys));
    return;
  }
  // A known name before a title or before the rest of the run: "US President …", "Palestine Declassified".
  const head = matchAt(text, tokens, a);
  if (head && head.hit.source === 'known' && head.end < b) {
    found.push(fromMatch(text, tokens, sentence, head));
    classifyRun(text, tokens, sentence, head.end, b, midCaps, found);
    return;
  }
  // Titles: "General Qassem Soleimani", "Major General Soleimani", "Supreme Leader Ali Khamenei".
  let t = a;
  while (t < b && W.titles.words.has(tokens[t]!.key)) t++;
  if (t > a && !W.titleEnd.words.has(tokens[t - 1]!.key) && t < b) {
    const name = words(t, b);
    found.push(blank('titled', sentence, a, b - 1, ...span(a, b), 'person', name, keys.slice(t - a)));
    return;
  }
  if (t === b) return; // A title with no name ("the President").
  if (b - a === 1) {
    const token = tokens[a]!;
    if (token.isSentenceStart && !midCaps.has(token.key) && !token.isAcronym) return;
    if (!token.isAcronym && isCodeLike(text, token.start, token.end)) return; // JC3uhlFUD3, TillDLastBreath: links and handles.
    const kind: CandidateKind = token.isAcronym ? 'acronym' : 'single';
    found.push(blank(kind, sentence, a, a, token.start, token.end, token.isAcronym ? 'organization' : 'other', words(a, b), keys));
    return;
  }
  const hasConnector = keys.some((key) => W.connectors.words.has(key) && !PERSON_PARTICLES.has(key));
  if (!hasConnector && b - a <= 4) {
    found.push(blank('name', sentence, a, b - 1, ...span(a, b), 'person', words(a, b), keys));
    return;
  }
  found.push(blank('org', sentence, a, b - 1, ...span(a, b), 'organization', words(a, b), keys));
}

/** Digits, or a capital after a lower-case letter: a link code or a handle, not a name (McCain and MacBride excepted). */
function isCodeLike(text: string, start: number, end: number): boolean {
  for (let k = start + 1; k < end; k++) {
    const code = text.charCodeAt(k);
    if (code >= 0x30 && code <= 0x39) return true;
    if (code >= 0x41 && code <= 0x5a && k - start > 3) return true;
  }
  return false;
}
