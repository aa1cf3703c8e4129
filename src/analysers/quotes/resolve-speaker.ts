/**
 * Resolves a speaker phrase to a name: a pronoun to the nearest compatible earlier person (the
 * first person named in the clause before it, then in each earlier sentence, skipping names inside
 * the quote itself and names whose gender does not fit), a surname to the full name used earlier,
 * and I/we to the author. Person candidates come from the mentions analyser when it ran, from
 * names found in attributions, and from capitalised words with a title or a known first name.
 */
import { leadingTitleLength } from '../../core/person-titles.js';
import { spanHolding } from '../../core/spans.js';
import type { Span } from '../../core/types.js';
import { LEXICON } from './lexicon.js';
import { NOT_NAMES, type SpeakerPhrase } from './speaker-phrase.js';
import type { TokenIndex } from './token-index.js';
import { tokenize, type Token } from './tokenize.js';

/** A person (or organisation) named somewhere in the text. */
export interface NamedCandidate {
  start: number;
  end: number;
  name: string;
  /** Known to be a person (mention label, title, first name, or an earlier speaker). */
  isPerson: boolean;
}


const DEMONYM = /(?:ian|ean|ese|ish)$/;

/** Capitalised runs in `span` of `text` (not lone sentence-initial function words), in order. */
export function candidatesIn(text: string, span: Span, knownNames: ReadonlySet<string>, index?: TokenIndex): NamedCandidate[] {
  const tokens = index ? index.range(span.start, span.end) : tokenize(text, span.start, span.end);
  const out: NamedCandidate[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (!tokens[i]!.isCapital || NOT_NAMES.has(tokens[i]!.lower)) continue;
    let j = i + 1;
    while (j < tokens.length && (tokens[j]!.isCapital || (tokens[j]!.lower === 'al' || tokens[j]!.lower === 'bin' || tokens[j]!.lower === 'de'))) j++;
    if (j > i + 1 || !DEMONYM.test(tokens[i]!.lower)) out.push(candidate(tokens, i, j, knownNames));
    i = j - 1;
  }
  return out;
}

function candidate(tokens: readonly Token[], from: number, to: number, knownNames: ReadonlySet<string>): NamedCandidate {
  const titleLength = leadingTitleLength((k) => tokens[k]!.lower, from, to);
  const nameStart = from + titleLength;
  const hasTitle = titleLength > 0;
  const words = tokens.slice(nameStart, to).map((t) => t.text.replace(/['’]s$/, ''));
  const name = words.join(' ');
  const first = words[0]!.toLowerCase();
  const isPerson =
    hasTitle || LEXICON.femaleNames.has(first) || LEXICON.maleNames.has(first) || knownNames.has(name) || knownNames.has(words[words.length - 1]!);
  return { start: tokens[from]!.start, end: tokens[to - 1]!.end, name, isPerson };
}

/** The grammatical gender a name or title shows, if any. */
export function genderOf(name: string, description: string | null): 'female' | 'male' | null {
  const first = name.split(' ')[0]!.toLowerCase().replace(/\.$/, '');
  if (LEXICON.femaleNames.has(first) || LEXICON.femaleTitles.has(first)) return 'female';
  if (LEXICON.maleNames.has(first) || LEXICON.maleTitles.has(first)) return 'male';
  const lead = description?.split(' ')[0]?.toLowerCase().replace(/\.$/, '') ?? '';
  if (LEXICON.femaleTitles.has(lead)) return 'female';
  if (LEXICON.maleTitles.has(lead)) return 'male';
  return null;
}

/** Where to look for a pronoun's antecedent: the clause before it, then earlier sentences (nearest first). */
export interface ResolutionScope {
  text: string;
  /** The document's shared tokens, when the caller has them (else the spans are tokenized here). */
  index?: TokenIndex;
  /** Spans to search, nearest first: the current sentence up to the pronoun, then earlier sentences. */
  spans: readonly Span[];
  /** The quote the pronoun attributes: names inside it are not its speaker. */
  quote: Span;
  knownNames: ReadonlySet<string>;
  /** Spans (sorted by start, disjoint) where the mentions analyser found something other than a person. */
  notPersonSpans?: readonly Span[];
  /** Gender already shown for a name by earlier pronouns. */
  genders: ReadonlyMap<string, 'female' | 'male'>;
}

/** The name a pronoun phrase refers to, or null when nothing compatible is near. */
export function resolvePronoun(phrase: SpeakerPhrase, scope: ResolutionScope): string | null {
  const pronoun = phrase.speaker;
  const want = pronoun === 'she' ? 'female' : pronoun === 'he' ? 'male' : null;
  const plural = pronoun === 'they' || pronoun === 'it';
  for (const [k, span] of scope.spans.entries()) {
    let first: NamedCandidate | null = null;
    let subjectStart = span.start;
    while (subjectStart < span.end && /[\s“"‘'(]/.test(scope.text[subjectStart]!)) subjectStart++;
    for (const found of candidatesIn(scope.text, span, scope.knownNames, scope.index)) {
      if (found.start >= scope.quote.start && found.end <= scope.quote.end) continue;
      if (plural) {
        if (!found.isPerson) return found.name;
        continue;
      }
      // A person pronoun never refers to what the mentions analyser typed as a place, group or
      // thing, even one quoted earlier ("Daesh claimed …").
      if (scope.notPersonSpans && spanHolding(scope.notPersonSpans, found.start) >= 0) continue;
      const gender = scope.genders.get(found.name) ?? genderOf(found.name, null);
      if (want && gender && gender !== want) continue;
      // The sentence's subject wins; otherwise the first known person; otherwise the first name, but
      // not in the pronoun's own clause ("In a Tumblr post she said": Tumblr is not "she").
      if (found.isPerson || found.start === subjectStart) return found.name;
      if (k > 0) first ??= found;
    }
    if (first) return first.name;
  }
  return null;
}

/** Maps surnames to the fullest name they appeared in ("Soleimani" → "Qassem Soleimani"). */
export function canonicalName(name: string, fullNames: ReadonlyMap<string, string>): string {
  const last = name.split(' ').pop()!;
  const full = fullNames.get(last);
  return full && full.length > name.length ? full : name;
}
