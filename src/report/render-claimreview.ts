/**
 * schema.org ClaimReview drafts (JSON-LD), the markup fact-checkers publish, for the most
 * check-worthy claims of each document: `claimReviewed` is the claim's text, `itemReviewed` the
 * Claim with its author (the named source, else the article's author or publisher), date and
 * appearance (the article). `reviewRating` is left empty for the fact-checker to fill in, and
 * opinions are left out (there is nothing to rate). Pure and deterministic: no clock, no I/O.
 */
import type { Annotation, MarginaliaDocument } from '../core/types.js';

/** Options of renderClaimReview. */
export interface ClaimReviewOptions {
  /** Drafts per document, the most check-worthy claims first (default 5). */
  perDocument?: number;
}

type JsonLd = { [key: string]: unknown };

const HTTP_URL = /^https?:\/\/\S+$/i;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}/;
/** Words that make a source name an organisation rather than a person. */
const ORGANISATION_WORDS = new Set(
  'ministry agency council institute university department office forces army party organization organisation committee commission court bank fund group news times post network corps brigades union association foundation government police un nato'.split(' '),
);

/** Renders a JSON array of ClaimReview drafts for the top claims of every document. */
export function renderClaimReview(docs: readonly MarginaliaDocument[], options: ClaimReviewOptions = {}): string {
  const perDocument = options.perDocument ?? 5;
  const drafts = docs.flatMap((doc) => topClaims(doc, perDocument).map((claim) => toClaimReview(doc, claim)));
  return `${JSON.stringify(drafts, null, 2)}\n`;
}

/** The document's claims worth a review, highest check-worthiness first, at most `limit`. */
export function topClaims(doc: MarginaliaDocument, limit: number): Annotation[] {
  return doc.annotations
    .filter((a) => a.kind === 'claim' && a.data.sourcing !== 'opinion' && typeof a.data.checkWorthiness === 'number')
    .sort((a, b) => (b.data.checkWorthiness as number) - (a.data.checkWorthiness as number) || a.span.start - b.span.start)
    .slice(0, Math.max(0, limit));
}

/** One ClaimReview draft. */
function toClaimReview(doc: MarginaliaDocument, claim: Annotation): JsonLd {
  const appearance: JsonLd = { '@type': 'CreativeWork', url: articleUrl(doc) };
  if (doc.meta.title) appearance.headline = doc.meta.title;
  if (doc.meta.authors.length) appearance.author = doc.meta.authors.map((name) => ({ '@type': 'Person', name }));
  if (doc.meta.publisher) appearance.publisher = { '@type': 'Organization', name: doc.meta.publisher };
  const itemReviewed: JsonLd = { '@type': 'Claim' };
  const author = claimAuthor(doc, claim);
  if (author) itemReviewed.author = author;
  const date = doc.meta.publishedTime && ISO_DATE.test(doc.meta.publishedTime) ? doc.meta.publishedTime.slice(0, 10) : null;
  if (date) itemReviewed.datePublished = date;
  itemReviewed.appearance = appearance;
  const sourcing = String(claim.data.sourcing);
  return {
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    identifier: `urn:sha256:${doc.id}#${claim.id}`,
    claimReviewed: claim.text,
    itemReviewed,
    reviewRating: { '@type': 'Rating', ratingValue: null, bestRating: null, worstRating: null, alternateName: null },
    description:
      `Draft by Marginalia: a ${claim.label} claim, check-worthiness ${String(claim.data.checkWorthiness)}, sourcing ${sourcing}` +
      `${typeof claim.data.sourceName === 'string' ? ` (${claim.data.sourceName})` : ''}, at characters ${claim.span.start}–${claim.span.end}. ` +
      'The rating is for the fact-checker to give.',
  };
}

/** Who made the claim: its named source, else the article's author, else its publisher. */
function claimAuthor(doc: MarginaliaDocument, claim: Annotation): JsonLd | null {
  if (claim.data.sourcing === 'named-source' && typeof claim.data.sourceName === 'string') {
    const name = claim.data.sourceName;
    return { '@type': name.split(/\s+/u).some((word) => ORGANISATION_WORDS.has(word.toLowerCase())) ? 'Organization' : 'Person', name };
  }
  if (claim.data.sourcing === 'anonymous-source') return null;
  if (doc.meta.authors.length) return { '@type': 'Person', name: doc.meta.authors[0] };
  if (doc.meta.publisher) return { '@type': 'Organization', name: doc.meta.publisher };
  return null;
}

/** The article's http(s) URL, else its path, else `urn:sha256:<id>`. */
function articleUrl(doc: MarginaliaDocument): string {
  const url = doc.meta.url;
  if (typeof url === 'string' && HTTP_URL.test(url)) return url;
  return doc.source ?? `urn:sha256:${doc.id}`;
}
