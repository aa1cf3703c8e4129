/**
 * Marginalia's public API. See README.md for examples and docs/output.md for the document schema.
 */
export { createAnalyzer, extractedFrom } from './api/analyzer.js';
export type { Analyzer, AnalyzerOptions, ExtractedArticle } from './api/analyzer.js';
export { enrichMeta, namesFromByline } from './api/enrich-meta.js';
export type { ArticleInput } from './ingest/ingest.js';
export { buildPipeline, runPipeline } from './core/pipeline.js';
export type { Analyser, AnalysisContext, AnalysisInput, Pipeline, PipelineInput } from './core/pipeline.js';
export { makeAnnotation, canonicalize, compareAnnotations } from './core/annotation.js';
export { MarginaliaError, ERROR_CODES, isMarginaliaError } from './core/errors.js';
export type { ErrorCode } from './core/errors.js';
export { DIAGNOSTIC_CODES } from './core/diagnostics.js';
export { ANALYSER_FACTORIES, defaultAnalysers } from './analysers/registry.js';
export * from './core/types.js';
