/**
 * Golden fixtures of the mentions analyser: every fixtures/NAME.txt is run through [segments,
 * structure, mentions] and its mentions are compared, in order, with fixtures/NAME.expected.json
 * (term, label, entity, connotation and harm role). Set UPDATE_FIXTURES=1 to rewrite them after a
 * reviewed change.
 */
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { mentionsAnalyser } from '../src/analysers/mentions/index.js';
import { segmentsAnalyser } from '../src/analysers/segments/index.js';
import { structureAnalyser } from '../src/analysers/structure/index.js';
import { buildPipeline, runPipeline } from '../src/core/pipeline.js';
import { emptyMeta } from '../src/ingest/types.js';

const dir = fileURLToPath(new URL('../src/analysers/mentions/fixtures/', import.meta.url));
const names = readdirSync(dir).filter((f) => f.endsWith('.txt')).map((f) => f.slice(0, -4)).sort();
const pipeline = buildPipeline([segmentsAnalyser(), structureAnalyser(), mentionsAnalyser()]);

function summarise(text: string): object[] {
  return runPipeline(pipeline, { text, meta: emptyMeta() })
    .annotations.filter((a) => a.kind === 'mention')
    .map((a) => ({ term: a.data.term, label: a.label, entity: a.data.entity, connotation: a.data.connotation, ...(a.data.role ? { role: a.data.role } : {}) }));
}

test('there are fixtures', () => {
  assert.ok(names.length >= 2);
});

for (const name of names) {
  test(`fixture ${name}`, () => {
    const text = readFileSync(`${dir}${name}.txt`, 'utf8');
    const path = `${dir}${name}.expected.json`;
    const expected = JSON.parse(readFileSync(path, 'utf8')) as { note: string; mentions: object[] };
    const got = summarise(text);
    if (process.env.UPDATE_FIXTURES === '1') writeFileSync(path, `${JSON.stringify({ note: expected.note, mentions: got }, null, 1)}\n`);
    else assert.deepEqual(got, expected.mentions);
  });
}
