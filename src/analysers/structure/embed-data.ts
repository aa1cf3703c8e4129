/**
 * The data an embed region carries: platform, handle and date, read from the named groups of the
 * rules that fired (handle, channel, page, month, day, year) and normalised to the contract's shape.
 */
import type { EmbedPlatform } from '../../core/types.js';

/** The contract's `data` of an `embed` region. */
export interface EmbedData {
  platform: EmbedPlatform;
  /** `@handle`, or null when the residue does not name one. */
  handle: string | null;
  /** ISO `YYYY-MM-DD`, or null. */
  date: string | null;
}

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
};

/** ISO date from month-name, day and year strings; null when any part is missing or impossible. */
export function toIsoDate(month: string | undefined, day: string | undefined, year: string | undefined): string | null {
  if (month === undefined || day === undefined || year === undefined) return null;
  const m = MONTHS[month.slice(0, 3).toLowerCase()];
  const d = Number(day);
  const y = Number(year);
  if (m === undefined || !Number.isInteger(d) || !Number.isInteger(y)) return null;
  const daysInMonth = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d < 1 || d > daysInMonth) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Handle and date from one rule match's named groups; either may be null. */
export function readEmbedGroups(groups: Record<string, string | undefined> | undefined): { handle: string | null; date: string | null } {
  if (!groups) return { handle: null, date: null };
  const raw = groups.handle ?? groups.channel ?? groups.page;
  const handle = raw === undefined ? null : raw.startsWith('@') ? raw : `@${raw}`;
  return { handle, date: toIsoDate(groups.month, groups.day, groups.year) };
}

/**
 * Whether two adjacent embed pieces belong to one post: same platform, and what they tell is
 * complementary (a credit line with the date, a link with the handle); two pieces that both name a
 * handle, or both a date, are two posts.
 */
export function isSamePost(a: EmbedData, b: EmbedData): boolean {
  if (a.platform !== b.platform) return false;
  return !(a.handle !== null && b.handle !== null) && !(a.date !== null && b.date !== null);
}

/** Combines the data of two pieces of one post: the first known value of each field wins. */
export function mergeEmbedData(a: EmbedData, b: EmbedData): EmbedData {
  return { platform: a.platform, handle: a.handle ?? b.handle, date: a.date ?? b.date };
}
