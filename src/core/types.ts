/**
 * The data model shared by every part of Marginalia: a document, its stand-off annotations and
 * diagnostics. Everything here is plain JSON (no classes, Maps or Dates) so it round-trips through
 * files, databases and HTTP unchanged. See docs/output.md for the versioned schema.
 */

/** Schema identifier written into every document. Bump on a breaking change. */
export const SCHEMA_ID = 'marginalia/1';

/** Half-open range of UTF-16 code units into `Document.text`: `text.slice(start, end)`. */
export interface Span {
  start: number;
  end: number;
}

/** Annotation kinds the project emits. The contract fixes the first seven; the rest are ours. */
export type AnnotationKind =
  | 'region'
  | 'quote'
  | 'mention'
  | 'claim'
  | 'date'
  | 'event'
  | 'technique'
  | 'paragraph'
  | 'sentence'
  | 'scare-quote';

/** Region labels: what part of the page a stretch of text is. */
export type RegionLabel =
  | 'body'
  | 'headline'
  | 'byline'
  | 'embed'
  | 'bio'
  | 'disclaimer'
  | 'caption'
  | 'boilerplate';

/** Platforms an embedded post can come from. */
export type EmbedPlatform = 'x' | 'instagram' | 'telegram' | 'youtube' | 'facebook' | 'other';

/** JSON value, for annotation `data`. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** One finding: a labelled span with provenance. The same shape serves every kind. */
export interface Annotation {
  /** Derived from content (kind, label, span, source, rule), so stable across runs. */
  id: string;
  kind: AnnotationKind;
  span: Span;
  /** Equal to `document.text.slice(span.start, span.end)`. */
  text: string;
  label: string;
  /** How sure the analyser is, 0..1. */
  confidence: number;
  data: { [key: string]: Json };
  /** Id of the analyser that produced it. */
  source: string;
  /** Id of the rule (or model) inside that analyser. */
  ruleId: string;
  /** Why, in one sentence a person can check. */
  note: string;
}

export type Severity = 'info' | 'warning' | 'error';

/** A problem with the content, not with how Marginalia was used: processing goes on. */
export interface Diagnostic {
  code: string;
  severity: Severity;
  message: string;
  /** Analyser or stage that raised it. */
  source: string;
  span?: Span;
}

/** What is known about the article besides its text. */
export interface DocumentMeta {
  title: string | null;
  authors: string[];
  publisher: string | null;
  url: string | null;
  publishedTime: string | null;
  lang: string | null;
  /** How the input was read: `text`, `html`, `markdown`. */
  format?: InputFormat;
}

export type InputFormat = 'text' | 'html' | 'markdown';

export type GenreLabel = 'opinion' | 'reporting' | 'satire' | 'analysis' | 'other';

export interface Genre {
  label: GenreLabel;
  confidence: number;
  reasons: string[];
}

/**
 * A document-level table an analyser derives from its annotations: the speakers panel, the actors
 * panel, a timeline, a claims table, a technique profile. Reports render every summary generically,
 * so a new analyser's table shows up in every format without report code.
 */
export interface Summary {
  /** Heading, e.g. "Speakers". */
  title: string;
  /** Column headings. */
  columns: string[];
  /** One row per item, one cell per column (strings, numbers, booleans or null). */
  rows: (string | number | boolean | null)[][];
  /** Which analyser made it. */
  source: string;
  /** What the table shows and how to read it. */
  note: string;
}

/** The analysed article, as written to JSON. */
export interface MarginaliaDocument {
  schema: typeof SCHEMA_ID;
  /** sha256 (hex) of `text`. */
  id: string;
  source?: string;
  text: string;
  meta: DocumentMeta;
  genre: Genre | null;
  annotations: Annotation[];
  /** Document-level tables by id (e.g. `speakers`, `actors`), in the order analysers ran. */
  summaries: { [id: string]: Summary };
  diagnostics: Diagnostic[];
}
