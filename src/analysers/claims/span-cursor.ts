/**
 * Walking sorted annotations alongside the text: a cursor answers "which of these cover or overlap
 * this position" for positions that only move forward, so a whole document costs one pass over the
 * annotations instead of a scan per sentence.
 */
import type { Annotation } from '../../core/types.js';

/** How many annotations past the cursor an overlap query inspects at most (nested spans are rare). */
const LOOKAHEAD = 64;

/** A forward-only cursor over annotations sorted by start (canonical order). */
export class SpanCursor {
  private index = 0;

  constructor(private readonly items: readonly Annotation[]) {}

  private skipTo(position: number): void {
    while (this.index < this.items.length && this.items[this.index]!.span.end <= position) this.index++;
  }

  /** Whether an annotation covers `position`. Positions must not decrease between calls. */
  covering(position: number): boolean {
    this.skipTo(position);
    const item = this.items[this.index];
    return item !== undefined && item.span.start <= position;
  }

  /** Annotations overlapping [start, end). Starts must not decrease between calls. */
  overlapping(start: number, end: number): Annotation[] {
    this.skipTo(start);
    const out: Annotation[] = [];
    for (let k = this.index; k < this.items.length && k < this.index + LOOKAHEAD; k++) {
      const item = this.items[k]!;
      if (item.span.start >= end) break;
      if (item.span.end > start) out.push(item);
    }
    return out;
  }
}

/** The last annotation (by start) starting before `offset`, by binary search; null if none. */
export function latestBefore(items: readonly Annotation[], offset: number): Annotation | null {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (items[mid]!.span.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 ? items[lo - 1]! : null;
}
