/**
 * Finds date expressions in a stretch of text in one pass: at each word start it looks the word up
 * in the rules' start index and tries only those sticky patterns, longest-first by rule order. Then
 * context guards drop what only looks like a date: a count ("2000 people"), a number label
 * ("page 1984", "$2020"), a month name that is a verb or a modal ("may", "march").
 */
import { RULES_BY_START, LONGEST_START, type DateRule } from './rule-set.js';

/** A date expression as matched, before it is resolved to a calendar value. */
export interface DateMatch {
  rule: DateRule;
  start: number;
  end: number;
  groups: Readonly<Record<string, string | undefined>>;
  /** Context confidence factor from the guard (1 when no guard applies). */
  weight: number;
}

/** Words after which a four-digit number is a year. */
const YEAR_PREVIOUS = new Set([
  'in', 'since', 'by', 'until', 'till', 'from', 'during', 'of', 'before', 'after', 'around', 'circa', 'c', 'early', 'late',
  'mid', 'throughout', 'between', 'and', 'to', 'or', 'through', 'year', 'spring', 'summer', 'autumn', 'fall', 'winter',
  'the', 'back', 'as', 'than', 'then',
]);
/** Words before a number that make it a label, not a year. */
const NUMBER_LABELS = new Set([
  'no', 'nos', 'number', 'page', 'pages', 'p', 'pp', 'room', 'flight', 'route', 'highway', 'model', 'article', 'section',
  'resolution', 'rule', 'code', 'box', 'unit', 'suite', 'tel', 'phone', 'chapter', 'verse', 'version', 'v', 'level',
  'platform', 'gate', 'bus', 'line', 'id', 'ref', 'order', 'case', 'file', 'item', 'account', 'street', 'st', 'avenue',
]);
/** Words before a number that make it an amount. */
const QUANTITY_PREVIOUS = new Set(['over', 'about', 'some', 'nearly', 'almost', 'least', 'approximately', 'roughly', 'only', 'just', 'exactly', 'than', 'another', 'additional', 'extra']);
/** Plural words that still follow a year ("the 2016 elections"). */
const YEAR_PLURALS = new Set(['elections', 'olympics', 'games', 'protests', 'riots', 'talks', 'polls', 'floods', 'attacks', 'accords', 'hearings', 'negotiations', 'sanctions', 'uprisings', 'was', 'has', 'is', 'as', 'this', 'his', 'its', 'always', 'thus', 'unless', 'whereas', 'says', 'results', 'finals', 'rules']);
const CURRENCY = new Set(['$', '£', '€', '¥', '#', '№', '+']);

/** The start index keyed by an FNV-1a hash of the lower-case word, so words are looked up without a slice. */
const BY_HASH = new Map<number, { word: string; rules: readonly DateRule[] }>();
for (const [word, rules] of RULES_BY_START) {
  if (word === '#digit') continue;
  let h = 0x811c9dc5;
  for (let k = 0; k < word.length; k++) h = Math.imul(h ^ word.charCodeAt(k), 0x01000193);
  BY_HASH.set(h >>> 0, { word, rules });
}
const DIGIT_RULES = RULES_BY_START.get('#digit');

function isWordCode(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || (code >= 0xc0 && code <= 0x24f);
}

