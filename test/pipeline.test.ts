import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildPipeline, runPipeline, subPipeline, type Analyser } from '../src/core/pipeline.js';
import { MarginaliaError } from '../src/core/errors.js';
import { emptyMeta } from '../src/ingest/types.js';

const fake = (id: string, needs: string[], produces: string[], log: string[] = []): Analyser => ({
  id,
  version: '1',
  needs,
  produces,
  analyse(doc, ctx) {
    log.push(id);
    if (id === 'boom') throw new Error('kaboom');
    ctx.emit({ kind: 'region', span: { start: 0, end: Math.min(4, doc.text.length) }, label: 'body', confidence: 0.5, ruleId: id, note: 'test' });
  },
});

const codeOf = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (error) {
    return error instanceof MarginaliaError ? error.code : 'other';
  }
  return undefined;
};

describe('buildPipeline', () => {
  it('orders analysers by needs, whatever order they were given in', () => {
    const a = fake('a', ['x'], ['y']);
    const b = fake('b', [], ['x']);
    const c = fake('c', ['y', 'x'], []);
    for (const order of [[a, b, c], [c, b, a], [b, c, a]]) {
      assert.deepEqual(buildPipeline(order).analysers.map((s) => s.id), ['b', 'a', 'c']);
    }
  });
  it('rejects an unmet need, naming it', () => {
    assert.throws(() => buildPipeline([fake('a', ['nothing'], [])]), /needs "nothing"/);
    assert.equal(codeOf(() => buildPipeline([fake('a', ['nothing'], [])])), 'E_PIPELINE');
  });
  it('accepts a need that ingest provides', () => {
    assert.equal(buildPipeline([fake('a', ['html-regions'], [])], ['html-regions']).analysers.length, 1);
  });
  it('runs an analyser after what it uses, and without it when it is absent', () => {
    const user: Analyser = { ...fake('a-user', [], []), uses: ['x'] };
    assert.deepEqual(buildPipeline([user, fake('z-producer', [], ['x'])]).analysers.map((s) => s.id), ['z-producer', 'a-user']);
    assert.deepEqual(buildPipeline([user]).analysers.map((s) => s.id), ['a-user']);
  });
  it('cuts out the part that produces given capabilities', () => {
    const full = buildPipeline([fake('seg', [], ['s']), fake('reg', ['s'], ['r']), fake('quo', ['s', 'r'], ['q']), fake('other', [], ['o'])]);
    assert.deepEqual(subPipeline(full, ['r']).analysers.map((a) => a.id), ['seg', 'reg']);
    assert.deepEqual(subPipeline(full, ['q']).analysers.map((a) => a.id), ['seg', 'reg', 'quo']);
    assert.deepEqual(subPipeline(full, ['nothing']).analysers, []);
  });
  it('rejects duplicates and cycles', () => {
    assert.equal(codeOf(() => buildPipeline([fake('a', [], []), fake('a', [], [])])), 'E_PIPELINE');
    assert.throws(() => buildPipeline([fake('a', ['y'], ['x']), fake('b', ['x'], ['y'])]), /cycle: .*→/);
  });
});

describe('runPipeline', () => {
  it('keeps going when an analyser fails, with a diagnostic', () => {
    const log: string[] = [];
    const pipeline = buildPipeline([fake('boom', [], []), fake('ok', [], [], log)]);
    const doc = runPipeline(pipeline, { text: 'Some text.', meta: emptyMeta() });
    assert.deepEqual(log, ['ok']);
    assert.equal(doc.diagnostics[0]?.code, 'W_ANALYSER_FAILED');
    assert.match(doc.diagnostics[0]?.message ?? '', /boom.*kaboom/);
    assert.equal(doc.annotations.length, 1);
  });
  it('collects summaries with their source analyser', () => {
    const summariser: Analyser = {
      ...fake('tables', [], []),
      analyse: (_doc, ctx) => ctx.summarise('speakers', { title: 'Speakers', columns: ['speaker'], rows: [['Ana']], note: 'who' }),
    };
    const doc = runPipeline(buildPipeline([summariser]), { text: 'x', meta: emptyMeta() });
    assert.deepEqual(doc.summaries, { speakers: { title: 'Speakers', columns: ['speaker'], rows: [['Ana']], note: 'who', source: 'tables' } });
  });
  it('rejects spans outside the text', () => {
    const bad: Analyser = { ...fake('bad', [], []), analyse: (_doc, ctx) => void ctx.emit({ kind: 'region', span: { start: 2, end: 99 }, label: 'body', confidence: 1, ruleId: 'r', note: 'n' }) };
    const doc = runPipeline(buildPipeline([bad]), { text: 'short', meta: emptyMeta() });
    assert.equal(doc.annotations.length, 0);
    assert.match(doc.diagnostics[0]?.message ?? '', /outside the text/);
  });
  it('derives stable ids and the sha256 document id', () => {
    const pipeline = buildPipeline([fake('a', [], [])]);
    const one = runPipeline(pipeline, { text: 'abc', meta: emptyMeta() });
    const two = runPipeline(pipeline, { text: 'abc', meta: emptyMeta() });
    assert.equal(one.id, 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    assert.deepEqual(one.annotations.map((a) => a.id), two.annotations.map((a) => a.id));
  });
});
