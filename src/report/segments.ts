/**
 * Splits a text at every span boundary so overlapping and nested highlights render correctly: each
 * segment knows which spans cover it (outermost first), which start at it and which end with it.
 * One sort of the spans plus one sweep: O(n log n + segments × depth), never a rescan of the text.
 */
import type { Annotation, Span } from '../core/types.js';

const NONE: readonly number[] = Object.freeze([]);

/** A stretch of text with a constant set of covering spans. */
export interface Segment {
  start: number;
  end: number;
  /** Indices (into the input array) of the spans covering the segment, outermost first. */
  cover: readonly number[];
  /** Spans that start at `start`, outermost first. */
  opens: readonly number[];
  /** Spans that end at `end`, innermost first (the order to close them in). */
  closes: readonly number[];
}

/**
 * Segments covering `[0, textLength)` completely, in order. Spans must be valid and non-empty
 * (see `isHighlighted`); their order in the input does not matter. Uncovered stretches come out as
 * segments with an empty `cover`.
 */
export function segmentText(textLength: number, spans: readonly Span[]): Segment[] {
  const order = spans.map((_, index) => index);
  // Canonical order: start ascending, end descending, then input order (stable).
  order.sort((a, b) => {
    const sa = spans[a] as Span;
    const sb = spans[b] as Span;
    return sa.start - sb.start || sb.end - sa.end || a - b;
  });
  const boundaries = new Set<number>([0, textLength]);
  for (const span of spans) {
    boundaries.add(span.start);
    boundaries.add(span.end);
  }
  const points = [...boundaries].sort((a, b) => a - b);
  const segments: Segment[] = [];
  let active: readonly number[] = NONE;
  let previousCloses: readonly number[] = NONE;
  let next = 0;
  for (let p = 0; p + 1 < points.length; p++) {
    const start = points[p] as number;
    const end = points[p + 1] as number;
    // Only rebuild the active list when something ended or starts here: segments share it otherwise.
    if (previousCloses.length > 0) active = active.filter((index) => (spans[index] as Span).end > start);
    let opens: number[] | null = null;
    while (next < order.length && (spans[order[next] as number] as Span).start === start) {
      (opens ??= []).push(order[next] as number);
      next++;
    }
    // Spans starting here begin after every active one, so appending keeps canonical order.
    if (opens !== null) active = [...active, ...opens];
    let closes: number[] | null = null;
    for (let i = active.length - 1; i >= 0; i--) {
      const index = active[i] as number;
      if ((spans[index] as Span).end === end) (closes ??= []).push(index);
    }
    previousCloses = closes ?? NONE;
    segments.push({ start, end, cover: active, opens: opens ?? NONE, closes: previousCloses });
  }
  return segments;
}

/** How `weaveMarkers` renders each piece: an opening marker, a stretch of text, a closing marker. */
export interface MarkerRenderer {
  open(annotation: Annotation): string;
  text(start: number, end: number, cover: readonly Annotation[]): string;
  close(annotation: Annotation): string;
}

/**
 * The text with markers woven in around every annotation in `marked`, nested correctly where
 * spans overlap. One pass over the segments: linear in text length plus annotations.
 */
export function weaveMarkers(text: string, marked: readonly Annotation[], render: MarkerRenderer): string {
  let out = '';
  for (const segment of segmentText(text.length, marked.map((a) => a.span))) {
    for (const index of segment.opens) out += render.open(marked[index] as Annotation);
    out += render.text(segment.start, segment.end, segment.cover.map((index) => marked[index] as Annotation));
    for (const index of segment.closes) out += render.close(marked[index] as Annotation);
  }
  return out;
}
