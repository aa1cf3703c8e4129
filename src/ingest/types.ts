/**
 * What every ingest path (plain text, HTML, Markdown, URL) hands to the pipeline.
 */
import type { Annotation, Diagnostic, DocumentMeta } from '../core/types.js';

/** An article read from its source, ready for analysis. */
export interface IngestedArticle {
  /** The text to analyse. For plain text this is the input exactly. */
  text: string;
  meta: DocumentMeta;
  /** Regions ingest already knows (HTML embeds, headline, captions), with source `ingest-html`. */
  annotations: Annotation[];
  /** Pipeline capabilities ingest satisfies (e.g. `html-regions`). */
  provided: string[];
  diagnostics: Diagnostic[];
}

/** Metadata with every field empty. */
export function emptyMeta(): DocumentMeta {
  return { title: null, authors: [], publisher: null, url: null, publishedTime: null, lang: null };
}
