/**
 * The techniques analyser: options, rule findings (table-driven, with ok cases that must stay
 * silent), symmetry of name calling across sides, the profile summary, and invariants of every
 * emitted span.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { segmentsAnalyser } from '../src/analysers/segments/index.js';
import { structureAnalyser } from '../src/analysers/structure/index.js';
import { TECHNIQUE_LABELS, techniquesAnalyser, type TechniquesOptions } from '../src/analysers/techniques/index.js';
import { buildPipeline, runPipeline, type Analyser } from '../src/core/pipeline.js';
import { MarginaliaError } from '../src/core/errors.js';
import type { MarginaliaDocument } from '../src/core/types.js';
import { emptyMeta } from '../src/ingest/types.js';

const RULES_ONLY: TechniquesOptions = { rules: { repetition: true, mentions: true } };

function analyse(text: string, options: TechniquesOptions = {}, extra: Analyser[] = []): MarginaliaDocument {
  const pipeline = buildPipeline([segmentsAnalyser(), structureAnalyser(), techniquesAnalyser(options), ...extra]);
  return runPipeline(pipeline, { text, meta: emptyMeta() });
}

function techniques(doc: MarginaliaDocument, ruleId?: string): { label: string; text: string; ruleId: string }[] {
  return doc.annotations
    .filter((a) => a.kind === 'technique' && (ruleId === undefined || a.ruleId === ruleId))
    .map((a) => ({ label: a.label, text: a.text, ruleId: a.ruleId }));
}

test('options are validated in the factory', () => {
  assert.throws(() => techniquesAnalyser({ colour: true } as never), (e: unknown) => e instanceof MarginaliaError && e.code === 'E_ANALYSER_OPTIONS');
  assert.throws(() => techniquesAnalyser({ minConfidence: 2 }), /minConfidence/);
  assert.throws(() => techniquesAnalyser({ rules: { slogans: true } as never }), /slogans/);
  assert.throws(() => techniquesAnalyser({ rules: { repetition: 'yes' as never } }), /rules.repetition/);
  const analyser = techniquesAnalyser();
  assert.equal(analyser.id, 'techniques');
  assert.deepEqual(analyser.needs, ['sentences', 'paragraphs', 'regions']);
  assert.deepEqual(analyser.uses, ['quotes', 'mentions']);
});

const PHRASE_CASES: { name: string; text: string; expected: { label: string; text: string }[] }[] = [
  {
    name: 'campaign slogan',
    text: 'The mayor of Fernhollow closed her speech with a familiar line. "Take back control," she told the crowd.',
    expected: [{ label: 'Slogans', text: 'Take back control' }],
  },
  {
    name: 'thought-terminating cliché',
    text: 'Asked about the closed clinics, the Brackwater councillor shrugged. It is what it is, he said, and left.',
    expected: [{ label: 'Thought-terminating_Cliches', text: 'It is what it is' }],
  },
  {
    name: 'ok: words of a slogan, not in order',
    text: 'Control was taken back from the contractor only after the wall at Fernhollow was built.',
    expected: [],
  },
  {
    name: 'ok: a cliché cut short',
    text: 'What it is remains unclear to the Brackwater inspectors.',
    expected: [],
  },
];

for (const { name, text, expected } of PHRASE_CASES) {
  test(`phrase rules: ${name}`, () => {
    const found = techniques(analyse(text, RULES_ONLY)).filter((t) => t.ruleId.startsWith('slogan') || t.ruleId.startsWith('cliche'));
    assert.deepEqual(found.map(({ label, text: t }) => ({ label, text: t })), expected);
  });
}

const REPETITION_CASES: { name: string; text: string; count: number }[] = [
  {
    name: 'a phrase said three times',
    text: 'The harbour tax is theft. Nobody voted for the harbour tax. Repeal the harbour tax now, says the Gullport guild.',
    count: 2,
  },
  { name: 'ok: a phrase said twice', text: 'The harbour tax is new. Nobody voted for the harbour tax yet.', count: 0 },
  { name: 'ok: function words only', text: 'It was in the end. And in the end it was. In the end, of the.', count: 0 },
];

for (const { name, text, count } of REPETITION_CASES) {
  test(`repetition rule: ${name}`, () => {
    const found = techniques(analyse(text, RULES_ONLY), 'repeated-phrase');
    assert.equal(found.length, count, JSON.stringify(found));
    for (const t of found) assert.equal(t.label, 'Repetition');
  });
}

/** A stand-in for the mentions analyser: marks given terms as pejorative mentions. */
function fakeMentions(terms: readonly string[]): Analyser {
  return {
    id: 'mentions',
    version: 'test',
    needs: [],
    produces: ['mentions'],
    analyse(doc, ctx) {
      for (const term of terms) {
        const start = doc.text.indexOf(term);
        if (start < 0) continue;
        ctx.emit({ kind: 'mention', span: { start, end: start + term.length }, label: 'group', confidence: 0.9, ruleId: 'test', note: 'test', data: { entity: term, term, connotation: 'pejorative' } });
      }
    },
  };
}

