/**
 * Building annotations and keeping them in canonical order. Every analyser goes through
 * `makeAnnotation`, so ids are derived from content and `text` always equals the slice.
 */
import { digestPair, hashState, type HashState } from './hash.js';
import type { Annotation, AnnotationKind, Json, Span } from './types.js';

/** What an analyser says about a span; the rest is derived. */
export interface AnnotationInput {
  kind: AnnotationKind;
  span: Span;
  label: string;
  confidence: number;
  ruleId: string;
  note: string;
  data?: { [key: string]: Json };
}

/** Shared by every annotation without data, so none allocates an empty object (frozen: never mutate). */
const EMPTY_DATA: { [key: string]: Json } = Object.freeze({}) as { [key: string]: Json };

/** Builds a complete annotation over `text`, with its derived id and text. */
export function makeAnnotation(text: string, source: string, input: AnnotationInput): Annotation {
  const { start, end } = input.span;
  const confidence = Math.round(Math.min(1, Math.max(0, input.confidence)) * 1000) / 1000;
  return {
    id: annotationId(input.kind, input.label, start, end, source, input.ruleId),
    kind: input.kind,
    span: { start, end },
    text: text.slice(start, end),
    label: input.label,
    confidence,
    data: input.data ?? EMPTY_DATA,
    source,
    ruleId: input.ruleId,
    note: input.note,
  };
}

interface IdPrefix {
  kind: string;
  label: string;
  source: string;
  ruleId: string;
  state: HashState;
  tag: string;
}

/** Hashed id prefixes by kind|label|source|rule (bounded), and the last one used (the common case). */
const ID_PREFIXES = new Map<string, IdPrefix>();
let lastPrefix: IdPrefix | null = null;

/** Id from what makes an annotation itself: the same finding gets the same id on every run. */
export function annotationId(
  kind: string,
  label: string,
  start: number,
  end: number,
  source: string,
  ruleId: string,
): string {
  let prefix = lastPrefix;
  if (!prefix || prefix.kind !== kind || prefix.label !== label || prefix.source !== source || prefix.ruleId !== ruleId) {
    const key = `${kind}|${label}|${source}|${ruleId}`;
    prefix = ID_PREFIXES.get(key) ?? null;
    if (!prefix) {
      prefix = { kind, label, source, ruleId, state: hashState(key), tag: `${kind.slice(0, 3)}-` };
      if (ID_PREFIXES.size >= 50_000) ID_PREFIXES.clear();
      ID_PREFIXES.set(key, prefix);
    }
    lastPrefix = prefix;
  }
  return digestPair(prefix.state, start, end, prefix.tag);
}

/** Canonical order: start ascending, end descending, then source, rule, kind, label. */
export function compareAnnotations(a: Annotation, b: Annotation): number {
  return (
    a.span.start - b.span.start ||
    b.span.end - a.span.end ||
    compareStrings(a.source, b.source) ||
    compareStrings(a.ruleId, b.ruleId) ||
    compareStrings(a.kind, b.kind) ||
    compareStrings(a.label, b.label) ||
    compareStrings(a.id, b.id)
  );
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Sorts into canonical order and drops exact duplicates (same id). Returns a new array. Duplicates
 * share kind, label, span, source and rule, so after sorting they sit next to each other.
 */
export function canonicalize(annotations: readonly Annotation[]): Annotation[] {
  const sorted = [...annotations].sort(compareAnnotations);
  let kept = 0;
  for (let i = 0; i < sorted.length; i++) {
    const annotation = sorted[i]!;
    if (kept > 0 && sorted[kept - 1]!.id === annotation.id) continue;
    sorted[kept++] = annotation;
  }
  sorted.length = kept;
  return sorted;
}
