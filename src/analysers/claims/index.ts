/**
 * The claims analyser: splits the author's sentences (body regions only) into claim units, scores
 * each for check-worthiness with a trained model, gives it a type (quantity, comparison, causal,
 * prediction, event, other) and a sourcing status (named-source, anonymous-source, hedged,
 * unsourced, opinion) with the source's name, and adds a `claims` table sorted by
 * check-worthiness. Reads quote and mention annotations when present for sources and pronouns.
 */
import { MarginaliaError } from '../../core/errors.js';
import { assertKnownOptions } from '../../core/options.js';
import type { Analyser } from '../../core/pipeline.js';
import type { Annotation } from '../../core/types.js';
import { attributionBarrier, attributionReaches, findAttribution } from './attribution.js';
import { classifyClaimType } from './claim-type.js';
import { MIN_WORDS, splitClauses } from './clauses.js';
import { cuesIn, scanCues } from './cues.js';
import { loadModel } from './model.js';
import { SpanCursor, latestBefore } from './span-cursor.js';
import { decideSourcing } from './sourcing.js';
import { PUNCT, countWords, tokenize, type Token } from './tokens.js';

export type { ClaimType } from './claim-type.js';
export type { Sourcing } from './sourcing.js';

/** Options of the claims analyser. */
export interface ClaimsOptions {
  /** Units scoring below this check-worthiness (0..1) are not emitted (default 0: every unit). */
  minCheckWorthiness?: number;
  /** Rows of the `claims` summary table, the most check-worthy first (default 25). */
  tableSize?: number;
}

const OPTION_KEYS = ['minCheckWorthiness', 'tableSize'] as const;
/** How far back (in characters) a pronoun source looks for the person it stands for. */
const PRONOUN_REACH = 3000;

/** Creates the claims analyser (`claim` annotations and the `claims` summary). */
export function claimsAnalyser(options: ClaimsOptions = {}): Analyser {
  const { minCheckWorthiness, tableSize } = validateOptions(options);
  const model = loadModel();
  return {
    id: 'claims',
    version: '1.1.0',
    needs: ['sentences', 'regions'],
    produces: ['claims'],
    uses: ['quotes', 'mentions'],
    analyse(doc, ctx) {
      const { text } = doc;
      const outside = new SpanCursor(ctx.annotations('region').filter((region) => region.label !== 'body'));
      const quotes = ctx.annotations('quote');
      const quoteCursor = new SpanCursor(quotes);
      const sentenceQuotes = new SpanCursor(quotes);
      const people = ctx.annotations('mention').filter((mention) => mention.label === 'person');
      const rows: { score: number; start: number; row: (string | number | null)[] }[] = [];
      // "Clinton", "President Clinton": the name the mentions analyser gives the person, so one
      // source is one name across claims and quotes ("Bill Clinton").
      const canonicalName = (name: string, offset: number): string => {
        const person = latestBefore(people, offset + 1);
        return person && person.span.end > offset && typeof person.data.entity === 'string' ? person.data.entity : name;
      };
      for (const sentence of ctx.annotations('sentence')) {
        const { start, end } = sentence.span;
        if (outside.covering(start)) continue;
        const tokens = tokenize(text, start, end);
        let last = tokens.length;
        while (last > 0 && tokens[last - 1]!.type === PUNCT && tokens[last - 1]!.lower !== '?') last--;
        if (last === 0 || tokens[last - 1]!.lower === '?' || countWords(tokens, 0, last) < MIN_WORDS) continue;
        if (isHeadingLike(text, tokens, start, end)) continue;
        const cues = scanCues(tokens, 0, tokens.length);
        const attribution = findAttribution(text, tokens, 0, tokens.length, cues);
        const barrier = attribution ? attributionBarrier(tokens, attribution) : -1;
        const nearQuotes = sentenceQuotes.overlapping(start, end);
        const resolvePronoun = (offset: number): string | null => {
          const quote = nearQuotes.find((q) => typeof q.data.speaker === 'string' && q.data.anonymous !== true);
          if (quote) return quote.data.speaker as string;
          const person = latestBefore(people, offset);
          return person && offset - person.span.start <= PRONOUN_REACH && typeof person.data.entity === 'string' ? person.data.entity : null;
        };
        for (const unit of splitClauses(tokens, 0, tokens.length)) {
          if (countWords(tokens, unit.from, unit.to) < MIN_WORDS) continue;
          const unitCues = cuesIn(cues, unit.from, unit.to);
          const score = Math.round(model.score(tokens, unit.from, unit.to, unitCues) * 1000) / 1000;
          if (score < minCheckWorthiness) continue;
          const span = { start: tokens[unit.from]!.start, end: tokens[unit.to - 1]!.end };
          const quote = mostlyInside(quoteCursor.overlapping(span.start, span.end), span);
          const type = classifyClaimType(tokens, unit.from, unit.to, unitCues);
          const reaches = attribution !== null && attributionReaches(unit.to, attribution, barrier);
          const sourcing = decideSourcing({ text, tokens, from: unit.from, to: unit.to, cues: unitCues, attribution: reaches ? attribution : null, quote, resolvePronoun, canonicalName });
          ctx.emit({
            kind: 'claim',
            span,
            label: type.type,
            confidence: score,
            ruleId: sourcing.ruleId,
            note: `A ${type.type} claim (check-worthiness ${score}). ${sourcing.note}`,
            data: {
              checkWorthiness: score,
              checkWorthy: score >= model.threshold,
              sourcing: sourcing.sourcing,
              sourceName: sourcing.sourceName,
              typeRule: type.ruleId,
              ...sourcing.extras,
            },
          });
          rows.push({ score, start: span.start, row: [text.slice(span.start, span.end), type.type, score, sourcing.sourcing, sourcing.sourceName] });
        }
      }
      if (rows.length === 0) return;
      rows.sort((a, b) => b.score - a.score || a.start - b.start);
      ctx.summarise('claims', {
        title: 'Claims',
        columns: ['claim', 'type', 'check-worthiness', 'sourcing', 'source'],
        rows: rows.slice(0, tableSize).map((r) => r.row),
        note:
          `The ${Math.min(tableSize, rows.length)} most check-worthy of ${rows.length} claim units in the author's text, highest first. ` +
          'Check-worthiness is a calibrated probability (0..1) that a fact-checker would check the statement, for a unit drawn from equally many ' +
          `check-worthy and other statements; units at ${model.threshold} or above count as check-worthy. Sourcing says who stands behind each one.`,
      });
    },
  };
}

