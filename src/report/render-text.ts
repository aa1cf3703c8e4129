/**
 * The terminal report: the summary, then the article with its findings marked. With colour, regions
 * are tinted by label and other kinds coloured or underlined; without, plain `[embed: …]` …
 * `[/embed]` markers. Paragraphs, sentences and the body region are not marked (too many).
 */
import type { Annotation, MarginaliaDocument } from '../core/types.js';
import { describeData } from './counts.js';
import { sanitizeTerminal } from './escape.js';
import { QUIET_LAYERS, compareLayerKeys, isHighlighted, layerKey, layerStyle } from './layers.js';
import { weaveMarkers } from './segments.js';
import { renderDocumentSummary } from './summary.js';
import { summariesAsText } from './render-summaries.js';

/** Options of the text renderer. */
export interface TextOptions {
  /** ANSI colours; default false (plain markers). */
  color?: boolean;
}

const RESET = '\x1b[0m';
const RULE = '─'.repeat(60);

/** Renders documents for a terminal: per document, the summary then the marked-up article. */
export function renderText(docs: readonly MarginaliaDocument[], options: TextOptions = {}): string {
  return docs.map((doc) => renderOne(doc, options.color === true)).join(`\n${'═'.repeat(60)}\n\n`);
}

function renderOne(doc: MarginaliaDocument, color: boolean): string {
  const text = String(doc.text ?? '');
  const marked = doc.annotations.filter((a) => isHighlighted(a, text.length) && !QUIET_LAYERS.has(layerKey(a)));
  let out = renderDocumentSummary(doc, { color });
  if (color && marked.length > 0) out += `  legend: ${legend(marked)}\n`;
  out += `${RULE}\n`;
  out += color ? colourArticle(text, marked) : markArticle(text, marked);
  if (!out.endsWith('\n')) out += '\n';
  const tables = summariesAsText(doc);
  return tables ? `${out}${RULE}\n${tables}` : out;
}

function legend(marked: readonly Annotation[]): string {
  const keys = [...new Set(marked.map(layerKey))].sort(compareLayerKeys);
  return keys.map((key) => chip(key, sanitizeTerminal(layerStyle(key).name))).join(' ');
}

function chip(key: string, label: string, isBold = false): string {
  const style = layerStyle(key);
  return `\x1b[${isBold ? '1;' : ''}${style.ansi || '7'}m ${label} ${RESET}`;
}

/** `[embed: x @handle 2025-12-31]`, `[quote: direct Jane Roe]`, `[technique: Loaded_Language]`. */
function openMarker(annotation: Annotation): string {
  const isRegion = annotation.kind === 'region';
  const name = isRegion ? annotation.label : annotation.kind;
  const details = [isRegion || annotation.label === annotation.kind ? '' : annotation.label, describeData(annotation.data)].filter(Boolean).join(' ');
  return sanitizeTerminal(details ? `[${name}: ${details}]` : `[${name}]`);
}

function closeMarker(annotation: Annotation): string {
  return sanitizeTerminal(`[/${annotation.kind === 'region' ? annotation.label : annotation.kind}]`);
}

function markArticle(text: string, marked: readonly Annotation[]): string {
  return weaveMarkers(text, marked, {
    open: openMarker,
    text: (start, end) => sanitizeTerminal(text.slice(start, end)),
    close: closeMarker,
  });
}

function colourArticle(text: string, marked: readonly Annotation[]): string {
  return weaveMarkers(text, marked, {
    open: (annotation) =>
      annotation.kind === 'region' ? `${chip(layerKey(annotation), openMarker(annotation).slice(1, -1), true)} ` : '',
    text: (start, end, cover) => {
      const body = sanitizeTerminal(text.slice(start, end));
      const sgr = segmentStyle(cover);
      return sgr === '' ? body : paintLines(sgr, body);
    },
    close: () => '',
  });
}

/** SGR for a segment: the innermost region's tint, then the innermost other kind's colour. */
function segmentStyle(cover: readonly Annotation[]): string {
  let region = '';
  let other = '';
  for (const annotation of cover) {
    const ansi = layerStyle(layerKey(annotation)).ansi;
    if (annotation.kind === 'region') region = ansi;
    else other = ansi;
  }
  return [region, other].filter(Boolean).join(';');
}

/** Paints each line separately so no colour bleeds past a newline. */
function paintLines(sgr: string, value: string): string {
  return value
    .split('\n')
    .map((line) => (line === '' ? line : `\x1b[${sgr}m${line}${RESET}`))
    .join('\n');
}
