/**
 * The speaker phrase of an attribution: the words that are the subject of a cue verb, found by
 * walking from the verb over a bounded number of tokens (before it in "Smith said", after it in
 * "said Smith"), and what kind of speaker they name: a person or organisation by name (with its
 * apposition, "Agnes Callamard, the UN special rapporteur, said"), a pronoun, a role ("the
 * spokesman") or an anonymous source ("a senior official", "sources").
 */
import { afterInnerTitle, leadingTitleLength } from '../../core/person-titles.js';
import type { Span } from '../../core/types.js';
import { LEXICON } from './lexicon.js';
import type { Token } from './tokenize.js';

/** What kind of speaker a phrase names. */
export type SpeakerKind = 'name' | 'pronoun' | 'self' | 'role' | 'anonymous';

/** A speaker phrase with its reading. */
export interface SpeakerPhrase {
  /** The words naming the speaker (name, pronoun or noun phrase), without the apposition. */
  span: Span;
  kind: SpeakerKind;
  /** The name with leading titles dropped, the pronoun, or the noun phrase. */
  speaker: string;
  /** The apposition or title that describes the speaker, if any. */
  description: string | null;
  /** The anonymous-source family that matched (anonymous.json id), if any. */
  anonymousRule: string | null;
}

const PRONOUNS = new Set(['he', 'she', 'they', 'it', 'we', 'i', 'you']);
const SELF = new Set(['i', 'we']);
const RELATIVE_OPENERS = new Set(['who', 'whose']);
const DETERMINERS = new Set(['the', 'a', 'an', 'his', 'her', 'their', 'its', 'this', 'that', 'these', 'those', 'one', 'some', 'several', 'many', 'two', 'three', 'another', 'other', 'our', 'my', 'your']);
const DESCRIPTION_START = new Set(['the', 'a', 'an', 'his', 'her', 'their', 'its', 'who', 'whose', 'one', 'former', 'then', 'now', 'also', 'our']);
const CONNECTORS = new Set(['of', 'the', 'for', 'al', 'bin', 'ibn', 'de', 'la', 'van', 'von', 'der', 'du', 'le', 'el', 'da', 'di', 'and', '&']);
const PREPOSITIONS = new Set(['at', 'of', 'for', 'from', 'with', 'in', 'on', 'close', 'to']);
const SKIPPABLE = new Set(['also', 'later', 'then', 'previously', 'recently', 'once', 'has', 'have', 'had', 'was', 'is', 'will', 'would', 'could', 'may', 'might', 'can', 'should', 'must', 'shall', 'further', 'again', 'has', 'reportedly', 'just', 'only', 'still', 'even', 'never', 'always', 'often', 'not', 'did', 'does', 'do']);
/** Capitalised words that name nobody: sentence openers and adverbs ("Again Fox adds", "Here is …"), pronouns, days and months ("met on Monday. It said …"). */
export const NOT_NAMES: ReadonlySet<string> = new Set([
  'the', 'but', 'it', 'in', 'this', 'that', 'a', 'an', 'and', 'when', 'while', 'as', 'for', 'on', 'at', 'after', 'before', 'however', 'meanwhile', 'yet',
  'so', 'if', 'there', 'here', 'these', 'those', 'his', 'her', 'their', 'our', 'its', 'we', 'they', 'he', 'she', 'i', 'you', 'what', 'who', 'why', 'how',
  'one', 'some', 'many', 'most', 'all', 'no', 'not', 'such', 'then', 'now', 'today', 'yesterday', 'last', 'since', 'although', 'though', 'because', 'with',
  'without', 'by', 'from', 'of', 'to', 'over', 'under', 'during', 'despite', 'according', 'still', 'even', 'instead', 'also', 'indeed', 'of', 'by',
  'later', 'earlier', 'afterwards', 'next', 'first', 'finally', 'again', 'once', 'soon',
  'none', 'nobody', 'nothing', 'everyone', 'everybody', 'someone', 'somebody', 'anyone', 'anybody',
  // Days and months are capitalised but name nobody ("met on Monday. It said …").
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
  'january', 'february', 'march', 'april', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
]);

