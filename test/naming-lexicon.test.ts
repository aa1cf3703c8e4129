/**
 * The naming lexicon: shape and size, symmetry (every side of every conflict has pejoratives for
 * the other side and honorific or partisan terms for its own), mirrors (every loaded term names
 * the other side's counterpart, and the analyser flags both in their example sentences), and the
 * generated docs and gazetteer kept up to date.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { checkLexicon, expandPattern, LEXICON_ENTRIES, LEXICON_FILES } from '../src/analysers/mentions/lexicon.js';
import { mentionsAnalyser } from '../src/analysers/mentions/index.js';
import { segmentsAnalyser } from '../src/analysers/segments/index.js';
import { structureAnalyser } from '../src/analysers/structure/index.js';
import { MarginaliaError } from '../src/core/errors.js';
import { buildPipeline, runPipeline } from '../src/core/pipeline.js';
import type { Annotation } from '../src/core/types.js';
import { emptyMeta } from '../src/ingest/types.js';
import { buildGazetteer, renderLexiconDoc } from '../scripts/generate-lexicon-docs.js';

const pipeline = buildPipeline([segmentsAnalyser(), structureAnalyser(), mentionsAnalyser()]);

function mentionsOf(text: string): Annotation[] {
  return runPipeline(pipeline, { text, meta: emptyMeta() }).annotations.filter((a) => a.kind === 'mention');
}

const byId = new Map(LEXICON_ENTRIES.map((e) => [e.id, e]));

test('the lexicon has at least 150 entries over at least 10 conflicts and debates', () => {
  assert.ok(LEXICON_ENTRIES.length >= 150, `${LEXICON_ENTRIES.length} entries`);
  assert.ok(LEXICON_FILES.length >= 10, `${LEXICON_FILES.length} files`);
  for (const file of LEXICON_FILES) assert.ok(file.entries.length >= 8, `${file.id} has ${file.entries.length} entries`);
});

test('every entry has an id with its file prefix, a note, a source and an example that uses a fictional setting', () => {
  for (const file of LEXICON_FILES) {
    const prefix = file.entries[0]!.id.split('-')[0]!;
    for (const e of file.entries) {
      assert.ok(e.id.startsWith(`${prefix}-`), `${e.id} in ${file.id}`);
      assert.match(e.id, /^[a-z]+(?:-[a-z0-9]+)+$/u);
      assert.ok(e.note.length >= 15 && e.source.length >= 10, e.id);
      assert.match(e.example, /fictional/u, `${e.id}: examples say they are fictional`);
    }
  }
});

test('symmetry: each side has pejoratives for another side and honorific or partisan terms for its own', () => {
  for (const file of LEXICON_FILES) {
    const sides = Object.keys(file.sides).filter((side) => side !== 'neutral');
    assert.ok(sides.length >= 2, `${file.id} has two sides`);
    for (const side of sides) {
      const pejorative = file.entries.filter((e) => e.usedBy === side && e.connotation === 'pejorative' && e.about !== side);
      const self = file.entries.filter((e) => e.usedBy === side && (e.connotation === 'honorific' || e.connotation === 'partisan') && e.about === side);
      assert.ok(pejorative.length >= 1, `${file.id}: side ${side} has no pejorative for the other side`);
      assert.ok(self.length >= 1, `${file.id}: side ${side} has no honorific or partisan term for itself`);
    }
  }
});

test('every loaded term names a mirror used by another side', () => {
  for (const e of LEXICON_ENTRIES) {
    if (e.connotation === 'neutral') continue;
    assert.ok(e.mirror, `${e.id} is ${e.connotation} but has no mirror`);
    const mirror = byId.get(e.mirror)!;
    assert.notEqual(mirror.usedBy, e.usedBy, `${e.id} and its mirror ${mirror.id} are used by the same side`);
    assert.equal(mirror.conflict, e.conflict, `${e.id} and its mirror ${mirror.id} are in one file`);
  }
});

test('the analyser flags every entry in its example sentence, with the entry connotation', () => {
  const missed: string[] = [];
  for (const e of LEXICON_ENTRIES) {
    const hit = mentionsOf(e.example).find((m) => m.data.lexiconId === e.id);
    if (!hit) missed.push(`${e.id}: ${e.example}`);
    else assert.equal(hit.data.connotation, e.connotation, e.id);
  }
  assert.deepEqual(missed, []);
});

test('for every loaded term, the mirror is flagged too, with the other side', () => {
  for (const e of LEXICON_ENTRIES.filter((x) => x.connotation !== 'neutral')) {
    const mirror = byId.get(e.mirror!)!;
    const hit = mentionsOf(mirror.example).find((m) => m.data.lexiconId === mirror.id);
    assert.ok(hit, `mirror ${mirror.id} of ${e.id} not flagged`);
    assert.equal(hit.data.side, mirror.usedBy);
    assert.notEqual(hit.data.side, e.usedBy);
  }
});

test('ok cases: ordinary sentences with look-alike words flag no loaded term', () => {
  const ok = [
    'The fictional potter fired the kiln and the regime of daily practice paid off.',
    'The fictional council approved a new bus lane on the Coastal Road.',
    'A fictional Ulster Unionist Party councillor opened the fete.',
    'The fictional novel follows a bishop who reads the Isis river charts.',
    'She said the invasion of the garden by weeds was her own fault.',
  ];
  for (const text of ok) {
    const loaded = mentionsOf(text).filter((m) => m.data.connotation === 'pejorative' || m.data.connotation === 'honorific');
    assert.deepEqual(loaded.map((m) => `${m.data.lexiconId}: ${m.text}`), [], text);
  }
});

test('patterns expand alternatives, optional words and spaced choices', () => {
  const cases: [string, string[]][] = [
    ['zionist entity', ['zionist entity']],
    ['zionist military? (interlopers|invaders)', ['zionist interlopers', 'zionist invaders', 'zionist military interlopers', 'zionist military invaders']],
    ['(abortion-rights|abortion_rights)', ['abortion-rights', 'abortion_rights']],
    ['(a|b)? c', ['c', 'a c', 'b c']],
  ];
  for (const [pattern, phrases] of cases) assert.deepEqual(expandPattern(pattern).sort(), phrases.sort(), pattern);
  assert.throws(() => expandPattern('(a|b|c|d) (a|b|c|d) (a|b|c|d) (a|b|c|d) (a|b|c|d)'), MarginaliaError);
});

test('a malformed lexicon file fails loudly, naming the entry', () => {
  const good = { id: 'x', title: 'X', note: 'n', sides: { a: 'A', b: 'B' }, entries: [] as object[] };
  const entry = { id: 'x-one', referent: 'R', type: 'group', term: 't', connotation: 'neutral', usedBy: 'a', about: 'b', note: 'n', source: 's', example: 'e' };
  assert.doesNotThrow(() => checkLexicon([{ ...good, entries: [entry] }]));
  const bad: [object, RegExp][] = [
    [{ ...entry, connotation: 'rude' }, /x-one.*connotation/u],
    [{ ...entry, usedBy: 'c' }, /x-one.*usedBy/u],
    [{ ...entry, note: '' }, /x-one.*no note/u],
    [{ ...entry, mirror: 'x-none' }, /x-one.*mirror/u],
    [{ ...entry, type: 'thing' }, /x-one.*type/u],
  ];
  for (const [raw, message] of bad) assert.throws(() => checkLexicon([{ ...good, entries: [raw] }]), message);
  assert.throws(() => checkLexicon([{ ...good, entries: [entry, entry] }]), /duplicate/u);
});

test('docs/naming-lexicon.md is generated from the lexicon and up to date', () => {
  const doc = readFileSync(new URL('../docs/naming-lexicon.md', import.meta.url), 'utf8');
  assert.equal(doc, renderLexiconDoc(), 'run npx tsx scripts/generate-lexicon-docs.ts');
  for (const e of LEXICON_ENTRIES) assert.ok(doc.includes(`\`${e.id}\``), e.id);
});

test('gazetteer.json is generated from world-countries and up to date', () => {
  const committed = JSON.parse(readFileSync(new URL('../src/analysers/mentions/gazetteer.json', import.meta.url), 'utf8')) as unknown;
  assert.deepEqual(committed, buildGazetteer(), 'run npx tsx scripts/generate-lexicon-docs.ts');
});

test('the analyser readme lists every lexicon file and every word list', async () => {
  const readme = readFileSync(new URL('../src/analysers/mentions/readme.md', import.meta.url), 'utf8');
  for (const file of LEXICON_FILES) assert.ok(readme.includes(`\`${file.id}\``), `readme.md does not list lexicon/${file.id}.json`);
  const lists = (await import('../src/analysers/mentions/word-lists.json', { with: { type: 'json' } })).default as Record<string, unknown>;
  for (const key of Object.keys(lists)) if (key !== 'note') assert.ok(readme.includes(key), `readme.md does not list word list ${key}`);
});
