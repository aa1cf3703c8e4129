/**
 * The model path from an article context to technique spans: tag tokens, decode spans, classify
 * each span. Shared by the analyser and the benchmark, so both measure the same thing.
 */
import type { ArticleContext } from './article-context.js';
import { decodeSpans } from './decode-spans.js';
import type { TechniqueModel } from './technique-model.js';

/** A technique span found by the model, in token and character offsets. */
export interface ModelSpan {
  first: number;
  end: number;
  start: number;
  stop: number;
  /** Mean token probability from the tagger. */
  spanScore: number;
  /** Best label and its probability, then the runner-up. */
  label: string;
  labelScore: number;
  second: string;
  secondScore: number;
}

/** Runs tagger and classifier over the tokens allowed by `include` (all when omitted). */
export function findModelSpans(model: TechniqueModel, ctx: ArticleContext, include?: Uint8Array): ModelSpan[] {
  const probability = model.tagTokens(ctx, include);
  const out: ModelSpan[] = [];
  for (const span of decodeSpans(ctx, probability, model.threshold, model.gapThreshold, model.trimWords)) {
    if (span.score < model.minSpanScore || (span.end - span.first === 1 && span.score < model.minSingleScore)) continue;
    const classes = model.classify(ctx, span.first, span.end);
    const [label, labelScore, second, secondScore] = bestTwo(model.labels, classes);
    out.push({
      first: span.first,
      end: span.end,
      start: ctx.tokens.start[span.first]!,
      stop: ctx.tokens.end[span.end - 1]!,
      spanScore: span.score,
      label,
      labelScore,
      second,
      secondScore,
    });
  }
  return out;
}

/** The two most probable labels with their probabilities. */
export function bestTwo(labels: readonly string[], scores: Float32Array): [string, number, string, number] {
  let a = 0;
  let b = -1;
  for (let k = 1; k < scores.length; k++) {
    if (scores[k]! > scores[a]!) [a, b] = [k, a];
    else if (b < 0 || scores[k]! > scores[b]!) b = k;
  }
  return [labels[a]!, scores[a]!, b >= 0 ? labels[b]! : '', b >= 0 ? scores[b]! : 0];
}

/**
 * Labels for a list of spans given their class probabilities: each span gets its best label, except
 * that spans with the same `key` (identical offsets, annotated with several techniques in PTC) get
 * the 1st, 2nd, 3rd… best labels of their shared scores in turn rather than the same label twice.
 */
export function labelSpans(labels: readonly string[], scores: readonly Float32Array[], keys: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return scores.map((row, i) => {
    const rank = seen.get(keys[i]!) ?? 0;
    seen.set(keys[i]!, rank + 1);
    return labels[nthBest(row, rank)]!;
  });
}

function nthBest(scores: Float32Array, rank: number): number {
  const order = Array.from(scores.keys()).sort((a, b) => scores[b]! - scores[a]! || a - b);
  return order[Math.min(rank, order.length - 1)]!;
}
