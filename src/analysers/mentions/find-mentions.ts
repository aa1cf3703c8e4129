/**
 * Finds mention candidates sentence by sentence: naming-lexicon phrases and known names first
 * (longest match), then runs of capitalised words, classified by titles, organisation and place
 * suffixes, acronyms and the gazetteer. Names are not resolved to entities here (resolve-entities
 * does that, once the whole document has been read).
 */
import { leadingTitleLength } from '../../core/person-titles.js';
import type { Span } from '../../core/types.js';
import type { KnownName } from './gazetteer.js';
import type { Connotation, LexiconEntry, MentionLabel } from './lexicon.js';
import { SINGLE_WORD_NAMES, matchAt, type NameMatch } from './name-index.js';
import { isCompoundAdjective, resetTokenPool, tokenise, type Token } from './tokens.js';
import { isCommonWord, readDocumentWords, type DocumentWords } from './document-words.js';
import { COMMON_WORDS, FIRST_NAMES, WORD_LISTS as W } from './word-lists.js';

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
  resetTokenPool();
  const sentences = spans.map((span) => ({ span, tokens: tokenise(text, span.start, span.end, true) }));
  const words = readDocumentWords(sentences);
  const candidates: Candidate[] = [];
  sentences.forEach((sentence, index) => findInSentence(text, sentence.tokens, index, words, candidates));
  return { sentences, candidates };
}

/** Reused per sentence: which tokens pass 1 took. */
let usedBuffer = new Uint8Array(256);

