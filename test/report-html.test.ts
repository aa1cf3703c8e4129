// Unit tests of the HTML report: structure, escaping of hostile content, CSP, nested highlights.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { parseHTML } from 'linkedom';
import { makeAnnotation } from '../src/core/annotation.js';
import type { Annotation, MarginaliaDocument } from '../src/core/types.js';
import { cspHash } from '../src/report/html-assets.js';
import { renderReport } from '../src/report/index.js';
import { makeSampleDocument } from '../src/report/sample-document.js';

const hostile = makeSampleDocument({ hostile: true });
const html = renderReport('html', [hostile]);
const { document } = parseHTML(html);

/** Text of an annotation as rendered: its pieces' text, in document order. */
function piecesText(root: ParentNode, prefix: string, index: number): string {
  return Array.from(root.querySelectorAll(`#${prefix} .text [data-a="${index}"]`)).map((el) => el.textContent).join('');
}

describe('html report', () => {
  it('is one page with the title, metadata, legend, article, annotation list and diagnostics', () => {
    assert.match(html, /^<!doctype html>\n<html lang="en">/);
    assert.equal(document.querySelectorAll('article.doc').length, 1);
    assert.equal(document.querySelector('h1')?.textContent, hostile.meta.title);
    assert.ok(document.querySelector('dl.meta')?.textContent?.includes('The Harbour Ledger'));
    const layers = Array.from(document.querySelectorAll('.layers label')).map((el) => el.textContent?.trim());
    assert.deepEqual(layers, ['headline 1', 'byline 1', 'body 1', 'embed 1', 'bio 1', 'quote 1', 'scare-quote 1', 'mention 1', 'claim 1', 'Loaded Language 1']);
    assert.equal(document.querySelectorAll('.list li').length, 10, 'paragraphs and sentences are not listed');
    assert.ok(document.querySelector('.diags')?.textContent?.includes('W_LONG_LINE'));
  });

  it('keeps the article text exactly: the text container reads as the document text', () => {
    assert.equal(document.querySelector('#d0 .text')?.textContent, hostile.text);
  });

  it('renders every highlight as pieces whose text is exactly its span, however they overlap', () => {
    const rows = JSON.parse(document.getElementById('d0-data')?.textContent ?? '[]') as unknown[][];
    const highlighted = hostile.annotations.filter((a) => a.kind !== 'paragraph' && a.kind !== 'sentence');
    assert.equal(rows.length, highlighted.length);
    highlighted.forEach((a, index) => {
      assert.equal(rows[index]?.[3], a.note);
      assert.equal(piecesText(document, 'd0', index), a.text, `${a.kind} ${a.label}`);
    });
  });

  it('makes one focusable element per highlight, described by its list entry', () => {
    const focusable = Array.from(document.querySelectorAll('.text [tabindex="0"]'));
    assert.equal(focusable.length, 10);
    for (const el of focusable) {
      const description = document.getElementById(el.getAttribute('aria-describedby') ?? '');
      assert.ok(description?.textContent?.includes('confidence 0.90'));
    }
  });

  it('escapes hostile content everywhere: no script, handler or javascript: URL from the document', () => {
    const scripts = Array.from(document.querySelectorAll('script'));
    assert.equal(scripts.length, 2, 'only our script and the JSON data block');
    const executable = scripts.filter((el) => !el.hasAttribute('type'));
    assert.equal(executable.length, 1);
    assert.ok(!(executable[0]?.textContent ?? '').includes('__pwned'));
    assert.ok(!html.includes('<script>window.__pwned'));
    assert.ok(!html.includes('<img'));
    assert.ok(!html.includes('</textarea>'));
    assert.ok(!html.includes('<b '));
    assert.ok(!/\son\w+="window/i.test(html), 'no live event-handler attribute');
    assert.ok(!document.querySelector('[href^="javascript:" i]'));
    assert.equal(document.querySelector('html')?.getAttribute('lang'), 'en', 'a malformed lang is dropped');
    const data = document.getElementById('d0-data')?.textContent ?? '';
    assert.ok(!data.includes('</script') && data.includes('\\u003c/script\\u003e'));
  });

  it('makes no external request: strict CSP pinned to the inline style and script hashes', () => {
    const csp = document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '';
    assert.match(csp, /^default-src 'none'; /);
    assert.ok(csp.includes(`style-src ${cspHash(document.querySelector('style')?.textContent ?? '')}`));
    const script = Array.from(document.querySelectorAll('script')).find((el) => !el.hasAttribute('type'));
    assert.ok(csp.includes(`script-src ${cspHash(script?.textContent ?? '')}`));
    assert.equal(document.querySelectorAll('[src], link, iframe, object, embed, img, base').length, 0);
    assert.ok(!/@import|url\(/i.test(document.querySelector('style')?.textContent ?? ''));
    assert.equal(document.querySelectorAll('[style]').length, 0, 'no inline style attributes (the CSP would block them)');
  });

  it('links the article URL only when it is http(s)', () => {
    const plainDoc = parseHTML(renderReport('html', [makeSampleDocument()])).document;
    assert.equal(plainDoc.querySelector('dl.meta a')?.getAttribute('href'), 'https://ledger.example/pier');
    assert.equal(document.querySelector('dl.meta a'), null);
  });

  it('several documents: one page, a section each, unique ids, one shared stylesheet', () => {
    const two = parseHTML(renderReport('html', [hostile, makeSampleDocument()], { title: 'Batch' })).document;
    assert.equal(two.querySelector('h1')?.textContent, 'Batch');
    assert.equal(two.querySelectorAll('article.doc').length, 2);
    assert.equal(two.querySelectorAll('nav.toc li').length, 2);
    const ids = Array.from(two.querySelectorAll('[id]')).map((el) => el.id);
    assert.equal(new Set(ids).size, ids.length);
    assert.equal(two.querySelectorAll('style').length, 1);
  });
});

describe('html highlights, property-based', () => {
  it('any set of spans over any text renders the text exactly and each span as its own slice', () => {
    const arb = fc.string({ unit: fc.constantFrom('a', ' ', '\n', '<', '&', '"', 'é', '😀'), minLength: 1, maxLength: 40 }).chain((text) =>
      fc.tuple(
        fc.constant(text),
        fc.array(fc.tuple(fc.nat({ max: text.length }), fc.nat({ max: text.length }), fc.constantFrom('quote', 'region', 'claim')), {
          maxLength: 8,
        }),
      ),
    );
    fc.assert(
      fc.property(arb, ([text, raw]) => {
        const annotations: Annotation[] = raw
          .filter(([a, b]) => a < b)
          .map(([a, b, kind], i) =>
            makeAnnotation(text, 'prop', { kind: kind as Annotation['kind'], span: { start: a, end: b }, label: 'x', confidence: 1, ruleId: `r${i}`, note: `<n${i}>` }),
          );
        const doc: MarginaliaDocument = { ...hostile, text, annotations };
        const page = parseHTML(renderReport('html', [doc])).document;
        assert.equal(page.querySelector('#d0 .text')?.textContent, text);
        annotations.forEach((a, index) => assert.equal(piecesText(page, 'd0', index), a.text));
      }),
      { numRuns: 60 },
    );
  });
});
