/**
 * One list of person titles (src/core/person-titles.json) for mentions, quotes and claims: the title
 * rule itself, and the three analysers naming the same person the same way. Sentences are fictional.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createAnalyzer } from '../src/api/analyzer.js';
import { afterInnerTitle, leadingTitleLength, PERSON_TITLES, TITLE_MODIFIERS } from '../src/core/person-titles.js';
import type { Annotation } from '../src/core/types.js';

function titleOf(phrase: string): number {
  const words = phrase.toLowerCase().split(' ');
  return leadingTitleLength((i) => words[i]!, 0, words.length);
}

const TITLE_CASES: [string, number][] = [
  ['Sheriff Tom Aldane', 1],
  ['Rabbi Dana Levin', 1],
  ['Commissioner Ruth Okafor', 1],
  ['Foreign Minister Ana Ruiz', 2],
  ['Deputy Foreign Minister Karl Bendt', 3],
  ['Special Rapporteur Ana Ferreira', 2],
  ['Grand Ayatollah Hassan Mirzaei', 2],
  ['Chief Inspector Lena Vogt', 2],
  ['Secretary of State Paul Ardent', 3],
  ['Minister of the Interior Sara Holm', 4],
  ['Major General Aram Test', 2],
  // Not titles: a qualifier alone, a body's name, a title with nothing left to name.
  ['Foreign Office', 0],
  ['Supreme Court', 0],
  ['General Motors', 0],
  ['General Assembly', 0],
  ['Secretary of State', 0],
  ['Prime Minister', 0],
  ['Sheriff', 0],
  ['Dana Levin', 0],
  ["Mayor 's office", 0],
];

test('leadingTitleLength: titles, qualifiers and offices before a name, never the whole run', () => {
  for (const [phrase, expected] of TITLE_CASES) assert.equal(titleOf(phrase), expected, phrase);
});

test('afterInnerTitle: the name after a title inside the words, or the start when there is none', () => {
  const at = (phrase: string): number => {
    const words = phrase.toLowerCase().split(' ');
    return afterInnerTitle((i) => words[i]!, 0, words.length);
  };
  assert.equal(at('California Attorney General Xavier Becerra'), 3);
  assert.equal(at('Velmar Deputy Foreign Minister Ana Ruiz'), 4);
  assert.equal(at('Xavier Becerra'), 0);
  assert.equal(at('Harbour Board Chairman'), 0); // the title ends the words: nothing left to name
  const long = Array.from({ length: 100_000 }, (_, i) => (i % 2 ? 'deputy' : 'foreign'));
  assert.equal(afterInnerTitle((i) => long[i]!, 0, long.length), 0);
});

test('person titles: qualifiers and titles are disjoint, lower case', () => {
  for (const word of TITLE_MODIFIERS) assert.ok(!PERSON_TITLES.has(word), word);
  for (const word of [...PERSON_TITLES, ...TITLE_MODIFIERS]) assert.equal(word, word.toLowerCase());
});

test('leadingTitleLength: linear on a long run of titles', () => {
  const words = Array.from({ length: 200_000 }, (_, i) => (i % 2 ? 'deputy' : 'minister'));
  assert.equal(leadingTitleLength((i) => words[i]!, 0, words.length), words.length - 1);
});

const analyzer = createAnalyzer();

const AGREEMENT_CASES: { sentence: string; name: string; description?: string }[] = [
  { sentence: 'Sheriff Tom Aldane said the coast road was closed until further notice.', name: 'Tom Aldane' },
  { sentence: 'Rabbi Dana Levin said the shelter in the old school would open next week.', name: 'Dana Levin' },
  { sentence: 'Commissioner Ruth Okafor said the harbour budget had been cut by a third.', name: 'Ruth Okafor' },
  { sentence: 'Foreign Minister Ana Ruiz said the border crossing would reopen in May.', name: 'Ana Ruiz', description: 'Foreign Minister' },
  { sentence: 'Special Rapporteur Ana Ferreira said the camp held 4,000 people last winter.', name: 'Ana Ferreira' },
  { sentence: 'Grand Ayatollah Hassan Mirzaei said the decree would stand for another year.', name: 'Hassan Mirzaei' },
  { sentence: 'Secretary of State Paul Ardent said the embassy would stay open through the summer.', name: 'Paul Ardent', description: 'Secretary of State' },
  { sentence: 'Imam Yusuf Hadid said the evening prayers would continue despite the curfew.', name: 'Yusuf Hadid' },
  { sentence: 'CEO Mara Quell said the ferry company would cut 200 jobs by the spring.', name: 'Mara Quell' },
  { sentence: 'Velmar Attorney General Ines Holt said the appeal would be filed in June.', name: 'Ines Holt' },
  { sentence: 'Dr. Mara Quell, director of the harbour clinic, said the flu season had started early.', name: 'Mara Quell' },
  { sentence: 'U.S. District Judge Robert S. Lasnik said the ban would stay in place for now.', name: 'Robert S. Lasnik' },
];

function article(sentence: string): string {
  return `Port Alder braces for a long winter\n\nBy Mira Talbot\n\nThe town council met on Monday to discuss the storm season.\n\n${sentence}\n`;
}

function only(annotations: readonly Annotation[], kind: string, inside: string): Annotation {
  const found = annotations.find((a) => a.kind === kind && inside.includes(a.text));
  assert.ok(found, `no ${kind} in: ${inside}`);
  return found;
}

test('mentions, quotes and claims give a titled speaker the same name, without the title', () => {
  for (const { sentence, name, description } of AGREEMENT_CASES) {
    const doc = analyzer.analyzeText(article(sentence));
    const quote = only(doc.annotations, 'quote', sentence);
    const claim = doc.annotations.find((a) => a.kind === 'claim' && a.text.startsWith(sentence.slice(0, 20)));
    const mention = doc.annotations.find((a) => a.kind === 'mention' && a.data?.entity === name);
    assert.equal(quote.data?.speaker, name, `quote speaker: ${sentence}`);
    if (description) assert.equal(quote.data?.speakerDescription, description, `quote speaker's title: ${sentence}`);
    assert.equal(claim?.data?.sourceName, name, `claim source: ${sentence}`);
    assert.ok(mention, `no mention of the person "${name}": ${sentence}`);
  }
});

test('a body named after a title is no person: the Foreign Office, General Motors', () => {
  const cases = [
    { sentence: '"We disagree with the ruling," the Foreign Office said on Tuesday.', name: 'Foreign Office' },
    { sentence: '"This is a hard day for the town," General Motors said on Tuesday.', name: 'General Motors' },
  ];
  for (const { sentence, name } of cases) {
    const doc = analyzer.analyzeText(article(sentence));
    const quote = only(doc.annotations, 'quote', sentence);
    const claim = doc.annotations.find((a) => a.kind === 'claim' && sentence.includes(a.text.slice(0, 15)));
    assert.equal(quote.data?.speaker, name, sentence);
    assert.equal(claim?.data?.sourceName, name, sentence);
  }
});