/** Whether a token is one of NOT_NAMES, with or without a clitic ("That’s"). */
function isNotSpeaker(token: Token): boolean {
  return NOT_NAMES.has(token.lower.replace(/['’]s$/u, ''));
}
const BOUNDARIES = new Set(['that', 'when', 'while', 'as', 'because', 'but', 'and', 'or', 'if', 'so', 'which', 'who', 'where', 'after', 'before', 'since', 'though', 'although', 'than', 'what', 'how', 'why', 'whom', 'whether', 'nor', 'yet', 'said', 'says', 'told']);
const STOP_AFTER = new Set(['in', 'on', 'at', 'during', 'after', 'before', 'when', 'while', 'as', 'to', 'last', 'this', 'yesterday', 'today', 'tonight', 'earlier', 'later', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'recently', 'that', 'via', 'through', 'about', 'over', 'because', 'and', 'but', 'who', 'adding', 'noting']);
/** Words before a title that are no part of the name ("the Foreign Minister", "candidate Jane Roe"); "former" and the like qualify the title itself (core/person-titles.json). */
const BEFORE_TITLE = new Set(['the', 'then', 'candidate']);
const MAX_PHRASE = 14;
const DAYS = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);

/** Whether a token can be part of a name: a capitalised word or an inner connector. */
function isNameWord(token: Token): boolean {
  return token.isWord && token.isCapital;
}

/** The speaker phrase whose last word is right before the cue at `cue`, not reaching below `floor`. */
export function phraseBefore(tokens: readonly Token[], cue: number, floor: number): SpeakerPhrase | null {
  let i = cue - 1;
  for (let skipped = 0; i >= floor && skipped < 3; skipped++) {
    const t = tokens[i]!;
    if (t.isWord && !t.isCapital && (SKIPPABLE.has(t.lower) || (t.lower.endsWith('ly') && t.lower.length > 4))) i--;
    else break;
  }
  if (i < floor) return null;
  // "Speaker Ryan, the party’s leader, on Tuesday called …": a day between the phrase and its cue.
  if (i - 1 > floor && DAYS.has(tokens[i]!.lower) && tokens[i - 1]!.lower === 'on') i -= 2;
  else if (i > floor && (tokens[i]!.lower === 'yesterday' || tokens[i]!.lower === 'today')) i--;
  i = skipParenthesis(tokens, i, floor);
  if (i < floor) return null;
  let description: string | null = null;
  let last = i;
  if (tokens[i]!.text === ',') {
    // "Name, the description, said": the rightmost comma before a description start, after a name.
    for (let j = i - 2; j > floor && j >= i - 40; j--) {
      const t = tokens[j]!;
      if (!t.isWord && t.text !== ',' && t.text !== '-' && t.text !== '’' && t.text !== "'") break;
      if (t.text !== ',') continue;
      const next = tokens[j + 1]!;
      // "A senior official, who spoke on condition of anonymity, said": a relative clause after any noun.
      if (next.isWord && (isNameWord(tokens[j - 1]!) || (RELATIVE_OPENERS.has(next.lower) && tokens[j - 1]!.isWord && !PRONOUNS.has(tokens[j - 1]!.lower)))) {
        description = textOf(tokens, j + 1, i);
        last = j - 1;
        break;
      }
    }
    if (description === null) last = i - 1; // "One analyst at X, said": the comma is noise
    if (last >= floor) last = skipParenthesis(tokens, last, floor);
  }
  if (last < floor) return null;
  const head = tokens[last]!;
  if (!head.isWord) return null;
  if (PRONOUNS.has(head.lower)) return pronounPhrase(head);
  let first = last;
  if (isNameWord(head)) {
    first = nameRunStart(tokens, last, floor);
  } else if (BOUNDARIES.has(head.lower)) {
    return null;
  }
  // Walk on over a noun phrase: lower-case words up to a determiner, and prepositional tails.
  let isName = isNameWord(head);
  for (let steps = 0; first > floor && steps < MAX_PHRASE && last - first < MAX_PHRASE; steps++) {
    const prev = tokens[first - 1]!;
    if (!prev.isWord || BOUNDARIES.has(prev.lower) || PRONOUNS.has(prev.lower) || LEXICON.cues.has(prev.lower)) break;
    if (DETERMINERS.has(prev.lower)) {
      first--;
      if (first - 1 >= floor && PREPOSITIONS.has(tokens[first - 1]!.lower)) continue;
      break;
    }
    if (PREPOSITIONS.has(prev.lower) && !prev.isCapital) {
      if (first - 2 < floor || !tokens[first - 2]!.isWord) break;
      first--;
      isName = false; // the phrase's head is now the word before the preposition
      continue;
    }
    if (prev.isCapital) {
      first = nameRunStart(tokens, first - 1, floor);
      continue;
    }
    if (isName && !determinerWithin(tokens, first - 1, floor)) break;
    first--;
  }
  if (PREPOSITIONS.has(tokens[first]!.lower)) return null;
  return classify(tokens, first, last + 1, description);
}

/** The speaker phrase right after the cue at `cue` ("said Smith", "added the official"). */
export function phraseAfter(tokens: readonly Token[], cue: number): SpeakerPhrase | null {
  const first = cue + 1;
  const head = tokens[first];
  if (!head?.isWord) return null;
  if (PRONOUNS.has(head.lower)) return pronounPhrase(head);
  let end = first;
  if (isNameWord(head) && !DETERMINERS.has(head.lower)) {
    while (end < tokens.length && (isNameWord(tokens[end]!) || (CONNECTORS.has(tokens[end]!.lower) && isNameWord(tokens[end + 1] ?? tokens[end]!) && end + 1 < tokens.length))) end++;
  } else {
    while (end < tokens.length && end - first < MAX_PHRASE) {
      const t = tokens[end]!;
      if (!t.isWord || STOP_AFTER.has(t.lower) || BOUNDARIES.has(t.lower)) break;
      end++;
    }
  }
  if (end === first) return null;
  let description: string | null = null;
  if (tokens[end]?.text === ',' && DESCRIPTION_START.has(tokens[end + 1]?.lower ?? '')) {
    let stop = end + 1;
    while (stop < tokens.length && stop - end < 25 && tokens[stop]!.text !== '.' && tokens[stop]!.text !== ',' && tokens[stop]!.text !== ';') stop++;
    description = textOf(tokens, end + 1, stop);
  }
  return classify(tokens, first, end, description);
}

/** "Rep. Paul Ryan (R-WI) said": from a closing parenthesis at `i`, the index before its opener (else `i`). */
function skipParenthesis(tokens: readonly Token[], i: number, floor: number): number {
  if (tokens[i]?.text !== ')') return i;
  for (let j = i - 1; j > floor && j >= i - 8; j--) {
    const t = tokens[j]!;
    if (t.text === '(') return isNameWord(tokens[j - 1]!) ? j - 1 : i;
    if (t.text === ')' || t.text === ';') return i;
  }
  return i;
}

const INTRO_END = new Set([',']);
const COORDINATORS = new Set(['but', 'and', 'or', 'so', 'yet', 'still', 'then', 'now']);
const DASH_TOKENS = new Set(['—', '–', '-']);

/** End (exclusive) of the name run that starts at `s`, with inner connectors. */
function nameEnd(tokens: readonly Token[], s: number, to: number): number {
  let end = s + 1;
  while (end < to && (isNameWord(tokens[end]!) || (CONNECTORS.has(tokens[end]!.lower) && end + 1 < to && isNameWord(tokens[end + 1]!)))) end++;
  return end;
}

/** "WASHINGTON (AP) — The …", "PHILADELPHIA, July 25 (UPI) — The …": the index after a dateline. */
function skipDateline(tokens: readonly Token[], from: number, to: number): number {
  const first = tokens[from];
  if (!first?.isWord || first.text.length < 3 || first.text !== first.text.toUpperCase() || /\d/.test(first.text)) return from;
  for (let k = from + 1; k < to && k <= from + 12; k++) if (DASH_TOKENS.has(tokens[k]!.text)) return k + 1;
  return from;
}
/** Sentence adverbs and time phrases that open an introductory phrase ("Indeed, …", "Just last week, …", "Back in 1999, …"). */
const INTRO_WORDS = new Set(['indeed', 'just', 'back', 'however', 'meanwhile', 'instead', 'moreover', 'furthermore', 'nevertheless', 'nonetheless', 'earlier', 'separately', 'similarly', 'likewise', 'finally', 'again', 'besides', 'overall', 'ultimately', 'elsewhere', 'afterward', 'afterwards', 'soon', 'yesterday', 'today', 'tonight', 'last', 'next', 'once', 'first', 'second', 'third', 'here', 'there', 'thus', 'hence', 'therefore', 'otherwise', 'still', 'now', 'then', 'even', 'days', 'weeks', 'months', 'years', 'hours', 'minutes', 'moments', 'late', 'early', 'asked', 'reached', 'pressed', 'questioned', 'interviewed', 'contacted', 'by', 'under', 'amid', 'despite', 'without', 'among', 'against', 'following', 'within', 'throughout', 'across', 'until', 'ahead', 'around', 'like', 'unlike', 'upon']);
const TIME_ENDS = new Set(['later', 'ago', 'earlier', 'before']);
/** "Asked on Monday whether …,", "Pressed about …,": a participle opener is introductory when one of these follows. */
const AFTER_PARTICIPLE = new Set(['by', 'about', 'on', 'in', 'at', 'for', 'if', 'whether', 'to', 'after', 'during', 'with', 'from', 'over', 'why', 'what', 'how', 'later']);
const VERBISH = new Set(['is', 'are', 'was', 'were', 'has', 'have', 'had', 'will', 'would', 'can', 'could', 'may', 'might', 'should', 'must', 'did', 'does', 'do', 'then', 'also', 'again', 'went', 'took', 'made', 'gave', 'sent']);
const MAX_SUBJECT = 7;

/**
 * The subject of the clause that starts at `from` ("Moore thanked him for “…”", "Hours later, Trump
 * returned …, telling Reuters, “…”"): an introductory phrase closed by a comma is skipped, then a
 * pronoun, a name run or a short noun phrase is read. Null when the clause opens with no subject.
 */
export function subjectPhrase(tokens: readonly Token[], from: number, to: number): SpeakerPhrase | null {
  let s = skipDateline(tokens, from, to);
  while (s < to && !tokens[s]!.isWord) s++;
  if (s >= to) return null;
  if (COORDINATORS.has(tokens[s]!.lower)) s++; // "But Kelly was …"
  for (let round = 0; round < 3 && s < to; round++) {
    const opener = tokens[s]!;
    const timePhrase = TIME_ENDS.has(tokens[s + 1]?.lower ?? '') || TIME_ENDS.has(tokens[s + 2]?.lower ?? '') || TIME_ENDS.has(tokens[s + 3]?.lower ?? ''); // "A few days later, …"
    const participle = opener.lower.length > 4 && opener.lower.endsWith('ed') && AFTER_PARTICIPLE.has(tokens[s + 1]?.lower ?? '');
    const intro = !PRONOUNS.has(opener.lower) && (BOUNDARIES.has(opener.lower) || STOP_AFTER.has(opener.lower) || PREPOSITIONS.has(opener.lower) || INTRO_WORDS.has(opener.lower) || participle || timePhrase || opener.lower.endsWith('ing') || opener.lower.endsWith('ly') || /^\d/.test(opener.lower) || tokens[s + 1]?.lower === 'later');
    // "For his part, Bush …", "Speaking in Salem, New Hampshire, Trump …", "When he returned, he …"
    if (!intro && !(round > 0 && isNameWord(opener) && tokens[nameEnd(tokens, s, to)]?.text === ',')) break;
    let k = s + 1;
    while (k < to && k <= s + 25 && !INTRO_END.has(tokens[k]!.text)) k++;
    if (k >= to - 1 || k > s + 25) return null;
    s = k + 1;
  }
  const head = tokens[s];
  if (!head?.isWord || s + 1 >= to) return null;
  // "It’s denouncing what it calls …": a pronoun with its clitic is still the pronoun.
  if (PRONOUNS.has(head.lower) || PRONOUNS.has(head.lower.replace(/['’]s$/u, ''))) return pronounPhrase(head);
  let end = s + 1;
  if (isNameWord(head) && !DETERMINERS.has(head.lower)) {
    end = nameEnd(tokens, s, to);
    const phrase = end < to ? classify(tokens, s, end, null) : null;
    if (phrase && /['’]s$/.test(tokens[end - 1]!.lower)) phrase.speaker = phrase.speaker.slice(0, -2); // Clinton’s campaign
    return phrase;
  }
  // A noun phrase: a few words up to the first that reads as its verb.
  while (end < to && end - s < MAX_SUBJECT) {
    const t = tokens[end]!;
    if (!t.isWord || STOP_AFTER.has(t.lower) || BOUNDARIES.has(t.lower) || VERBISH.has(t.lower) || LEXICON.cues.has(t.lower) || SKIPPABLE.has(t.lower)) break;
    if (end > s + 1 && (t.lower.endsWith('ed') || t.lower.endsWith('ly'))) break;
    end++;
  }
  return end < to ? classify(tokens, s, end, null) : null;
}

/** Whether a determiner or preposition sits within three tokens back from `at` (inclusive). */
function determinerWithin(tokens: readonly Token[], at: number, floor: number): boolean {
  for (let k = at; k >= floor && k > at - 3; k--) {
    const t = tokens[k]!;
    if (!t.isWord) return false;
    if (DETERMINERS.has(t.lower) || /['’]s$/.test(t.lower)) return true;
  }
  return false;
}

function pronounPhrase(token: Token): SpeakerPhrase {
  const word = token.lower.replace(/['’]s$/u, '');
  return {
    span: { start: token.start, end: token.start + word.length },
    kind: SELF.has(word) ? 'self' : 'pronoun',
    speaker: word === 'i' ? 'I' : word,
    description: null,
    anonymousRule: null,
  };
}

/** First index of the run of name words (with inner connectors) that ends at `last`. */
function nameRunStart(tokens: readonly Token[], last: number, floor: number): number {
  let first = last;
  while (first > floor) {
    const prev = tokens[first - 1]!;
    if (isNameWord(prev) && !(prev.lower === 'the' && first - 1 === floor)) first--;
    else if (CONNECTORS.has(prev.lower) && first - 2 >= floor && isNameWord(tokens[first - 2]!) && prev.lower !== 'the' && prev.lower !== 'and') first--;
    else if (prev.lower === 'the' && first - 2 >= floor && CONNECTORS.has(tokens[first - 2]!.lower) && tokens[first - 2]!.lower !== 'the') first--;
    else break;
  }
  return first;
}

function textOf(tokens: readonly Token[], from: number, to: number): string {
  return tokens
    .slice(from, to)
    .map((t) => t.text)
    .join(' ')
    .replace(/ ([,.;:’'])/g, '$1');
}

/** First token of the name in tokens[from, end), after leading determiners, connectors and titles (core/person-titles). */
function afterTitles(tokens: readonly Token[], from: number, end: number): number {
  let k = from;
  for (;;) {
    while (k < end - 1 && (BEFORE_TITLE.has(tokens[k]!.lower) || CONNECTORS.has(tokens[k]!.lower))) k++;
    const title = leadingTitleLength((i) => tokens[i]!.lower, k, end);
    if (title === 0) return k;
    k += title;
  }
}

/** Reads the phrase tokens[from, to): a name, a role or an anonymous source. */
function classify(tokens: readonly Token[], from: number, to: number, description: string | null): SpeakerPhrase | null {
  let headEnd = to;
  // "Secretary of State Paul Ardent": an office after a title is no prepositional phrase.
  for (let k = Math.max(from + 1, afterTitles(tokens, from, to)); k < to; k++) {
    if (PREPOSITIONS.has(tokens[k]!.lower) && !tokens[k]!.isCapital) {
      headEnd = k;
      break;
    }
  }
  const head = tokens[headEnd - 1]!;
  const span = { start: tokens[from]!.start, end: tokens[to - 1]!.end };
  const determiner = tokens[from]!.lower;
  const phrase = textOf(tokens, from, to);
  const anonymous = LEXICON.anonymousHeads.get(head.lower);
  // "Officials said", "Spokespeople for X said": a capitalised head alone at the start is no name.
  if (head.isCapital && !DETERMINERS.has(head.lower) && !(anonymous && headEnd - 1 === from)) {
    // A name: the capitalised run that ends the head, without leading titles and determiners.
    let nameStart = headEnd - 1;
    while (nameStart > from && (isNameWord(tokens[nameStart - 1]!) || CONNECTORS.has(tokens[nameStart - 1]!.lower))) nameStart--;
    while (nameStart < headEnd - 1 && isNotSpeaker(tokens[nameStart]!)) nameStart++;
    if (headEnd - nameStart === 1 && isNotSpeaker(tokens[nameStart]!)) return null;
    nameStart = afterTitles(tokens, nameStart, headEnd);
    // "California Attorney General Xavier Becerra": a title inside the run; the name follows it.
    nameStart = afterInnerTitle((i) => tokens[i]!.lower, nameStart, headEnd);
    const lead = nameStart > from ? textOf(tokens, from, nameStart) : null;
    return {
      span,
      kind: 'name',
      speaker: textOf(tokens, nameStart, headEnd),
      description: description ?? (lead && lead.toLowerCase() !== 'the' ? lead : null),
      anonymousRule: null,
    };
  }
  if (anonymous && (LEXICON.anonymousDeterminers.has(determiner) || !DETERMINERS.has(determiner) || (determiner === 'the' && !anonymous.indefiniteOnly))) {
    return { span, kind: 'anonymous', speaker: phrase, description, anonymousRule: anonymous.id };
  }
  if (DETERMINERS.has(determiner) || LEXICON.roles.has(head.lower)) {
    if (to - from === 1 && DETERMINERS.has(determiner)) return null;
    // "a ministry", "one department": an office the article does not name is an unnamed source.
    if (LEXICON.roles.has(head.lower) && LEXICON.anonymousDeterminers.has(determiner)) {
      return { span, kind: 'anonymous', speaker: phrase, description, anonymousRule: 'anon-indefinite-role' };
    }
    return { span, kind: 'role', speaker: phrase, description, anonymousRule: null };
  }
  return null;
}
