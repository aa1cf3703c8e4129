/**
 * The dates analyser's rules, loaded from rules.json and compiled once, when the module loads.
 * Patterns are written with placeholders ({MONTH}, {YEAR} …) expanded here, and each rule lists
 * the words it can start with, so the scanner tries only a handful of sticky patterns at a word
 * and never runs a pattern over the whole text.
 */
import { MarginaliaError } from '../../core/errors.js';
import data from './rules.json' with { type: 'json' };

/** How a match becomes a calendar value. */
export type Resolution = 'absolute' | 'year-from-context' | 'publication' | 'previous-date' | 'event';

/** One entry of rules.json. */
export interface DateRuleEntry {
  id: string;
  /** Lower-case words (or #digit, #month, #count, #hedge) the match can start with. */
  starts: string[];
  pattern: string;
  flags?: string;
  /** The match counts only when the word before it is one of these (lower case). */
  previous?: string[];
  /** Extra context check done in code (`year`: not a count, not a number label). */
  guard?: 'year';
  label: 'absolute' | 'relative';
  resolve: Resolution;
  confidence: number;
  note: string;
  source: string;
}

/** A rule with its compiled, sticky pattern. */
export interface DateRule {
  readonly entry: DateRuleEntry;
  readonly regex: RegExp;
  readonly previous: ReadonlySet<string> | null;
}

const RESOLUTIONS = new Set<string>(['absolute', 'year-from-context', 'publication', 'previous-date', 'event']);

/** The pattern with its {NAME} placeholders expanded, or null when one is unknown. */
function expand(pattern: string, placeholders: Record<string, string>): string | null {
  let unknown = false;
  const source = pattern.replace(/\{([A-Z][A-Z0-9]+)\}/g, (whole, name: string) => {
    if (placeholders[name] === undefined) unknown = true;
    return placeholders[name] ?? whole;
  });
  return unknown ? null : source;
}

function fail(id: string, problem: string, cause?: unknown): never {
  throw new MarginaliaError('E_INTERNAL', `Date rule "${id}" in rules.json has ${problem}.`, { subject: 'rules.json', cause });
}

/** Compiles the entries, checking their shape; throws E_INTERNAL naming a bad entry. */
export function compileDateRules(entries: readonly unknown[], placeholders: Record<string, string>): DateRule[] {
  const seen = new Set<string>();
  return entries.map((raw, index) => {
    const entry = raw as DateRuleEntry;
    const id = typeof entry.id === 'string' ? entry.id : `#${index}`;
    if (seen.has(id)) fail(id, 'a duplicate id');
    seen.add(id);
    for (const key of ['id', 'pattern', 'note', 'source'] as const) {
      if (typeof entry[key] !== 'string' || entry[key] === '') fail(id, `no ${key}`);
    }
    if (!Array.isArray(entry.starts) || entry.starts.length === 0) fail(id, 'no starts');
    if (entry.label !== 'absolute' && entry.label !== 'relative') fail(id, 'a label other than absolute or relative');
    if (!RESOLUTIONS.has(entry.resolve)) fail(id, 'an unknown resolve');
    if (!(typeof entry.confidence === 'number' && entry.confidence >= 0 && entry.confidence <= 1)) fail(id, 'a confidence outside 0..1');
    if (entry.flags !== undefined && !/^i?$/.test(entry.flags)) fail(id, 'flags other than i');
    const source = expand(entry.pattern, placeholders);
    if (source === null) fail(id, 'an unknown placeholder');
    let regex: RegExp;
    try {
      regex = new RegExp(source, `${entry.flags ?? ''}uy`);
    } catch (cause) {
      fail(id, 'a pattern that does not compile', cause);
    }
    return { entry, regex, previous: entry.previous ? new Set(entry.previous) : null };
  });
}

/** Every date rule, compiled, in the order they are tried. */
export const DATE_RULES: readonly DateRule[] = compileDateRules(data.rules, data.placeholders);

/** Rules to try at a word, by the word's lower-case form; `#digit` for words that start with a digit. */
export const RULES_BY_START: ReadonlyMap<string, readonly DateRule[]> = indexByStart(DATE_RULES, data.starts);

function indexByStart(rules: readonly DateRule[], classes: Record<string, string[]>): Map<string, DateRule[]> {
  const index = new Map<string, DateRule[]>();
  for (const rule of rules) {
    const words = rule.entry.starts.flatMap((start) => (start.startsWith('#') && start !== '#digit' ? (classes[start] ?? fail(rule.entry.id, `an unknown start class ${start}`)) : [start]));
    for (const word of new Set(words)) {
      const list = index.get(word);
      if (list) list.push(rule);
      else index.set(word, [rule]);
    }
  }
  return index;
}

/** The longest word that can start a rule, so longer words are skipped without a lookup. */
export const LONGEST_START = Math.max(...[...RULES_BY_START.keys()].map((word) => word.length));
