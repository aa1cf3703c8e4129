// Unit tests of the report helpers: segmentation at span boundaries, escaping, layers.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  collapseWhitespace,
  escapeHtml,
  escapeMarkdown,
  jsonForHtml,
  sanitizeTerminal,
  truncate,
} from '../src/report/escape.js';
import { isHighlighted, layerKey, layerStyle } from '../src/report/layers.js';
import { segmentText } from '../src/report/segments.js';
import type { Annotation, Span } from '../src/core/types.js';

const s = (start: number, end: number): Span => ({ start, end });

describe('segmentText', () => {
  const cases: { name: string; length: number; spans: Span[]; expected: [number, number, number[]][] }[] = [
    { name: 'no spans (ok: one uncovered segment)', length: 5, spans: [], expected: [[0, 5, []]] },
    { name: 'empty text (ok: nothing)', length: 0, spans: [], expected: [] },
    { name: 'one span in the middle', length: 10, spans: [s(2, 5)], expected: [[0, 2, []], [2, 5, [0]], [5, 10, []]] },
    {
      name: 'nested: outer first whatever the input order',
      length: 10,
      spans: [s(3, 5), s(0, 10)],
      expected: [[0, 3, [1]], [3, 5, [1, 0]], [5, 10, [1]]],
    },
    {
      name: 'overlapping',
      length: 8,
      spans: [s(0, 5), s(3, 8)],
      expected: [[0, 3, [0]], [3, 5, [0, 1]], [5, 8, [1]]],
    },
    { name: 'adjacent', length: 4, spans: [s(0, 2), s(2, 4)], expected: [[0, 2, [0]], [2, 4, [1]]] },
    { name: 'identical spans keep input order', length: 3, spans: [s(0, 3), s(0, 3)], expected: [[0, 3, [0, 1]]] },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const got = segmentText(c.length, c.spans).map((g) => [g.start, g.end, [...g.cover]]);
      assert.deepEqual(got, c.expected);
    });
  }

  it('opens and closes every span exactly once, in nesting order', () => {
    const segments = segmentText(10, [s(0, 10), s(2, 6), s(2, 4)]);
    assert.deepEqual(segments.flatMap((g) => g.opens), [0, 1, 2]);
    assert.deepEqual(segments.flatMap((g) => g.closes), [2, 1, 0]);
  });

  it('property: segments tile the text and each span is exactly the union of its segments', () => {
    const arb = fc
      .integer({ min: 1, max: 60 })
      .chain((length) =>
        fc.tuple(
          fc.constant(length),
          fc.array(
            fc.tuple(fc.integer({ min: 0, max: length - 1 }), fc.integer({ min: 1, max: length })).filter(([a, b]) => a < b),
            { maxLength: 12 },
          ),
        ),
      );
    fc.assert(
      fc.property(arb, ([length, pairs]) => {
        const spans = pairs.map(([a, b]) => s(a, b));
        const segments = segmentText(length, spans);
        let at = 0;
        for (const g of segments) {
          assert.equal(g.start, at);
          assert.ok(g.end > g.start);
          at = g.end;
        }
        assert.equal(at, length);
        spans.forEach((span, index) => {
          const covered = segments.filter((g) => g.cover.includes(index));
          assert.equal(covered[0]?.start, span.start);
          assert.equal(covered.at(-1)?.end, span.end);
          assert.equal(covered.reduce((n, g) => n + g.end - g.start, 0), span.end - span.start);
        });
      }),
    );
  });
});

describe('escaping', () => {
  it('escapeHtml escapes all five specials and leaves plain text alone', () => {
    assert.equal(escapeHtml(`<a href="x" onclick='y'>&</a>`), '&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
    assert.equal(escapeHtml('Plain text, 7-2 vote.'), 'Plain text, 7-2 vote.');
  });

  it('jsonForHtml cannot close a script element and still parses back', () => {
    const value = { note: '</script><script>alert(1)</script><!-- & \u2028' };
    const json = jsonForHtml(value);
    assert.ok(!json.includes('<') && !json.includes('>') && !json.includes('&'));
    assert.deepEqual(JSON.parse(json), value);
  });

  const markdown: [string, string][] = [
    ['Plain sentence, nothing to escape.', 'Plain sentence, nothing to escape.'],
    ['*bold* and _it_ and `code`', '\\*bold\\* and \\_it\\_ and \\`code\\`'],
    ['[link](javascript:x) <b>', '\\[link\\](javascript:x) \\<b\\>'],
    ['# heading\n- item\n1. first\n> quote', '\\# heading\n\\- item\n1\\. first\n\\> quote'],
    ['a - b and 7.5 and #tag', 'a - b and 7.5 and \\#tag'],
    ['    indented code', 'indented code'],
    ['a | b', 'a \\| b'],
  ];
  for (const [input, expected] of markdown) {
    it(`escapeMarkdown ${JSON.stringify(input)}`, () => assert.equal(escapeMarkdown(input), expected));
  }

  it('sanitizeTerminal removes escapes and bidi overrides but keeps newlines, tabs and text', () => {
    assert.equal(sanitizeTerminal('a\u001b[31mb\u0007c\u009b\u202Ed'), 'a\uFFFD[31mb\uFFFDc\uFFFD\uFFFDd');
    assert.equal(sanitizeTerminal('line one\n\tline two — ünïcode'), 'line one\n\tline two — ünïcode');
  });

  it('truncate never splits a surrogate pair', () => {
    assert.equal(truncate('ab😀cd', 4), 'ab…');
    assert.equal(truncate('short', 10), 'short');
  });

  it('collapseWhitespace flattens newlines and runs of blanks', () => {
    assert.equal(collapseWhitespace('  a\n\n b\t c  '), 'a b c');
  });
});

describe('layers', () => {
  const annotation = (kind: Annotation['kind'], label: string, start = 0, end = 3): Annotation => ({
    id: 'x',
    kind,
    label,
    span: { start, end },
    text: '',
    confidence: 1,
    data: {},
    source: 't',
    ruleId: 'r',
    note: '',
  });

  it('regions and techniques get a layer per label, other kinds one per kind', () => {
    assert.equal(layerKey(annotation('region', 'embed')), 'region:embed');
    assert.equal(layerKey(annotation('technique', 'Slogans')), 'technique:Slogans');
    assert.notEqual(layerStyle('technique:Slogans').color, layerStyle('technique:Doubt').color, 'a colour per technique');
  });

  it('structural kinds, empty and out-of-range spans are not highlighted', () => {
    assert.equal(isHighlighted(annotation('quote', 'direct'), 10), true);
    assert.equal(isHighlighted(annotation('sentence', 'sentence'), 10), false);
    assert.equal(isHighlighted(annotation('paragraph', 'paragraph'), 10), false);
    assert.equal(isHighlighted(annotation('quote', 'direct', 2, 2), 10), false);
    assert.equal(isHighlighted(annotation('quote', 'direct', 5, 11), 10), false);
  });

  it('unknown kinds and labels get a stable style without code changes', () => {
    const style = layerStyle('region:sidebar');
    assert.equal(style.treatment, 'tint');
    assert.match(style.color, /^#[0-9a-f]{6}$/);
    assert.deepEqual(layerStyle('region:sidebar'), style);
    assert.equal(layerStyle('fallacy').treatment, 'underline');
  });
});