function findInSentence(text: string, tokens: Token[], sentence: number, words: DocumentWords, out: Candidate[]): void {
  if (usedBuffer.length < tokens.length) usedBuffer = new Uint8Array(tokens.length * 2);
  const used = usedBuffer;
  used.fill(0, 0, tokens.length);
  const casing = words.casings[sentence] ?? null;
  const titleCase = casing !== null;
  const strict = casing === 'strict';
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
    if (titleCase && isCommonWord(token.key, words, strict) && !opensPlaceName(tokens, i, tokens.length, words)) {
      i++;
      continue;
    }
    while (end < tokens.length) {
      const next = tokens[end]!;
      // A middle initial: "Robert S. Lasnik".
      if (next.key === '.' && !used[end] && isInitial(tokens[end - 1]!) && end - 1 > i && tokens[end + 1]?.isWord && tokens[end + 1]!.isCapitalised && !used[end + 1]) {
        end++;
        continue;
      }
      if (used[end] || !next.isWord) break;
      if (tokens[end - 1]!.isPossessive) {
        // "St Brendan's Hall": a possessive name followed by the place or organisation word that ends it.
        const after = tokens[end + 1];
        const isLast = !after || !after.isWord || !after.isCapitalised;
        if (next.isCapitalised && isLast && (W.placeSuffixes.words.has(next.key) || W.orgSuffixes.words.has(next.key))) end++;
        break;
      }
      if (titleCase && isCommonWord(next.key, words, strict) && !W.connectors.words.has(next.key)) break;
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
    classifyRun(text, tokens, sentence, i, end, words, found);
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
function classifyRun(text: string, tokens: readonly Token[], sentence: number, a: number, b: number, words: DocumentWords, found: Candidate[]): void {
  // "comments to The Daily Beast": a capitalised "The" inside a sentence opens a title or a body, not a person.
  const capitalThe = tokens[a]!.key === 'the' && tokens[a]!.isCapitalised && !tokens[a]!.isSentenceStart;
  // Drop openers that are not names: "The", "But", "In" … but not "New" in "New York".
  while (a < b && W.stopWords.words.has(tokens[a]!.key) && (tokens[a]!.isSentenceStart || tokens[a]!.key === 'the' || b - a === 1) && !opensPlaceName(tokens, a, b, words)) a++;
  while (a < b && W.connectors.words.has(tokens[a]!.key) && !tokens[a]!.isCapitalised) a++;
  while (b > a && (W.connectors.words.has(tokens[b - 1]!.key) || (b - a > 1 && W.stopWords.words.has(tokens[b - 1]!.key)))) b--;
  if (a >= b) return;
  const keys: string[] = [];
  for (let k = a; k < b; k++) keys.push(tokens[k]!.key);
  const lastKey = keys[keys.length - 1]!;
  // A title before a first name, or before two or more capitalised words, makes a person whatever
  // place word ends the run ("Chief Renee Hall" is not a hall); an organisation word still wins
  // ("General Electric Company").
  // "Secretary of State Paul Ardent": the office after "of" belongs to the title; "Foreign Office",
  // "District of Columbia": a qualifier with no title after it is none.
  const titles = leadingTitleLength((k) => keys[k]!, 0, keys.length);
  const titledName = titles > 0 && titles < keys.length && !W.orgSuffixes.words.has(lastKey) && (FIRST_NAMES.has(keys[titles]!) || keys.length - titles >= 2);
  if (titledName) {
    const name = text.slice(tokens[a + titles]!.start, tokens[b - 1]!.end);
    found.push(blank('titled', sentence, a, b - 1, tokens[a]!.start, tokens[b - 1]!.end, 'person', name, keys.slice(titles)));
    return;
  }
  if (b - a >= 2 && W.orgOpeners.words.has(keys[0]!)) {
    found.push(blank('org', sentence, a, b - 1, tokens[a]!.start, tokens[b - 1]!.end, 'organization', text.slice(tokens[a]!.start, tokens[b - 1]!.end), keys));
    return;
  }
  if (b - a >= 2 && W.orgSuffixes.words.has(lastKey)) {
    found.push(blank('org', sentence, a, b - 1, tokens[a]!.start, tokens[b - 1]!.end, 'organization', text.slice(tokens[a]!.start, tokens[b - 1]!.end), keys));
    return;
  }
  if (b - a >= 2 && W.placeSuffixes.words.has(lastKey)) {
    found.push(blank('place', sentence, a, b - 1, tokens[a]!.start, tokens[b - 1]!.end, 'place', text.slice(tokens[a]!.start, tokens[b - 1]!.end), keys));
    return;
  }
  if (b - a >= 2 && W.placeHeads.words.has(keys[0]!) && !W.orgSuffixes.words.has(lastKey)) {
    found.push(blank('place', sentence, a, b - 1, tokens[a]!.start, tokens[b - 1]!.end, 'place', text.slice(tokens[a]!.start, tokens[b - 1]!.end), keys));
    return;
  }
  if (b - a >= 3 && W.orgHeads.words.has(keys[0]!) && (keys[1] === 'of' || keys[1] === 'for')) {
    found.push(blank('org', sentence, a, b - 1, tokens[a]!.start, tokens[b - 1]!.end, 'organization', text.slice(tokens[a]!.start, tokens[b - 1]!.end), keys));
    return;
  }
  // A known name before a title or before the rest of the run: "US President …", "Harbour Weekly Review".
  const head = matchAt(text, tokens, a);
  if (head && head.hit.source === 'known' && head.end < b) {
    found.push(fromMatch(text, tokens, sentence, head));
    classifyRun(text, tokens, sentence, head.end, b, words, found);
    return;
  }
  // In a title-case headline, a first name after other words starts the name: "… Woman Abuser Keith
  // Ellison's Divorce" is Keith Ellison, not a person called "Abuser Keith Ellison".
  // All the cuts are found in one pass and each piece is classified once: linear on hostile runs.
  if (words.casings[sentence] !== null && words.casings[sentence] !== undefined) {
    const cuts: number[] = [];
    for (let k = 1; k < keys.length - 1; k++) {
      if (FIRST_NAMES.has(keys[k]!) && !FIRST_NAMES.has(keys[k - 1]!) && !W.titles.words.has(keys[k - 1]!)) cuts.push(a + k);
    }
    if (cuts.length > 0) {
      let from = a;
      for (const cut of [...cuts, b]) {
        classifyRun(text, tokens, sentence, from, cut, words, found);
        from = cut;
      }
      return;
    }
  }
  // A title inside the run before a name: "California Attorney General Xavier Becerra", "Texas
  // Governor Ana Ruiz": what comes before the title is a name of its own (a place, a body).
  const inner = innerTitle(keys, words);
  if (inner > 0) {
    classifyRun(text, tokens, sentence, a, a + inner, words, found);
    classifyRun(text, tokens, sentence, a + inner, b, words, found);
    return;
  }
  // Titles: "General Qassem Soleimani", "Major General Soleimani", "Supreme Leader Ali Khamenei".
  let t = a;
  while (t < b && W.titles.words.has(tokens[t]!.key)) t++;
  if (t > a && !W.titleEnd.words.has(tokens[t - 1]!.key) && t < b) {
    const name = text.slice(tokens[t]!.start, tokens[b - 1]!.end);
    found.push(blank('titled', sentence, a, b - 1, tokens[a]!.start, tokens[b - 1]!.end, 'person', name, keys.slice(t - a)));
    return;
  }
  if (t === b) return; // A title with no name ("the President").
  // "(D-NY)", "(R-Texas)": a party and state after a name, no actor of its own.
  if (b - a === 1 && PARTY_TAG.test(keys[0]!) && tokens[a - 1]?.key === '(') return;
  if (b - a === 1) {
    const casing = words.casings[sentence] ?? null;
    // A lexicon name deferred in pass 1 for the capitalised word after it, which a title-case
    // headline then cut off as a common word ("Why Does Israel Refuse …"): the lexicon entry stands.
    if (head && head.end === b) {
      found.push(fromMatch(text, tokens, sentence, head));
      return;
    }
    const token = tokens[a]!;
    const isCommonNoun = W.placeSuffixes.words.has(token.key) || W.orgSuffixes.words.has(token.key) || words.lowerSeen.has(token.key);
    const isName = words.midSingles.has(token.key) || (words.midCaps.has(token.key) && !isCommonNoun);
    if (!token.isAcronym && !isName && !FIRST_NAMES.has(token.key)) {
      // A capitalised common word: at a sentence start, after a colon or in a headline ("Harbour lease passes", "WATCH: Residents form").
      const before = tokens[a - 1];
      if (token.isSentenceStart || (before?.key === ':' && a <= 2)) return;
      if (words.lowerSeen.has(token.key) && (!before || before.key === ':' || casing !== null)) return;
      // A strictly title-case headline capitalises every word: a lone one the article never writes
      // as a name elsewhere ("… Imply Otherwise as Port Deal Stalls") is a headline word, not a mention.
      if (casing === 'strict') return;
    }
    if (!token.isAcronym && isCodeLike(text, token.start, token.end)) return; // JC3uhlFUD3, TillDLastBreath: links and handles.
    if (!token.isAcronym && FIRST_NAMES.has(token.key)) {
      found.push(blank('name', sentence, a, a, token.start, token.end, 'person', text.slice(tokens[a]!.start, tokens[b - 1]!.end), keys));
      return;
    }
    const kind: CandidateKind = token.isAcronym ? 'acronym' : 'single';
    found.push(blank(kind, sentence, a, a, token.start, token.end, token.isAcronym ? 'organization' : 'other', text.slice(tokens[a]!.start, tokens[b - 1]!.end), keys));
    return;
  }
  const hasConnector = keys.some((key) => W.connectors.words.has(key) && !PERSON_PARTICLES.has(key));
  // A run that opens with a common word is not a person's name ("Federal Reserve", "Official
  // Trailer": an organisation at most) unless a title or a first name follows it ("Former President
  // Bill Clinton", "Unlike Hillary Clinton"), which then starts the name…
  const opensCommon = !FIRST_NAMES.has(keys[0]!) && !PLACE_OPENERS.has(keys[0]!) && (words.lowerSeen.has(keys[0]!) || COMMON_WORDS.words.has(keys[0]!));
  let shouted = true;
  for (let k = a; k < b && shouted; k++) shouted = tokens[k]!.isAcronym;
  if (shouted && !FIRST_NAMES.has(keys[0]!)) {
    // All capitals: a shouted heading names nobody ("FULL TEXT", "CLOSING RANKS"); otherwise a run of
    // acronyms or a product name ("VW ID", "SPACE VIZZION") is an organisation, not a person.
    if (!opensCommon) found.push(blank('org', sentence, a, b - 1, tokens[a]!.start, tokens[b - 1]!.end, 'organization', text.slice(tokens[a]!.start, tokens[b - 1]!.end), keys));
    return;
  }
  if (!hasConnector && opensCommon) {
    // …or a single word the article uses as a name elsewhere ("While Clinton", "Stated Stone").
    // A title (not a lone qualifier: "Former Former …" must not peel one word per call) or a first name.
    const nameFollows = leadingTitleLength((i) => keys[i]!, 1, keys.length) > 0 || FIRST_NAMES.has(keys[1]!) || (b - a === 2 && words.midSingles.has(keys[1]!));
    if (nameFollows && !words.lowerSeen.has(lastKey)) {
      classifyRun(text, tokens, sentence, a + 1, b, words, found);
      return;
    }
  } else if (!hasConnector && b - a <= 4 && !(words.lowerSeen.has(keys[0]!) && !FIRST_NAMES.has(keys[0]!) && words.lowerSeen.has(lastKey))) {
    if (capitalThe) {
      found.push(blank('org', sentence, a, b - 1, tokens[a]!.start, tokens[b - 1]!.end, 'organization', text.slice(tokens[a]!.start, tokens[b - 1]!.end), keys));
      return;
    }
    // "the Nieuwe Haven district", "the Aske valley": an area noun after the run names a place.
    if (!FIRST_NAMES.has(keys[0]!) && isAreaNoun(tokens, b)) {
      found.push(blank('place', sentence, a, b - 1, tokens[a]!.start, tokens[b - 1]!.end, 'place', text.slice(tokens[a]!.start, tokens[b - 1]!.end), keys));
      return;
    }
    found.push(blank('name', sentence, a, b - 1, tokens[a]!.start, tokens[b - 1]!.end, 'person', text.slice(tokens[a]!.start, tokens[b - 1]!.end), keys));
    return;
  }
  found.push(blank('org', sentence, a, b - 1, tokens[a]!.start, tokens[b - 1]!.end, 'organization', text.slice(tokens[a]!.start, tokens[b - 1]!.end), keys));
}

/**
 * Where a title starts inside a run (index into `keys`, 0 when none): the title (core/person-titles)
 * must leave a name after it, a known first name or two more words ("… Attorney General Xavier
 * Becerra"), so "Harbour Board Chairman" or "General Motors" inside a run split nothing.
 */
function innerTitle(keys: readonly string[], words: DocumentWords): number {
  for (let k = 1; k < keys.length - 1; k++) {
    // Only where a run of title words starts: each run is read once, so this stays linear.
    if (!W.titles.words.has(keys[k]!) || W.titles.words.has(keys[k - 1]!)) continue;
    const title = leadingTitleLength((i) => keys[i]!, k, keys.length);
    if (title === 0) continue;
    const rest = keys.length - (k + title);
    const next = keys[k + title]!;
    if (FIRST_NAMES.has(next) || (rest >= 2 && !words.lowerSeen.has(next))) return k;
    return 0;
  }
  return 0;
}

const PARTY_TAG = /^[dri]-[a-z]{2,5}\.?$/u;

/** A single capital letter: a middle initial when a period and a capitalised word follow. */
function isInitial(token: Token): boolean {
  return token.isWord && token.isCapitalised && token.end - token.start === 1;
}

/** Lower-case nouns that, right after a capitalised run, make it a place's name. */
const AREA_NOUNS = new Set(['district', 'province', 'region', 'county', 'valley', 'neighbourhood', 'neighborhood', 'quarter', 'village', 'town', 'township', 'area', 'municipality', 'governorate', 'suburb', 'island', 'coast']);
/** Words after an area noun that make it part of a title ("district attorney", "county judge"). */
const AREA_TITLES = new Set(['attorney', 'judge', 'court', 'council', 'commissioner', 'sheriff', 'clerk', 'manager']);

/** Whether tokens[at] is a lower-case area noun that is not the start of a title. */
function isAreaNoun(tokens: readonly Token[], at: number): boolean {
  const next = tokens[at];
  return next !== undefined && next.isWord && !next.isCapitalised && AREA_NOUNS.has(next.key) && !AREA_TITLES.has(tokens[at + 1]?.key ?? '');
}

/** "New York", "South Sudan": a place opener before a capitalised word the article never writes in lower case. */
function opensPlaceName(tokens: readonly Token[], at: number, end: number, words: DocumentWords): boolean {
  const next = tokens[at + 1];
  return PLACE_OPENERS.has(tokens[at]!.key) && at + 1 < end && next !== undefined && next.isWord && next.isCapitalised && !words.lowerSeen.has(next.key) && !COMMON_WORDS.words.has(next.key);
}

/** Common words that open place names ("New Hampshire", "South Carolina", "Little Rock"). */
const PLACE_OPENERS = new Set(['new', 'south', 'north', 'east', 'west', 'upper', 'lower', 'little', 'great', 'central', 'northern', 'southern', 'eastern', 'western']);

/** Digits, or a capital after a lower-case letter: a link code or a handle, not a name (McCain and MacBride excepted). */
function isCodeLike(text: string, start: number, end: number): boolean {
  for (let k = start + 1; k < end; k++) {
    const code = text.charCodeAt(k);
    if (code >= 0x30 && code <= 0x39) return true;
    if (code >= 0x41 && code <= 0x5a && k - start > 3) return true;
  }
  return false;
}
