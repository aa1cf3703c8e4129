/**
 * Figures every report shows: annotations per region label and per kind, words, diagnostics by
 * severity, and a display title. One pass over the annotations and one over the text.
 */
import type { MarginaliaDocument } from '../core/types.js';
import { compareLayerKeys } from './layers.js';

/** Counts shown in summaries, in display order. */
export interface DocumentCounts {
  /** `[label, count]` for region annotations. */
  regions: [string, number][];
  /** `[kind, count]` for every other kind. */
  kinds: [string, number][];
  /** Whitespace-separated words in the text. */
  words: number;
  /** Diagnostics per severity. */
  diagnostics: { error: number; warning: number; info: number };
}

/** Counts annotations by region label and kind, words in the text and diagnostics by severity. */
export function countDocument(doc: MarginaliaDocument): DocumentCounts {
  const regions = new Map<string, number>();
  const kinds = new Map<string, number>();
  for (const annotation of doc.annotations) {
    if (annotation.kind === 'region') regions.set(annotation.label, (regions.get(annotation.label) ?? 0) + 1);
    else kinds.set(annotation.kind, (kinds.get(annotation.kind) ?? 0) + 1);
  }
  const diagnostics = { error: 0, warning: 0, info: 0 };
  for (const diagnostic of doc.diagnostics) {
    if (diagnostic.severity in diagnostics) diagnostics[diagnostic.severity] += 1;
  }
  return {
    regions: [...regions].sort((a, b) => compareLayerKeys(`region:${a[0]}`, `region:${b[0]}`)),
    kinds: [...kinds].sort((a, b) => compareLayerKeys(a[0], b[0])),
    words: countWords(doc.text),
    diagnostics,
  };
}

/** Number of whitespace-separated words. */
export function countWords(text: string): number {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const isSpace = code === 32 || (code >= 9 && code <= 13) || code === 0xa0 || code === 0x3000;
    if (isSpace) inWord = false;
    else if (!inWord) {
      inWord = true;
      words++;
    }
  }
  return words;
}

/** The name a report gives a document: its title, else its source, else its short id. */
export function documentTitle(doc: MarginaliaDocument): string {
  const title = doc.meta?.title?.trim();
  if (title) return title;
  if (doc.source) return doc.source;
  return `Document ${String(doc.id).slice(0, 12)}`;
}

/** `label n, label n` — or `none`. */
export function formatCounts(counts: readonly [string, number][]): string {
  return counts.length === 0 ? 'none' : counts.map(([name, n]) => `${name} ${n}`).join(', ');
}

/** Short human description of an annotation's data (embed platform, handle, date …), or ''. */
export function describeData(data: MarginaliaDocument['annotations'][number]['data']): string {
  const parts: string[] = [];
  for (const key of ['platform', 'handle', 'date', 'speaker', 'entity', 'value', 'sourcing']) {
    const value = data?.[key];
    if (typeof value === 'string' && value !== '') parts.push(value);
  }
  return parts.join(' ');
}
