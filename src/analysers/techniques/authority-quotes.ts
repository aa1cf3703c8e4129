/**
 * Appeal to authority from the quotes analyser: a direct quote whose named speaker the article
 * presents as an authority (a professor, an expert, a rapporteur, a study…): a role word within a few
 * words of the speaker's name, where the quote names them or where the article first does. A quote is not an appeal to authority just
 * because someone said it: a militant group's boast or a politician's retort is not leaned on as
 * expert judgement, so named quotes without such a role are left alone.
 */
import type { Annotation } from '../../core/types.js';
import type { ArticleContext } from './article-context.js';
import roles from './rules/authority-roles.json' with { type: 'json' };

/** Words that present a speaker as an authority (rules/authority-roles.json, lower-case tokens). */
const ROLES: ReadonlySet<string> = new Set(roles.words);

/** Most distinct speakers whose first mention is looked up in the text. */
const MAX_SPEAKER_LOOKUPS = 200;

/** A quote span presented as resting on its speaker's authority, with the role word found. */
export interface AuthorityQuote {
  quote: Annotation;
  role: string;
}

/** Index of the first token of `ctx` that starts at or after `offset` (ctx.tokens.count when none). */
export function tokenAtOrAfter(ctx: ArticleContext, offset: number): number {
  const { start } = ctx.tokens;
  let lo = 0;
  let hi = ctx.tokens.count;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (start[mid]! < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** How far from the speaker's name a role word may stand ("Professor Ana Ruiz", "Ana Ruiz, an expert on …"). */
const ROLE_REACH = 8;

/**
 * A role word near the name at `offset`, in its sentence: "experts are calling it alarming, local man
 * Derek Holm …" does not make Holm an expert, so the whole sentence is not searched.
 */
function roleNear(ctx: ArticleContext, offset: number): string | null {
  const t = Math.min(tokenAtOrAfter(ctx, offset), ctx.tokens.count - 1);
  const s = t >= 0 ? ctx.sentence[t]! : -1;
  if (s < 0) return null;
  const from = Math.max(ctx.sentenceFirst[s]!, t - ROLE_REACH);
  const to = Math.min(ctx.sentenceEnd[s]!, t + ROLE_REACH + 1);
  for (let k = from; k < to; k++) if (ROLES.has(ctx.tokens.lower[k]!)) return ctx.tokens.lower[k]!;
  return null;
}

/** Direct quotes by a named speaker the article introduces with an authority role. Linear: quotes plus at most 200 text scans. */
export function authorityQuotes(ctx: ArticleContext, quotes: readonly Annotation[]): AuthorityQuote[] {
  const firstNamed = new Map<string, number>();
  const out: AuthorityQuote[] = [];
  for (const quote of quotes) {
    const speaker = quote.data.speaker;
    if (quote.label !== 'direct' || typeof speaker !== 'string' || quote.data.anonymous === true) continue;
    const speakerSpan = quote.data.speakerSpan as { start: number } | null | undefined;
    let role = roleNear(ctx, speakerSpan?.start ?? quote.span.start);
    if (!role) {
      const surname = speaker.split(' ').pop()!;
      let at = firstNamed.get(surname);
      // Each lookup may scan the text: a bounded number of speakers keeps hostile input linear.
      if (at === undefined && firstNamed.size < MAX_SPEAKER_LOOKUPS) firstNamed.set(surname, (at = ctx.text.indexOf(surname)));
      if (at !== undefined && at >= 0) role = roleNear(ctx, at);
    }
    if (role) out.push({ quote, role });
  }
  return out;
}
