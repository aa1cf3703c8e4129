/**
 * The mentions analyser: table-driven detection and grouping cases with explicit ok (false-
 * positive) cases, portrayal and harm roles, options, the actors summary and hostile input (speed is measured by bench/mentions.ts).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mentionsAnalyser } from '../src/analysers/mentions/index.js';
import { tokenise } from '../src/analysers/mentions/tokens.js';
import { segmentsAnalyser } from '../src/analysers/segments/index.js';
import { structureAnalyser } from '../src/analysers/structure/index.js';
import { MarginaliaError } from '../src/core/errors.js';
import { buildPipeline, runPipeline } from '../src/core/pipeline.js';
import type { Annotation, MarginaliaDocument } from '../src/core/types.js';
import { emptyMeta } from '../src/ingest/types.js';
import { timeBudget } from './helpers/time-budget.js';

const pipeline = buildPipeline([segmentsAnalyser(), structureAnalyser(), mentionsAnalyser()]);
const run = (text: string): MarginaliaDocument => runPipeline(pipeline, { text, meta: emptyMeta() });
const mentionsOf = (text: string): Annotation[] => run(text).annotations.filter((a) => a.kind === 'mention');

/** [sentence, words of a mention, expected label, entity, connotation] */
const FOUND: [string, string, string, string, string][] = [
  ['The fictional envoy said Daesh had lost the town.', 'Daesh', 'organization', 'Islamic State', 'pejorative'],
  ['The fictional report said LeT fighters had crossed the line.', 'LeT', 'organization', 'Lashkar-e-Taiba', 'neutral'],
  ['Analysts at the fictional Pell Institute watched the Zionist entity closely.', 'Zionist entity', 'organization', 'Israel', 'pejorative'],
  ['Later, Tehran said the fictional talks were over.', 'Tehran', 'place', 'Iran', 'neutral'],
  ['The fictional convoy drove to Tehran on Monday.', 'Tehran', 'place', 'Tehran', 'neutral'],
  ['A fictional report said Hamas militants had crossed.', 'militants', 'organization', 'Hamas', 'neutral'],
  // A descriptor used alone is an unnamed party of its own, not the lexicon's usual referent.
  ['The fictional town was ruled by thugs and thieves.', 'thugs', 'group', 'thugs (unnamed)', 'pejorative'],
  ['Some said the fictional protesters were extremists.', 'extremists', 'group', 'extremists (unnamed)', 'pejorative'],
  ['The fictional Harbour Defence Council (HDC) met. Later the HDC voted.', 'HDC', 'organization', 'Harbour Defence Council', 'neutral'],
  ['Professor Lina Okafor spoke first, and then Okafor left.', 'Okafor', 'person', 'Lina Okafor', 'neutral'],
  ['Dr. Ivo Marsh arrived, and Dr Marsh spoke.', 'Dr Marsh', 'person', 'Ivo Marsh', 'neutral'],
  ['President Bashar al-Assad met envoys; Assad smiled.', 'Assad', 'person', 'Bashar al-Assad', 'neutral'],
  ['The fictional drone was Iran-backed, the report said.', 'Iran', 'place', 'Iran', 'neutral'],
  ['The fictional parade honoured the Iranian commander.', 'Iranian', 'place', 'Iran', 'neutral'],
  ['The fictional Ministry of Harbours answered the letter.', 'Ministry of Harbours', 'organization', 'Ministry of Harbours', 'neutral'],
  ['Ships waited outside the fictional Port Vell Harbour.', 'Port Vell Harbour', 'place', 'Port Vell Harbour', 'neutral'],
  ['The fictional speaker blamed the Iraqi government.', 'government', 'place', 'Iraq', 'neutral'],
  ['The fictional crowd cheered the Palestinians at the gate.', 'Palestinians', 'group', 'Palestinians', 'neutral'],
  // Unknown names typed by their place or organisation words, first or last.
  ['Ferries left Port Verrin at dawn in the fictional story.', 'Port Verrin', 'place', 'Port Verrin', 'neutral'],
  ['Hikers climbed Mount Orrel before the fictional storm.', 'Mount Orrel', 'place', 'Mount Orrel', 'neutral'],
  ['The fictional Quarrow Logistics bought the old pier.', 'Quarrow Logistics', 'organization', 'Quarrow Logistics', 'neutral'],
  ['A fictional deal with Tallis Holdings fell through.', 'Tallis Holdings', 'organization', 'Tallis Holdings', 'neutral'],
  ['Reporters from the fictional Verrin Forum arrived.', 'Verrin Forum', 'organization', 'Verrin Forum', 'neutral'],
  ['The fictional volunteers of Save Verrin Shore met on the quay.', 'Save Verrin Shore', 'organization', 'Save Verrin Shore', 'neutral'],
  ["The fictional vote was held at St Anselm's Hall last night.", "St Anselm's Hall", 'place', "St Anselm's Hall", 'neutral'],
  ['Donald Quill spoke first, and later Donald left the fictional hall.', 'Donald', 'person', 'Donald Quill', 'neutral'],
  // A run opening with a common word is not a person, unless a title or a first name follows it.
  ['The fictional Public Harbour Trustees raised the fees again.', 'Public Harbour Trustees', 'organization', 'Public Harbour Trustees', 'neutral'],
  ['Watch the Official Trailer of the fictional film tonight.', 'Official Trailer', 'organization', 'Official Trailer', 'neutral'],
  // "Former" qualifies the title (core/person-titles.json), so it belongs to the mention, not to the name.
  ['In the fictional town, Former Mayor Ilse Varga opened the fair.', 'Former Mayor Ilse Varga', 'person', 'Ilse Varga', 'neutral'],
  ['The fictional quarrel grew, Unlike Donald Quill, who left.', 'Donald Quill', 'person', 'Donald Quill', 'neutral'],
  ['The fictional carmaker showed the ZX VELLO at the fair.', 'ZX VELLO', 'organization', 'ZX VELLO', 'neutral'],
  ['In the fictional city, Chief Renee Hall spoke first.', 'Chief Renee Hall', 'person', 'Renee Hall', 'neutral'],
  // A capitalised "The" inside a sentence opens a publication or body, not a person.
  ['The fictional mayor spoke to The Velmar Beacon on Monday.', 'Velmar Beacon', 'organization', 'Velmar Beacon', 'neutral'],
  ['The fictional ruling came from Special Counsel Ines Holt on Monday.', 'Special Counsel Ines Holt', 'person', 'Ines Holt', 'neutral'],
  // A title inside a run splits off what comes before it.
  ['The ruling came after Velmar Attorney General Ines Holt appealed.', 'Attorney General Ines Holt', 'person', 'Ines Holt', 'neutral'],
  // "New" opens a place name, at a sentence start or in a sentence full of names.
  ['New Vellmark State officials met on Monday in the fictional story.', 'New Vellmark State', 'place', 'New Vellmark State', 'neutral'],
  ['Quarrow Logistics is headquartered in New Vellmark City.', 'New Vellmark City', 'place', 'New Vellmark City', 'neutral'],
  // An area noun after two plain capitalised words names a place; the same words elsewhere follow it.
  ['Residents of the fictional Nieuwe Haven district waited for boats.', 'Nieuwe Haven', 'place', 'Nieuwe Haven', 'neutral'],
  ['The fictional Orra Vell valley flooded. Boats reached Orra Vell at noon.', 'Orra Vell', 'place', 'Orra Vell', 'neutral'],
  // …but not before a title: "district attorney".
  ['The fictional case went to Dana Holt district attorney Ben Ruiz, who declined.', 'Dana Holt', 'person', 'Dana Holt', 'neutral'],
];

