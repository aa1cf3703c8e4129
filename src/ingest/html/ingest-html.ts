/**
 * HTML ingest: parses a page with linkedom, swaps embedded posts for placeholders, extracts the
 * main content with Mozilla Readability, falls back (JSON-LD articleBody, largest article element,
 * paragraph density, visible text) when Readability finds too little, and returns the article text
 * with its headline, embed and caption regions. Import it lazily: it pulls in linkedom.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { makeDiagnostic } from '../../core/diagnostics.js';
import { MarginaliaError } from '../../core/errors.js';
import type { Diagnostic } from '../../core/types.js';
import type { IngestedArticle } from '../types.js';
import { assembleArticle, INGEST_SOURCE } from './assemble-article.js';
import { ensureDocumentShell } from './ensure-document-shell.js';
import { extractMetadata } from './extract-metadata.js';
import {
  articleElementAttempt,
  jsonLdAttempt,
  makeAttempt,
  paragraphDensityAttempt,
  visibleTextAttempt,
  type ExtractionAttempt,
} from './extraction-attempts.js';
import { findEmbeds, placeholderPrefix } from './find-embeds.js';
import { limitNesting, MAX_NESTING_DEPTH } from './limit-nesting.js';
import { renderBlocks } from './render-blocks.js';
import { scanPage } from './scan-page.js';

/** Options of `ingestHtml`. */
export interface IngestHtmlOptions {
  /** Where the page came from; used for `meta.url` when the page names no canonical URL, and to resolve relative URLs. */
  url?: string;
}

/** Article text (characters) from which Readability's result is trusted without trying fallbacks. */
export const TRUSTED_CHARS = 500;
/** Below this much article text, no attempt counts as an article. */
export const MIN_ARTICLE_CHARS = 80;

/** Readability over the (already placeholdered) document; null when it finds nothing or throws. */
function readabilityAttempt(document: Document, prefix: string): ExtractionAttempt | null {
  try {
    const article = new Readability<Element>(document, { keepClasses: true, serializer: (node) => node as Element }).parse();
    return article?.content ? makeAttempt('readability', renderBlocks(article.content, prefix)) : null;
  } catch {
    return null;
  }
}

/** Whether a fallback beats the primary attempt clearly enough to replace it. */
function isClearlyBetter(candidate: ExtractionAttempt, primary: ExtractionAttempt | null): boolean {
  if (!primary) return candidate.bodyChars > 0;
  return candidate.proseChars > primary.proseChars * 1.5 + 100;
}

/**
 * Reads an HTML page into an article: text (headline first, then one paragraph per block), meta
 * (`format: 'html'`), region annotations (headline, embed, caption) and diagnostics. Throws
 * E_NO_ARTICLE when the page has no text at all.
 */
export function ingestHtml(html: string, options: IngestHtmlOptions = {}): IngestedArticle {
  const diagnostics: Diagnostic[] = [];
  const nesting = limitNesting(html);
  if (nesting.isFlattened) {
    diagnostics.push(makeDiagnostic('W_DEEP_NESTING', INGEST_SOURCE,
      `The HTML nests ${nesting.maxDepth} elements deep; elements beyond depth ${MAX_NESTING_DEPTH} were flattened into their parent.`));
  }
  const shell = ensureDocumentShell(nesting.html);
  const prefix = placeholderPrefix(html);
  const { document } = parseHTML(shell);
  const scan = scanPage(document);
  const metadata = extractMetadata(document, scan, options.url);
  diagnostics.push(...metadata.diagnostics);
  const embeds = findEmbeds(document, scan.embedCandidates, prefix);
  const primary = readabilityAttempt(document, prefix);
  let chosen = primary;
  const ldLonger = metadata.articleBody !== null && metadata.articleBody.length > (primary?.bodyChars ?? 0) * 1.5 + 100;
  if (!primary || primary.bodyChars < TRUSTED_CHARS || ldLonger) {
    // Readability changed the document; the fallbacks read a fresh parse with the same placeholders.
    const fresh = parseHTML(shell).document;
    findEmbeds(fresh, scanPage(fresh).embedCandidates, prefix);
    const attempts = [
      metadata.articleBody === null ? null : jsonLdAttempt(metadata.articleBody),
      articleElementAttempt(fresh, prefix),
      paragraphDensityAttempt(fresh, prefix),
    ];
    let best: ExtractionAttempt | null = null;
    for (const attempt of attempts) if (attempt && (!best || attempt.proseChars > best.proseChars)) best = attempt;
    if (best && isClearlyBetter(best, primary)) chosen = best;
    if (!chosen || chosen.bodyChars < MIN_ARTICLE_CHARS) {
      const visible = visibleTextAttempt(fresh, prefix);
      const hasEmbeds = visible.blocks.some((block) => block.role === 'embed');
      if (visible.blocks.length === 0 && !hasEmbeds) {
        throw new MarginaliaError('E_NO_ARTICLE', `The HTML page${options.url ? ` ${options.url}` : ''} has no visible text; expected an article.`, {
          subject: options.url ?? 'html',
        });
      }
      chosen = visible;
      if (!hasEmbeds || visible.bodyChars >= MIN_ARTICLE_CHARS) {
        diagnostics.push(makeDiagnostic('W_NO_ARTICLE_FOUND', INGEST_SOURCE,
          'No extraction attempt found an article body (Readability, JSON-LD, article element, paragraph density); the whole visible text was kept.'));
      }
    } else if (chosen !== primary) {
      diagnostics.push(makeDiagnostic('W_EXTRACTION_FALLBACK', INGEST_SOURCE,
        `Readability found ${primary?.bodyChars ?? 0} characters of article text; the ${chosen.method} fallback found ${chosen.bodyChars} and was used.`));
    }
  }
  const attempt = chosen as ExtractionAttempt;
  const article = assembleArticle(metadata.meta.title, attempt.blocks, embeds);
  if (article.embedCount > 0 && attempt.bodyChars < MIN_ARTICLE_CHARS) {
    diagnostics.push(makeDiagnostic('W_ALL_EMBEDS', INGEST_SOURCE,
      `The page holds ${article.embedCount} embedded post(s) and ${attempt.bodyChars} characters of text of its own.`));
  }
  return { text: article.text, meta: metadata.meta, annotations: article.annotations, provided: ['html-regions'], diagnostics };
}
