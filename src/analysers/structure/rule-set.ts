/**
 * The structure analyser's rules, loaded from the JSON files in rules/ and compiled once, when the
 * module loads. Each entry carries an id, a pattern, a note and a source; the loader checks the
 * shape so a typo in a data file fails at start-up, naming the file and the rule.
 */
import { MarginaliaError } from '../../core/errors.js';
import type { EmbedPlatform } from '../../core/types.js';
import bioData from './rules/bio.json' with { type: 'json' };
import boilerplateData from './rules/boilerplate.json' with { type: 'json' };
import bylineData from './rules/byline.json' with { type: 'json' };
import captionData from './rules/caption.json' with { type: 'json' };
import disclaimerData from './rules/disclaimer.json' with { type: 'json' };
import embedsData from './rules/embeds.json' with { type: 'json' };
import headlineData from './rules/headline.json' with { type: 'json' };
import residueData from './rules/residue.json' with { type: 'json' };

/** Fields every rule entry has. */
export interface RuleEntry {
  id: string;
  pattern: string;
  /** Extra RegExp flags (`i`, `m`); `u` is always added. */
  flags?: string;
  confidence?: number;
  /** The rule is only tried on paragraphs up to this many characters. */
  maxLength?: number;
  /** Cheap prefilter: the rule is only tried when the paragraph's first word (see firstWordOf) is one of these. */
  firstWords?: string[];
  /** Cheap prefilter: the rule is only tried when the paragraph contains one of these. */
  prefilter?: string[];
  /** Cheap prefilter: the rule is only tried when the paragraph ends with one of these. */
  endsWith?: string[];
  note: string;
  source: string;
}

/** An anchor line: enough on its own to say a post was embedded here. */
export interface AnchorEntry extends RuleEntry {
  platform: EmbedPlatform;
  /** Required for anchors: they are tried on every paragraph. */
  prefilter: string[];
  /**
   * Where the post text sits: the paragraph just before; the paragraph just before only when it reads
   * as a post (`marked`: emoji, hashtag, @mention, link, or platform residue before it); after the
   * residue; a title; or nowhere.
   */
  postText: 'adjacent' | 'marked' | 'after-residue' | 'title' | 'none';
  postTextMaxLength?: number;
  confidence: number;
}

/** A residue line: what travels with a post (links, promo, emoji); counts only next to an anchor. */
export interface ResidueEntry extends RuleEntry {
  platform: EmbedPlatform | 'any';
  strength: 'strong' | 'weak';
  /** Ends a post (a trailing pic.twitter.com / t.co link). */
  terminal?: boolean;
  /** Counted only when a further residue line backs it up. */
  needsSupport?: boolean;
}

/** Where in the article a paragraph rule applies. */
export type RuleWindow = 'first' | 'head' | 'tail' | 'edges' | 'any';

/** A paragraph rule for one region label (byline, bio, disclaimer, caption, boilerplate, headline). */
export interface RegionEntry extends RuleEntry {
  confidence: number;
  window: RuleWindow;
  /** Caption rules: the line is a credit, so a short line before it is its caption. */
  credit?: boolean;
  /** Caption rules: tried only on the paragraph right before a credit line. */
  beforeCredit?: boolean;
  /** Bio rules: confidence when the named person matches the byline. */
  matchConfidence?: number;
  /** Bio rules: fire only when the named person matches the byline. */
  requiresBylineMatch?: boolean;
  /** Bio rules: a heading, so the paragraphs after it are bio too. */
  heading?: boolean;
  /** Headline rule: at most this many words. */
  maxWords?: number;
}

/** A rule with its compiled pattern. */
export interface CompiledRule<E extends RuleEntry = RuleEntry> {
  readonly entry: E;
  readonly regex: RegExp;
  readonly firstWords: ReadonlySet<string> | null;
}

const PLATFORMS = new Set(['x', 'instagram', 'telegram', 'youtube', 'facebook', 'other']);
const WINDOWS = new Set(['first', 'head', 'tail', 'edges', 'any']);
const POST_TEXT = new Set(['adjacent', 'marked', 'after-residue', 'title', 'none']);

type Check = (entry: Record<string, unknown>) => string | null;