test('finds mentions and resolves their entities', () => {
  for (const [text, words, label, entity, connotation] of FOUND) {
    const mention = mentionsOf(text).find((m) => m.text === words);
    assert.ok(mention, `${text}: no mention "${words}"; got ${mentionsOf(text).map((m) => m.text).join(', ')}`);
    assert.equal(mention.label, label, `${text}: label`);
    assert.equal(mention.data.entity, entity, `${text}: entity`);
    assert.equal(mention.data.connotation, connotation, `${text}: connotation`);
    assert.equal(mention.data.term, words);
  }
});

/** Sentences where a word must not be a mention (false-positive guards). */
const OK: [string, string][] = [
  // A known acronym with inner capitals matches only as written: "LeT" (Lashkar-e-Taiba), not "Let".
  ['The fictional rally began. Let us be clear about the plan.', 'Let'],
  ['The fictional page ended with FULL TEXT and a link.', 'FULL TEXT'],
  ['Watch the Official Trailer of the fictional film tonight.', 'Trailer'],
  ['The fictional council met, and It was late.', 'It'],
  ['However, the fictional plan held.', 'However'],
  ['The turkey was roasted for the fictional feast.', 'turkey'],
  ['On Monday the fictional ferry sailed.', 'Monday'],
  ['Follow the fictional link pic.twitter.com/JC3uhlFUD3 now.', 'JC3uhlFUD3'],
  ['The fictional potter followed a strict regime of practice.', 'regime'],
  ['She chose the government job in the fictional town.', 'government'],
  ['The President spoke to the fictional crowd.', 'President'],
  // A common noun capitalised at a sentence start, after a colon or in a title-case headline.
  ['Harbour fees rose again. The fictional Verrin Harbour Board met.', 'Harbour'],
  ['Board members left. The fictional Verrin Harbour Board met at the harbour.', 'Board'],
  ['WATCH: Residents walk out. The fictional residents were angry.', 'Residents'],
  ['Marta Quill Praises Verrin Harbour Plan\nMarta Quill praises the plan, which she said was bold.', 'Marta Quill Praises Verrin Harbour Plan'],
  // A strictly title-case headline: its common words end names and its lone capitals are not names.
  ['Ministers Insist the Numbers Imply Otherwise as Verrin Deal Stalls\n\nThe fictional port authority said the deal was late.', 'Ministers Insist the Numbers Imply Otherwise'],
  ['Ministers Insist the Numbers Imply Otherwise as Verrin Deal Stalls\n\nThe fictional port authority said the deal was late.', 'Imply'],
  ['Ministers Insist the Numbers Imply Otherwise as Verrin Deal Stalls\n\nThe fictional port authority said the deal was late.', 'Stalls'],
];

