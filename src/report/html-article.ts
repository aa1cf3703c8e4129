/**
 * The highlighted article of the HTML report. The text is split at every span boundary; each
 * segment becomes nested `<span class="hl">` pieces, one per covering annotation (outermost first),
 * so overlapping and nested spans render correctly. An annotation's first piece is focusable and
 * described by its entry in the annotation list. Linear in text length plus pieces.
 */
import type { Annotation } from '../core/types.js';
import { describeData } from './counts.js';
import { escapeHtml, truncate } from './escape.js';
import { isHighlighted, layerKey, QUIET_LAYERS } from './layers.js';
import { segmentText } from './segments.js';

/** What the tooltip script reads per annotation: `[layer, kind, label, note, rule, source, confidence, details]`. */
export type TooltipRow = [number, string, string, string, string, string, string, string];

/** The rendered article with the data the rest of the section needs. */
export interface HtmlArticle {
  /** Inner HTML of the text container. */
  html: string;
  /** Tooltip rows, indexed by the `data-a` of each piece. */
  rows: TooltipRow[];
  /** `<li>` items of the annotation list, in the same order. */
  items: string[];
  /** Highlights per layer index. */
  layerCounts: Map<number, number>;
}

const EXCERPT = 120;

/**
 * Renders `text` with every highlighted annotation. `prefix` makes element ids unique per document;
 * `layerIndex` maps a layer key to its CSS index.
 */
export function renderHtmlArticle(
  text: string,
  annotations: readonly Annotation[],
  prefix: string,
  layerIndex: ReadonlyMap<string, number>,
): HtmlArticle {
  const marked = annotations.filter((a) => isHighlighted(a, text.length) && layerIndex.has(layerKey(a)));
  const layers = marked.map((a) => layerIndex.get(layerKey(a)) as number);
  const rows: TooltipRow[] = [];
  const items: string[] = [];
  const layerCounts = new Map<number, number>();
  marked.forEach((a, i) => {
    const layer = layers[i] as number;
    const details = describeData(a.data);
    rows.push([layer, a.kind, a.label, a.note, a.ruleId, a.source, formatConfidence(a.confidence), details]);
    items.push(listItem(a, i, layer, prefix, details));
    layerCounts.set(layer, (layerCounts.get(layer) ?? 0) + 1);
  });

  const segments = segmentText(
    text.length,
    marked.map((a) => a.span),
  );
  const seen = new Uint8Array(marked.length);
  let html = '';
  for (const segment of segments) {
    let open = '';
    for (const index of segment.cover) {
      const a = marked[index] as Annotation;
      let attributes = `class="hl L${layers[index]}" data-a="${index}"`;
      if (seen[index] === 0) {
        seen[index] = 1;
        attributes += ` id="${prefix}-a${index}" data-first="" tabindex="0" aria-describedby="${prefix}-n${index}"`;
        if (a.kind === 'region' && !QUIET_LAYERS.has(layerKey(a))) {
          const details = describeData(a.data);
          attributes += ` data-badge="${escapeHtml(truncate(details ? `${a.label} · ${details}` : a.label, 60))}"`;
        }
      }
      open += `<span ${attributes}>`;
    }
    html += open + escapeHtml(text.slice(segment.start, segment.end)) + '</span>'.repeat(segment.cover.length);
  }
  return { html, rows, items, layerCounts };
}

function listItem(a: Annotation, index: number, layer: number, prefix: string, details: string): string {
  const name = escapeHtml(a.kind === 'region' ? `region · ${a.label}` : `${a.kind} · ${a.label}`);
  const excerpt = escapeHtml(truncate(a.text ?? '', EXCERPT));
  const extra = details ? ` <span>(${escapeHtml(details)})</span>` : '';
  const provenance = escapeHtml(
    `rule ${a.ruleId} · ${a.source} · confidence ${formatConfidence(a.confidence)} · ${a.span.start}–${a.span.end}`,
  );
  return (
    `<li><span class="sw L${layer}" aria-hidden="true"></span> <span id="${prefix}-n${index}">` +
    `<strong>${name}</strong>${extra}: <q>${excerpt}</q> — ${escapeHtml(a.note)} ` +
    `<small>${provenance}</small></span> <a href="#${prefix}-a${index}">show in text</a></li>`
  );
}

function formatConfidence(value: number): string {
  return typeof value === 'number' && Number.isFinite(value) ? value.toFixed(2) : String(value);
}

/** Layer keys of the annotations that the HTML report highlights, in no particular order. */
export function highlightedLayerKeys(text: string, annotations: readonly Annotation[]): Set<string> {
  const keys = new Set<string>();
  for (const a of annotations) if (isHighlighted(a, text.length)) keys.add(layerKey(a));
  return keys;
}
