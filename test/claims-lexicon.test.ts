/**
 * The claims lexicons: every entry has an id, a pattern, a note and a source, and the readme lists
 * it; the opinion lists name no party, so they apply to every side alike.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { LEXICON_FILES, PhraseSet } from '../src/analysers/claims/lexicon.js';
import { tokenize } from '../src/analysers/claims/tokens.js';

const readme = readFileSync(new URL('../src/analysers/claims/readme.md', import.meta.url), 'utf8');

test('every lexicon entry is complete and listed in the readme', () => {
  const files = Object.entries(LEXICON_FILES);
  assert.equal(files.length, 4);
  for (const [file, entries] of files) {
    assert.ok(readme.includes(`lexicons/${file}`), file);
    for (const entry of entries) {
      for (const key of ['id', 'pattern', 'note', 'source'] as const) assert.ok(entry[key].length > 0, `${file} ${entry.id} ${key}`);
      assert.ok(readme.includes(`\`${entry.id}\``), `readme lacks ${entry.id}`);
    }
  }
});

test('opinion words name no side: no party, country or group appears in them', () => {
  const sided = ['israel', 'zion', 'iran', 'palestin', 'russia', 'ukrain', 'america', 'china', 'democrat', 'republican', 'muslim', 'jew', 'christian', 'arab'];
  for (const entry of LEXICON_FILES['opinion.json']!) {
    for (const word of sided) assert.ok(!entry.pattern.includes(word), `${entry.id} mentions ${word}`);
  }
});

const MATCH_CASES: { text: string; pattern: string; expected: boolean }[] = [
  { text: 'It is believed that', pattern: 'it is believed', expected: true },
  { text: 'it is believed', pattern: 'it is believed|it is', expected: true },
  // ok cases
  { text: 'It was believed', pattern: 'it is believed', expected: false },
  { text: 'It is', pattern: 'it is believed', expected: false },
];

for (const c of MATCH_CASES) {
  test(`phrase "${c.pattern}" on "${c.text}"`, () => {
    const set = new PhraseSet([{ id: 'x', pattern: c.pattern, note: 'n', source: 's' }]);
    const tokens = tokenize(c.text, 0, c.text.length);
    assert.equal(set.findIn(tokens, 0, tokens.length) !== null, c.expected);
  });
}

test('the tokenizer keeps numbers whole and splits possessives', () => {
  const text = 'Avel’s 3,000 boats cost $1.5 million, 9/11 style.';
  const words = tokenize(text, 0, text.length).map((t) => t.lower);
  assert.deepEqual(words, ['avel', "'s", '3,000', 'boats', 'cost', '$', '1.5', 'million', ',', '9/11', 'style', '.']);
});