test('title-case headlines: lexicon names and names used in the body survive, on either side', () => {
  // Pass 1 defers a one-word lexicon name before a capitalised word; the headline's common word then cuts the run.
  for (const [headline, name] of [['Why Does Israel Refuse to Sign the Fictional Accord', 'Israel'], ['Why Does Iran Refuse to Sign the Fictional Accord', 'Iran']] as const) {
    const hit = mentionsOf(`${headline}\n\nThe fictional accord was signed by six states on Monday.`).find((m) => m.text === name);
    assert.equal(hit?.label, 'place', `${headline}: ${name}`);
  }
  const body = mentionsOf('Kovac Resigns as Verrin Harbour Deal Stalls\n\nThe fictional minister Ana Kovac resigned on Monday.');
  assert.ok(body.some((m) => m.text.startsWith('Kovac') && m.label === 'person'), 'a surname the body uses as a name is still a mention in the headline');
  assert.ok(!body.some((m) => m.text === 'Verrin Harbour Deal Stalls'), 'common words end the name');
  assert.ok(body.some((m) => m.text === 'Verrin Harbour'));
  // Prose that merely names a lot is not a headline: "Port" and "Authority" stay in the name.
  assert.ok(mentionsOf('The fictional Verrin Port Authority met on Monday.').some((m) => m.text === 'Verrin Port Authority'));
});

test('two plain capitalised words typed as a place once are a place everywhere in the text', () => {
  const found = mentionsOf('The fictional Orra Vell valley flooded. Boats reached Orra Vell at noon.').filter((m) => m.text === 'Orra Vell');
  assert.deepEqual(found.map((m) => [m.label, m.ruleId]), [['place', 'mention-place'], ['place', 'mention-typed-elsewhere']]);
});

test("a post's credit line is no title-case headline: the poster's name stays whole", () => {
  const text = 'Storm hits the coast\n\nBy Ana Ruiz\n\nResidents waited for rescue boats on Tuesday.\n\nBoats are on their way to the pier.\n— Veld Rescue Service (@VeldRescue) March 11, 2025\n';
  assert.deepEqual(mentionsOf(text).filter((m) => m.text.includes('Veld') || m.text.includes('Service')).map((m) => [m.text, m.label]), [['Veld Rescue Service', 'organization']]);
});

test('history is not propaganda: "the Nazi regime" of 1933–45 and the medieval Crusaders are not the lexicon terms', () => {
  const cases: [string, string][] = [
    ['The fictional museum shows how the Nazi regime invaded Poland in 1939.', 'ru-neo-nazi-regime'],
    ['The fictional museum tells how the Crusaders took the city in 1099.', 'is-crusaders'],
  ];
  for (const [text, id] of cases) assert.deepEqual(mentionsOf(text).filter((m) => m.ruleId === id).map((m) => m.text), [], text);
  // The terms themselves still match.
  assert.ok(mentionsOf('The fictional broadcast spoke of neo-Nazi battalions in the east.').some((m) => m.ruleId === 'ru-neo-nazi-regime'));
  assert.ok(mentionsOf('The fictional audio message threatened the crusaders and their allies.').some((m) => m.ruleId === 'is-crusaders'));
});

