/**
 * The one entry to ingest: whatever the input (bytes from a file, a fetched page, a string),
 * decide its format, decode it and hand back an IngestedArticle. HTML support is loaded lazily so
 * plain-text runs never pay for the DOM parser.
 */
import { MarginaliaError } from '../core/errors.js';
import type { InputFormat } from '../core/types.js';
import { decodeBytes, sniffHtmlCharset } from './decode.js';
import { detectFormat } from './detect-format.js';
import { ingestMarkdown } from './markdown.js';
import { emptyMeta, type IngestedArticle } from './types.js';

/** An article to ingest: raw bytes (file, stdin, HTTP body) or an already decoded string. */
export type ArticleInput =
  | { bytes: Uint8Array; subject: string; format?: InputFormat; url?: string; contentType?: string | null; charset?: string | null }
  | { text: string; subject: string; format?: InputFormat; url?: string; contentType?: string | null }
  | { html: string; subject: string; url?: string };

/** Options for ingest. */
export interface IngestOptions {
  /** Size cap in bytes (default 10 MB). */
  maxBytes?: number;
}

/** Reads an input into an article ready for the pipeline. Throws coded errors for unusable input. */
export async function ingest(input: ArticleInput, options: IngestOptions = {}): Promise<IngestedArticle> {
  if ('html' in input) return ingestHtmlString(input.html, input.subject, input.url);
  let text: string;
  const diagnostics = [];
  const hint = input.url ?? input.subject;
  if ('bytes' in input) {
    const declared = input.charset ?? (looksLikeHtmlBytes(input, hint) ? sniffHtmlCharset(input.bytes) : null);
    const decoded = decodeBytes(input.bytes, {
      subject: input.subject,
      declaredCharset: declared,
      ...(options.maxBytes === undefined ? {} : { maxBytes: options.maxBytes }),
    });
    text = decoded.text;
    diagnostics.push(...decoded.diagnostics);
  } else {
    text = input.text;
    if (text.trim().length === 0) {
      throw new MarginaliaError('E_EMPTY_INPUT', `Input ${input.subject} is empty; expected article text.`, { subject: input.subject });
    }
  }
  const format = input.format ?? detectFormat(text, hint, input.contentType ?? null);
  let article: IngestedArticle;
  if (format === 'html') article = await ingestHtmlString(text, input.subject, input.url);
  else if (format === 'markdown') article = ingestMarkdown(text);
  else article = { text, meta: { ...emptyMeta(), format: 'text' }, annotations: [], provided: [], diagnostics: [] };
  if (input.url && !article.meta.url) article.meta.url = input.url;
  article.diagnostics.unshift(...diagnostics);
  return article;
}

async function ingestHtmlString(html: string, subject: string, url: string | undefined): Promise<IngestedArticle> {
  const { ingestHtml } = await import('./html/ingest-html.js');
  try {
    return ingestHtml(html, url === undefined ? {} : { url });
  } catch (error) {
    if (error instanceof MarginaliaError) throw error;
    throw new MarginaliaError('E_NO_ARTICLE', `Could not read the HTML of ${subject}: ${(error as Error).message}.`, {
      subject,
      cause: error,
    });
  }
}

function looksLikeHtmlBytes(input: { bytes: Uint8Array; contentType?: string | null }, hint: string): boolean {
  if (input.contentType?.includes('html') || /\.x?html?$/i.test(hint)) return true;
  const head = String.fromCharCode(...input.bytes.subarray(0, 512)).toLowerCase();
  return head.includes('<html') || head.includes('<!doctype') || head.includes('<meta');
}
