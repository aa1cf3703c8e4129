/**
 * Acceptance check of the quotes analyser on the example op-ed in ../shared/examples. Quotes are
 * identified by their speaker and by structure (cue verb, pronoun, word count), never by their
 * words, so none of the article's text is copied here. Checks: Sinwar's two quotes, Haniyeh's
 * quote, Callamard's conclusion (attributed to "she" and resolved to her), the anonymous analyst at
 * the Institute for the Study of War, and Daesh's short claimed phrase. Prints PASS/FAIL per check;
 * exits 1 on any failure. Run: npx tsx scripts/acceptance-quotes.ts
 */
import type { Annotation, Span } from '../src/core/types.js';
import { analyseExampleArticle } from './acceptance-article.js';

const { text, doc } = analyseExampleArticle('acceptance-quotes');
const direct = doc.annotations.filter((a) => a.kind === 'quote' && a.label === 'direct' && a.ruleId !== 'embed-post');
const words = (a: Annotation): number => a.text.split(/\s+/).length;
const said = (a: Annotation): string => {
  const span = a.data.speakerSpan as Span | null;
  return span ? text.slice(span.start, span.end) : '';
};
const by = (speaker: string): Annotation[] => direct.filter((a) => typeof a.data.speaker === 'string' && a.data.speaker.includes(speaker));

const checks: [string, boolean][] = [
  ["Sinwar's two quotes (one after 'he said:', one after 'Sinwar added')", by('Sinwar').length === 2 && by('Sinwar').some((a) => said(a) === 'he') && by('Sinwar').some((a) => a.data.cue === 'added')],
  ["Haniyeh's quote ('…,” he said' resolved to Haniyeh)", by('Haniyeh').length === 1 && said(by('Haniyeh')[0]!) === 'he'],
  ["Callamard's conclusion ('she concluded that' resolved to Callamard)", by('Callamard').some((a) => said(a) === 'she' && a.data.cue === 'concluded' && words(a) > 15)],
  ['The analyst at the Institute for the Study of War, anonymous', direct.some((a) => a.data.anonymous === true && said(a).endsWith('Institute for the Study of War') && words(a) > 20)],
  // With the mentions analyser in the pipeline the speaker is the canonical actor ("Islamic State")
  // and the speaker span the name the article uses ("Daesh").
  [
    "Daesh's claimed phrase (cue 'claimed', loaded; speaker the Islamic State, named 'Daesh')",
    direct.some((a) => (a.data.speaker === 'Daesh' || a.data.speaker === 'Islamic State') && said(a) === 'Daesh' && a.data.cue === 'claimed' && a.data.cueStance === 'loaded' && words(a) <= 5),
  ],
  ['A speakers summary with a row per speaker', (doc.summaries.speakers?.rows.length ?? 0) >= 5],
];
let failed = 0;
for (const [name, ok] of checks) {
  console.log(`${ok ? 'PASS' : 'FAIL'}  ${name}`);
  if (!ok) failed++;
}
process.exit(failed ? 1 : 0);
