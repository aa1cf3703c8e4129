/**
 * Fills metadata that plain text does not carry from the regions the structure analyser found:
 * the headline becomes the title, the byline's names the authors, and the byline date the dates
 * analyser took as the publication date (`publication: true`) the publication date. Metadata from HTML wins.
 */
import type { Annotation, DocumentMeta } from '../core/types.js';

const BYLINE_PREFIX = /^(?:by|written by|words by|reporting by)\s+/i;
const NAME_SEPARATORS = /\s*(?:,\s*and\s+|,\s*|\s+and\s+|\s+&\s+)\s*/i;
const NAME = /^\p{Lu}[\p{L}'’.-]*(?:\s+(?:\p{Lu}[\p{L}'’.-]*|de|da|van|von|al|el|bin|ibn|der|la|le)){0,5}$/u;

/**
 * Returns `meta` with title, authors and publication date filled from the headline and byline
 * where missing. `annotations` are the document's (regions, and dates when the dates analyser ran).
 */
export function enrichMeta(meta: DocumentMeta, annotations: readonly Annotation[]): DocumentMeta {
  const out = { ...meta, authors: [...meta.authors] };
  const regions = annotations.filter((a) => a.kind === 'region');
  if (out.title === null) {
    const headline = regions.find((r) => r.label === 'headline');
    if (headline) out.title = headline.text.trim();
  }
  if (out.authors.length === 0) {
    const byline = regions.find((r) => r.label === 'byline');
    if (byline) out.authors = namesFromByline(byline.text);
  }
  if (out.publishedTime === null) {
    // The dates analyser marks the byline date it took as the publication date.
    const dated = annotations.find((a) => a.kind === 'date' && a.data.publication === true);
    if (typeof dated?.data.value === 'string') out.publishedTime = dated.data.value;
  }
  return out;
}

/** Person names in a byline: "By Ana Ruiz and Tom Hale, Staff Writers" → ["Ana Ruiz", "Tom Hale"]. */
export function namesFromByline(byline: string): string[] {
  const firstLine = byline.split(/\r?\n/)[0] ?? '';
  const withoutPrefix = firstLine.trim().replace(BYLINE_PREFIX, '');
  const beforeOutlet = withoutPrefix.split(/\s+[|•·—–-]\s+/)[0] ?? '';
  return beforeOutlet
    .split(NAME_SEPARATORS)
    .map((part) => part.trim())
    .filter((part) => NAME.test(part));
}
