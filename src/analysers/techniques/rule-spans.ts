/**
 * Rule findings that complement the model: slogans and thought-terminating clichés from the phrase
 * lists, repetition found across the article, name calling from pejorative mentions (the naming
 * lexicon is symmetric across sides, so this is too) and appeal to authority from direct quotes
 * of a named speaker the article presents as an authority (authority-quotes.ts). Each finding carries its rule id and a note.
 */
import type { Annotation, Span } from '../../core/types.js';
import type { ArticleContext } from './article-context.js';
import { authorityQuotes, tokenAtOrAfter } from './authority-quotes.js';
import { findRepetition } from './find-repetition.js';
import { matchPhrases } from './phrase-rules.js';

/** A technique span found by a rule. */
export interface RuleSpan extends Span {
  label: string;
  confidence: number;
  ruleId: string;
  note: string;
}

/** Earlier annotations the rules read when their analysers ran. */
export interface RuleInputs {
  mentions: readonly Annotation[];
  quotes: readonly Annotation[];
}

/** Which rule groups to run. */
export interface RuleSwitches {
  phrases: boolean;
  repetition: boolean;
  mentions: boolean;
  quotes: boolean;
}

function isIncluded(ctx: ArticleContext, include: Uint8Array, span: Span): boolean {
  const first = tokenAtOrAfter(ctx, span.start);
  return first < ctx.tokens.count && ctx.tokens.start[first]! < span.end && include[first] === 1;
}

/** Runs the enabled rule groups over the included tokens. Linear in tokens plus annotations. */
export function findRuleSpans(ctx: ArticleContext, include: Uint8Array, inputs: RuleInputs, switches: RuleSwitches): RuleSpan[] {
  const { tokens } = ctx;
  const out: RuleSpan[] = [];
  if (switches.phrases) {
    for (const match of matchPhrases(ctx, include)) {
      out.push({ start: tokens.start[match.first]!, end: tokens.end[match.end - 1]!, label: match.label, confidence: match.rule.confidence, ruleId: match.rule.id, note: match.rule.note });
    }
  }
  if (switches.repetition) {
    for (const match of findRepetition(ctx, include)) {
      out.push({
        start: tokens.start[match.first]!,
        end: tokens.end[match.end - 1]!,
        label: 'Repetition',
        confidence: Math.min(0.8, 0.35 + 0.05 * match.count),
        ruleId: 'repeated-phrase',
        note: `This phrase occurs ${match.count} times in the article; later occurrences are marked as repetition.`,
      });
    }
  }
  if (switches.mentions) {
    for (const mention of inputs.mentions) {
      if (mention.data.connotation !== 'pejorative' || !isIncluded(ctx, include, mention.span)) continue;
      const entity = typeof mention.data.entity === 'string' ? mention.data.entity : 'its referent';
      out.push({
        ...mention.span,
        label: 'Name_Calling,Labeling',
        confidence: round(0.6 * mention.confidence),
        ruleId: 'pejorative-mention',
        note: `The naming lexicon lists this term as pejorative for ${entity} (mention rule ${mention.ruleId}).`,
      });
    }
  }
  if (switches.quotes) {
    for (const { quote, role } of authorityQuotes(ctx, inputs.quotes)) {
      if (!isIncluded(ctx, include, quote.span)) continue;
      out.push({
        ...quote.span,
        label: 'Appeal_to_Authority',
        confidence: round(0.4 * quote.confidence),
        ruleId: 'authority-quote',
        note: `A direct quote from ${String(quote.data.speaker)}, introduced as an authority ("${role}"): the claim may rest on who said it rather than on evidence.`,
      });
    }
  }
  return out;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
