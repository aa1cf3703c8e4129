/**
 * What every acceptance script shares: the example op-ed in ../shared/examples (read at run time,
 * never copied into the repo) and the document the default pipeline makes of it, so each script
 * checks what a user of `marginalia analyze` actually gets, with every analyser in place.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createAnalyzer } from '../src/api/analyzer.js';
import type { MarginaliaDocument } from '../src/core/types.js';

/** Where the example article lives, beside the repository. */
export const EXAMPLE_ARTICLE = fileURLToPath(new URL('../../shared/examples/press-tv-op-ed.txt', import.meta.url));

/** The example article's text; exits 1 with a message naming `script` when it is missing. */
export function readExampleArticle(script: string): string {
  if (!existsSync(EXAMPLE_ARTICLE)) {
    console.error(`${script}: the example article is missing at ${EXAMPLE_ARTICLE}; expected ../shared/examples/press-tv-op-ed.txt beside the repository.`);
    process.exit(1);
  }
  return readFileSync(EXAMPLE_ARTICLE, 'utf8');
}

/** The example article analysed by the default pipeline, as plain text (as the CLI reads a .txt). */
export function analyseExampleArticle(script: string): { text: string; doc: MarginaliaDocument } {
  const text = readExampleArticle(script);
  return { text, doc: createAnalyzer().analyzeText(text) };
}
