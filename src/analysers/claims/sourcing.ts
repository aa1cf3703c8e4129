/**
 * The sourcing status of a claim unit, decided in this order, first that applies:
 * 1. a quote annotation (quotes analyser) covering the unit: named-source, or anonymous-source when
 *    the quote's speaker is anonymous;
 * 2. an attribution in the unit's sentence ("according to X", "X said", "confirmed … by X"):
 *    named-source or anonymous-source; a pronoun takes its name from the quote or mention before it;
 * 3. a hedge in the unit ("reportedly", "it is believed", "may have"): hedged;
 * 4. a first-person judgement, an obligation modal, two evaluative words, one as predicate, or a
 *    feeling of the writer's own ("I was deeply impressed"): opinion;
 * 5. otherwise unsourced: the author asserts it as fact.
 */
import type { Annotation, Json } from '../../core/types.js';
import type { Attribution } from './attribution.js';
import type { Cue } from './cues.js';
import { LEXICON } from './lexicon.js';
import type { Token } from './tokens.js';

/** Sourcing statuses, as in the output contract. */
export type Sourcing = 'named-source' | 'anonymous-source' | 'hedged' | 'unsourced' | 'opinion';

/** What decideSourcing needs about one unit. */
export interface SourcingInput {
  text: string;
  tokens: readonly Token[];
  from: number;
  to: number;
  /** Cues inside the unit. */
  cues: readonly Cue[];
  /** The sentence's attribution, if any. */
  attribution: Attribution | null;
  /** A quote annotation that covers most of the unit, if any. */
  quote: Annotation | null;
  /** Resolves a pronoun source at a text offset to a name (from quotes or mentions), or null. */
  resolvePronoun: (offset: number) => string | null;
  /** The canonical name of a person named at a text offset (a mention's entity), else `name` itself. */
  canonicalName: (name: string, offset: number) => string;
}

/** The decision, with the rule that made it and extra data for the annotation. */
export interface SourcingDecision {
  sourcing: Sourcing;
  sourceName: string | null;
  ruleId: string;
  note: string;
  extras: { [key: string]: Json };
}

/** Decides the sourcing status of one unit (see the module comment for the order). */
export function decideSourcing(input: SourcingInput): SourcingDecision {
  const { text, tokens, from, cues, attribution, quote } = input;
  if (quote) {
    const speaker = typeof quote.data.speaker === 'string' ? quote.data.speaker : null;
    const anonymous = quote.data.anonymous === true || speaker === null;
    const cue = typeof quote.data.cue === 'string' ? quote.data.cue : null;
    return {
      sourcing: anonymous ? 'anonymous-source' : 'named-source',
      sourceName: anonymous ? null : speaker,
      ruleId: anonymous ? 'quote-anonymous' : 'quote-named',
      note: anonymous ? 'Inside a quote whose speaker is not named.' : `Inside a quote attributed to ${speaker}.`,
      extras: { cue, sourceFrom: 'quotes' },
    };
  }
  // "The engineers may have warned …", "The engineer is said to have warned …": a hedge on the
  // speech itself makes the claim hedged, whoever is said to have spoken.
  const hedgedSpeech = attribution ? cues.find((cue) => cue.group === 'hedge' && cue.start >= attribution.from && cue.start < attribution.cueAt) : undefined;
  if (attribution && !hedgedSpeech) {
    const words = text.slice(tokens[attribution.from]!.start, tokens[attribution.to - 1]!.end);
    const extras: { [key: string]: Json } = { cue: attribution.cue, sourceFrom: 'attribution', sourceText: words };
    if (attribution.kind === 'anonymous') {
      return { sourcing: 'anonymous-source', sourceName: null, ruleId: attribution.cueId, note: `Attributed ("${attribution.cue}") to "${words}", a source that is not named.`, extras };
    }
    const written = attribution.name;
    const offset = tokens[attribution.to - 1]!.start;
    const name =
      attribution.kind !== 'named' ? input.resolvePronoun(tokens[attribution.from]!.start) : written === null ? null : input.canonicalName(written, offset);
    return {
      sourcing: 'named-source',
      sourceName: name,
      ruleId: attribution.cueId,
      note: name ? `Attributed ("${attribution.cue}") to ${name}.` : `Attributed ("${attribution.cue}") to "${words}", named earlier in the article.`,
      extras,
    };
  }
  const hedge = cues.find((cue) => cue.group === 'hedge');
  if (hedge) {
    const hedgeCue = text.slice(tokens[hedge.start]!.start, tokens[hedge.end - 1]!.end);
    return { sourcing: 'hedged', sourceName: null, ruleId: hedge.entry.id, note: `Hedged with "${hedgeCue}": passed on without a source standing behind it.`, extras: { hedgeCue } };
  }
  const opinion = opinionCue(tokens, from, cues) ?? firstPersonFeeling(tokens, from, input.to);
  if (opinion) {
    const words = text.slice(tokens[opinion.start]!.start, tokens[opinion.end - 1]!.end);
    return { sourcing: 'opinion', sourceName: null, ruleId: opinion.entry.id, note: `A judgement ("${words}"), not a statement of fact.`, extras: { opinionCue: words } };
  }
  return {
    sourcing: 'unsourced',
    sourceName: null,
    ruleId: 'unsourced',
    note: 'Asserted as fact by the author, with no source, hedge or judgement word.',
    extras: {},
  };
}

/** Words that may stand between "I"/"we" and the feeling ("I was deeply impressed"). */
const FEELING_GAP = 3;

/**
 * A private-state word (opinion.json, group private-state) with "I" or "we" at most FEELING_GAP
 * words before it, as a cue, or null. Not one of the scanned cues: the claims model never reads it.
 */
function firstPersonFeeling(tokens: readonly Token[], from: number, to: number): Cue | null {
  let subject = -1;
  for (let i = from; i < to; i++) {
    const lower = tokens[i]!.lower;
    if (lower === 'i' || lower === 'we') {
      subject = i;
      continue;
    }
    if (subject < 0 || i - subject > FEELING_GAP) continue;
    const feeling = LEXICON.privateState.matchAt(tokens, i, i + 1);
    if (feeling) return { group: 'judgement', start: subject, end: i + 1, entry: feeling.entry };
  }
  return null;
}

/** The cue that makes a unit an opinion, or null. */
function opinionCue(tokens: readonly Token[], from: number, cues: readonly Cue[]): Cue | null {
  let evaluative: Cue | null = null;
  let count = 0;
  for (const cue of cues) {
    if (cue.group === 'judgement' || cue.group === 'obligation') return cue;
    if (cue.group !== 'evaluative') continue;
    count++;
    evaluative ??= cue;
    const before = cue.start > from ? tokens[cue.start - 1]! : null;
    if (before && LEXICON.copula.hasWord(before.lower)) return cue;
  }
  return count >= 2 ? evaluative : null;
}
