/**
 * Analysers and the pipeline that runs them. An analyser is built by a factory that validates its
 * options once; the pipeline orders analysers by what each needs and produces (never by the order
 * they were given in) and rejects unknown needs and cycles when it is built, not when it runs.
 */
import { canonicalize, makeAnnotation, type AnnotationInput } from './annotation.js';
import { makeDiagnostic, type DiagnosticCode } from './diagnostics.js';
import { MarginaliaError } from './errors.js';
import { sha256Hex } from './hash.js';
import {
  SCHEMA_ID,
  type Annotation,
  type AnnotationKind,
  type Diagnostic,
  type DocumentMeta,
  type Genre,
  type MarginaliaDocument,
  type Span,
  type Summary,
} from './types.js';

/** What an analyser sees of the document: read-only. */
export interface AnalysisInput {
  readonly text: string;
  readonly meta: Readonly<DocumentMeta>;
}

/** How an analyser reads earlier findings and reports its own. */
export interface AnalysisContext {
  /** Annotations of a kind produced so far (by ingest or earlier analysers), in canonical order. */
  annotations(kind: AnnotationKind): readonly Annotation[];
  /** Adds a finding. Spans are checked against the text. */
  emit(input: AnnotationInput): Annotation;
  /** Reports a problem with the content. */
  diagnose(code: DiagnosticCode, message: string, span?: Span): void;
  /** Sets the document's genre (one analyser owns it). */
  setGenre(genre: Genre): void;
  /** Adds a document-level table under `id` (e.g. `speakers`); its `source` is set to this analyser. */
  summarise(id: string, summary: Omit<Summary, 'source'>): void;
}

/** One step of the pipeline. Built by a factory `(options) => Analyser`. */
export interface Analyser {
  id: string;
  version: string;
  /** Capabilities this analyser reads, e.g. `paragraphs`. */
  needs: readonly string[];
  /** Capabilities it provides once it has run. */
  produces: readonly string[];
  /**
   * Capabilities it reads when they are there: it runs after their producers if they are in the
   * pipeline, and still runs (without them) if they are not.
   */
  uses?: readonly string[];
  analyse(doc: AnalysisInput, ctx: AnalysisContext): void;
}

/** A validated, ordered pipeline. */
export interface Pipeline {
  readonly analysers: readonly Analyser[];
}

/** What ingest hands to the pipeline: the text plus anything it already knows. */
export interface PipelineInput {
  text: string;
  meta: DocumentMeta;
  source?: string;
  /** Capabilities already satisfied by ingest (e.g. `html-regions`). */
  provided?: readonly string[];
  annotations?: readonly Annotation[];
  diagnostics?: readonly Diagnostic[];
}

/**
 * Validates and orders analysers. Throws E_PIPELINE naming the duplicate id, the unmet need or
 * the cycle. `provided` lists capabilities that ingest satisfies before any analyser runs.
 */
