/**
 * The quotes analyser: direct quotes in every common quotation style, split and multi-paragraph
 * quotes, embedded posts as quotes by their handle, scare quotes, and reported (indirect) speech,
 * each with its speaker (named, a pronoun resolved to a name, a role, or an anonymous source) and
 * its cue verb with the verb's stance. Ends with the `speakers` summary. Cue verbs and anonymous
 * sources are data (cues.json, anonymous.json).
 */
import { MarginaliaError } from '../../core/errors.js';
import { assertKnownOptions } from '../../core/options.js';
import type { Analyser } from '../../core/pipeline.js';
import { collectQuotes } from './collect-quotes.js';
import { summariseSpeakers } from './speakers-summary.js';

export { findQuoteMarks, type QuotedSpan, type QuoteMarks } from './find-quote-marks.js';
export { LEXICON, type CueEntry, type CueStance } from './lexicon.js';

/** Options of the quotes analyser. */
export interface QuotesOptions {
  /** Look for reported speech without quotation marks (default true). */
  indirect?: boolean;
  /** Emit `scare-quote` annotations (default true). */
  scareQuotes?: boolean;
  /** A quoted phrase without a cue of at most this many words is a scare quote (default 4). */
  maxScareWords?: number;
}

const OPTION_KEYS = ['indirect', 'scareQuotes', 'maxScareWords'] as const;

/** Settings after validation. */
export interface QuotesSettings {
  indirect: boolean;
  scareQuotes: boolean;
  maxScareWords: number;
}

function validate(options: QuotesOptions): QuotesSettings {
  if (options === null || typeof options !== 'object') {
    throw new MarginaliaError('E_ANALYSER_OPTIONS', 'Analyser "quotes" got options that are not an object; expected an object.', { subject: 'quotes' });
  }
  assertKnownOptions('quotes', options, OPTION_KEYS);
  const { indirect = true, scareQuotes = true, maxScareWords = 4 } = options;
  for (const [key, value] of [['indirect', indirect], ['scareQuotes', scareQuotes]] as const) {
    if (typeof value !== 'boolean') {
      throw new MarginaliaError('E_ANALYSER_OPTIONS', `Analyser "quotes" option "${key}" is ${JSON.stringify(value)}; expected true or false.`, { subject: 'quotes' });
    }
  }
  if (!Number.isInteger(maxScareWords) || maxScareWords < 1 || maxScareWords > 12) {
    throw new MarginaliaError('E_ANALYSER_OPTIONS', `Analyser "quotes" option "maxScareWords" is ${JSON.stringify(maxScareWords)}; expected an integer from 1 to 12.`, {
      subject: 'quotes',
    });
  }
  return { indirect, scareQuotes, maxScareWords };
}

/** Creates the quotes analyser (`quote` and `scare-quote` annotations and the `speakers` summary). */
export function quotesAnalyser(options: QuotesOptions = {}): Analyser {
  const settings = validate(options);
  return {
    id: 'quotes',
    version: '1.0.0',
    needs: ['sentences', 'paragraphs', 'regions'],
    produces: ['quotes'],
    uses: ['mentions'],
    analyse(doc, ctx) {
      const found = collectQuotes(doc, ctx, settings);
      for (const annotation of found.annotations) ctx.emit(annotation);
      if (found.unbalanced.length > 0) {
        const first = found.unbalanced[0]!;
        const more = found.unbalanced.length - 1;
        ctx.diagnose(
          'W_UNBALANCED_QUOTES',
          `A quotation mark at ${first.start} pairs with nothing${more > 0 ? ` (and ${more} more)` : ''}; quote spans near it are a guess.`,
          first,
        );
      }
      if (found.records.length > 0) ctx.summarise('speakers', summariseSpeakers(found.records));
    },
  };
}
