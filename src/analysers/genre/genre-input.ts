/**
 * Builds the genre features' input from a document's annotations: body spans (the whole text when
 * there are no regions), counts of paragraphs and sentences in the body, the disclaimer, bio and
 * byline regions, and quote annotations when a quotes analyser ran. The analyser, the training
 * script and the benchmark share it, so all three see the same document the same way.
 */
import { spanHolding } from '../../core/spans.js';
import type { Annotation, AnnotationKind, Span } from '../../core/types.js';
import type { GenreInput } from './features.js';

/**
 * A staff journalist's note ("… is Coastline News's climate correspondent", "… covers the courts"):
 * news reports carry these too, so unlike an outside contributor's bio it is no sign of opinion.
 */
const STAFF_ROLE = /\b(?:correspondent|reporter|staff writer|bureau chief|news editor)s?\b/i;
/** "a former Moscow correspondent" writes as an outside contributor. */
const FORMER = /\bformer\b/i;

function isStaffNote(text: string): boolean {
  return STAFF_ROLE.test(text) && !FORMER.test(text);
}

/** Reads annotations of a kind, in canonical order (ctx.annotations or a filtered document). */
export type AnnotationsOf = (kind: AnnotationKind) => readonly Annotation[];

/** The genre input of `text` given its annotations; `hasQuotes` says whether quote annotations exist. */
export function genreInputFrom(text: string, annotationsOf: AnnotationsOf, hasQuotes: boolean): GenreInput {
  const regions = annotationsOf('region');
  const body: Span[] = regions.length === 0 ? [{ start: 0, end: text.length }] : regions.filter((r) => r.label === 'body').map((r) => r.span);
  const inBody = (span: Span): boolean => spanHolding(body, span.start) >= 0;
  const quotes = hasQuotes ? annotationsOf('quote').filter((q) => inBody(q.span)).length : null;
  return {
    text,
    body,
    paragraphs: annotationsOf('paragraph').filter((p) => inBody(p.span)).length,
    sentences: annotationsOf('sentence').filter((s) => inBody(s.span)).length,
    hasDisclaimer: regions.some((r) => r.label === 'disclaimer'),
    hasBio: regions.some((r) => r.label === 'bio' && !isStaffNote(r.text)),
    hasByline: regions.some((r) => r.label === 'byline'),
    quotes,
    headline: regions.find((r) => r.label === 'headline')?.span ?? null,
  };
}
