/**
 * Article metadata from the page head, before any extraction touches the DOM: JSON-LD first (the
 * most deliberate source), then OpenGraph and article:* tags, then citation_*, Parse.ly, Sailthru
 * and Dublin Core tags, then plain `<title>`, `<html lang>` and the first `<time>`.
 */
import { makeDiagnostic } from '../../core/diagnostics.js';
import type { Diagnostic, DocumentMeta } from '../../core/types.js';
import { collapseSpace } from './collapse-space.js';
import { readJsonLd } from './read-json-ld.js';
import type { PageScan } from './scan-page.js';

/** Metadata plus the JSON-LD `articleBody`, which the extractor may use as a fallback. */
export interface PageMetadata {
  meta: DocumentMeta;
  articleBody: string | null;
  diagnostics: Diagnostic[];
}

/** Titles longer than this are cut at a word boundary (I_TRUNCATED_TITLE). */
export const MAX_TITLE_CHARS = 300;

const TITLE_KEYS = ['og:title', 'twitter:title', 'title', 'dc.title', 'citation_title', 'parsely-title', 'sailthru.title', 'headline'];
const AUTHOR_KEYS = ['author', 'article:author', 'citation_author', 'parsely-author', 'sailthru.author', 'dc.creator', 'byl', 'cxenseparse:author'];
const PUBLISHER_KEYS = ['og:site_name', 'citation_publisher', 'dc.publisher', 'application-name', 'publisher'];
const DATE_KEYS = [
  'article:published_time', 'datepublished', 'citation_publication_date', 'citation_date', 'parsely-pub-date',
  'sailthru.date', 'dc.date', 'dcterms.created', 'dc.date.issued', 'pubdate', 'publishdate', 'date', 'og:published_time',
];
const TITLE_SEPARATOR = / [|\u2013\u2014\u00bb\u00b7:-]{1,2} /;
const ISO_LIKE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** The page's `<meta>` values by lower-cased name, property or itemprop, in document order. */
function readMetaTags(metas: readonly Element[]): Map<string, string[]> {
  const tags = new Map<string, string[]>();
  for (const meta of metas) {
    const key = (meta.getAttribute('property') ?? meta.getAttribute('name') ?? meta.getAttribute('itemprop'))?.toLowerCase();
    const content = collapseSpace(meta.getAttribute('content') ?? meta.getAttribute('datetime') ?? '');
    if (!key || content === '') continue;
    const list = tags.get(key);
    if (list) list.push(content);
    else tags.set(key, [content]);
  }
  return tags;
}

function first(tags: Map<string, string[]>, keys: readonly string[]): string | null {
  for (const key of keys) {
    const value = tags.get(key)?.[0];
    if (value) return value;
  }
  return null;
}

/** "Headline | Site" → "Headline": drops the site name, keeps the longest remaining part. */
export function cleanTitle(raw: string, siteName: string | null): string {
  const title = collapseSpace(raw);
  if (!TITLE_SEPARATOR.test(title)) return title;
  const site = siteName?.toLowerCase();
  const parts = title.split(TITLE_SEPARATOR).map((p) => p.trim()).filter((p) => p !== '' && p.toLowerCase() !== site);
  return parts.reduce((best, part) => (part.length > best.length ? part : best), '') || title;
}

/** Splits "By Ann Lee and Bo Chan" into names; URLs (profile links) are not names. */
export function splitAuthors(values: readonly string[]): string[] {
  const names: string[] = [];
  for (const value of values) {
    if (/^https?:\/\//i.test(value)) continue;
    for (const part of value.replace(/^by\s+/i, '').split(/\s*(?:,|&|\band\b|;)\s*/i)) {
      const name = part.trim();
      if (name.length >= 2 && !names.includes(name)) names.push(name);
    }
  }
  return names;
}

/** An ISO 8601 string: ISO-like input kept as written, other dates parsed; null if unparseable. */
export function normalizeDate(value: string | null): string | null {
  if (!value) return null;
  const trimmed = value.trim().replace(/^(\d{4})\/(\d{2})\/(\d{2})/, '$1-$2-$3');
  if (ISO_LIKE.test(trimmed)) return trimmed.replace(' ', 'T');
  const time = Date.parse(trimmed);
  if (Number.isNaN(time)) return null;
  const date = new Date(time);
  if (/\d:\d\d/.test(trimmed)) return date.toISOString();
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

function resolveUrl(value: string | null, base: string | undefined): string | null {
  if (!value) return null;
  try {
    return new URL(value, base).href;
  } catch {
    return null;
  }
}

function canonicalHref(links: readonly Element[]): string | null {
  for (const link of links) {
    if ((link.getAttribute('rel') ?? '').toLowerCase().split(/\s+/).includes('canonical')) return link.getAttribute('href');
  }
  return null;
}

/** Reads title, authors, publisher, URL, publication time and language from the page. */
export function extractMetadata(document: Document, scan: PageScan, pageUrl?: string): PageMetadata {
  const tags = readMetaTags(scan.metas);
  const ld = readJsonLd(scan.jsonLd.map((script) => script.textContent ?? ''));
  const diagnostics: Diagnostic[] = [];
  const publisher = ld?.publisher ?? first(tags, PUBLISHER_KEYS);
  const titleTag = scan.titles[0]?.textContent ?? '';
  const h1 = scan.h1s[0]?.textContent ?? '';
  let title = collapseSpace(ld?.headline ?? first(tags, TITLE_KEYS) ?? '') || cleanTitle(titleTag, publisher) || collapseSpace(h1);
  if (title.length > MAX_TITLE_CHARS) {
    const cut = title.lastIndexOf(' ', MAX_TITLE_CHARS);
    title = `${title.slice(0, cut > MAX_TITLE_CHARS / 2 ? cut : MAX_TITLE_CHARS)}\u2026`;
    diagnostics.push(makeDiagnostic('I_TRUNCATED_TITLE', 'ingest-html', `The page title was longer than ${MAX_TITLE_CHARS} characters and was shortened.`));
  }
  let authors = ld && ld.authors.length > 0 ? splitAuthors(ld.authors) : [];
  for (const key of AUTHOR_KEYS) {
    if (authors.length > 0) break;
    authors = splitAuthors(tags.get(key) ?? []);
  }
  const time = scan.times[0]?.getAttribute('datetime') ?? null;
  const rawLang =
    document.documentElement?.getAttribute('lang') ?? first(tags, ['content-language', 'og:locale', 'dc.language']) ?? ld?.inLanguage ?? null;
  const base = pageUrl || undefined;
  const meta: DocumentMeta = {
    title: title || null,
    authors,
    publisher: publisher ? collapseSpace(publisher) : null,
    url: resolveUrl(canonicalHref(scan.links), base) ?? resolveUrl(first(tags, ['og:url']), base) ?? resolveUrl(ld?.url ?? null, base) ?? pageUrl ?? null,
    publishedTime: normalizeDate(ld?.datePublished ?? first(tags, DATE_KEYS) ?? time),
    lang: rawLang ? rawLang.trim().replace('_', '-') || null : null,
    format: 'html',
  };
  return { meta, articleBody: ld?.articleBody ?? null, diagnostics };
}