test('one person per name: a shared surname is the person introduced first; capitals and headline words do not make new people', () => {
  const text = [
    'Harbour Board Sues To Unseal Accused Fraudster Daniel Marsh\'s Tax Records',
    'By Ana Ruiz',
    'The board wants the tax records of councillor Daniel Marsh, the candidate for mayor, made public.',
    'Marsh and his ex-wife, Anna Marsh, divorced in 2012. Marsh denies any wrongdoing.',
    'HARBOUR BOARD SUES OVER DANIEL MARSH RECORDS',
    'The board said Anna Marsh had supported her ex-husband in public.',
  ].join('\n\n');
  const entities = (form: string) => mentionsOf(text).filter((m) => m.text === form).map((m) => m.data.entity);
  // "Marsh" alone is Daniel Marsh (introduced first), even right after "Anna Marsh" is named.
  assert.deepEqual([...new Set(entities('Marsh'))], ['Daniel Marsh']);
  assert.deepEqual([...new Set(entities('Anna Marsh'))], ['Anna Marsh']);
  // All capitals is the same person, shown as the article spells the name.
  assert.deepEqual(entities('DANIEL MARSH'), ['Daniel Marsh']);
  // A headline word before a first name is no part of the name.
  assert.ok(!mentionsOf(text).some((m) => m.text.includes('Fraudster')), 'the headline word "Fraudster" joined the name');
});

test('a party and state after a name is no alias and no actor; an acronym of the name before it is an alias', () => {
  const found = mentionsOf('The fictional chair Jerry Nadler (D-NY) met the Harbour Defence Council (HDC) on Monday.');
  assert.deepEqual(found.filter((m) => m.text === 'D-NY'), []);
  assert.equal(found.find((m) => m.text === 'HDC')?.data.entity, 'Harbour Defence Council');
  assert.equal(found.find((m) => m.text === 'Jerry Nadler')?.data.entity, 'Jerry Nadler');
});

test('ok cases: these words are not mentions', () => {
  for (const [text, words] of OK) {
    const hit = mentionsOf(text).find((m) => m.text === words);
    assert.equal(hit, undefined, `${text}: "${words}" should not be a mention`);
  }
});

test('bio, byline and disclaimer regions are not read by default; the regions option changes that', () => {
  const text = 'Rival harbour plans\nBy Ana Ruiz\nThe fictional mayor Ivo Marsh praised the plan.\nAna Ruiz is a writer and the author of two books on Velmar.\n(The views expressed in this article are the author’s own.)';
  assert.ok(!mentionsOf(text).some((m) => m.text === 'Ana Ruiz'));
  assert.ok(mentionsOf(text).some((m) => m.text === 'Ivo Marsh'));
  const all = runPipeline(buildPipeline([segmentsAnalyser(), structureAnalyser(), mentionsAnalyser({ regions: ['body', 'byline', 'bio', 'headline'] })]), { text, meta: emptyMeta() });
  assert.ok(all.annotations.some((m) => m.kind === 'mention' && m.text === 'Ana Ruiz'));
});

test('portrayal: evaluative words go to the nearest name in the clause, negation flips them', () => {
  const [brave] = mentionsOf('The fictional mayor Ivo Marsh was brave.').filter((m) => m.text.includes('Marsh'));
  assert.ok((brave!.data.portrayal as number) > 0);
  const [notBrave] = mentionsOf('The fictional mayor Ivo Marsh was not brave.').filter((m) => m.text.includes('Marsh'));
  assert.ok((notBrave!.data.portrayal as number) < 0);
  const relative = mentionsOf('They met Ivo Marsh, who was cruel, in the fictional port.').find((m) => m.text === 'Ivo Marsh');
  assert.ok((relative!.data.portrayal as number) < 0, 'a relative clause goes to its antecedent');
  const none = mentionsOf('Ivo Marsh arrived; the weather was lovely.').find((m) => m.text === 'Ivo Marsh');
  assert.equal(none!.data.portrayal, undefined, 'words in another clause do not count');
});