function isDigitCode(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** Date expressions in text[start, end), in order, not overlapping. */
export function findDates(text: string, start: number, end: number): DateMatch[] {
  const out: DateMatch[] = [];
  let i = start;
  while (i < end) {
    const code = text.charCodeAt(i);
    if (!isWordCode(code) || (i > start && isWordCode(text.charCodeAt(i - 1)))) {
      i++;
      continue;
    }
    let j = i;
    let h = 0x811c9dc5;
    for (; j < end; j++) {
      const c = text.charCodeAt(j);
      if (!isWordCode(c)) break;
      h = Math.imul(h ^ (c >= 65 && c <= 90 ? c | 32 : c), 0x01000193);
    }
    let rules: readonly DateRule[] | undefined;
    if (isDigitCode(code)) {
      // Not the thousands of "3,000" nor the decimals of "1.2019".
      const before = i > 0 ? text[i - 1] : '';
      const isContinuation = (before === ',' || before === '.') && i > 1 && isDigitCode(text.charCodeAt(i - 2));
      rules = isContinuation ? undefined : DIGIT_RULES;
    } else if (j - i <= LONGEST_START) {
      const hit = BY_HASH.get(h >>> 0);
      rules = hit && hit.word.length === j - i && text.slice(i, j).toLowerCase() === hit.word ? hit.rules : undefined;
    }
    const match = rules ? tryRules(rules, text, i, end) : null;
    if (match) {
      out.push(match);
      i = match.end;
    } else {
      i = j;
    }
  }
  return out;
}

function tryRules(rules: readonly DateRule[], text: string, at: number, end: number): DateMatch | null {
  for (const rule of rules) {
    rule.regex.lastIndex = at;
    const m = rule.regex.exec(text);
    if (!m) continue;
    let matchEnd = at + m[0].length;
    if (matchEnd > end) continue;
    const groups: Record<string, string | undefined> = { ...m.groups };
    if (groups.anchor !== undefined) {
      const anchor = trimAnchor(groups.anchor);
      if (anchor === '') continue;
      matchEnd = matchEnd - groups.anchor.length + anchor.length;
      groups.anchor = anchor;
    }
    if (rule.previous && !rule.previous.has(previousWord(text, at))) continue;
    const weight = rule.entry.guard === 'year' || rule.entry.id === 'year-range' ? yearWeight(text, at, matchEnd, groups) : 1;
    if (weight === 0) continue;
    return { rule, start: at, end: matchEnd, groups, weight };
  }
  return null;
}

/** At most eight words of an event anchor, without trailing spaces. */
function trimAnchor(anchor: string): string {
  let words = 0;
  let cut = anchor.length;
  for (let k = 0; k < anchor.length; k++) {
    if (anchor[k] === ' ' && k > 0 && anchor[k - 1] !== ' ' && ++words === 8) {
      cut = k;
      break;
    }
  }
  return anchor.slice(0, cut).trimEnd();
}

/** The word before `at`, lower case ('' at the start). Reads at most 24 characters back. */
export function previousWord(text: string, at: number): string {
  let k = at - 1;
  const floor = Math.max(0, at - 24);
  while (k >= floor && (text[k] === ' ' || text[k] === '\u00a0' || text[k] === '-')) k--;
  const wordEnd = k + 1;
  while (k >= floor && isWordCode(text.charCodeAt(k))) k--;
  return text.slice(k + 1, wordEnd).toLowerCase();
}

/** The word after `at`, as written ('' when punctuation or the end comes first). */
function nextWord(text: string, at: number): string {
  let k = at;
  const limit = Math.min(text.length, at + 40);
  while (k < limit && (text[k] === ' ' || text[k] === '\u00a0')) k++;
  const wordStart = k;
  while (k < limit && isWordCode(text.charCodeAt(k))) k++;
  return text.slice(wordStart, k);
}

/** 0 when a four-digit number is a count or a label, else a confidence factor. */
function yearWeight(text: string, start: number, end: number, groups: Record<string, string | undefined>): number {
  const year = Number(groups.year);
  const before = start > 0 ? text[start - 1]! : '';
  if (CURRENCY.has(before)) return 0;
  const previous = previousWord(text, start);
  if (NUMBER_LABELS.has(previous)) return 0;
  const next = nextWord(text, end);
  const isPluralNoun = next.length > 3 && next.endsWith('s') && next[0] === next[0]!.toLowerCase() && !YEAR_PLURALS.has(next.toLowerCase());
  if (isPluralNoun && !groups.from) return 0;
  if (QUANTITY_PREVIOUS.has(previous) && previous !== 'than') return 0;
  if (groups.joiner === 'and' && !/^between$/i.test(groups.from ?? '')) return 0;
  if (groups.year2 !== undefined && rangeEnd(year, groups.year2) <= year) return 0;
  const isYearContext = YEAR_PREVIOUS.has(previous) || groups.from !== undefined;
  if (year < 1800 && !isYearContext) return 0;
  return isYearContext ? 1 : 0.85;
}

/** The last year of a range whose end may be written with two digits (2010–15). */
export function rangeEnd(year: number, written: string): number {
  if (written.length === 4) return Number(written);
  return year - (year % 100) + Number(written);
}
