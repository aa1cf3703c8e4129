/**
 * The segments analyser: paragraphs and sentences as annotations, the units every other analyser
 * reads. It runs first and costs one pass over the text. It also says when a text is one long line
 * or does not read as English (english-check.ts): diagnostics, not annotations.
 */
import { assertKnownOptions } from '../../core/options.js';
import type { Analyser } from '../../core/pipeline.js';
import { notEnglish } from './english-check.js';
import { splitParagraphs } from './paragraphs.js';
import { splitSentences } from './sentences.js';

export { splitLines, splitParagraphs } from './paragraphs.js';
export { splitSentences } from './sentences.js';

/** Options for the segments analyser. None yet; validated so typos fail loudly. */
export type SegmentsOptions = Record<string, never>;

/** Creates the segments analyser (`paragraph` and `sentence` annotations). */
export function segmentsAnalyser(options: SegmentsOptions = {}): Analyser {
  assertKnownOptions('segments', options, []);
  return {
    id: 'segments',
    version: '1.0.0',
    needs: [],
    produces: ['paragraphs', 'sentences'],
    analyse(doc, ctx) {
      const { text } = doc;
      for (const paragraph of splitParagraphs(text)) {
        ctx.emit({
          kind: 'paragraph',
          span: paragraph,
          label: 'paragraph',
          confidence: 1,
          ruleId: 'paragraph-break',
          note: 'A line or block of the text separated by line breaks.',
        });
        for (const sentence of splitSentences(text, paragraph)) {
          ctx.emit({
            kind: 'sentence',
            span: sentence,
            label: 'sentence',
            confidence: 0.95,
            ruleId: 'sentence-break',
            note: 'Ends at a terminal mark followed by a likely sentence start.',
          });
        }
      }
      const foreign = notEnglish(text, doc.meta.lang);
      if (foreign) ctx.diagnose('W_NOT_ENGLISH', foreign);
      if (text.length > 100_000 && !/[\n\r]/.test(text)) {
        ctx.diagnose('W_LONG_LINE', `The text is one line of ${text.length} characters; paragraphs cannot be told apart.`);
      }
    },
  };
}
