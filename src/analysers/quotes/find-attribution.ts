/**
 * The attribution of a quoted span: the cue verb and speaker phrase around it. After the quote
 * ("…," she said / said Smith / — Name), before it (Smith said: “…” / Daesh claimed it was an
 * “…” / according to X, “…”), or a colon-introduced quote (The minister was blunt: “…”). The
 * search is bounded to the clause around the quote, so the cost is linear in the text.
 */
import type { Span } from '../../core/types.js';
import { LEXICON, type CueEntry } from './lexicon.js';
import { phraseAfter, phraseBefore, subjectPhrase, type SpeakerPhrase } from './speaker-phrase.js';
import type { Token } from './tokenize.js';

/** Where the attribution was found, as a rule id. */
export type AttributionRule = 'cue-after' | 'cue-before' | 'dash' | 'colon' | 'according-to' | 'bracket' | 'subject';

/** A speaker phrase with the cue that introduces it. */
export interface Attribution {
  phrase: SpeakerPhrase;
  cue: CueEntry | null;
  /** The cue word(s) as written, lower case ("said", "pointed out"). */
  cueText: string | null;
  cueSpan: Span | null;
  rule: AttributionRule;
  confidence: number;
}

const SENTENCE_END = new Set(['.', '!', '?', ';']);
const NOUN_MARKERS = new Set([
  'a', 'an', 'the', 'his', 'her', 'their', 'its', 'our', 'my', 'your', 'this', 'that', 'these', 'those', 'caustic', 'new', 'latest', 'first',
  // "secretary of state", "about alleged abuse", "over claimed losses": no verb right after a preposition.
  'of', 'about', 'over', 'against', 'despite', 'amid', 'among',
]);
/** "Here is X …:", "This is what X said:": the speaker follows the verb. */
const PRESENTERS = new Set(['here', 'below']);
const BE = new Set(['is', 'are', "'s", '’s']);
/** Cue forms that are also nouns ("the full report", "his latest remarks"). */
const NOUN_FORMS = new Set(['report', 'reports', 'claim', 'claims', 'comment', 'comments', 'tweet', 'tweets', 'post', 'posts', 'note', 'notes', 'reply', 'replies', 'answer', 'answers', 'call', 'calls', 'warning', 'warnings', 'remark', 'remarks', 'promise', 'promises', 'vow', 'vows', 'pledge', 'pledges', 'statement', 'statements']);
/** Words after "read" that leave it a verb of reading out ("read from", inverted "…,” read the statement"), not of reading something. */
const READ_ON = new Set(['from', 'out', 'aloud', 'in', 'on', 'at', 'the', 'a', 'an', 'one', 'another', 'his', 'her', 'their', 'its']);
/** A past form of a cue ("called", "said", "told", "wrote"): never a noun. */
const PAST = /(?:ed|^said|^told|^wrote|^spoke)$/;
const REFUSALS = new Set(['declined', 'refused', 'declines', 'refuses', 'declining', 'refusing', 'not', 'unable', 'authorized', 'authorised']);
/** Naming cues: "a class called “Perception”" names a thing when the mark follows at once. */
const NAMING = new Set(['call', 'dub', 'label', 'brand', 'describe']);
const AUXILIARIES = new Set(['is', 'was', 'are', 'were', 'been', 'be', 'am', 'kept', 'keeps', 'keep', 'started', 'began', 'begin', 'continued', 'continues']);
const DASHES = new Set(['—', '–', '-']);
const MAX_AFTER = 30;
const MAX_BEFORE = 40;

