/**
 * The techniques analyser: spans that use one of the 14 persuasion techniques of SemEval-2020
 * Task 11, each with a confidence and a note saying why. A token tagger and a span classifier
 * trained on the PTC corpus (model.json) find most spans; rules complement them. Only the body and
 * the headline are read (not embeds, bios, disclaimers or boilerplate).
 */
import { MarginaliaError } from '../../core/errors.js';
import { assertKnownOptions } from '../../core/options.js';
import type { Analyser } from '../../core/pipeline.js';
import { buildArticleContext } from './article-context.js';
import { findModelSpans } from './find-techniques.js';
import { TECHNIQUE_NAMES, type TechniqueLabel } from './labels.js';
import { includedTokens } from './included-tokens.js';
import { techniqueProfile } from './profile.js';
import { findRuleSpans, type RuleSwitches } from './rule-spans.js';
import { sharedTechniqueModel } from './shared-model.js';

export { TECHNIQUE_LABELS, type TechniqueLabel } from './labels.js';

/** Options of the techniques analyser. */
export interface TechniquesOptions {
  /** Drop spans whose confidence is below this (default 0: keep all the model finds). */
  minConfidence?: number;
  /** Add the `techniques` summary (spans per 1,000 words by technique; default true). */
  summary?: boolean;
  /** Rule groups to run besides the model (default: phrases and quotes on; repetition and mentions off). */
  rules?: Partial<RuleSwitches>;
}

const OPTION_KEYS = ['minConfidence', 'summary', 'rules'] as const;
const RULE_KEYS = ['phrases', 'repetition', 'mentions', 'quotes'] as const;

/** Creates the techniques analyser (`technique` annotations and the `techniques` summary). */
export function techniquesAnalyser(options: TechniquesOptions = {}): Analyser {
  if (options === null || typeof options !== 'object') {
    throw new MarginaliaError('E_ANALYSER_OPTIONS', 'Analyser "techniques" got options that are not an object; expected an object.', { subject: 'techniques' });
  }
  assertKnownOptions('techniques', options, OPTION_KEYS);
  const { minConfidence = 0, summary = true } = options;
  if (typeof minConfidence !== 'number' || !(minConfidence >= 0 && minConfidence <= 1)) {
    throw new MarginaliaError('E_ANALYSER_OPTIONS', `Analyser "techniques" option "minConfidence" is ${JSON.stringify(minConfidence)}; expected a number from 0 to 1.`, {
      subject: 'techniques',
    });
  }
  if (typeof summary !== 'boolean') {
    throw new MarginaliaError('E_ANALYSER_OPTIONS', `Analyser "techniques" option "summary" is ${JSON.stringify(summary)}; expected true or false.`, { subject: 'techniques' });
  }
  const ruleOptions = options.rules ?? {};
  assertKnownOptions('techniques', ruleOptions, RULE_KEYS);
  for (const [key, value] of Object.entries(ruleOptions)) {
    if (typeof value !== 'boolean') {
      throw new MarginaliaError('E_ANALYSER_OPTIONS', `Analyser "techniques" option "rules.${key}" is ${JSON.stringify(value)}; expected true or false.`, { subject: 'techniques' });
    }
  }
  // The repetition and pejorative-mention rules cost SI precision on PTC dev (see readme.md): off by default.
  const switches: RuleSwitches = { phrases: true, repetition: false, mentions: false, quotes: true, ...ruleOptions };
  return {
    id: 'techniques',
    version: '1.4.0',
    needs: ['sentences', 'paragraphs', 'regions'],
    produces: ['techniques'],
    uses: ['quotes', 'mentions'],
    analyse(doc, ctx) {
      const { text } = doc;
      const article = buildArticleContext(
        text,
        ctx.annotations('sentence').map((a) => a.span),
        ctx.annotations('paragraph').map((a) => a.span),
      );
      const include = includedTokens(article, ctx.annotations('region'));
      const techniqueModel = sharedTechniqueModel();
      const counts = new Map<string, number>();
      for (const span of findModelSpans(techniqueModel, article, include)) {
        const confidence = round(span.spanScore * span.labelScore);
        if (confidence < minConfidence) continue;
        const name = TECHNIQUE_NAMES[span.label as TechniqueLabel] ?? span.label;
        ctx.emit({
          kind: 'technique',
          span: { start: span.start, end: span.stop },
          label: span.label,
          confidence,
          ruleId: 'model',
          note: `Model: tagger ${span.spanScore.toFixed(2)} that this is a technique span; classifier ${span.labelScore.toFixed(2)} for ${name}${
            span.second ? ` (next: ${TECHNIQUE_NAMES[span.second as TechniqueLabel] ?? span.second} ${span.secondScore.toFixed(2)})` : ''
          }.`,
          data: { spanScore: round(span.spanScore), labelScore: round(span.labelScore), alternative: span.second },
        });
        counts.set(span.label, (counts.get(span.label) ?? 0) + 1);
      }
      const inputs = { mentions: ctx.annotations('mention'), quotes: ctx.annotations('quote') };
      for (const found of findRuleSpans(article, include, inputs, switches)) {
        if (found.confidence < minConfidence) continue;
        const { start, end, label, confidence, ruleId, note } = found;
        ctx.emit({ kind: 'technique', span: { start, end }, label, confidence, ruleId, note, data: { rule: true } });
        counts.set(label, (counts.get(label) ?? 0) + 1);
      }
      if (summary) ctx.summarise('techniques', techniqueProfile(counts, article));
    },
  };
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
