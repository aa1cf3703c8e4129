// Unit tests of the json, jsonl, w3c, text and md renderers and of renderReport / renderSummary.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MarginaliaError } from '../src/core/errors.js';
import type { MarginaliaDocument } from '../src/core/types.js';
import { REPORT_FORMATS, renderReport, renderSummary, type ReportFormat } from '../src/report/index.js';
import { makeSampleDocument } from '../src/report/sample-document.js';

const plain = makeSampleDocument();
const hostile = makeSampleDocument({ hostile: true });
const minimal: MarginaliaDocument = {
  schema: 'marginalia/1',
  id: '0'.repeat(64),
  text: 'Just a line.',
  meta: { title: null, authors: [], publisher: null, url: null, publishedTime: null, lang: null },
  genre: null,
  annotations: [],
  summaries: {},
  diagnostics: [],
};

describe('renderReport', () => {
  for (const format of REPORT_FORMATS) {
    it(`${format}: deterministic, newline-terminated, copes with a bare document`, () => {
      const once = renderReport(format, [plain, hostile], { title: 'Two' });
      assert.equal(renderReport(format, [plain, hostile], { title: 'Two' }), once);
      assert.ok(once.endsWith('\n'));
      assert.ok(renderReport(format, [minimal]).length > 0);
    });
  }

  it('rejects an unknown format with E_BAD_OPTION_VALUE naming it', () => {
    assert.throws(
      () => renderReport('pdf' as ReportFormat, [plain]),
      (error: unknown) => error instanceof MarginaliaError && error.code === 'E_BAD_OPTION_VALUE' && error.message.includes('"pdf"'),
    );
  });
});

