/**
 * Which tokens the techniques analyser reads: those in body and headline regions. Embedded posts,
 * bios, disclaimers, captions, bylines and boilerplate are someone else's words or page furniture.
 * Without any region annotation every token is read.
 */
import type { Annotation } from '../../core/types.js';
import type { ArticleContext } from './article-context.js';

const READ = new Set(['body', 'headline']);

/** A 0/1 mask over the article's tokens. Linear: tokens and regions are both sorted. */
export function includedTokens(ctx: ArticleContext, regions: readonly Annotation[]): Uint8Array {
  const { tokens } = ctx;
  const mask = new Uint8Array(tokens.count);
  if (regions.length === 0) return mask.fill(1);
  const sorted = [...regions].sort((a, b) => a.span.start - b.span.start);
  let t = 0;
  for (const region of sorted) {
    while (t < tokens.count && tokens.end[t]! <= region.span.start) t++;
    if (!READ.has(region.label)) continue;
    for (let k = t; k < tokens.count && tokens.start[k]! < region.span.end; k++) mask[k] = 1;
  }
  return mask;
}
