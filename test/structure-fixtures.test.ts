/**
 * Golden fixtures of the structure analyser: every fixtures/NAME.txt is run through
 * [segments, structure] and its regions are compared, in order, with fixtures/NAME.expected.json.
 * ok-* fixtures are false-positive guards: they must come out as one body region.
 */
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { segmentsAnalyser } from '../src/analysers/segments/index.js';
import { structureAnalyser } from '../src/analysers/structure/index.js';
import { buildPipeline, runPipeline } from '../src/core/pipeline.js';
import type { Annotation } from '../src/core/types.js';
import { emptyMeta } from '../src/ingest/types.js';

interface ExpectedRegion {
  label: string;
  startsWith: string;
  endsWith?: string;
  lines?: number;
  platform?: string;
  handle?: string | null;
  date?: string | null;
}

const dir = fileURLToPath(new URL('../src/analysers/structure/fixtures/', import.meta.url));
const names = readdirSync(dir)
  .filter((file) => file.endsWith('.txt'))
  .map((file) => file.slice(0, -4))
  .sort();
const pipeline = buildPipeline([segmentsAnalyser(), structureAnalyser()]);

function regionsOf(text: string): Annotation[] {
  return runPipeline(pipeline, { text, meta: emptyMeta() }).annotations.filter((a) => a.kind === 'region');
}

function lineCount(text: string): number {
  return text.split(/\r\n|\r|\n/u).filter((line) => line.trim().length > 0).length;
}

test('there are fixtures, with both ok and not-ok cases', () => {
  assert.ok(names.filter((name) => name.startsWith('ok-')).length >= 3);
  assert.ok(names.filter((name) => !name.startsWith('ok-')).length >= 6);
});

for (const name of names) {
  test(`fixture ${name}`, () => {
    const text = readFileSync(`${dir}${name}.txt`, 'utf8');
    const expected = JSON.parse(readFileSync(`${dir}${name}.expected.json`, 'utf8')) as { regions: ExpectedRegion[] };
    const regions = regionsOf(text);
    const summary = regions.map((r) => `${r.label}: ${r.text.slice(0, 40)}`).join('\n');
    assert.equal(regions.length, expected.regions.length, `region count differs; got:\n${summary}`);
    if (name.startsWith('ok-')) assert.deepEqual(regions.map((r) => r.label), ['body']);
    expected.regions.forEach((want, i) => {
      const got = regions[i]!;
      const where = `${name} region ${i} (${want.label} "${want.startsWith}")`;
      assert.equal(got.label, want.label, `${where}: label; got:\n${summary}`);
      assert.ok(got.text.startsWith(want.startsWith), `${where}: starts with "${got.text.slice(0, 50)}"`);
      if (want.endsWith !== undefined) assert.ok(got.text.endsWith(want.endsWith), `${where}: ends with "${got.text.slice(-50)}"`);
      if (want.lines !== undefined) assert.equal(lineCount(got.text), want.lines, `${where}: line count`);
      if (want.platform !== undefined) assert.equal(got.data.platform, want.platform, `${where}: platform`);
      if (want.handle !== undefined) assert.equal(got.data.handle, want.handle, `${where}: handle`);
      if (want.date !== undefined) assert.equal(got.data.date, want.date, `${where}: date`);
      assert.equal(text.slice(got.span.start, got.span.end), got.text, `${where}: span equals text slice`);
      assert.ok(got.confidence > 0 && got.confidence <= 1, `${where}: confidence in 0..1`);
      assert.ok(got.ruleId.length > 0 && got.note.length > 0, `${where}: ruleId and note`);
    });
  });
}

test('fixtures: every non-blank line is in exactly one region, in order, without overlap', () => {
  for (const name of names) {
    const text = readFileSync(`${dir}${name}.txt`, 'utf8');
    const regions = regionsOf(text);
    for (let i = 1; i < regions.length; i++) {
      assert.ok(regions[i - 1]!.span.end <= regions[i]!.span.start, `${name}: regions ${i - 1} and ${i} overlap`);
    }
    const covered = regions.reduce((sum, r) => sum + lineCount(r.text), 0);
    assert.equal(covered, lineCount(text), `${name}: every line in a region`);
  }
});