/** Compiles the entries of one data file, checking their shape; throws E_INTERNAL on a bad entry. */
export function compileRules<E extends RuleEntry>(file: string, entries: readonly unknown[], check: Check = () => null): CompiledRule<E>[] {
  const seen = new Set<string>();
  return entries.map((raw, index) => {
    const entry = raw as Record<string, unknown>;
    const id = typeof entry.id === 'string' ? entry.id : `#${index}`;
    const problem =
      (seen.has(id) ? 'a duplicate id' : null) ??
      (['id', 'pattern', 'note', 'source'].find((key) => typeof entry[key] !== 'string' || entry[key] === '') !== undefined
        ? 'a missing id, pattern, note or source'
        : null) ??
      (typeof entry.flags === 'string' && !/^[im]*$/.test(entry.flags) ? 'flags other than i and m' : null) ??
      (['firstWords', 'prefilter', 'endsWith'].some((key) => entry[key] !== undefined && !(Array.isArray(entry[key]) && (entry[key] as unknown[]).every((s) => typeof s === 'string' && s !== '')))
        ? 'a firstWords, prefilter or endsWith that is not a list of strings'
        : null) ??
      (Array.isArray(entry.firstWords) && entry.firstWords.some((w) => w !== String(w).toLowerCase())
        ? 'firstWords that are not lower case'
        : null) ??
      (entry.confidence !== undefined && !(typeof entry.confidence === 'number' && entry.confidence >= 0 && entry.confidence <= 1)
        ? 'a confidence outside 0..1'
        : null) ??
      check(entry);
    seen.add(id);
    if (problem) {
      throw new MarginaliaError('E_INTERNAL', `Structure rule "${id}" in rules/${file} has ${problem}.`, { subject: file });
    }
    const flags = `${typeof entry.flags === 'string' ? entry.flags : ''}u`;
    try {
      const firstWords = Array.isArray(entry.firstWords) ? new Set(entry.firstWords as string[]) : null;
      return { entry: entry as unknown as E, regex: new RegExp(entry.pattern as string, flags), firstWords };
    } catch (cause) {
      throw new MarginaliaError('E_INTERNAL', `Structure rule "${id}" in rules/${file} has a pattern that does not compile.`, {
        subject: file,
        cause,
      });
    }
  });
}

const checkAnchor: Check = (e) =>
  !PLATFORMS.has(e.platform as string)
    ? 'an unknown platform'
    : !POST_TEXT.has(e.postText as string)
      ? 'an unknown postText'
      : !Array.isArray(e.prefilter) || e.prefilter.length === 0
        ? 'no prefilter'
        : typeof e.confidence !== 'number'
          ? 'no confidence'
          : null;
const checkResidue: Check = (e) =>
  e.platform !== 'any' && !PLATFORMS.has(e.platform as string)
    ? 'an unknown platform'
    : e.strength !== 'strong' && e.strength !== 'weak'
      ? 'a strength other than strong or weak'
      : null;
const checkRegion: Check = (e) =>
  !WINDOWS.has(e.window as string) ? 'an unknown window' : typeof e.confidence !== 'number' ? 'no confidence' : null;

/** Every rule of the analyser, compiled; one list per family. */
export const RULES = {
  anchors: compileRules<AnchorEntry>('embeds.json', embedsData.rules, checkAnchor),
  residue: compileRules<ResidueEntry>('residue.json', residueData.rules, checkResidue),
  byline: compileRules<RegionEntry>('byline.json', bylineData.rules, checkRegion),
  headline: compileRules<RegionEntry>('headline.json', headlineData.rules, checkRegion),
  bio: compileRules<RegionEntry>('bio.json', bioData.rules, checkRegion),
  disclaimer: compileRules<RegionEntry>('disclaimer.json', disclaimerData.rules, checkRegion),
  caption: compileRules<RegionEntry>('caption.json', captionData.rules, checkRegion),
  boilerplate: compileRules<RegionEntry>('boilerplate.json', boilerplateData.rules, checkRegion),
} as const;

/** All compiled rules in one list, for docs and pattern-safety tests. */
export function allRules(): CompiledRule[] {
  return Object.values(RULES).flat();
}

const FIRST_WORD = /^[\s([{*_"“‘'«\p{Extended_Pictographic}\uFE0F]*(\p{L}[\p{L}'’-]*)/u;

/** The paragraph's first word, lower case, after opening brackets, quotes and emoji ('' if none). */
export function firstWordOf(text: string): string {
  const match = FIRST_WORD.exec(text.length > 80 ? text.slice(0, 80) : text);
  return match ? match[1]!.toLowerCase().replaceAll('’', "'") : '';
}

/**
 * Whether `rule` is worth trying on `text`: within its length cap and past its cheap prefilters.
 * `firstWord` is firstWordOf(text), computed once per paragraph by the caller.
 */
export function mayMatch(rule: CompiledRule, text: string, firstWord?: string): boolean {
  const { maxLength, prefilter, endsWith } = rule.entry;
  if (maxLength !== undefined && text.length > maxLength) return false;
  if (rule.firstWords && firstWord !== undefined && !rule.firstWords.has(firstWord)) return false;
  if (prefilter && !prefilter.some((needle) => text.includes(needle))) return false;
  return !endsWith || endsWith.some((tail) => text.endsWith(tail));
}