/** [text, words of a mention, sign of its portrayal: 1, -1, or 0 for no evidence] */
const PORTRAYAL: [string, string, number][] = [
  ['Lina Okafor praised Ivo Marsh, a brave envoy, but called the raid cruel.', 'Ivo Marsh', 1],
  ['Lina Okafor praised Ivo Marsh, a brave envoy, but called the raid cruel.', 'Lina Okafor', 0],
  ['The cruel Ivo Marsh met the generous Lina Okafor.', 'Ivo Marsh', -1],
  ['The cruel Ivo Marsh met the generous Lina Okafor.', 'Lina Okafor', 1],
  ['Ivo Marsh said Lina Okafor was dishonest.', 'Lina Okafor', -1],
  ['Ivo Marsh said Lina Okafor was dishonest.', 'Ivo Marsh', 0],
  ['Ivo Marsh thanked the brave crew in the fictional port.', 'Ivo Marsh', 0],
  ['The old pier at Port Verrin was never beautiful, the fictional guide said.', 'Port Verrin', 0],
  ['The fictional Verrin Port Authority has been reckless, Lina Okafor wrote.', 'Verrin Port Authority', -1],
  ['The fictional Verrin Port Authority has been reckless, Lina Okafor wrote.', 'Lina Okafor', 0],
];

test('portrayal: only words attached to the mention (adjective before, apposition, predicate), nearest mention wins', () => {
  for (const [text, words, sign] of PORTRAYAL) {
    const mention = mentionsOf(text).find((m) => m.text === words);
    assert.ok(mention, `${text}: no mention "${words}"`);
    const score = mention.data.portrayal as number | undefined;
    if (sign === 0) assert.equal(score, undefined, `${text}: ${words} should have no evidence, got ${JSON.stringify(mention.data.evidence)}`);
    else assert.equal(Math.sign(score ?? 0), sign, `${text}: ${words} portrayal ${score}`);
  }
});

test('pronouns: he, she and they carry portrayal and harm roles to the nearest compatible actor in the paragraph', () => {
  const doc = mentionsOf('Donald Quill arrived late. He was furious. He attacked Anna Roe, and she was injured.');
  const quill = doc.find((m) => m.text === 'Donald Quill')!;
  assert.deepEqual((quill.data.evidence as { word: string; via?: string }[]).map((e) => [e.word, e.via]), [['furious', 'he']]);
  assert.deepEqual((quill.data.pronounRoles as { role: string; verb: string }[]).map((r) => [r.role, r.verb]), [['agent', 'attacked']]);
  const roe = doc.find((m) => m.text === 'Anna Roe')!;
  assert.equal(roe.data.role, 'patient');
  assert.deepEqual((roe.data.pronounRoles as { role: string; pronoun: string }[]).map((r) => [r.role, r.pronoun]), [['patient', 'she']]);
  // Gender: 'he' skips the nearer woman; 'she' skips the nearer man.
  const he = mentionsOf('Donald Quill met Anna Roe. He was brave.');
  assert.ok(he.find((m) => m.text === 'Donald Quill')!.data.evidence);
  assert.equal(he.find((m) => m.text === 'Anna Roe')!.data.evidence, undefined);
  const she = mentionsOf('Anna Roe met Donald Quill. She was brave.');
  assert.ok(she.find((m) => m.text === 'Anna Roe')!.data.evidence);
  assert.equal(she.find((m) => m.text === 'Donald Quill')!.data.evidence, undefined);
  const they = mentionsOf('The fictional Verrin Port Authority met on Monday. They attacked the pier.');
  assert.deepEqual((they.find((m) => m.text === 'Verrin Port Authority')!.data.pronounRoles as { role: string }[]).map((r) => r.role), ['agent']);
  // ok cases: no antecedent in the paragraph, or none of the right kind.
  const apart = mentionsOf('Donald Quill arrived late.\n\nHe was furious.');
  assert.equal(apart.find((m) => m.text === 'Donald Quill')!.data.evidence, undefined);
  const wrongKind = mentionsOf('The fictional Verrin Port Authority met. He was furious.');
  assert.equal(wrongKind.find((m) => m.text === 'Verrin Port Authority')!.data.evidence, undefined);
  const actors = run('Donald Quill arrived. He attacked the fictional pier. He shot at the boats.').summaries.actors!;
  assert.equal(actors.rows.find((r) => r[0] === 'Donald Quill')![6], 2, 'pronoun roles count in the actors panel');
});

