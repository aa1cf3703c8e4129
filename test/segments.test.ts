import assert from 'node:assert/strict';
import { describe, it, test } from 'node:test';
import { segmentsAnalyser, splitParagraphs, splitSentences } from '../src/analysers/segments/index.js';
import { buildPipeline, runPipeline } from '../src/core/pipeline.js';
import { emptyMeta } from '../src/ingest/types.js';

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

const LANGUAGE_CASES: { name: string; text: string; lang: string | null; warns: boolean }[] = [
  {
    name: 'Portuguese prose',
    text: 'A prefeitura da pequena cidade portuária decidiu ontem fechar o antigo terminal de balsas. Os moradores protestaram durante toda a tarde na praça central, e muitos disseram que a decisão foi tomada sem consulta. O conselho prometeu uma nova reunião na próxima semana para ouvir as queixas dos pescadores e das famílias que dependem do porto para viver.',
    lang: null,
    warns: true,
  },
  {
    name: 'a page that declares another language and reads like it',
    text: 'Die kleine Hafenstadt hat gestern beschlossen, das alte Fährterminal zu schließen. Die Bewohner protestierten den ganzen Nachmittag auf dem Marktplatz, und viele sagten, die Entscheidung sei ohne Anhörung gefallen. Der Rat versprach für die nächste Woche eine neue Sitzung, um die Klagen der Fischer und der Familien zu hören, die vom Hafen leben.',
    lang: 'de',
    warns: true,
  },
  {
    name: 'ok: English news',
    text: 'The council of the small harbour town decided on Tuesday to close the old ferry terminal. Residents protested all afternoon in the central square, and many said the decision was taken without consultation. The board promised a new meeting next week to hear the complaints of the fishermen and of the families who depend on the port for their living.',
    lang: 'en-GB',
    warns: false,
  },
  { name: 'ok: too short to tell', text: 'Hafen geschlossen. Bewohner protestieren.', lang: null, warns: false },
];

for (const c of LANGUAGE_CASES) {
  test(`language check: ${c.name}`, () => {
    const doc = runPipeline(buildPipeline([segmentsAnalyser()]), { text: c.text, meta: { ...emptyMeta(), lang: c.lang } });
    const warning = doc.diagnostics.find((d) => d.code === 'W_NOT_ENGLISH');
    assert.equal(Boolean(warning), c.warns, JSON.stringify(doc.diagnostics));
    if (warning) assert.match(warning.message, /English function words/);
  });
}
