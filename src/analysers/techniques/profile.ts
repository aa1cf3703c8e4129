/**
 * The per-article technique profile: spans per 1,000 words for each technique found, as a summary
 * table every report format renders.
 */
import type { Summary } from '../../core/types.js';
import type { ArticleContext } from './article-context.js';
import { TECHNIQUE_LABELS, TECHNIQUE_NAMES } from './labels.js';
import { SHAPE } from './tokenize.js';

/** Builds the `techniques` summary from span counts by label. */
export function techniqueProfile(counts: ReadonlyMap<string, number>, ctx: ArticleContext): Omit<Summary, 'source'> {
  let words = 0;
  for (let i = 0; i < ctx.tokens.count; i++) {
    const shape = ctx.tokens.shape[i];
    if (shape !== SHAPE.punct && shape !== SHAPE.quote) words++;
  }
  const rows: (string | number)[][] = [];
  for (const label of TECHNIQUE_LABELS) {
    const count = counts.get(label) ?? 0;
    if (count === 0) continue;
    rows.push([label, TECHNIQUE_NAMES[label], count, words > 0 ? Math.round((count * 1_000_000) / words) / 1000 : 0]);
  }
  rows.sort((a, b) => (b[2] as number) - (a[2] as number) || (a[0] as string).localeCompare(b[0] as string));
  return {
    title: 'Persuasion techniques',
    columns: ['technique', 'name', 'spans', 'per 1,000 words'],
    rows,
    note: `Technique spans found in the body and headline, per 1,000 words (${words} words). A profile of the writing, not a verdict on its claims.`,
  };
}
