/**
 * Paragraph rules other than embeds: byline, disclaimer, caption and boilerplate by pattern and
 * position; then the context-dependent ones: captions before credits, the bio in the tail (matched
 * against the byline), and the headline at the top.
 */
import type { Json, RegionLabel } from '../../core/types.js';
import type { ParagraphView } from './find-embeds.js';
import { RULES, firstWordOf, mayMatch, type CompiledRule, type RegionEntry, type RuleWindow } from './rule-set.js';

/** Why a paragraph got its label. */
export interface ParagraphLabel {
  label: RegionLabel;
  ruleId: string;
  confidence: number;
  note: string;
  data?: { [key: string]: Json };
  /** Index of the embedded post, for `embed` labels. */
  unit?: number;
}

/** Where rules with a `head` or `tail` window may fire, in paragraphs from either end. */
export interface LabelWindows {
  head: number;
  tail: number;
}

const SEPARATORS = /\s*,\s*|\s+(?:and|AND|&)\s+/u;
/** Pattern families in order of precedence. */
const PATTERN_FAMILIES: readonly (readonly [RegionLabel, readonly CompiledRule<RegionEntry>[]])[] = [
  ['byline', RULES.byline],
  ['disclaimer', RULES.disclaimer],
  ['caption', RULES.caption],
  ['boilerplate', RULES.boilerplate],
];
const BIO_HEADINGS = RULES.bio.filter((rule) => rule.entry.heading === true);

function inWindow(window: RuleWindow, index: number, count: number, windows: LabelWindows): boolean {
  const head = index < windows.head;
  const tail = index >= count - windows.tail;
  return window === 'any' || (window === 'first' ? index === 0 : window === 'head' ? head : window === 'tail' ? tail : head || tail);
}

/** The first rule of `rules` that fires on paragraph `index`, with its match. */
function firstHit(
  rules: readonly CompiledRule<RegionEntry>[],
  text: string,
  index: number,
  count: number,
  windows: LabelWindows,
  firstWord = firstWordOf(text),
): { rule: CompiledRule<RegionEntry>; match: RegExpExecArray } | null {
  for (const rule of rules) {
    if (rule.entry.beforeCredit || !mayMatch(rule, text, firstWord) || !inWindow(rule.entry.window, index, count, windows)) continue;
    const match = rule.regex.exec(text);
    if (match) return { rule, match };
  }
  return null;
}

/** Byline, disclaimer, caption or boilerplate for one paragraph, in that order of precedence. */
export function labelByPattern(text: string, index: number, count: number, windows: LabelWindows): ParagraphLabel | null {
  const firstWord = firstWordOf(text);
  for (const [label, rules] of PATTERN_FAMILIES) {
    const hit = firstHit(rules, text, index, count, windows, firstWord);
    if (!hit) continue;
    const { entry } = hit.rule;
    const result: ParagraphLabel = { label, ruleId: entry.id, confidence: entry.confidence, note: entry.note };
    if (label === 'byline') result.data = { authors: bylineNames(hit.match.groups?.names), outlet: hit.match.groups?.outlet ?? null };
    return result;
  }
  return null;
}

/** Names in a byline's `names` group: 'Ana Ruiz and Tom Lee' → ['Ana Ruiz', 'Tom Lee']. */
export function bylineNames(names: string | undefined): string[] {
  return names === undefined ? [] : names.split(SEPARATORS).map((name) => name.trim()).filter((name) => name.length > 0);
}

/** Whether a paragraph's label comes from a credit rule ('Photo by …', 'Credit: …'). */
export function isCredit(label: ParagraphLabel | null): boolean {
  if (!label || label.label !== 'caption') return false;
  return RULES.caption.some((rule) => rule.entry.id === label.ruleId && rule.entry.credit === true);
}

/** A caption for a short paragraph right before a credit line (a credit follows its caption). */
export function labelBeforeCredit(text: string): ParagraphLabel | null {
  for (const rule of RULES.caption) {
    if (!rule.entry.beforeCredit || !mayMatch(rule, text) || !rule.regex.test(text)) continue;
    return { label: 'caption', ruleId: rule.entry.id, confidence: rule.entry.confidence, note: rule.entry.note };
  }
  return null;
}

/** Whether a person named in a bio is one of the byline's authors (full name or surname). */
export function matchesAuthor(name: string | undefined, authors: readonly string[]): boolean {
  if (name === undefined) return false;
  const tokens = name.toLowerCase().split(/\s+/u);
  const surname = tokens[tokens.length - 1] ?? '';
  return authors.some((author) => {
    const other = author.toLowerCase().split(/\s+/u);
    return other.join(' ') === tokens.join(' ') || (surname.length >= 3 && other[other.length - 1] === surname);
  });
}

/**
 * Labels the bio: the trailing paragraphs (within the tail window) that read as a note about the
 * writer, scanning back from the end past other non-body regions. Mutates `labels`.
 */
export function labelBio(
  paragraphs: readonly ParagraphView[],
  labels: (ParagraphLabel | null)[],
  blocked: readonly boolean[],
  authors: readonly string[],
  windows: LabelWindows,
): void {
  const count = paragraphs.length;
  const floor = Math.max(0, count - windows.tail);
  const free = (i: number): boolean => !blocked[i] && labels[i] === null;
  for (let i = floor; i < count; i++) {
    const heading = free(i) ? firstHit(BIO_HEADINGS, paragraphs[i]!.text, i, count, windows) : null;
    if (!heading) continue;
    for (let j = i; j < count; j++) {
      if (free(j)) labels[j] = { label: 'bio', ruleId: heading.rule.entry.id, confidence: heading.rule.entry.confidence, note: heading.rule.entry.note };
    }
    return;
  }
  for (let i = count - 1; i >= floor; i--) {
    if (!free(i)) continue;
    const label = bioLabel(paragraphs[i]!.text, i, count, authors, windows);
    if (!label) return;
    labels[i] = label;
  }
}

function bioLabel(text: string, index: number, count: number, authors: readonly string[], windows: LabelWindows): ParagraphLabel | null {
  for (const rule of RULES.bio) {
    const { entry } = rule;
    if (entry.heading || !mayMatch(rule, text) || !inWindow(entry.window, index, count, windows)) continue;
    const match = rule.regex.exec(text);
    if (!match) continue;
    const person = match.groups?.name;
    const isAuthor = matchesAuthor(person, authors);
    if (entry.requiresBylineMatch && !isAuthor) continue;
    const confidence = isAuthor ? Math.max(entry.confidence, entry.matchConfidence ?? entry.confidence) : entry.confidence;
    const note = isAuthor ? `${entry.note} The person named matches the byline.` : entry.note;
    return { label: 'bio', ruleId: entry.id, confidence, note, data: { person: person ?? null, matchesByline: isAuthor } };
  }
  return null;
}

/** A headline for the first paragraph when it is short, title-like and more text follows. */
export function labelHeadline(paragraphs: readonly ParagraphView[], nextIsByline: boolean): ParagraphLabel | null {
  const first = paragraphs[0];
  if (!first || paragraphs.length < 2) return null;
  for (const rule of RULES.headline) {
    const { entry } = rule;
    if (!mayMatch(rule, first.text) || !rule.regex.test(first.text)) continue;
    if (entry.maxWords !== undefined && first.text.split(/\s+/u).length > entry.maxWords) continue;
    const confidence = nextIsByline ? Math.min(1, entry.confidence + 0.15) : entry.confidence;
    const note = nextIsByline ? `${entry.note} A byline follows it.` : entry.note;
    return { label: 'headline', ruleId: entry.id, confidence, note };
  }
  return null;
}
