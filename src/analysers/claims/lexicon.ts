/**
 * The claims analyser's lexicons, loaded from lexicons/*.json and compiled once into phrase
 * matchers keyed by their first token. A pattern is a list of alternatives separated by "|", each a
 * space-separated sequence of lower-case tokens, matched against the tokens of a sentence: no
 * regular expressions, so matching is linear in the number of tokens.
 */
import { MarginaliaError } from '../../core/errors.js';
import attributionData from './lexicons/attribution.json' with { type: 'json' };
import claimTypeData from './lexicons/claim-types.json' with { type: 'json' };
import hedgeData from './lexicons/hedges.json' with { type: 'json' };
import opinionData from './lexicons/opinion.json' with { type: 'json' };
import type { Token } from './tokens.js';

/** One entry of a lexicon file. */
export interface LexiconEntry {
  id: string;
  /** Alternatives separated by "|"; each a space-separated token sequence. */
  pattern: string;
  /** Which list of the file the entry belongs to (e.g. `cue`, `anonymous`). */
  group?: string;
  note: string;
  source: string;
}

/** A phrase match: the entry and the index just past the last matched token. */
export interface PhraseMatch {
  entry: LexiconEntry;
  end: number;
}

/** Phrases indexed by their first token; the longest phrase is tried first. */
export class PhraseSet {
  private readonly byFirst = new Map<string, { tokens: string[]; entry: LexiconEntry }[]>();

  constructor(entries: readonly LexiconEntry[]) {
    for (const entry of entries) {
      for (const alternative of entry.pattern.split('|')) {
        const tokens = alternative.trim().split(/\s+/u);
        const list = this.byFirst.get(tokens[0]!) ?? [];
        list.push({ tokens, entry });
        list.sort((a, b) => b.tokens.length - a.tokens.length);
        this.byFirst.set(tokens[0]!, list);
      }
    }
  }

  /** The longest phrase starting at token `i` and ending before `limit`, or null. */
  matchAt(tokens: readonly Token[], i: number, limit: number = tokens.length): PhraseMatch | null {
    const list = this.byFirst.get(tokens[i]!.lower);
    if (!list) return null;
    for (const phrase of list) {
      const n = phrase.tokens.length;
      if (i + n > limit) continue;
      let k = 1;
      while (k < n && tokens[i + k]!.lower === phrase.tokens[k]) k++;
      if (k === n) return { entry: phrase.entry, end: i + n };
    }
    return null;
  }

  /** Whether a single token is a one-word phrase of the set. */
  hasWord(lower: string): boolean {
    return this.byFirst.get(lower)?.some((p) => p.tokens.length === 1) ?? false;
  }

  /** First match in [from, to), or null. */
  findIn(tokens: readonly Token[], from: number, to: number): { start: number; match: PhraseMatch } | null {
    for (let i = from; i < to; i++) {
      const match = this.matchAt(tokens, i, to);
      if (match) return { start: i, match };
    }
    return null;
  }
}

/** Checks the shape of one file's entries; throws E_INTERNAL naming the file and entry. */
export function checkEntries(file: string, entries: readonly unknown[]): LexiconEntry[] {
  const seen = new Set<string>();
  return entries.map((raw, index) => {
    const entry = raw as Record<string, unknown>;
    const id = typeof entry.id === 'string' ? entry.id : `#${index}`;
    const missing = ['id', 'pattern', 'note', 'source'].find((key) => typeof entry[key] !== 'string' || entry[key] === '');
    const problem = seen.has(id)
      ? 'a duplicate id'
      : missing
        ? `no ${missing}`
        : (entry.pattern as string) !== (entry.pattern as string).toLowerCase() || /\|\||^\||\|$/u.test(entry.pattern as string)
          ? 'a pattern that is not lower case or has an empty alternative'
          : null;
    seen.add(id);
    if (problem) throw new MarginaliaError('E_INTERNAL', `Claims lexicon entry "${id}" in lexicons/${file} has ${problem}.`, { subject: file });
    return entry as unknown as LexiconEntry;
  });
}

function group(entries: readonly LexiconEntry[], name: string): PhraseSet {
  return new PhraseSet(entries.filter((entry) => entry.group === name));
}

const attribution = checkEntries('attribution.json', attributionData.entries);
const opinion = checkEntries('opinion.json', opinionData.entries);
const claimTypes = checkEntries('claim-types.json', claimTypeData.entries);
const hedges = checkEntries('hedges.json', hedgeData.entries);

/** Every entry by file, for docs and tests. */
export const LEXICON_FILES: Readonly<Record<string, readonly LexiconEntry[]>> = {
  'hedges.json': hedges,
  'attribution.json': attribution,
  'opinion.json': opinion,
  'claim-types.json': claimTypes,
};

/** The compiled phrase sets the analyser uses. */
export const LEXICON = {
  hedge: new PhraseSet(hedges),
  cue: group(attribution, 'cue'),
  according: group(attribution, 'according'),
  anonymous: group(attribution, 'anonymous'),
  body: group(attribution, 'body'),
  pronoun: group(attribution, 'pronoun'),
  connector: group(attribution, 'connector'),
  judgement: group(opinion, 'judgement'),
  obligation: group(opinion, 'obligation'),
  evaluative: group(opinion, 'evaluative'),
  copula: group(opinion, 'copula'),
  privateState: group(opinion, 'private-state'),
  quantity: group(claimTypes, 'quantity'),
  comparison: group(claimTypes, 'comparison'),
  causal: group(claimTypes, 'causal'),
  prediction: group(claimTypes, 'prediction'),
  event: group(claimTypes, 'event'),
} as const;
