/**
 * Document-level summaries (speakers, actors, timeline, claims, technique profile) rendered as
 * tables in every human format. Generic by design: an analyser that adds a summary appears in
 * every report without report code.
 */
import type { MarginaliaDocument, Summary } from '../core/types.js';
import { escapeHtml, escapeMarkdownCell, sanitizeTerminal } from './escape.js';

type Cell = Summary['rows'][number][number];

/** Maximum rows shown per summary in text and Markdown (HTML shows all, in a scrolling table). */
const MAX_ROWS = 50;

function formatCell(value: Cell): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : value.toFixed(2);
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return value;
}

function summariesOf(doc: MarginaliaDocument): [string, Summary][] {
  return Object.entries(doc.summaries ?? {}).filter(([, s]) => Array.isArray(s.rows) && Array.isArray(s.columns));
}

/** Plain-text tables, columns padded, for a terminal. Empty when the document has no summaries. */
export function summariesAsText(doc: MarginaliaDocument): string {
  const out: string[] = [];
  for (const [, summary] of summariesOf(doc)) {
    const rows = summary.rows.slice(0, MAX_ROWS).map((row) => summary.columns.map((_, i) => clip(sanitizeTerminal(formatCell(row[i] ?? null)))));
    const header = summary.columns.map((c) => sanitizeTerminal(c));
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
    const line = (cells: readonly string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ').trimEnd();
    out.push(`${sanitizeTerminal(summary.title)} (${summary.rows.length})`, line(header), line(widths.map((w) => '-'.repeat(w))));
    for (const row of rows) out.push(line(row));
    if (summary.rows.length > MAX_ROWS) out.push(`… ${summary.rows.length - MAX_ROWS} more rows in --format json`);
    out.push('');
  }
  return out.join('\n');
}

/** Markdown sections, one table per summary, headed at `level`. */
export function summariesAsMarkdown(doc: MarginaliaDocument, level: number): string {
  const h = '#'.repeat(level);
  const out: string[] = [];
  for (const [, summary] of summariesOf(doc)) {
    out.push(`${h} ${escapeMarkdownCell(summary.title)}`, '', escapeMarkdownCell(summary.note), '');
    out.push(`| ${summary.columns.map(escapeMarkdownCell).join(' | ')} |`, `| ${summary.columns.map(() => '---').join(' | ')} |`);
    for (const row of summary.rows.slice(0, MAX_ROWS)) {
      out.push(`| ${summary.columns.map((_, i) => escapeMarkdownCell(formatCell(row[i] ?? null))).join(' | ')} |`);
    }
    if (summary.rows.length > MAX_ROWS) out.push('', `*${summary.rows.length - MAX_ROWS} more rows in the JSON output.*`);
    out.push('');
  }
  return out.join('\n');
}

/** HTML sections, one table per summary, every cell escaped. */
export function summariesAsHtml(doc: MarginaliaDocument, id: string): string {
  return summariesOf(doc)
    .map(([key, summary], index) => {
      const headId = `${id}-s${index}`;
      const head = summary.columns.map((c) => `<th scope="col">${escapeHtml(c)}</th>`).join('');
      const body = summary.rows
        .map((row) => `<tr>${summary.columns.map((_, i) => `<td>${escapeHtml(formatCell(row[i] ?? null))}</td>`).join('')}</tr>`)
        .join('\n');
      return `<section class="panel" data-summary="${escapeHtml(key)}" aria-labelledby="${headId}"><h3 id="${headId}">${escapeHtml(summary.title)} <span class="n">${summary.rows.length}</span></h3>
<p class="note">${escapeHtml(summary.note)}</p>
<div class="scroll"><table><thead><tr>${head}</tr></thead><tbody>
${body}
</tbody></table></div></section>`;
    })
    .join('\n');
}

function clip(value: string): string {
  const flat = value.replace(/\s+/g, ' ');
  return flat.length > 60 ? `${flat.slice(0, 59)}…` : flat;
}
