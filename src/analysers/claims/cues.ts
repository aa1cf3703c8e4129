/**
 * One pass over a sentence's tokens that finds every lexicon cue the claims analyser reads: hedges,
 * attribution verbs, opinion words, and the cues of each claim type. All phrase lists are merged
 * into one table keyed by first token, so each token costs one Map lookup. Past-tense verbs not in
 * the list are caught by their -ed ending.
 */
import { LEXICON_FILES, type LexiconEntry } from './lexicon.js';
import { WORD, type Token } from './tokens.js';

/** The cue groups found by the scan. */
export type CueGroup =
  | 'hedge'
  | 'cue'
  | 'according'
  | 'judgement'
  | 'obligation'
  | 'evaluative'
  | 'quantity'
  | 'comparison'
  | 'causal'
  | 'prediction'
  | 'event';

/** A cue found in a sentence: token range [start, end) and the entry it came from. */
export interface Cue {
  group: CueGroup;
  start: number;
  end: number;
  entry: LexiconEntry;
}

const SCANNED: Readonly<Record<string, readonly CueGroup[]>> = {
  'hedges.json': ['hedge'],
  'attribution.json': ['cue', 'according'],
  'opinion.json': ['judgement', 'obligation', 'evaluative'],
  'claim-types.json': ['quantity', 'comparison', 'causal', 'prediction', 'event'],
};

interface Phrase {
  tokens: string[];
  group: CueGroup;
  entry: LexiconEntry;
}

const TABLE = new Map<string, Phrase[]>();
for (const [file, groups] of Object.entries(SCANNED)) {
  for (const entry of LEXICON_FILES[file] ?? []) {
    const group = (entry.group ?? 'hedge') as CueGroup;
    if (!groups.includes(group)) continue;
    for (const alternative of entry.pattern.split('|')) {
      const tokens = alternative.trim().split(/\s+/u);
      const list = TABLE.get(tokens[0]!) ?? [];
      list.push({ tokens, group, entry });
      TABLE.set(tokens[0]!, list);
    }
  }
}
// Longest first, so the first match of a group at a token is its longest.
for (const list of TABLE.values()) list.sort((a, b) => b.tokens.length - a.tokens.length);

const PAST_ED: LexiconEntry = {
  id: 'event-past-ed',
  pattern: '*ed',
  note: 'A word ending in -ed read as a past-tense verb.',
  source: 'English past-tense morphology.',
};

const GROUP_BITS: Readonly<Record<CueGroup, number>> = {
  hedge: 0,
  cue: 1,
  according: 2,
  judgement: 3,
  obligation: 4,
  evaluative: 5,
  quantity: 6,
  comparison: 7,
  causal: 8,
  prediction: 9,
  event: 10,
};
const EVENT_BIT = 1 << GROUP_BITS.event;

/** Every cue in tokens [from, to), in token order (a token may start cues of several groups). */
export function scanCues(tokens: readonly Token[], from: number, to: number): Cue[] {
  const out: Cue[] = [];
  for (let i = from; i < to; i++) {
    const token = tokens[i]!;
    const list = TABLE.get(token.lower);
    let seen = 0;
    if (list) {
      for (const phrase of list) {
        const bit = 1 << GROUP_BITS[phrase.group];
        if (seen & bit) continue;
        const n = phrase.tokens.length;
        if (i + n > to) continue;
        let k = 1;
        while (k < n && tokens[i + k]!.lower === phrase.tokens[k]) k++;
        if (k < n) continue;
        seen |= bit;
        out.push({ group: phrase.group, start: i, end: i + n, entry: phrase.entry });
      }
    }
    if (!(seen & EVENT_BIT) && token.type === WORD && token.lower.length >= 5 && token.lower.endsWith('ed')) {
      out.push({ group: 'event', start: i, end: i + 1, entry: PAST_ED });
    }
  }
  return out;
}

/** The cues of `cues` (in token order) that start inside token range [from, to): a binary search and a slice. */
export function cuesIn(cues: readonly Cue[], from: number, to: number): Cue[] {
  let lo = 0;
  let hi = cues.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cues[mid]!.start < from) lo = mid + 1;
    else hi = mid;
  }
  let end = lo;
  while (end < cues.length && cues[end]!.start < to) end++;
  return cues.slice(lo, end);
}
