/**
 * Turns matched date expressions into calendar values, in three passes: absolute dates first;
 * then, in reading order, dates that lean on context (a year from the date before, "the following
 * year", "last year" from the publication date); last, dates anchored at an event named in the text
 * ("just under five years after the assassination"), found by the event's word in a dated sentence.
 */
import {
  coarserOf,
  formatDate,
  isValidDay,
  precisionOfUnit,
  shiftDate,
  weekday,
  type CalendarDate,
  type DateUnit,
  type Precision,
  type Season,
} from './calendar.js';
import { findDates, rangeEnd, type DateMatch } from './find-dates.js';

/** A date expression with its value. */
export interface ResolvedDate {
  match: DateMatch;
  value: CalendarDate;
  /** Last date of a range. */
  end: CalendarDate | null;
  uncertain: boolean;
  /** What a relative date was resolved from, in words; null for absolute dates. */
  resolvedFrom: string | null;
  /** early, mid, late … for "mid-2014". */
  qualifier: string | null;
}

/** The date relative expressions like "last year" count from. */
export interface PublicationAnchor {
  date: CalendarDate;
  /** How it was found, e.g. "the publication date". */
  origin: string;
  uncertain: boolean;
}

/** What the resolver needs to know about the surroundings of a match. */
export interface ResolveContext {
  text: string;
  publication: PublicationAnchor | null;
  /** Lower-case text of the sentence around `offset`, at most a window either side ('' if none). */
  sentenceAt(offset: number): string;
}

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
};
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const COUNTS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11,
  twelve: 12, fifteen: 15, twenty: 20, thirty: 30, forty: 40, fifty: 50, 'a few': 3, 'a couple of': 2, several: 4,
};
const VAGUE_COUNTS = new Set(['a few', 'several', 'a couple of']);
const ANCHOR_STOP = new Set(['after', 'before', 'their', 'there', 'which', 'these', 'those', 'where', 'while', 'about', 'first', 'being', 'other', 'general', 'president']);
/** How many dated sentences around an event-relative expression are searched for its event. */
const EVENT_WINDOW = 40;

/** Resolves every match it can; the result is in the order of `matches`, unresolvable ones dropped. */
export function resolveDates(matches: readonly DateMatch[], ctx: ResolveContext): ResolvedDate[] {
  const resolved: (ResolvedDate | null)[] = matches.map((match) => (match.rule.entry.resolve === 'absolute' ? resolveAbsolute(match) : null));
  let previous: ResolvedDate | null = null;
  matches.forEach((match, i) => {
    const kind = match.rule.entry.resolve;
    if (kind === 'year-from-context') resolved[i] = resolveDayMonth(match, previous, ctx.publication, ctx.publication !== null && FUTURE.test(ctx.sentenceAt(match.start)));
    else if (kind === 'publication' && ctx.publication) resolved[i] = resolveFromPublication(match, ctx.publication);
    else if (kind === 'previous-date' && previous) resolved[i] = resolveFromPrevious(match, previous);
    if (resolved[i]) previous = resolved[i]!;
  });
  matches.forEach((match, i) => {
    if (match.rule.entry.resolve === 'event') resolved[i] = resolveFromEvent(match, i, resolved, matches, ctx);
  });
  return resolved.filter((r): r is ResolvedDate => r !== null);
}

function plain(match: DateMatch, value: CalendarDate, extra: Partial<ResolvedDate> = {}): ResolvedDate {
  return { match, value, end: null, uncertain: false, resolvedFrom: null, qualifier: null, ...extra };
}

function monthOf(name: string | undefined): number {
  return name ? (MONTHS[name.slice(0, 3).toLowerCase()] ?? 0) : 0;
}

function resolveAbsolute(match: DateMatch): ResolvedDate | null {
  const g = match.groups;
  const year = Number(g.year);
  switch (match.rule.entry.id) {
    case 'iso-date': {
      const [month, day] = [Number(g.mm), Number(g.dd)];
      return isValidDay(year, month, day) ? plain(match, { precision: 'day', year, month, day }) : null;
    }
    case 'month-day-year':
    case 'day-month-year': {
      const [month, day] = [monthOf(g.month), Number(g.day)];
      return isValidDay(year, month, day) ? plain(match, { precision: 'day', year, month, day }) : null;
    }
    case 'year-range':
      return plain(match, yearDate(year), { end: yearDate(rangeEnd(year, g.year2 ?? '')) });
    case 'month-year':
      return plain(match, { precision: 'month', year, month: monthOf(g.month), day: 0 });
    case 'season-year': {
      const name = (g.season ?? '').toLowerCase();
      return plain(match, { precision: 'season', year, month: 0, day: 0, season: (name === 'fall' ? 'autumn' : name) as Season });
    }
    case 'qualified-decade':
    case 'decade':
      return plain(match, { precision: 'decade', year: Number(g.decade), month: 0, day: 0 }, { qualifier: g.qual?.toLowerCase() ?? null });
    case 'qualified-year':
      return plain(match, yearDate(year), { qualifier: g.qual?.toLowerCase() ?? null });
    default:
      return plain(match, yearDate(year));
  }
}

