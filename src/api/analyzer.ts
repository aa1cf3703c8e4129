/**
 * The programmatic API: build the pipeline once, then analyse or extract as many articles as you
 * like. The CLI, the benchmarks and (later) the server are thin layers over these functions.
 */
import { buildPipeline, runPipeline, subPipeline, type Analyser, type Pipeline } from '../core/pipeline.js';
import type { DocumentMeta, MarginaliaDocument } from '../core/types.js';
import { defaultAnalysers } from '../analysers/registry.js';
import { ingest, type ArticleInput, type IngestOptions } from '../ingest/ingest.js';
import { emptyMeta, type IngestedArticle } from '../ingest/types.js';
import { enrichMeta } from './enrich-meta.js';

/** Options for an analyzer. */
export interface AnalyzerOptions extends IngestOptions {
  /** Analysers to run (default: every analyser in the registry). */
  analysers?: Analyser[];
}

/** What `extract` returns: the clean article body and its metadata (see OUTPUT-CONTRACT.md). */
export interface ExtractedArticle {
  title: string | null;
  authors: string[];
  publishedTime: string | null;
  text: string;
}

/** A reusable analyzer: the pipeline is validated once, here. */
export interface Analyzer {
  /** Ingests and analyses one input. */
  analyze(input: ArticleInput): Promise<MarginaliaDocument>;
  /** Analyses text that is already decoded, as plain text (synchronous). */
  analyzeText(text: string, options?: { source?: string; meta?: Partial<DocumentMeta> }): MarginaliaDocument;
  /** Analyses an article that was already ingested (e.g. by `ingestHtml`), synchronously. */
  analyzeIngested(article: IngestedArticle, source?: string): MarginaliaDocument;
  /** The clean body of an article that was already ingested, synchronously (runs only what regions need). */
  extractIngested(article: IngestedArticle, source?: string): ExtractedArticle;
  /** Ingests one input and returns its clean body: no headline, embeds, bio, disclaimer, captions or boilerplate. */
  extract(input: ArticleInput): Promise<ExtractedArticle>;
}

const PROVIDED_BY_INGEST = ['html-regions'];

/** Builds an analyzer. Throws E_PIPELINE / E_ANALYSER_OPTIONS for a bad configuration. */
export function createAnalyzer(options: AnalyzerOptions = {}): Analyzer {
  const pipeline = buildPipeline(options.analysers ?? defaultAnalysers(), PROVIDED_BY_INGEST);
  // Extraction needs only the regions: skip every analyser that does not lead to them.
  const regionsOnly = subPipeline(pipeline, ['regions']);
  const ingestOptions: IngestOptions = options.maxBytes === undefined ? {} : { maxBytes: options.maxBytes };
  return {
    async analyze(input) {
      return analyzeArticle(pipeline, await ingest(input, ingestOptions), input.subject);
    },
    analyzeText(text, { source, meta } = {}) {
      const article: IngestedArticle = {
        text,
        meta: { ...emptyMeta(), format: 'text', ...meta },
        annotations: [],
        provided: [],
        diagnostics: [],
      };
      return analyzeArticle(pipeline, article, source);
    },
    analyzeIngested(article, source) {
      return analyzeArticle(pipeline, article, source);
    },
    extractIngested(article, source) {
      return extractedFrom(analyzeArticle(regionsOnly, article, source));
    },
    async extract(input) {
      return extractedFrom(analyzeArticle(regionsOnly, await ingest(input, ingestOptions), input.subject));
    },
  };
}

function analyzeArticle(pipeline: Pipeline, article: IngestedArticle, source: string | undefined): MarginaliaDocument {
  const doc = runPipeline(pipeline, {
    text: article.text,
    meta: article.meta,
    provided: article.provided,
    annotations: article.annotations,
    diagnostics: article.diagnostics,
    ...(source === undefined ? {} : { source }),
  });
  return { ...doc, meta: enrichMeta(doc.meta, doc.annotations) };
}

/** The body of an analysed document: its `body` regions, joined by blank lines. */
export function extractedFrom(doc: MarginaliaDocument): ExtractedArticle {
  const body = doc.annotations.filter((a) => a.kind === 'region' && a.label === 'body').map((a) => a.text);
  return {
    title: doc.meta.title,
    authors: doc.meta.authors,
    publishedTime: doc.meta.publishedTime,
    text: body.join('\n\n'),
  };
}