test('harm roles: active, passive with agent, and no role without a verb of harm', () => {
  const active = mentionsOf('Ivo Marsh attacked Lina Okafor in the fictional square.');
  assert.equal(active.find((m) => m.text === 'Ivo Marsh')!.data.role, 'agent');
  assert.equal(active.find((m) => m.text === 'Lina Okafor')!.data.role, 'patient');
  const passive = mentionsOf('Lina Okafor was detained by Ivo Marsh in the fictional port.');
  assert.equal(passive.find((m) => m.text === 'Lina Okafor')!.data.role, 'patient');
  assert.equal(passive.find((m) => m.text === 'Ivo Marsh')!.data.role, 'agent');
  const none = mentionsOf('Ivo Marsh greeted Lina Okafor in the fictional square.');
  assert.ok(none.every((m) => m.data.role === undefined));
});

test('a local office before a name is a title, not part of the name', () => {
  const doc = run('Councillor Dana Whitlock voted against the lease. Inspector Ravi Osei found no fault. Whitlock left early.');
  const rows = doc.summaries.actors!.rows;
  const whitlock = rows.find((r) => r[0] === 'Dana Whitlock');
  assert.ok(whitlock, JSON.stringify(rows.map((r) => r[0])));
  assert.equal(whitlock[2], 2);
  assert.ok(rows.some((r) => r[0] === 'Ravi Osei'), JSON.stringify(rows.map((r) => r[0])));
});

test('the actors summary has one row per actor with every name used', () => {
  const doc = run('General Ivo Marsh spoke. Marsh said the Zionist entity was to blame. Israel denied it. General Marsh left.');
  const actors = doc.summaries.actors!;
  assert.equal(actors.source, 'mentions');
  const marsh = actors.rows.find((r) => r[0] === 'Ivo Marsh')!;
  assert.equal(marsh[2], 3);
  assert.match(String(marsh[3]), /General Ivo Marsh.*Marsh|Marsh.*General Ivo Marsh/u);
  const israel = actors.rows.find((r) => r[0] === 'Israel')!;
  assert.match(String(israel[3]), /Zionist entity \(pejorative\)/u);
  assert.match(String(israel[3]), /Israel \(neutral\)/u);
  assert.ok((israel[4] as number) < 0);
  assert.equal(actors.columns.length, actors.rows[0]!.length);
});

test('options are validated when the analyser is built', () => {
  assert.throws(() => mentionsAnalyser({ colour: 1 } as never), MarginaliaError);
  assert.throws(() => mentionsAnalyser({ regions: ['sidebar'] }), /regions/u);
  assert.throws(() => mentionsAnalyser({ maxActors: 0 }), /maxActors/u);
  assert.throws(() => mentionsAnalyser({ emitOther: 'no' as never }), /emitOther/u);
  const quiet = runPipeline(buildPipeline([segmentsAnalyser(), structureAnalyser(), mentionsAnalyser({ emitOther: false })]), { text: 'The fictional Zorblat rose.', meta: emptyMeta() });
  assert.ok(quiet.annotations.every((a) => a.kind !== 'mention' || a.label !== 'other'));
});

test('the tokeniser splits possessives and keeps names with particles whole', () => {
  const text = 'Iran’s al-Quds U.S. officials';
  const tokens = tokenise(text, 0, text.length);
  assert.deepEqual(tokens.map((t) => t.key), ['iran', 'al-quds', 'u.s', '.', 'officials']);
  assert.equal(tokens[0]!.isPossessive, true);
  assert.equal(tokens[1]!.isCapitalised, true);
});

test('hostile input: linear time, spans inside the text, no crash', () => {
  const N = 50_000;
  for (const text of ['A '.repeat(N), 'Al-'.repeat(N / 3), 'General '.repeat(N / 8), '(IRGC) '.repeat(N / 7), 'Zionist '.repeat(N / 8), 'He was cruel. '.repeat(N / 14), 'Port Castle '.repeat(N / 12), 'the Board board '.repeat(N / 16), '’s'.repeat(N / 2), 'the of the of '.repeat(N / 14), `The board met. ${'Former '.repeat(N / 7)}Ana Ruiz said so.`, `The board met. ${'Deputy Foreign '.repeat(N / 15)}Ana Ruiz said so.`, 'Robert S. '.repeat(N / 10), 'Abuser Keith '.repeat(N / 13), 'X'.repeat(N)]) {
    const started = performance.now();
    const doc = run(text);
    const ms = performance.now() - started;
    assert.ok(ms < timeBudget(2000), `${text.slice(0, 12)}… took ${ms.toFixed(0)} ms`);
    for (const a of doc.annotations) assert.equal(text.slice(a.span.start, a.span.end), a.text);
    assert.ok(!doc.diagnostics.some((d) => d.code === 'W_ANALYSER_FAILED'), JSON.stringify(doc.diagnostics));
  }
});
