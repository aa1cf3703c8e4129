/**
 * The claim type of a unit, from its cues: `quantity` (a number that is not a bare year, a number
 * word, a fraction, a currency or per-cent sign), `comparison` (a comparative, superlative or
 * record, or a word ending in -er followed by "than"), `causal`, `prediction`, `event` (a past-tense
 * verb), else `other`. Tried in that order: the first that applies wins, because a number is what a
 * fact-checker can check most directly.
 */
import type { Cue } from './cues.js';
import { NUMBER, type Token } from './tokens.js';

/** Claim types, as in the output contract. */
export type ClaimType = 'quantity' | 'comparison' | 'causal' | 'prediction' | 'event' | 'other';

/** The type and the id of the cue that decided it (null for `other`). */
export interface ClaimTypeDecision {
  type: ClaimType;
  ruleId: string | null;
  /** Token index of the deciding cue. */
  at: number;
}

const ORDER: readonly ClaimType[] = ['quantity', 'comparison', 'causal', 'prediction', 'event'];

/** Whether a number token reads as a bare year (1800–2099) rather than an amount. */
export function isBareYear(tokens: readonly Token[], i: number): boolean {
  const token = tokens[i]!;
  if (token.lower.length !== 4) return false;
  const n = Number(token.lower);
  if (!(n >= 1800 && n <= 2099)) return false;
  const next = tokens[i + 1]?.lower;
  return next !== '%' && next !== 'people' && next !== 'percent';
}

const MONTHS = new Set([
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
]);
const TIME_UNITS = new Set(['day', 'days', 'week', 'weeks', 'month', 'months', 'year', 'years', 'decade', 'decades', 'hour', 'hours', 'minute', 'minutes']);
const TIME_RELATIONS = new Set(['ago', 'after', 'before', 'later', 'earlier', 'since', 'on']);

/**
 * Whether the number at `i` only places something in time: a day of the month ("4 June", "March
 * 12") or an offset ("six months after", "two weeks ago"). Such a number dates a claim; it is not
 * an amount to check. "spoke for three hours" and "lasted 40 days" stay amounts.
 */
export function isTimePlacement(tokens: readonly Token[], i: number): boolean {
  const next = tokens[i + 1]?.lower ?? '';
  if (MONTHS.has(next) || MONTHS.has(tokens[i - 1]?.lower ?? '')) return true;
  return TIME_UNITS.has(next) && TIME_RELATIONS.has(tokens[i + 2]?.lower ?? '');
}

/** The claim type of tokens [from, to) given the cues in that range. */
export function classifyClaimType(tokens: readonly Token[], from: number, to: number, cues: readonly Cue[]): ClaimTypeDecision {
  for (let i = from; i < to; i++) {
    if (tokens[i]!.type === NUMBER && !isBareYear(tokens, i) && !isTimePlacement(tokens, i)) return { type: 'quantity', ruleId: 'quantity-number', at: i };
  }
  for (const type of ORDER) {
    for (const cue of cues) {
      if (cue.group !== type) continue;
      if (type === 'quantity' && cue.end - cue.start === 1 && isTimePlacement(tokens, cue.start)) continue;
      return { type, ruleId: cue.entry.id, at: cue.start };
    }
    if (type === 'comparison') {
      for (let i = from; i + 1 < to; i++) {
        const lower = tokens[i]!.lower;
        if (tokens[i + 1]!.lower === 'than' && lower.length > 4 && lower.endsWith('er')) return { type, ruleId: 'comparison-er-than', at: i };
      }
    }
  }
  return { type: 'other', ruleId: null, at: from };
}
