import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { splitParagraphs, splitSentences } from '../src/analysers/segments/index.js';

const texts = (text: string, spans: { start: number; end: number }[]) => spans.map((s) => text.slice(s.start, s.end));

describe('paragraphs', () => {
  it('treats each line as a paragraph when lines are whole paragraphs', () => {
    const text = 'First paragraph here.\nSecond one.\r\n\nThird after a blank.\n';
    assert.deepEqual(texts(text, splitParagraphs(text)), ['First paragraph here.', 'Second one.', 'Third after a blank.']);
  });
  it('joins hard-wrapped lines into blank-line blocks', () => {
    const text = 'The council met on\nTuesday to discuss the\nharbour lease.\n\nIt voted six to\none in favour of it.\n';
    assert.deepEqual(texts(text, splitParagraphs(text)), ['The council met on\nTuesday to discuss the\nharbour lease.', 'It voted six to\none in favour of it.']);
  });
  it('trims white space and handles text with no line break', () => {
    const text = '   Just one line.   ';
    assert.deepEqual(texts(text, splitParagraphs(text)), ['Just one line.']);
    assert.deepEqual(splitParagraphs(''), []);
    assert.deepEqual(splitParagraphs(' \n\t\n '), []);
  });
});

describe('sentences', () => {
  const cases: [string, string[]][] = [
    ['He left. She stayed.', ['He left.', 'She stayed.']],
    ['Dr. Reyes met Gen. Alvarez in the U.S. capital. Then he flew home.', ['Dr. Reyes met Gen. Alvarez in the U.S. capital.', 'Then he flew home.']],
    ['It cost 3.5 million. Nobody asked why!', ['It cost 3.5 million.', 'Nobody asked why!']],
    ['"Stop," she said. "Now."', ['"Stop," she said.', '"Now."']],
    ['She said “it is over.” Then silence.', ['She said “it is over.”', 'Then silence.']],
    ['J. R. Tolkien wrote it. Really?', ['J. R. Tolkien wrote it.', 'Really?']],
    ['no capital after. this stays one', ['no capital after. this stays one']],
    ['Wait... What?! Yes.', ['Wait...', 'What?!', 'Yes.']],
  ];
  for (const [input, expected] of cases) {
    it(`splits ${JSON.stringify(input)}`, () => {
      assert.deepEqual(texts(input, splitSentences(input, { start: 0, end: input.length })), expected);
    });
  }
});
