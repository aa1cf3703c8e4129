/**
 * Reads what an embedded post says about itself: its text, the author's name and handle, the date
 * and the post URL, from the markup each platform's embed code ships (the blockquote fallback of
 * X, Instagram, Facebook and TikTok, Telegram's widget attributes, an iframe's src and title).
 */
import type { EmbedRule } from './embed-rules.js';
import { collapseSpace } from './collapse-space.js';

/** What is known of one embed. Fields are null when the markup does not say. */
export interface EmbedDetails {
  text: string;
  name: string | null;
  handle: string | null;
  /** `YYYY-MM-DD`. */
  date: string | null;
  url: string | null;
  /** Title of an iframe (video title). */
  title: string | null;
}

const FRAME_TAGS = new Set(['iframe', 'embed', 'object', 'script']);
const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH_DAY_YEAR = /\b([A-Za-z]{3,9})\.? (\d{1,2}),? (\d{4})\b/;
const ISO_DATE = /\b(\d{4})-(\d{2})-(\d{2})/;
const HANDLE_IN_PARENS = /\(@([A-Za-z0-9_.]{1,40})\)/;
const PATH_SEGMENT = /^\/@?([A-Za-z0-9_.]{1,60})/;

/** `YYYY-MM-DD` from "November 5, 2019", "Nov 5 2019" or an ISO timestamp; null otherwise. */
export function parseLooseDate(value: string): string | null {
  const iso = ISO_DATE.exec(value);
  if (iso) return `${iso[1]}-${iso[2]}-${iso[3]}`;
  const match = MONTH_DAY_YEAR.exec(value);
  if (!match) return null;
  const word = (match[1] ?? '').toLowerCase();
  const month = MONTHS.findIndex((m) => m === word || (word.length >= 3 && m.startsWith(word)));
  const day = Number(match[2]);
  if (month < 0 || day < 1 || day > 31) return null;
  return `${match[3]}-${String(month + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** "November 5, 2019" from `2019-11-05`. */
export function formatDate(date: string): string {
  const [year, month, day] = date.split('-');
  const name = MONTHS[Number(month) - 1] ?? '';
  return `${name.charAt(0).toUpperCase()}${name.slice(1)} ${Number(day)}, ${year}`;
}

function absoluteUrl(value: string | null): string | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (trimmed.startsWith('//')) return `https:${trimmed}`;
  return /^https?:\/\//i.test(trimmed) ? trimmed : null;
}

function linkHrefs(el: Element): string[] {
  return Array.from(el.getElementsByTagName('a'), (a) => a.getAttribute('href') ?? '');
}

function paragraphTexts(el: Element): string[] {
  return Array.from(el.getElementsByTagName('p'), (p) => collapseSpace(p.textContent ?? '')).filter((t) => t !== '');
}

/** The post's URL, by where each platform puts it. */
function findUrl(el: Element, rule: EmbedRule): string | null {
  const telegram = el.getAttribute('data-telegram-post');
  if (telegram) return `https://t.me/${telegram}`;
  const direct =
    el.getAttribute('data-instgrm-permalink') ?? el.getAttribute('data-href') ?? el.getAttribute('cite') ??
    el.getAttribute('src') ?? el.getAttribute('data-src') ?? el.getAttribute('data');
  if (direct) {
    const url = absoluteUrl(direct);
    if (rule.platform === 'facebook' && url?.includes('/plugins/')) {
      const href = /[?&]href=([^&]+)/.exec(url)?.[1];
      if (href) return absoluteUrl(decodeURIComponent(href)) ?? url;
    }
    if (url) return url;
  }
  const hrefs = linkHrefs(el).map(absoluteUrl).filter((u): u is string => u !== null);
  return hrefs.find((u) => u.includes('/status/') || u.includes('/p/') || u.includes('/posts/')) ?? hrefs.at(-1) ?? null;
}

/** Handle from "(@handle)" in the text, else from the post URL's first path segment. */
function findHandle(attribution: string, url: string | null, rule: EmbedRule): string | null {
  const inText = HANDLE_IN_PARENS.exec(attribution)?.[1];
  if (inText) return inText;
  if (!url || rule.platform === 'youtube' || rule.platform === 'instagram') return null;
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return null;
  }
  const segment = PATH_SEGMENT.exec(path)?.[1] ?? null;
  const generic = new Set(['embed', 'plugins', 'i', 'p', 'watch', 'video', 'videos', 'status', 'share']);
  return segment && !generic.has(segment.toLowerCase()) ? segment : null;
}

/** The author's display name from "— Name (@handle)", "A post shared by Name" or "Posted by Name". */
function findName(attribution: string): string | null {
  const dash = attribution.lastIndexOf('\u2014');
  const paren = attribution.indexOf('(@');
  if (dash >= 0 && paren > dash) return attribution.slice(dash + 1, paren).trim() || null;
  const by = /(?:shared by|Posted by) ([^(]{1,80}?)(?: \(@| on |$)/.exec(attribution);
  return by?.[1]?.trim() || null;
}

/** Whether a paragraph is an embed's attribution or chrome rather than the post. */
function isChrome(text: string): boolean {
  return /^(?:A post shared by|View this post on|Posted by|\u2014 )/.test(text) || text.startsWith('pic.twitter.com');
}

/** Everything the embed's markup tells about the post. */
export function describeEmbed(el: Element, rule: EmbedRule): EmbedDetails {
  const url = findUrl(el, rule);
  const title = el.getAttribute('title')?.trim() || null;
  const isFrame = FRAME_TAGS.has(el.localName);
  const whole = isFrame ? '' : collapseSpace(el.textContent ?? '');
  const paragraphs = isFrame ? [] : paragraphTexts(el);
  const body = paragraphs.filter((t) => !isChrome(t));
  let text = body.join(' ');
  let attribution = paragraphs.filter(isChrome).join(' ');
  if (!isFrame && paragraphs.length > 0) {
    // X puts the attribution as loose text after the last <p>.
    const last = paragraphs.at(-1) ?? '';
    const tail = whole.slice(whole.lastIndexOf(last) + last.length).trim();
    if (tail) attribution = `${attribution} ${tail}`.trim();
  } else if (!isFrame) {
    const dash = whole.lastIndexOf('\u2014');
    text = dash > 0 ? whole.slice(0, dash).trim() : whole;
    attribution = dash > 0 ? whole.slice(dash) : '';
  }
  const time = el.getElementsByTagName('time')[0];
  const date = parseLooseDate(time?.getAttribute('datetime') ?? '') ?? parseLooseDate(attribution);
  return { text, name: findName(attribution), handle: findHandle(attribution, url, rule), date, url, title };
}
