/**
 * The short terminal summary: title, provenance, genre and size, counts per region label and kind,
 * and diagnostics. Every untrusted string goes through `sanitizeTerminal`.
 */
import type { MarginaliaDocument } from '../core/types.js';
import { countDocument, documentTitle, formatCounts } from './counts.js';
import { sanitizeTerminal, truncate } from './escape.js';

/** Options of the summary (a subset of RenderOptions). */
export interface SummaryOptions {
  /** ANSI colours; default false. The caller decides from NO_COLOR and isTTY. */
  color?: boolean;
}

const MAX_DIAGNOSTICS = 3;

/** A few lines: title, provenance, genre and size, counts per region label and kind, diagnostics. */
export function renderDocumentSummary(doc: MarginaliaDocument, options: SummaryOptions = {}): string {
  const paint = (sgr: string, value: string): string => (options.color ? `\x1b[${sgr}m${value}\x1b[0m` : value);
  const clean = (value: string, max = 120): string => sanitizeTerminal(truncate(value, max));
  const counts = countDocument(doc);
  const meta = doc.meta ?? { title: null, authors: [], publisher: null, url: null, publishedTime: null, lang: null };
  const lines: string[] = [paint('1', clean(documentTitle(doc)))];

  const provenance = [
    doc.source,
    meta.url,
    meta.authors?.length ? `by ${meta.authors.join(', ')}` : null,
    meta.publisher,
    meta.publishedTime,
    meta.lang ? `lang ${meta.lang}` : null,
  ].filter((part): part is string => typeof part === 'string' && part !== '');
  if (provenance.length > 0) lines.push(`  ${clean(provenance.join(' · '), 200)}`);

  const genre = doc.genre ? `genre ${doc.genre.label} (${doc.genre.confidence.toFixed(2)})` : 'genre unknown';
  const size = `${counts.words.toLocaleString('en-US')} words · ${doc.text.length.toLocaleString('en-US')} characters`;
  lines.push(`  ${clean(genre)} · ${size}`);
  lines.push(`  ${paint('2', 'regions:')} ${clean(formatCounts(counts.regions), 300)}`);
  lines.push(`  ${paint('2', 'annotations:')} ${clean(formatCounts(counts.kinds), 300)}`);

  const { error, warning, info } = counts.diagnostics;
  if (doc.diagnostics.length === 0) {
    lines.push(`  ${paint('2', 'diagnostics:')} none`);
  } else {
    const tally = [
      error ? paint('31', plural(error, 'error')) : '',
      warning ? paint('33', plural(warning, 'warning')) : '',
      info ? plural(info, 'info') : '',
    ].filter(Boolean);
    lines.push(`  ${paint('2', 'diagnostics:')} ${tally.join(', ')}`);
    for (const diagnostic of doc.diagnostics.slice(0, MAX_DIAGNOSTICS)) {
      lines.push(`    ${clean(`${diagnostic.code} (${diagnostic.source}): ${diagnostic.message}`, 160)}`);
    }
    if (doc.diagnostics.length > MAX_DIAGNOSTICS) {
      lines.push(`    … and ${doc.diagnostics.length - MAX_DIAGNOSTICS} more`);
    }
  }
  return `${lines.join('\n')}\n`;
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 || noun === 'info' ? '' : 's'}`;
}