/** Longest line, in words, taken for a subheading when it has no closing punctuation. */
const HEADING_WORDS = 20;

/**
 * A subheading or standfirst inside the body: a line of its own (newline or text edge on both
 * sides) that starts with a capital letter, ends in a word (no full stop) and is short. Bulleted
 * lines start with punctuation and are kept.
 */
function isHeadingLike(text: string, tokens: readonly Token[], start: number, end: number): boolean {
  const first = tokens[0];
  const lastToken = tokens[tokens.length - 1];
  if (!first || !lastToken || !first.isCapitalised || lastToken.type === PUNCT) return false;
  if (countWords(tokens, 0, tokens.length) > HEADING_WORDS) return false;
  let before = start;
  while (before > 0 && isBlank(text.charCodeAt(before - 1))) before--;
  let after = end;
  while (after < text.length && isBlank(text.charCodeAt(after))) after++;
  return (before === 0 || isLineBreak(text.charCodeAt(before - 1))) && (after >= text.length || isLineBreak(text.charCodeAt(after)));
}

function isLineBreak(code: number): boolean {
  return code === 10 || code === 13;
}

function isBlank(code: number): boolean {
  return code === 32 || code === 9;
}

/** The first quote that covers at least half of `span`, or null. */
function mostlyInside(quotes: readonly Annotation[], span: { start: number; end: number }): Annotation | null {
  const length = span.end - span.start;
  for (const quote of quotes) {
    const overlap = Math.min(quote.span.end, span.end) - Math.max(quote.span.start, span.start);
    if (overlap * 2 >= length) return quote;
  }
  return null;
}

function validateOptions(options: ClaimsOptions): Required<ClaimsOptions> {
  if (options === null || typeof options !== 'object') {
    throw new MarginaliaError('E_ANALYSER_OPTIONS', 'Analyser "claims" got options that are not an object; expected an object.', { subject: 'claims' });
  }
  assertKnownOptions('claims', options, OPTION_KEYS);
  const { minCheckWorthiness = 0, tableSize = 25 } = options;
  if (typeof minCheckWorthiness !== 'number' || !(minCheckWorthiness >= 0 && minCheckWorthiness <= 1)) {
    throw new MarginaliaError('E_ANALYSER_OPTIONS', `Analyser "claims" option "minCheckWorthiness" is ${JSON.stringify(minCheckWorthiness)}; expected a number from 0 to 1.`, {
      subject: 'claims',
    });
  }
  if (!Number.isInteger(tableSize) || tableSize < 1 || tableSize > 1000) {
    throw new MarginaliaError('E_ANALYSER_OPTIONS', `Analyser "claims" option "tableSize" is ${JSON.stringify(tableSize)}; expected an integer from 1 to 1000.`, {
      subject: 'claims',
    });
  }
  return { minCheckWorthiness, tableSize };
}
