/**
 * Reading the PTC (SemEval-2020 Task 11) label format: `ID<TAB>technique<TAB>start<TAB>end` with
 * offsets in code points of the article file (a leading BOM counts). Pure functions: the scripts
 * read the files, this converts offsets to the UTF-16 code units Marginalia uses everywhere.
 */
import type { Span } from '../../core/types.js';

/** One gold span, in UTF-16 offsets of the text as read (BOM included). */
export interface GoldSpan extends Span {
  technique: string;
}

/** Table from code-point offset to UTF-16 offset for `text` (length: code points + 1). */
export function codePointOffsets(text: string): Int32Array {
  const table = new Int32Array(text.length + 1);
  let cp = 0;
  for (let i = 0; i < text.length; i++) {
    table[cp++] = i;
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) i++;
  }
  table[cp] = text.length;
  return table.subarray(0, cp + 1);
}

/** Parses a `.labels` file body into spans over `text` (technique empty for SI files). */
export function parseLabels(body: string, text: string): GoldSpan[] {
  const table = codePointOffsets(text);
  const spans: GoldSpan[] = [];
  for (const line of body.split('\n')) {
    const cells = line.trim().split('\t');
    if (cells.length < 3) continue;
    const hasTechnique = cells.length >= 4;
    const start = Number(cells[hasTechnique ? 2 : 1]);
    const end = Number(cells[hasTechnique ? 3 : 2]);
    if (!Number.isInteger(start) || !Number.isInteger(end) || end <= start || end >= table.length) continue;
    spans.push({ technique: hasTechnique ? cells[1]! : '', start: table[start]!, end: table[end]! });
  }
  return spans;
}

/** Merges overlapping spans (as the official SI scorer does), sorted by start. */
export function mergeSpans(spans: readonly Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || a.end - b.end);
  const out: Span[] = [];
  for (const span of sorted) {
    const last = out[out.length - 1];
    if (last && span.start < last.end) last.end = Math.max(last.end, span.end);
    else out.push({ start: span.start, end: span.end });
  }
  return out;
}

/** The official SI score on one article: summed overlap credits and counts, to micro-average. */
export interface OverlapTally {
  precisionSum: number;
  recallSum: number;
  predicted: number;
  gold: number;
  /** Predicted spans (merged) that overlap no gold span; counted when present in the tally. */
  disjoint?: number;
}

/** Adds one article's character-overlap credits (spans merged first) to `tally`. Linear after sorting. */
export function tallyOverlap(predicted: readonly Span[], gold: readonly Span[], tally: OverlapTally): void {
  const s = mergeSpans(predicted);
  const t = mergeSpans(gold);
  tally.predicted += s.length;
  tally.gold += t.length;
  let j = 0;
  for (const p of s) {
    while (j < t.length && t[j]!.end <= p.start) j++;
    let overlaps = false;
    for (let k = j; k < t.length && t[k]!.start < p.end; k++) {
      const overlap = Math.min(p.end, t[k]!.end) - Math.max(p.start, t[k]!.start);
      if (overlap <= 0) continue;
      overlaps = true;
      tally.precisionSum += overlap / (p.end - p.start);
      tally.recallSum += overlap / (t[k]!.end - t[k]!.start);
    }
    if (!overlaps && tally.disjoint !== undefined) tally.disjoint++;
  }
}
