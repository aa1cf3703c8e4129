/**
 * W3C Web Annotation Data Model output (JSON-LD): one AnnotationCollection per document, its
 * annotations in one embedded AnnotationPage. Each target carries a TextPositionSelector and a
 * TextQuoteSelector (exact, prefix and suffix of at most 32 characters). Deterministic: no
 * `created` timestamp. Structural kinds (paragraph, sentence) are left out.
 */
import type { Annotation, MarginaliaDocument } from '../core/types.js';
import { describeData, documentTitle } from './counts.js';
import { STRUCTURAL_KINDS } from './layers.js';

/** The JSON-LD context of the Web Annotation vocabulary. */
export const W3C_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

const CONTEXT_CHARS = 32;
const HTTP_URL = /^https?:\/\/\S+$/i;
const GENERATOR = { id: 'urn:marginalia', type: 'Software', name: 'Marginalia', schema: 'marginalia/1' } as const;

type JsonLd = { [key: string]: unknown };

/** Renders one collection per document: a JSON object for one document, an array for several. */
export function renderW3c(docs: readonly MarginaliaDocument[]): string {
  const collections = docs.map(toCollection);
  return `${JSON.stringify(collections.length === 1 ? collections[0] : collections, null, 2)}\n`;
}

/** The AnnotationCollection for one document. */
export function toCollection(doc: MarginaliaDocument): JsonLd {
  const source = targetSource(doc);
  const text = String(doc.text ?? '');
  const items = doc.annotations
    .filter((a) => !STRUCTURAL_KINDS.has(a.kind) && isValidSpan(a, text.length))
    .map((a) => toAnnotation(a, text, source, doc.id));
  return {
    '@context': W3C_CONTEXT,
    id: `urn:sha256:${doc.id}#annotations`,
    type: 'AnnotationCollection',
    label: documentTitle(doc),
    total: items.length,
    generator: GENERATOR,
    first: { id: `urn:sha256:${doc.id}#page-0`, type: 'AnnotationPage', startIndex: 0, items },
  };
}

/** The source IRI of every target: the article's http(s) URL, else its path, else `urn:sha256:<id>`. */
function targetSource(doc: MarginaliaDocument): string {
  const url = doc.meta?.url;
  if (typeof url === 'string' && HTTP_URL.test(url)) return url;
  if (doc.source) return doc.source;
  return `urn:sha256:${doc.id}`;
}

function toAnnotation(a: Annotation, text: string, source: string, docId: string): JsonLd {
  const { start, end } = a.span;
  const tag = a.kind === 'region' ? `region:${a.label}` : `${a.kind}:${a.label}`;
  const details = describeData(a.data);
  const body: JsonLd[] = [
    { type: 'TextualBody', purpose: 'tagging', value: tag, format: 'text/plain' },
    {
      type: 'TextualBody',
      purpose: 'commenting',
      value: details ? `${a.note} (${details})` : a.note,
      format: 'text/plain',
    },
    {
      type: 'TextualBody',
      purpose: 'describing',
      value: `Analyser ${a.source}, rule ${a.ruleId}, confidence ${a.confidence}.`,
      format: 'text/plain',
    },
  ];
  return {
    id: `urn:sha256:${docId}#${a.id}`,
    type: 'Annotation',
    motivation: a.kind === 'region' ? 'classifying' : 'commenting',
    generator: GENERATOR,
    body,
    target: {
      source,
      selector: [
        { type: 'TextPositionSelector', start, end },
        {
          type: 'TextQuoteSelector',
          exact: text.slice(start, end),
          prefix: prefixOf(text, start),
          suffix: suffixOf(text, end),
        },
      ],
    },
  };
}

function isValidSpan(a: Annotation, length: number): boolean {
  const { start, end } = a.span;
  return Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start <= end && end <= length;
}

/** Up to 32 characters before `start`, not beginning in the middle of a surrogate pair. */
function prefixOf(text: string, start: number): string {
  let from = Math.max(0, start - CONTEXT_CHARS);
  if (from > 0 && isLowSurrogate(text.charCodeAt(from))) from += 1;
  return text.slice(from, start);
}

/** Up to 32 characters after `end`, not ending in the middle of a surrogate pair. */
function suffixOf(text: string, end: number): string {
  let to = Math.min(text.length, end + CONTEXT_CHARS);
  if (to < text.length && isLowSurrogate(text.charCodeAt(to))) to -= 1;
  return text.slice(end, to);
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
