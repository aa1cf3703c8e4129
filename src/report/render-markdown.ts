/**
 * The Markdown report: title, metadata table, counts, regions, other findings, the article with its
 * region labels as inline markers, and diagnostics. Every article-derived string is escaped, so a
 * hostile text cannot inject links, HTML or tables.
 */
import type { Annotation, MarginaliaDocument } from '../core/types.js';
import { countDocument, describeData, documentTitle } from './counts.js';
import { escapeMarkdownCell, escapeMarkdownRange, truncate } from './escape.js';
import { QUIET_LAYERS, STRUCTURAL_KINDS, compareLayerKeys, isHighlighted, layerKey } from './layers.js';
import { weaveMarkers } from './segments.js';
import { summariesAsMarkdown } from './render-summaries.js';

/** Options of the Markdown renderer. */
export interface MarkdownOptions {
  /** Report title when there are several documents; default `Marginalia report`. */
  title?: string;
}

const EXCERPT = 80;

/** Renders documents as one Markdown report; several documents get a section each. */
export function renderMarkdown(docs: readonly MarginaliaDocument[], options: MarkdownOptions = {}): string {
  if (docs.length === 1) return renderOne(docs[0] as MarginaliaDocument, 1, options.title);
  const parts = [`# ${cell(options.title ?? 'Marginalia report')}\n`];
  for (const doc of docs) parts.push(renderOne(doc, 2, undefined));
  return parts.join('\n');
}

function renderOne(doc: MarginaliaDocument, level: number, title: string | undefined): string {
  const h = '#'.repeat(level);
  const counts = countDocument(doc);
  const meta = doc.meta;
  const out: string[] = [`${h} ${cell(title ?? documentTitle(doc))}`, ''];

  const rows: [string, string][] = [
    ['Source', doc.source ?? ''],
    ['URL', meta.url ?? ''],
    ['Authors', (meta.authors ?? []).join(', ')],
    ['Publisher', meta.publisher ?? ''],
    ['Published', meta.publishedTime ?? ''],
    ['Language', meta.lang ?? ''],
    ['Genre', doc.genre ? `${doc.genre.label} (${doc.genre.confidence.toFixed(2)}): ${doc.genre.reasons.join('; ')}` : ''],
    ['Words', String(counts.words)],
    ['Id', doc.id],
  ];
  out.push('| Field | Value |', '| --- | --- |');
  for (const [field, value] of rows) if (value !== '') out.push(`| ${field} | ${cell(value)} |`);
  out.push('');

  out.push(`${h}# Summary`, '', '| Layer | Count |', '| --- | ---: |');
  for (const [label, n] of counts.regions) out.push(`| region: ${cell(label)} | ${n} |`);
  for (const [kind, n] of counts.kinds) out.push(`| ${cell(kind)} | ${n} |`);
  if (counts.regions.length + counts.kinds.length === 0) out.push('| (no annotations) | 0 |');
  out.push('');

  const regions = doc.annotations.filter((a) => a.kind === 'region');
  if (regions.length > 0) {
    out.push(`${h}# Regions`, '', '| Label | Span | Text | Details | Note |', '| --- | --- | --- | --- | --- |');
    for (const a of regions) {
      out.push(`| ${cell(a.label)} | ${a.span.start}–${a.span.end} | ${excerpt(a)} | ${cell(describeData(a.data))} | ${cell(a.note)} |`);
    }
    out.push('');
  }

  const findings = doc.annotations.filter((a) => a.kind !== 'region' && !STRUCTURAL_KINDS.has(a.kind));
  if (findings.length > 0) {
    findings.sort((a, b) => compareLayerKeys(layerKey(a), layerKey(b)) || a.span.start - b.span.start);
    out.push(`${h}# Findings`, '', '| Kind | Label | Span | Text | Confidence | Note |', '| --- | --- | --- | --- | ---: | --- |');
    for (const a of findings) {
      out.push(
        `| ${cell(a.kind)} | ${cell(a.label)} | ${a.span.start}–${a.span.end} | ${excerpt(a)} | ${a.confidence.toFixed(2)} | ${cell(a.note)} |`,
      );
    }
    out.push('');
  }

  const tables = summariesAsMarkdown(doc, level + 1);
  if (tables) out.push(tables);

  out.push(`${h}# Article`, '', markArticle(doc), '');

  out.push(`${h}# Diagnostics`, '');
  if (doc.diagnostics.length === 0) out.push('None.');
  for (const d of doc.diagnostics) {
    out.push(`- **${cell(d.code)}** (${cell(d.severity)}, ${cell(d.source)}): ${cell(d.message)}`);
  }
  return `${out.join('\n')}\n`;
}

/** The article text, escaped, with `**⟦embed: x @handle⟧**` … `**⟦/embed⟧**` around regions. */
function markArticle(doc: MarginaliaDocument): string {
  const text = String(doc.text ?? '');
  const regions = doc.annotations.filter(
    (a) => a.kind === 'region' && isHighlighted(a, text.length) && !QUIET_LAYERS.has(layerKey(a)),
  );
  const out = weaveMarkers(text, regions, {
    open: openMarker,
    text: (start, end) => escapeMarkdownRange(text, start, end, true),
    close: (annotation) => ` **⟦/${cell(annotation.label)}⟧**`,
  });
  return out.trim() === '' ? '*(empty)*' : out;
}

function openMarker(annotation: Annotation): string {
  const details = describeData(annotation.data);
  return `**⟦${cell(annotation.label)}${details ? `: ${cell(details)}` : ''}⟧** `;
}

function excerpt(annotation: Annotation): string {
  return cell(truncate(annotation.text ?? '', EXCERPT));
}

function cell(value: string): string {
  return escapeMarkdownCell(value);
}
