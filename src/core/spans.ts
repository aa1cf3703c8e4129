/**
 * Binary searches over sorted spans, shared by the analysers that ask "which sentence (paragraph,
 * region) is this offset in?" many times per document: O(log n) each, no allocation.
 */
import type { Span } from './types.js';

/** Index of the last of `spans` (sorted by start) that starts at or before `offset`; -1 when none. */
export function lastStartingAtOrBefore(spans: readonly Span[], offset: number): number {
  let lo = 0;
  let hi = spans.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid]!.start <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** Index of the span of `spans` (sorted by start, disjoint) that holds `offset`; -1 when none does. */
export function spanHolding(spans: readonly Span[], offset: number): number {
  const found = lastStartingAtOrBefore(spans, offset);
  return found >= 0 && spans[found]!.end > offset ? found : -1;
}