test('name calling from pejorative mentions applies to both sides alike', () => {
  const text = 'Members of the Azure Party call their rivals the crimson mob. The Crimson League calls its rivals blue traitors.';
  const doc = analyse(text, RULES_ONLY, [fakeMentions(['crimson mob', 'blue traitors'])]);
  const found = techniques(doc, 'pejorative-mention');
  assert.deepEqual(found.map((t) => t.text).sort(), ['blue traitors', 'crimson mob']);
  for (const t of found) assert.equal(t.label, 'Name_Calling,Labeling');
  assert.equal(techniques(analyse(text, RULES_ONLY), 'pejorative-mention').length, 0, 'no mentions analyser, no mention rule');
});

test('appeal to authority from a direct quote of a speaker introduced as an authority, not an anonymous or unintroduced one', () => {
  const quotes: Analyser = {
    id: 'quotes',
    version: 'test',
    needs: [],
    produces: ['quotes'],
    analyse(doc, ctx) {
      const data = (speaker: string | null, isAnonymous: boolean) => ({ speaker, speakerSpan: null, cue: 'said', anonymous: isAnonymous });
      const quote = (content: string, speaker: string | null): void => {
        const at = doc.text.indexOf(content);
        ctx.emit({ kind: 'quote', span: { start: at, end: at + content.length }, label: 'direct', confidence: 0.9, ruleId: 't', note: 't', data: data(speaker, speaker === null) });
      };
      quote('The bridge is safe', 'Dr Ilse Varga');
      quote('It will fall', null);
      quote('We will win the vote', 'Oren Lask');
      quote('The wall will hold', 'Tamsin Eld');
      quote('The tide is late', 'Kees Dorn');
    },
  };
  const text = [
    '"The bridge is safe," said Dr Ilse Varga. "It will fall," said a source.',
    '"We will win the vote," said Oren Lask.',
    'Tamsin Eld studies tides as a professor at Velden University. Later she added: "The wall will hold."',
    // An expert elsewhere in the sentence does not make the speaker one.
    'Experts at the harbour institute were stunned by the size of the catch on Monday, and local man Kees Dorn said: "The tide is late."',
  ].join('\n\n');
  const doc = analyse(text, RULES_ONLY, [quotes]);
  // Named and introduced as an authority (near the name, where quoted or first named): yes;
  // anonymous, named without an authority role, or with one only elsewhere in the sentence: no.
  assert.deepEqual(techniques(doc, 'authority-quote').map((t) => t.text), ['The bridge is safe', 'The wall will hold']);
  const notes = doc.annotations.filter((a) => a.ruleId === 'authority-quote').map((a) => a.note);
  assert.match(notes[1]!, /"professor"/);
});

const ARTICLE = [
  'Fernhollow council betrays its own people again',
  '',
  'The shameless Fernhollow council has once again betrayed the hard-working families of the valley.',
  'These corrupt bureaucrats want you to believe that the new tax is fair. Nobody is fooled.',
  'Every patriot in the valley knows the truth: the harbour tax is theft, the harbour tax is a disgrace, and the harbour tax must go.',
  'Experts at the Gullport Institute warn that the plan will bring disaster to thousands of homes.',
].join('\n');

test('the model finds spans in an openly partisan article, and every span is well formed', () => {
  const doc = analyse(ARTICLE);
  const found = doc.annotations.filter((a) => a.kind === 'technique');
  assert.ok(found.length >= 3, `only ${found.length} spans`);
  assert.ok(found.some((a) => a.ruleId === 'model'));
  const labels = new Set<string>(TECHNIQUE_LABELS);
  for (const a of found) {
    assert.ok(labels.has(a.label), a.label);
    assert.equal(doc.text.slice(a.span.start, a.span.end), a.text);
    assert.ok(a.confidence > 0 && a.confidence <= 1);
    assert.ok(a.note.length > 10);
  }
  const summary = doc.summaries.techniques;
  assert.ok(summary, 'techniques summary');
  assert.deepEqual(summary.columns, ['technique', 'name', 'spans', 'per 1,000 words']);
  assert.equal(summary.rows.reduce((sum, row) => sum + (row[2] as number), 0), found.length);
});

test('ok: a dry factual report yields few spans', () => {
  const text = [
    'Fernhollow council approves budget',
    '',
    'The Fernhollow council approved its budget for next year on Tuesday by seven votes to two.',
    'The budget includes funds for road repairs and a new library branch, according to the minutes.',
    'The meeting lasted two hours and was open to the public.',
  ].join('\n');
  const doc = analyse(text);
  const found = doc.annotations.filter((a) => a.kind === 'technique');
  assert.ok(found.length <= 2, JSON.stringify(found.map((a) => [a.label, a.text])));
});

test('embedded posts and bios are not read', () => {
  const doc = analyse(ARTICLE, {}, []);
  const body = doc.annotations.filter((a) => a.kind === 'region' && (a.label === 'body' || a.label === 'headline'));
  for (const t of doc.annotations.filter((a) => a.kind === 'technique')) {
    assert.ok(body.some((r) => r.span.start <= t.span.start && t.span.end <= r.span.end), `${t.text} outside body`);
  }
});