describe('json and jsonl', () => {
  it('json: one document is the document, pretty-printed; several are an array', () => {
    const one = renderReport('json', [plain]);
    assert.deepEqual(JSON.parse(one), plain);
    assert.match(one, /^\{\n {2}"schema": "marginalia\/1"/);
    assert.deepEqual(JSON.parse(renderReport('json', [plain, minimal])), [plain, minimal]);
  });

  it('jsonl: one compact line per document, in order', () => {
    const out = renderReport('jsonl', [plain, minimal, hostile]);
    const lines = out.split('\n');
    assert.equal(lines.pop(), '');
    assert.equal(lines.length, 3);
    assert.deepEqual(lines.map((line) => JSON.parse(line).id), [plain.id, minimal.id, hostile.id]);
  });

  it('jsonl: U+2028 in the text does not split a line', () => {
    const doc = { ...minimal, text: 'a\u2028b\u2029c' };
    const out = renderReport('jsonl', [doc]);
    assert.equal(out.split(/\n|\u2028|\u2029/).length, 2);
    assert.equal(JSON.parse(out).text, doc.text);
  });
});

describe('w3c', () => {
  const collection = JSON.parse(renderReport('w3c', [hostile]));
  const items: {
    type: string;
    body: { purpose: string; value: string }[];
    target: { source: string; selector: { type: string; start?: number; end?: number; exact?: string; prefix?: string; suffix?: string }[] };
  }[] = collection.first.items;

  it('is an AnnotationCollection in the Web Annotation context, without timestamps', () => {
    assert.equal(collection['@context'], 'http://www.w3.org/ns/anno.jsonld');
    assert.equal(collection.type, 'AnnotationCollection');
    assert.equal(collection.total, items.length);
    assert.ok(!JSON.stringify(collection).includes('"created"'));
  });

  it('leaves out paragraphs and sentences, keeps everything else', () => {
    const expected = hostile.annotations.filter((a) => a.kind !== 'paragraph' && a.kind !== 'sentence').length;
    assert.equal(items.length, expected);
    assert.ok(items.every((item) => item.type === 'Annotation'));
    assert.ok(!items.some((item) => item.body.some((b) => /^(paragraph|sentence):/.test(b.value))));
  });

  it('selectors agree with the text: exact is the slice, prefix and suffix are ≤ 32 chars around it', () => {
    for (const item of items) {
      const [position, quote] = item.target.selector;
      assert.equal(position?.type, 'TextPositionSelector');
      assert.equal(quote?.type, 'TextQuoteSelector');
      const { start, end } = position as { start: number; end: number };
      assert.equal(quote?.exact, hostile.text.slice(start, end));
      assert.ok((quote?.prefix ?? '').length <= 32 && (quote?.suffix ?? '').length <= 32);
      assert.ok(hostile.text.slice(0, start).endsWith(quote?.prefix ?? '!'));
      assert.ok(hostile.text.slice(end).startsWith(quote?.suffix ?? '!'));
    }
  });

  it('targets the http URL, never a javascript: URL (falls back to the source path)', () => {
    assert.ok(items.every((item) => item.target.source === 'samples/harbour-pier.txt'));
    const fromPlain = JSON.parse(renderReport('w3c', [plain]));
    assert.equal(fromPlain.first.items[0].target.source, 'https://ledger.example/pier');
    assert.match(JSON.parse(renderReport('w3c', [minimal])).id, /^urn:sha256:0{64}/);
  });

  it('tags with the kind and label and comments with the note', () => {
    const embed = items.find((item) => item.body.some((b) => b.purpose === 'tagging' && b.value === 'region:embed'));
    assert.ok(embed);
    assert.match(embed.body.find((b) => b.purpose === 'commenting')?.value ?? '', /^Embedded post .*\(x @wrenfortown 2025-03-02\)$/);
  });
});

describe('text', () => {
  it('plain: summary, then the article with region and finding markers, body unmarked', () => {
    const out = renderReport('text', [plain]);
    assert.match(out, /^Harbour Council Votes to Rebuild the Old Pier\n/);
    assert.match(out, /regions: headline 1, byline 1, body 1, embed 1, bio 1/);
    assert.ok(out.includes('[embed: x @wrenfortown 2025-03-02]@wrenfortown on X'));
    assert.ok(out.includes('Bring a coat.[/embed]'));
    assert.ok(out.includes('[quote: direct Tobias Wren]We cannot keep'));
    assert.ok(!out.includes('[body') && !out.includes('[paragraph') && !out.includes('[sentence'));
    assert.ok(!out.includes('\u001b'));
  });

  it('colour: ANSI styles, no markers, and the article cannot inject its own escapes', () => {
    const out = renderReport('text', [hostile], { color: true });
    assert.ok(out.includes('\u001b[48;5;218;30m@wrenfortown'));
    assert.ok(!out.includes('[/embed]'));
    assert.ok(!out.includes('\u001b[31m'), 'the escape in the article text is neutralised');
    assert.ok(out.includes('\uFFFD[31m'));
  });

  it('renderSummary: a few lines with counts and diagnostics', () => {
    const out = renderSummary(plain);
    const lines = out.trimEnd().split('\n');
    assert.ok(lines.length >= 5 && lines.length <= 9, `got ${lines.length} lines`);
    assert.match(out, /genre reporting \(0\.81\)/);
    assert.match(out, /annotations: paragraph 2, sentence 1, quote 1, scare-quote 1, mention 1, claim 1, technique 1/);
    assert.match(out, /diagnostics: 1 warning\n {4}W_LONG_LINE \(structure\): A long line\./);
    assert.match(renderSummary(minimal), /Document 000000000000\n[\s\S]*genre unknown[\s\S]*diagnostics: none/);
  });
});

describe('md', () => {
  const out = renderReport('md', [hostile]);

  it('has the title, metadata, summary, regions, findings, article and diagnostics sections', () => {
    assert.match(out, /^# Harbour Council Votes to Rebuild the Old Pier \\<script\\>/);
    for (const heading of ['## Summary', '## Regions', '## Findings', '## Article', '## Diagnostics']) {
      assert.ok(out.includes(`\n${heading}\n`), heading);
    }
    assert.ok(out.includes('| Publisher | The Harbour Ledger |'));
    assert.ok(out.includes('**⟦embed: x @wrenfortown 2025-03-02⟧** @wrenfortown on X'));
  });

  it('escapes article content: no raw tags, emphasis or table breaks from the text', () => {
    assert.ok(!/(?<!\\)</.test(out), 'every < is backslash-escaped');
    assert.ok(!out.includes('\u001b'), 'no terminal escapes');
    assert.ok(out.includes('\\*reckless\\* gamble \\<script\\>'));
    const table = out.split('\n').filter((line) => line.startsWith('| embed |'));
    assert.equal(table.length, 1);
    assert.equal((table[0] ?? '').split(/(?<!\\)\|/).length, 7, 'five cells: pipes in content are escaped');
  });

  it('several documents: one report title and a section per document', () => {
    const two = renderReport('md', [plain, minimal], { title: 'Morning batch' });
    assert.match(two, /^# Morning batch\n/);
    assert.equal(two.match(/^## /gm)?.length, 2);
  });
});
