/**
 * Calendar values of the dates analyser: a date at some precision (day, month, season, year,
 * decade), its contract string (`2020-01-03`, `2014-06`, `2014-summer`, `1953`, `2010s`), a sort
 * key for the timeline, and the arithmetic that resolves relative expressions. Plain numbers and
 * `Date.UTC` only, so it runs anywhere.
 */

/** How exact a date is. */
export type Precision = 'day' | 'month' | 'season' | 'year' | 'decade';

/** Seasons, in the order they start in a (northern) year. */
export type Season = 'spring' | 'summer' | 'autumn' | 'winter';

/** A date at some precision. `month` and `day` are 0 when the precision does not reach them. */
export interface CalendarDate {
  precision: Precision;
  year: number;
  month: number;
  day: number;
  season?: Season;
}

/** Calendar units a relative expression can count in. */
export type DateUnit = 'day' | 'week' | 'month' | 'season' | 'year' | 'decade';

const SEASON_MONTH: Record<Season, number> = { spring: 4, summer: 7, autumn: 10, winter: 12 };
const RANK: Record<Precision, number> = { day: 0, month: 1, season: 2, year: 3, decade: 4 };

/** The contract string of a date: `2020-01-03`, `2014-06`, `2014-summer`, `1953` or `2010s`. */
export function formatDate(date: CalendarDate): string {
  const year = String(date.year).padStart(4, '0');
  switch (date.precision) {
    case 'day':
      return `${year}-${pad(date.month)}-${pad(date.day)}`;
    case 'month':
      return `${year}-${pad(date.month)}`;
    case 'season':
      return `${year}-${date.season ?? 'summer'}`;
    case 'year':
      return year;
    case 'decade':
      return `${year}s`;
  }
}

/** A number that orders dates on a timeline: the first day the date can mean (seasons by their middle). */
export function sortKey(date: CalendarDate): number {
  const month = date.precision === 'season' ? SEASON_MONTH[date.season ?? 'summer'] : date.month;
  return date.year * 10_000 + month * 100 + date.day;
}

/** A day-precision date; months are 1..12. Out-of-range days roll over as `Date.UTC` does. */
export function dayDate(year: number, month: number, day: number): CalendarDate {
  const time = new Date(Date.UTC(year, month - 1, day));
  return { precision: 'day', year: time.getUTCFullYear(), month: time.getUTCMonth() + 1, day: time.getUTCDate() };
}

/** Whether `day` exists in that month of that year. */
export function isValidDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1 || day > 31) return false;
  return new Date(Date.UTC(year, month - 1, day)).getUTCMonth() === month - 1;
}

/** The date truncated to a coarser precision (never made finer). */
export function coarsen(date: CalendarDate, precision: Precision): CalendarDate {
  if (RANK[precision] <= RANK[date.precision]) return date;
  switch (precision) {
    case 'month':
      return { precision, year: date.year, month: date.month || 1, day: 0 };
    case 'season':
      return { precision, year: date.year, month: 0, day: 0, season: seasonOf(date.month || 7) };
    case 'year':
      return { precision, year: date.year, month: 0, day: 0 };
    case 'decade':
      return { precision, year: date.year - (date.year % 10), month: 0, day: 0 };
    default:
      return date;
  }
}

/** The coarser of two precisions. */
export function coarserOf(a: Precision, b: Precision): Precision {
  return RANK[a] >= RANK[b] ? a : b;
}

/** The precision a count of units supports: "three days after" a day is a day; "two years after" a year. */
export function precisionOfUnit(unit: DateUnit): Precision {
  return unit === 'week' ? 'day' : unit;
}

/**
 * Moves a date by `amount` units (fractions allowed: half a year is six months). The result keeps
 * the date's precision unless the unit is coarser, or takes `precision` when given.
 */
export function shiftDate(date: CalendarDate, amount: number, unit: DateUnit, precision?: Precision): CalendarDate {
  const month = date.precision === 'season' ? SEASON_MONTH[date.season ?? 'summer'] : date.month || 7;
  const day = date.day || 1;
  let shifted: CalendarDate;
  if (unit === 'day' || unit === 'week') {
    shifted = dayDate(date.year, month, day + Math.round(amount * (unit === 'week' ? 7 : 1)));
  } else {
    const months = Math.round(amount * (unit === 'decade' ? 120 : unit === 'year' ? 12 : unit === 'season' ? 3 : 1));
    shifted = dayDate(date.year, month + months, Math.min(day, 28));
  }
  return coarsen(shifted, precision ?? coarserOf(date.precision, precisionOfUnit(unit)));
}

/** The season a month falls in (northern hemisphere; December to February is winter). */
export function seasonOf(month: number): Season {
  if (month >= 3 && month <= 5) return 'spring';
  if (month >= 6 && month <= 8) return 'summer';
  if (month >= 9 && month <= 11) return 'autumn';
  return 'winter';
}

/** Parses an ISO date or date-time (`2024-05-01`, `2024-05-01T10:00:00Z`) into a day date, or null. */
export function parseIsoDay(value: string | null | undefined): CalendarDate | null {
  if (!value) return null;
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return isValidDay(year, month, day) ? { precision: 'day', year, month, day } : null;
}

/** Day of the week of a day date, 0 = Sunday. */
export function weekday(date: CalendarDate): number {
  return new Date(Date.UTC(date.year, (date.month || 1) - 1, date.day || 1)).getUTCDay();
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}
