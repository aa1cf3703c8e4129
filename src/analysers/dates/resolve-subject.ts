/**
 * An event summary that opens with a pronoun ("she resigned over the budget") says less than the
 * article does. When the mentions analyser ran, the pronoun is read as the nearest compatible actor
 * named before it, within a short reach: "he"/"she" as a person named in the same or the previous
 * paragraph; "it"/"they" as an organisation (or, for "they", a group) named in the same or the
 * previous sentence. Anything further is left as written: a wrong name in a timeline is worse than a
 * pronoun. The note of the event says which pronoun was read as whom, so a reader can check.
 */
import { lastStartingAtOrBefore } from '../../core/spans.js';
import type { Annotation, Span } from '../../core/types.js';

/** The summary with its leading pronoun replaced, and what was replaced. */
export interface ResolvedSubject {
  summary: string;
  pronoun: string;
  name: string;
}

const PRONOUN = /^(he|she|it|they)\b/iu;
const PERSON_REACH = 2; // paragraphs: this one and the one before
const ORGANIZATION_REACH = 2; // sentences: this one and the one before

/** Reads a leading pronoun of a summary as an actor; null when it cannot tell. */
export type SubjectResolver = (summary: string, clauseStart: number) => ResolvedSubject | null;

/** Most mentions looked at backwards from a clause (bounds the work on adversarial input). */
const MAX_LOOKBACK = 40;

/**
 * A resolver over the document's `mentions` (document order) and sorted `sentences` and
 * `paragraphs` (the sentences stand in for paragraphs when there are none).
 */
export function subjectResolver(mentions: readonly Annotation[], sentences: readonly Span[], paragraphs: readonly Span[]): SubjectResolver {
  const mentionSpans = mentions.map((m) => m.span);
  return (summary, clauseStart) => {
    const match = PRONOUN.exec(summary);
    if (!match || mentions.length === 0) return null;
    const pronoun = match[1]!;
    const lower = pronoun.toLowerCase();
    const personal = lower === 'he' || lower === 'she';
    const bounds = personal && paragraphs.length > 0 ? paragraphs : sentences;
    const here = lastStartingAtOrBefore(bounds, clauseStart);
    if (here < 0) return null;
    const floor = bounds[Math.max(0, here - (personal ? PERSON_REACH : ORGANIZATION_REACH) + 1)]!.start;
    const labels = personal ? ['person'] : lower === 'it' ? ['organization'] : ['organization', 'group'];
    // The nearest mention that ends before the clause and starts after the floor.
    const last = lastStartingAtOrBefore(mentionSpans, clauseStart);
    for (let k = last; k >= 0 && last - k < MAX_LOOKBACK; k--) {
      const mention = mentions[k]!;
      if (mention.span.start < floor) break;
      if (mention.span.end > clauseStart || !labels.includes(mention.label)) continue;
      const name = typeof mention.data.entity === 'string' ? mention.data.entity : mention.text;
      return { summary: name + summary.slice(pronoun.length), pronoun, name };
    }
    return null;
  };
}
