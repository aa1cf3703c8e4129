/**
 * Report renderers: one entry point for every output format. Renderers are pure functions of the
 * documents (no clock, no randomness, no I/O), so the same input gives byte-identical output and
 * they run in a browser as well as in Node.
 */
import { MarginaliaError } from '../core/errors.js';
import type { MarginaliaDocument } from '../core/types.js';
import { renderClaimReview } from './render-claimreview.js';
import { renderHtml } from './render-html.js';
import { renderJson, renderJsonl } from './render-json.js';
import { renderMarkdown } from './render-markdown.js';
import { renderText } from './render-text.js';
import { renderW3c } from './render-w3c.js';
import { renderDocumentSummary } from './summary.js';

/** Output formats of `renderReport`. */
export type ReportFormat = 'json' | 'jsonl' | 'text' | 'md' | 'html' | 'w3c' | 'claimreview';

/** Every format, in the order the CLI lists them. */
export const REPORT_FORMATS: readonly ReportFormat[] = Object.freeze(['json', 'jsonl', 'text', 'md', 'html', 'w3c', 'claimreview']);

/** Options shared by the renderers; each format ignores what does not apply to it. */
export interface RenderOptions {
  /** Text only: ANSI colours (default false). The caller decides from NO_COLOR and isTTY. */
  color?: boolean;
  /** Report title (md, html); default the document title for one document, else `Marginalia report`. */
  title?: string;
}

/** True when `value` names a report format. */
export function isReportFormat(value: unknown): value is ReportFormat {
  return typeof value === 'string' && (REPORT_FORMATS as readonly string[]).includes(value);
}

/**
 * Renders documents in one format. Several documents make one report (a JSON array, one JSONL line
 * each, one page with a section each). Throws E_BAD_OPTION_VALUE for an unknown format.
 */
export function renderReport(
  format: ReportFormat,
  docs: readonly MarginaliaDocument[],
  options: RenderOptions = {},
): string {
  switch (format) {
    case 'json':
      return renderJson(docs);
    case 'jsonl':
      return renderJsonl(docs);
    case 'text':
      return renderText(docs, { color: options.color === true });
    case 'md':
      return renderMarkdown(docs, options.title === undefined ? {} : { title: options.title });
    case 'html':
      return renderHtml(docs, options.title === undefined ? {} : { title: options.title });
    case 'w3c':
      return renderW3c(docs);
    case 'claimreview':
      return renderClaimReview(docs);
    default:
      throw new MarginaliaError(
        'E_BAD_OPTION_VALUE',
        `Report format "${String(format)}" is unknown; expected one of ${REPORT_FORMATS.join(', ')}.`,
        { subject: String(format) },
      );
  }
}

/** A short terminal summary of one document: title, counts per region label and kind, diagnostics. */
export function renderSummary(doc: MarginaliaDocument, options: RenderOptions = {}): string {
  return renderDocumentSummary(doc, { color: options.color === true });
}
