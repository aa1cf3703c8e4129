/**
 * Codes for problems in the content (the non-throwing channel): they are attached to the document
 * and processing goes on. docs/errors.md documents every code; a test keeps the two in step.
 */
import type { Diagnostic, Severity, Span } from './types.js';

export const DIAGNOSTIC_CODES = {
  W_ENCODING_FALLBACK: 'The input was not valid UTF-8 and was decoded as windows-1252.',
  W_ENCODING_REPLACED: 'Some bytes could not be decoded and were replaced with U+FFFD.',
  W_NO_ARTICLE_FOUND: 'No article body was found in the HTML; the whole visible text was kept.',
  W_EXTRACTION_FALLBACK: 'The primary HTML extractor failed or found too little; a fallback extraction was used.',
  W_ALL_EMBEDS: 'The page consists of embedded posts only; it has no article text of its own.',
  W_DEEP_NESTING: 'The HTML is nested deeper than the parser limit; deeper content was flattened.',
  W_ANALYSER_FAILED: 'An analyser failed on this document; its annotations are missing, the others are kept.',
  W_UNBALANCED_QUOTES: 'Quotation marks that pair with nothing, or a quote that never closes; quote spans there are a guess.',
  W_LONG_LINE: 'The text has a very long line without paragraph breaks; structure detection is limited.',
  W_NOT_ENGLISH: 'The text does not read as English (few English function words, or another declared language); the analysers are built for English and their notes are unreliable.',
  I_TRUNCATED_TITLE: 'The title found in metadata was unusually long and was shortened.',
} as const;

export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES;

/** Builds a diagnostic; severity follows the code's first letter (W → warning, I → info, E → error). */
export function makeDiagnostic(code: DiagnosticCode, source: string, message: string, span?: Span): Diagnostic {
  const severity: Severity = code.startsWith('W_') ? 'warning' : code.startsWith('I_') ? 'info' : 'error';
  return span ? { code, severity, message, source, span: { ...span } } : { code, severity, message, source };
}