/** The cue at token `i` (lower-case form, with its particle), or null. */
export function cueAt(tokens: readonly Token[], i: number, allowCapital = false): { entry: CueEntry; end: number; text: string } | null {
  const t = tokens[i];
  if (!t?.isWord || (t.isCapital && !allowCapital)) return null;
  // "the United States has", "Islamic State militants": a capitalised cue before a lower-case word is a name.
  if (t.isCapital && tokens[i + 1]?.isWord && !tokens[i + 1]!.isCapital) return null;
  const entry = LEXICON.cues.get(t.lower);
  if (!entry) return null;
  // "a report", "the chant", "Trump’s remarks", "a 2016 report": a noun, not a verb; "declined to comment": no speech.
  const prev = tokens[i - 1];
  // "a report that called them …": after the relative "that" a past form is a verb.
  const relativeVerb = prev?.lower === 'that' && PAST.test(t.lower);
  if (prev && ((NOUN_MARKERS.has(prev.lower) && !relativeVerb) || /^\d[\d,.]*$/.test(prev.text) || /['’]s$/.test(prev.lower) || (prev.lower === 'to' && REFUSALS.has(tokens[i - 2]?.lower ?? '')))) return null;
  // "Mueller’s full report", "the new report": a noun form after a possessive or article and one adjective.
  if (NOUN_FORMS.has(t.lower) && prev?.isWord && !prev.isCapital && !prev.lower.endsWith('ly')) {
    const before = tokens[i - 2];
    if (before && (NOUN_MARKERS.has(before.lower) || /['’]s$/.test(before.lower))) return null;
  }
  // "Full Mueller Report ‘Without Delay’": a capitalised cue after a capitalised word is part of a name or headline.
  if (t.isCapital && prev?.isWord && prev.isCapital && i > 1) return null;
  // "the sign read: …", "she read from the letter": "read every word of the contract" quotes nothing.
  if (entry.lemma === 'read' && tokens[i + 1]?.isWord && !READ_ON.has(tokens[i + 1]!.lower)) return null;
  if (entry.particle) {
    const next = tokens[i + 1];
    if (next?.lower !== entry.particle) return null;
    return { entry, end: i + 2, text: `${t.lower} ${next.lower}` };
  }
  return { entry, end: i + 1, text: t.lower };
}

function attribution(phrase: SpeakerPhrase, tokens: readonly Token[], cueIndex: number, cue: ReturnType<typeof cueAt>, rule: AttributionRule, confidence: number): Attribution {
  return {
    phrase,
    cue: cue?.entry ?? null,
    cueText: cue?.text ?? null,
    cueSpan: cue ? { start: tokens[cueIndex]!.start, end: tokens[cue.end - 1]!.end } : null,
    rule,
    confidence,
  };
}

/** Attribution in the tokens right after the closing mark. */
export function attributionAfter(tokens: readonly Token[]): Attribution | null {
  let i = 0;
  while (i < tokens.length && (tokens[i]!.text === ',' || tokens[i]!.text === '.')) i++;
  if (tokens[i]?.text === '[') return bracketSource(tokens, i);
  if (i < tokens.length && DASHES.has(tokens[i]!.text)) {
    const phrase = phraseAfter(tokens, i);
    return phrase ? attribution(phrase, tokens, i, null, 'dash', 0.85) : null;
  }
  const first = i;
  for (; i < tokens.length && i - first < MAX_AFTER; i++) {
    const t = tokens[i]!;
    if (!t.isWord) {
      if (SENTENCE_END.has(t.text) || t.text === '“' || t.text === '"') return null;
      // "Rep. Earl Blumenauer (D-Ore.) said": a short parenthesis inside the phrase.
      if (t.text === '(') i = closingParenthesis(tokens, i);
      continue;
    }
    // "…,” according to X": a capitalised "According" starts the next sentence and credits what follows.
    if (t.lower === 'according' && tokens[i + 1]?.lower === 'to' && i === first && !t.isCapital) {
      const phrase = phraseAfter(tokens, i + 1);
      return phrase ? attribution(phrase, tokens, i, null, 'according-to', 0.85) : null;
    }
    const cue = cueAt(tokens, i, i > first);
    if (!cue) continue;
    if (i === first) {
      const phrase = phraseAfter(tokens, cue.end - 1);
      return phrase ? attribution(phrase, tokens, i, cue, 'cue-after', 0.9) : null;
    }
    const phrase = phraseBefore(tokens, i, first);
    if (tokens[i - 1]!.text === ',' && phrase?.description == null && tokens[first]!.start < (phrase?.span.start ?? Infinity) && !tokens[first]!.isCapital) {
      // "…,'' like the recent swings, said Richard Curtin": the speaker follows the cue.
      const inverted = phraseAfter(tokens, cue.end - 1);
      return inverted ? attribution(inverted, tokens, i, cue, 'cue-after', 0.8) : null;
    }
    if (!phrase) return null;
    // "Sanders campaign manager Jeff Weaver said": words before the name still belong to the phrase.
    for (let k = first; k < tokens.length && tokens[k]!.start < phrase.span.start; k++) if (!tokens[k]!.isWord || CLAUSE_OPENERS.has(tokens[k]!.lower)) return null;
    phrase.span = { start: tokens[first]!.start, end: phrase.span.end };
    return attribution(phrase, tokens, i, cue, 'cue-after', 0.9);
  }
  return null;
}

/** The index of the ')' that closes the '(' at `open` within a few tokens, else `open`. */
function closingParenthesis(tokens: readonly Token[], open: number): number {
  for (let k = open + 1; k < tokens.length && k - open <= 8; k++) if (tokens[k]!.text === ')') return k;
  return open;
}

/** Attribution in the clause before the opening mark (tokens end right before it). */
export function attributionBefore(tokens: readonly Token[]): Attribution | null {
  let floor = 0;
  for (let k = tokens.length - 1; k >= 0; k--) {
    if (SENTENCE_END.has(tokens[k]!.text)) {
      floor = k + 1;
      break;
    }
  }
  const lowest = Math.max(floor, tokens.length - MAX_BEFORE);
  for (let i = tokens.length - 1; i >= lowest; i--) {
    const t = tokens[i]!;
    if (t.lower === 'according' && tokens[i + 1]?.lower === 'to') {
      const phrase = phraseAfter(tokens, i + 1);
      if (phrase) return attribution(phrase, tokens, i, null, 'according-to', 0.85);
    }
    const cue = cueAt(tokens, i, i > floor || tokens[i + 1]?.isCapital === true);
    if (!cue) continue;
    if (cue.end === tokens.length && NAMING.has(cue.entry.lemma)) continue;
    const phrase = cuePhrase(tokens, i, cue.end, floor);
    if (phrase) return attribution(phrase, tokens, i, cue, 'cue-before', 0.88);
  }
  const last = tokens[tokens.length - 1];
  if (last?.text === ':' && tokens.length - 1 > floor) {
    // "Here is Senator Chuck Schumer repeating the claim: “…”": the speaker comes after "Here is".
    const presenting = PRESENTERS.has(tokens[floor]!.lower) && BE.has(tokens[floor + 1]?.lower ?? '');
    const at = presenting ? floor + 1 : floor - 1;
    const head = tokens[at + 1];
    const phrase = head?.isWord ? phraseAfter(tokens, at) : null;
    if (phrase && phrase.kind !== 'role') return attribution(phrase, tokens, floor, null, 'colon', 0.7);
  }
  return null;
}

/**
 * The subject of the cue at `i` in the clause before a quote: "asked by X" names X; a participle
 * after a comma ("…, saying “…”") takes the clause's subject; otherwise the phrase before the cue,
 * or the inverted "said Smith: “…”".
 */
function cuePhrase(tokens: readonly Token[], i: number, cueEnd: number, floor: number): SpeakerPhrase | null {
  if (tokens[cueEnd]?.lower === 'by') return phraseAfter(tokens, cueEnd);
  const relative = relativeSubject(tokens, i, floor);
  if (relative) return relative;
  if (tokens[i]!.lower.endsWith('ing') && tokens[i - 1]?.text === ',') return floor < i - 1 ? subjectPhrase(tokens, floor, i - 1) : null;
  // "The town released a statement saying …": a participle takes the clause's subject.
  if (tokens[i]!.lower.endsWith('ing') && i > floor && !AUXILIARIES.has(tokens[i - 1]!.lower)) {
    const subject = subjectPhrase(tokens, floor, i);
    if (subject) return subject;
  }
  const before = phraseBefore(tokens, i, floor);
  if (before) return before;
  // "Carson took the stage and called the system “…”": the clause's subject, not the object.
  if (i > floor && (BOUNDARIES_BEFORE.has(tokens[i - 1]!.lower) || tokens[i - 1]!.text === ',')) return subjectPhrase(tokens, floor, i);
  return NOT_INVERTED.has(tokens[i]!.lower) ? null : phraseAfterInverted(tokens, cueEnd - 1);
}

const RELATIVES = new Set(['who', 'which', 'that']);
const RELATIVE_FILLERS = new Set(['has', 'have', 'had', 'also', 'since', 'later', 'then', 'once', 'previously', 'publicly', 'repeatedly', 'often', 'in', 'the', 'past', 'recently', 'had', 'would', 'will', 'did', 'not']);

/**
 * "Beck, who has in the past described …", "the report, which notes …": the cue's subject is the
 * relative pronoun. Its span is the pronoun (the subject of the cue, PolNeAR's convention) and the
 * speaker is the antecedent before it; null when no antecedent phrase is found.
 */
function relativeSubject(tokens: readonly Token[], i: number, floor: number): SpeakerPhrase | null {
  let k = i - 1;
  while (k > floor && i - k <= 5 && tokens[k]!.isWord && RELATIVE_FILLERS.has(tokens[k]!.lower)) k--;
  // "who, like several other brothers, remembered": a short parenthetical between commas.
  if (tokens[k]?.text === ',' && i - k <= 12) {
    let j = k - 1;
    while (j > floor && k - j <= 10 && tokens[j]!.text !== ',') j--;
    if (tokens[j]?.text === ',' && RELATIVES.has(tokens[j - 1]?.lower ?? '')) k = j - 1;
  }
  const pronoun = tokens[k];
  if (k <= floor || !pronoun || !RELATIVES.has(pronoun.lower)) return null;
  // "that" after a noun is a relative only when no subject follows it ("a speech that included").
  if (pronoun.lower === 'that' && !tokens[k - 1]?.isWord) return null;
  const antecedent = phraseBefore(tokens, k, floor);
  if (!antecedent || antecedent.kind === 'pronoun' || antecedent.kind === 'self') return null;
  return { ...antecedent, span: { start: pronoun.start, end: pronoun.end } };
}

const BOUNDARIES_BEFORE = new Set(['and', 'but', 'then', 'also', 'or', 'which', 'who', 'that']);
/** A clause after a quote that opens with these is not its attribution ("…,” but he also warned). */
const CLAUSE_OPENERS = new Set(['but', 'and', 'or', 'while', 'when', 'as', 'though', 'although', 'because', 'if', 'on', 'in', 'at', 'after', 'before', 'since', 'which', 'who', 'so', 'yet', 'like', 'where']);
/** Cues whose following phrase is an object or an addressee, never the speaker. */
const NOT_INVERTED = new Set(['called', 'described', 'told', 'asked', 'reads', 'read', 'echoed', 'promised', 'pledged']);

/** "… “headline quote” [WaPo.]": a digest's source in brackets right after the quote. */
function bracketSource(tokens: readonly Token[], open: number): Attribution | null {
  let close = open + 1;
  while (close < tokens.length && close - open < 8 && tokens[close]!.text !== ']') close++;
  if (tokens[close]?.text !== ']' || !tokens[open + 1]?.isCapital) return null;
  const end = tokens[close - 1]!.text === '.' ? close - 1 : close;
  const phrase = end > open + 1 ? phraseAfter(tokens.slice(0, end), open) : null;
  return phrase ? attribution(phrase, tokens, open, null, 'bracket', 0.75) : null;
}

/** "said Smith: “…”": the inverted order before a quote, only when the phrase runs up to the mark. */
function phraseAfterInverted(tokens: readonly Token[], cue: number): SpeakerPhrase | null {
  const phrase = phraseAfter(tokens, cue);
  if (!phrase) return null;
  const next = tokens.findIndex((t) => t.start >= phrase.span.end);
  return (next === -1 && phrase.kind === 'name') || tokens[next]?.text === ',' || tokens[next]?.text === ':' ? phrase : null;
}