export function buildPipeline(analysers: readonly Analyser[], provided: readonly string[] = []): Pipeline {
  const byId = new Map<string, Analyser>();
  for (const analyser of analysers) {
    if (byId.has(analyser.id)) {
      throw new MarginaliaError('E_PIPELINE', `Analyser "${analyser.id}" is in the pipeline twice.`, { subject: analyser.id });
    }
    byId.set(analyser.id, analyser);
  }
  const producers = new Map<string, Analyser[]>();
  for (const analyser of analysers) {
    for (const capability of analyser.produces) {
      producers.set(capability, [...(producers.get(capability) ?? []), analyser]);
    }
  }
  for (const analyser of analysers) {
    for (const need of analyser.needs) {
      if (!producers.has(need) && !provided.includes(need)) {
        throw new MarginaliaError(
          'E_PIPELINE',
          `Analyser "${analyser.id}" needs "${need}", which no analyser in the pipeline produces.`,
          { subject: analyser.id },
        );
      }
    }
  }
  const ordered: Analyser[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (analyser: Analyser, path: string[]): void => {
    const seen = state.get(analyser.id);
    if (seen === 'done') return;
    if (seen === 'visiting') {
      throw new MarginaliaError('E_PIPELINE', `Analysers form a cycle: ${[...path, analyser.id].join(' → ')}.`, {
        subject: analyser.id,
      });
    }
    state.set(analyser.id, 'visiting');
    for (const need of [...analyser.needs, ...(analyser.uses ?? [])]) {
      for (const producer of producers.get(need) ?? []) {
        if (producer !== analyser) visit(producer, [...path, analyser.id]);
      }
    }
    state.set(analyser.id, 'done');
    ordered.push(analyser);
  };
  // Visit in id order so the result does not depend on the order analysers were given in.
  for (const analyser of [...analysers].sort((a, b) => (a.id < b.id ? -1 : 1))) visit(analyser, []);
  return { analysers: ordered };
}

/**
 * The part of a pipeline needed to produce `capabilities`: their producers and, transitively, what
 * those need (soft `uses` are left out). Keeps the pipeline's order. E.g. `extract` needs only
 * `regions`, so it skips quotes, claims and techniques.
 */
export function subPipeline(pipeline: Pipeline, capabilities: readonly string[]): Pipeline {
  const wanted = new Set(capabilities);
  const kept = new Set<Analyser>();
  for (const analyser of [...pipeline.analysers].reverse()) {
    if (!analyser.produces.some((capability) => wanted.has(capability))) continue;
    kept.add(analyser);
    for (const need of analyser.needs) wanted.add(need);
  }
  return { analysers: pipeline.analysers.filter((analyser) => kept.has(analyser)) };
}

/** Runs every analyser over the input and returns the finished document. Never throws for content. */
export function runPipeline(pipeline: Pipeline, input: PipelineInput): MarginaliaDocument {
  const { text } = input;
  const byKind = new Map<AnnotationKind, Annotation[]>();
  const all: Annotation[] = [];
  const diagnostics: Diagnostic[] = [...(input.diagnostics ?? [])];
  let genre: Genre | null = null;
  const summaries: { [id: string]: Summary } = {};
  const add = (annotation: Annotation): void => {
    all.push(annotation);
    const list = byKind.get(annotation.kind);
    if (list) list.push(annotation);
    else byKind.set(annotation.kind, [annotation]);
  };
  for (const annotation of input.annotations ?? []) add(annotation);
  const doc: AnalysisInput = { text, meta: input.meta };
  for (const analyser of pipeline.analysers) {
    const mine: Annotation[] = [];
    const ctx: AnalysisContext = {
      annotations: (kind) => byKind.get(kind) ?? [],
      emit: (annotationInput) => {
        const { start, end } = annotationInput.span;
        if (!(Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start <= end && end <= text.length)) {
          throw new MarginaliaError(
            'E_INTERNAL',
            `Analyser "${analyser.id}" emitted span ${start}..${end} outside the text (length ${text.length}).`,
          );
        }
        const annotation = makeAnnotation(text, analyser.id, annotationInput);
        mine.push(annotation);
        return annotation;
      },
      diagnose: (code, message, span) => diagnostics.push(makeDiagnostic(code, analyser.id, message, span)),
      setGenre: (value) => {
        genre = value;
      },
      summarise: (id, summary) => {
        summaries[id] = { ...summary, source: analyser.id };
      },
    };
    try {
      analyser.analyse(doc, ctx);
      // Keep the lists this analyser added to in canonical order for the analysers that read them next.
      const touched = new Set<AnnotationKind>();
      for (const annotation of mine) {
        add(annotation);
        touched.add(annotation.kind);
      }
      for (const kind of touched) byKind.set(kind, canonicalize(byKind.get(kind) ?? []));
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      diagnostics.push(
        makeDiagnostic('W_ANALYSER_FAILED', analyser.id, `Analyser "${analyser.id}" failed on this document: ${detail}`),
      );
    }
  }
  const result: MarginaliaDocument = {
    schema: SCHEMA_ID,
    id: sha256Hex(text),
    text,
    meta: input.meta,
    genre,
    annotations: canonicalize(all),
    summaries,
    diagnostics,
  };
  return input.source === undefined ? result : { ...result, source: input.source };
}