function yearDate(year: number): CalendarDate {
  return { precision: 'year', year, month: 0, day: 0 };
}

/** A sentence about what is still to come: its yearless dates count from the publication date. */
const FUTURE = /\b(?:will|shall|won't|won’t|is due to|are due to|is set to|are set to|is scheduled to|are scheduled to|is expected to|are expected to)\b/;

/**
 * A day or month without a year: the year of the date before it, else of the publication date. In
 * a sentence about the future ("will close on April 30") the publication date wins when known, and
 * the date is its next occurrence, not one in a year the article looked back to.
 */
function resolveDayMonth(match: DateMatch, previous: ResolvedDate | null, publication: PublicationAnchor | null, future: boolean): ResolvedDate | null {
  // `future` is only set when there is a publication date to look ahead from.
  const ahead = future && publication !== null && publication.date.precision !== 'decade';
  const anchor = previous && !ahead ? { date: previous.value, origin: `the date before it (${describe(previous.value)})` } : publication;
  if (!anchor || anchor.date.precision === 'decade') return null;
  const base = anchor.date;
  const month = monthOf(match.groups.month);
  const day = match.groups.day === undefined ? 0 : Number(match.groups.day);
  // Ahead: the next occurrence on or after the publication date (a month counts from its first day).
  const passed = ahead && base.month > 0 && (month < base.month || (month === base.month && day > 0 && day < base.day));
  const year = base.year + (passed ? 1 : 0);
  if (day && !isValidDay(year, month, day)) return null;
  const value: CalendarDate = day ? { precision: 'day', year, month, day } : { precision: 'month', year, month, day: 0 };
  const origin = ahead ? `${anchor.origin} (${describe(base)}), the sentence being about the future` : anchor.origin;
  return plain(match, value, { uncertain: true, resolvedFrom: `year from ${origin}` });
}

function resolveFromPublication(match: DateMatch, publication: PublicationAnchor): ResolvedDate | null {
  const g = match.groups;
  const pub = publication.date;
  const extra = { uncertain: publication.uncertain, resolvedFrom: `${publication.origin} (${describe(pub)})` };
  if (g.word) return plain(match, shiftDate(pub, /^y/i.test(g.word) ? -1 : 1, 'day'), extra);
  if (g.weekday) {
    if (pub.precision !== 'day') return null;
    const target = WEEKDAYS.indexOf(g.weekday.toLowerCase());
    const rel = (g.rel ?? 'on').toLowerCase();
    let delta = (target - weekday(pub) + 7) % 7;
    if (rel === 'next') delta = delta === 0 ? 7 : delta;
    else delta = delta === 0 ? (rel === 'last' ? -7 : 0) : delta - 7;
    return plain(match, shiftDate(pub, delta, 'day'), extra);
  }
  if (g.n !== undefined) return shifted(match, pub, -1, extra);
  const step = /^l/i.test(g.rel ?? '') ? -1 : /^n/i.test(g.rel ?? '') ? 1 : 0;
  const unit = unitOf(g.unit);
  if (unit === 'season') return plain(match, seasonNear(pub, seasonName(g.unit), step), { ...extra, uncertain: true });
  if (unit === 'week') {
    const monday = shiftDate(pub, -((weekday(pub) + 6) % 7) + step * 7, 'day');
    return plain(match, monday, { ...extra, uncertain: true, qualifier: 'week of' });
  }
  return plain(match, shiftDate(pub, step, unit, precisionOfUnit(unit)), extra);
}

function resolveFromPrevious(match: DateMatch, previous: ResolvedDate): ResolvedDate | null {
  const g = match.groups;
  const extra = { uncertain: previous.uncertain, resolvedFrom: `the date before it (${describe(previous.value)})` };
  if (g.n !== undefined) return shifted(match, previous.value, /^earl/i.test(g.dir ?? '') ? -1 : 1, extra);
  const unit = unitOf(g.unit);
  const dir = (g.dir ?? '').toLowerCase();
  const step = dir === 'same' ? 0 : ['previous', 'preceding', 'prior'].includes(dir) ? -1 : 1;
  if (unit === 'season') return plain(match, seasonNear(previous.value, seasonName(g.unit), step), { ...extra, uncertain: true });
  const precision = coarserOf(previous.value.precision, precisionOfUnit(unit));
  return plain(match, shiftDate(previous.value, step, unit, precision), extra);
}

function resolveFromEvent(
  match: DateMatch,
  index: number,
  resolved: readonly (ResolvedDate | null)[],
  matches: readonly DateMatch[],
  ctx: ResolveContext,
): ResolvedDate | null {
  const anchorText = match.groups.anchor ?? '';
  const anchorStart = match.end - anchorText.length;
  const inner = findDates(ctx.text, anchorStart, match.end).map((m) => (m.rule.entry.resolve === 'absolute' ? resolveAbsolute(m) : null)).find(Boolean);
  let anchor: { date: CalendarDate; origin: string; uncertain: boolean } | null = inner
    ? { date: inner.value, origin: `the date in "${anchorText}"`, uncertain: false }
    : null;
  if (!anchor) {
    const found = findEventDate(anchorText, index, resolved, matches, ctx);
    if (found) anchor = { date: found.value, origin: `the date of "${anchorText}" (${describe(found.value)}, dated in the text)`, uncertain: found.uncertain };
  }
  if (!anchor) return null;
  const dir = (match.groups.dir ?? 'after').toLowerCase() === 'before' ? -1 : 1;
  return shifted(match, anchor.date, dir, { uncertain: true, resolvedFrom: anchor.origin });
}

/** The dated sentence that names the anchor's event: most shared word stems, then the nearest. */
function findEventDate(
  anchorText: string,
  index: number,
  resolved: readonly (ResolvedDate | null)[],
  matches: readonly DateMatch[],
  ctx: ResolveContext,
): ResolvedDate | null {
  const stems = anchorText
    .toLowerCase()
    .split(/[^\p{L}]+/u)
    .filter((word) => word.length >= 5 && !ANCHOR_STOP.has(word))
    .map((word) => word.slice(0, 5));
  if (stems.length === 0) return null;
  let best: ResolvedDate | null = null;
  let bestScore = 0;
  let bestDistance = Infinity;
  const from = Math.max(0, index - EVENT_WINDOW);
  const to = Math.min(matches.length, index + EVENT_WINDOW + 1);
  for (let k = from; k < to; k++) {
    const candidate = resolved[k];
    if (!candidate || k === index || candidate.match.rule.entry.resolve === 'event') continue;
    const sentence = ctx.sentenceAt(candidate.match.start);
    let score = 0;
    for (const stem of stems) if (sentence.includes(stem)) score++;
    const distance = Math.abs(k - index) + (k > index ? 0.5 : 0);
    if (score > bestScore || (score === bestScore && score > 0 && distance < bestDistance)) {
      best = candidate;
      bestScore = score;
      bestDistance = distance;
    }
  }
  return best;
}

/** `n` units (with a hedge: "just under", "less than" …) from `anchor` in direction `sign`. */
function shifted(match: DateMatch, anchor: CalendarDate, sign: number, extra: Partial<ResolvedDate>): ResolvedDate {
  const g = match.groups;
  const countWord = (g.n ?? 'one').toLowerCase();
  const n = COUNTS[countWord] ?? Number(countWord);
  const unit = unitOf(g.unit);
  const hedge = (g.hedge ?? '').toLowerCase();
  let amount = n;
  let precision: Precision = coarserOf(anchor.precision, precisionOfUnit(unit));
  let uncertain = extra.uncertain === true || VAGUE_COUNTS.has(countWord) || hedge !== '';
  if (/^(just under|a little under|almost|nearly|barely)$/.test(hedge) || /^(just over|a little over)$/.test(hedge)) {
    // Close to the stated span: one step of the next finer unit short of it (or past it).
    const finer = unit === 'decade' || unit === 'year' ? 1 / 12 : unit === 'month' || unit === 'season' ? 0.25 : 0;
    amount = hedge.includes('over') ? n + finer : n - finer;
    precision = unit === 'decade' || unit === 'year' ? coarserOf(anchor.precision, 'month') : coarserOf(anchor.precision, 'day');
  } else if (/^(less than|under|fewer than)$/.test(hedge)) {
    amount = n / 2;
  } else if (/^(more than|over|at least)$/.test(hedge)) {
    amount = n * 1.25;
  }
  if (unit === 'week' || unit === 'day') uncertain = uncertain || anchor.precision !== 'day';
  return plain(match, shiftDate(anchor, sign * amount, unit, precision), { ...extra, uncertain });
}

function unitOf(word: string | undefined): DateUnit {
  const w = (word ?? 'year').toLowerCase().replace(/s$/, '');
  if (w === 'spring' || w === 'summer' || w === 'autumn' || w === 'fall' || w === 'winter') return 'season';
  if (w === 'day' || w === 'week' || w === 'month' || w === 'decade') return w;
  return 'year';
}

function seasonName(word: string | undefined): Season {
  const w = (word ?? 'summer').toLowerCase();
  return (w === 'fall' ? 'autumn' : w) as Season;
}

/** The named season nearest `date` in direction `step` (-1 the last one before it, 0 this year's, 1 the next). */
function seasonNear(date: CalendarDate, season: Season, step: number): CalendarDate {
  const start = { spring: 3, summer: 6, autumn: 9, winter: 12 }[season];
  const month = date.month || 7;
  let year = date.year;
  if (step < 0) year = month >= start + 3 ? year : year - 1;
  else if (step > 0) year = month < start ? year : year + 1;
  return { precision: 'season', year, month: 0, day: 0, season };
}

/** A date in words for notes: its contract value. */
function describe(date: CalendarDate): string {
  return formatDate(date);
}
