/**
 * Golden fixtures of the claims analyser: every src/analysers/claims/fixtures/NAME.txt (fictional
 * articles) is run through [segments, structure, claims] and its claims are compared, in order,
 * with NAME.expected.json (start of the text, type, sourcing, source name). ok-* fixtures are
 * false-positive guards: questions, headlines, bios, disclaimers and pure opinion yield no claim
 * asserted as fact. Regenerate with scripts/generate-claims-fixtures.ts --write, then review.
 */
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { test } from 'node:test';
import { claimsAnalyser } from '../src/analysers/claims/index.js';
import { loadModel } from '../src/analysers/claims/model.js';
import { segmentsAnalyser } from '../src/analysers/segments/index.js';
import { structureAnalyser } from '../src/analysers/structure/index.js';
import { buildPipeline, runPipeline } from '../src/core/pipeline.js';
import type { Annotation } from '../src/core/types.js';
import { emptyMeta } from '../src/ingest/types.js';

interface ExpectedClaim {
  startsWith: string;
  type: string;
  sourcing: string;
  sourceName: string | null;
}

const dir = new URL('../src/analysers/claims/fixtures/', import.meta.url);
const names = readdirSync(dir)
  .filter((file) => file.endsWith('.txt'))
  .map((file) => file.slice(0, -4))
  .sort();
const pipeline = buildPipeline([segmentsAnalyser(), structureAnalyser(), claimsAnalyser()]);
const { threshold } = loadModel();

function claimsOf(text: string): Annotation[] {
  return runPipeline(pipeline, { text, meta: emptyMeta() }).annotations.filter((a) => a.kind === 'claim');
}

test('there are fixtures, with both ok and not-ok cases', () => {
  assert.ok(names.filter((name) => name.startsWith('ok-')).length >= 2);
  assert.ok(names.filter((name) => !name.startsWith('ok-')).length >= 2);
});

for (const name of names) {
  test(`fixture ${name}`, () => {
    const text = readFileSync(new URL(`${name}.txt`, dir), 'utf8');
    const expected = (JSON.parse(readFileSync(new URL(`${name}.expected.json`, dir), 'utf8')) as { claims: ExpectedClaim[] }).claims;
    const claims = claimsOf(text);
    const summary = claims.map((c) => `${c.label}/${String(c.data.sourcing)}: ${c.text.slice(0, 48)}`).join('\n');
    assert.equal(claims.length, expected.length, `claim count differs; got:\n${summary}`);
    if (name.startsWith('ok-')) for (const claim of claims) assert.equal(claim.data.sourcing, 'opinion', `${name}: "${claim.text}" is not opinion`);
    expected.forEach((want, i) => {
      const got = claims[i]!;
      const where = `${name} claim ${i} ("${want.startsWith}")`;
      assert.ok(got.text.startsWith(want.startsWith), `${where}: starts with "${got.text.slice(0, 48)}"`);
      assert.equal(got.label, want.type, `${where}: type`);
      assert.equal(got.data.sourcing, want.sourcing, `${where}: sourcing; ${got.note}`);
      assert.equal(got.data.sourceName, want.sourceName, `${where}: source name`);
      const score = got.data.checkWorthiness as number;
      assert.ok(score >= 0 && score <= 1, `${where}: check-worthiness ${score}`);
      assert.equal(got.data.checkWorthy, score >= threshold, `${where}: checkWorthy against threshold ${threshold}`);
    });
  });
}

test('the model is calibrated: its threshold lies inside (0, 1)', () => {
  assert.ok(threshold > 0.05 && threshold < 0.95, String(threshold));
});
