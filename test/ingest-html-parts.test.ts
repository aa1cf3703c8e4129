import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseLooseDate } from '../src/ingest/html/describe-embed.js';
import { ensureDocumentShell } from '../src/ingest/html/ensure-document-shell.js';
import { cleanTitle, normalizeDate, splitAuthors } from '../src/ingest/html/extract-metadata.js';
import { limitNesting } from '../src/ingest/html/limit-nesting.js';
import { pruneLinkLists } from '../src/ingest/html/prune-link-lists.js';
import { readJsonLd } from '../src/ingest/html/read-json-ld.js';
import type { Block } from '../src/ingest/html/render-blocks.js';

test('limitNesting: deep input is flattened, ordinary input is returned unchanged', () => {
  const cases: Array<{ html: string; limit: number; flattened: boolean; depth: number }> = [
    { html: '<div><div><div>x</div></div></div>', limit: 2, flattened: true, depth: 3 },
    { html: '<div><div><div>x</div></div></div>', limit: 3, flattened: false, depth: 3 },
    // ok cases: tags inside scripts, comments and attribute values, and void or optional-end tags do not count.
    { html: '<div><script>var s = "<div><div><div>";</script></div>', limit: 1, flattened: false, depth: 1 },
    { html: '<div><!-- <div><div><div> --></div>', limit: 1, flattened: false, depth: 1 },
    { html: '<div title="a>b<div>"><p>one<p>two<li>three<br><img src=x></div>', limit: 1, flattened: false, depth: 1 },
    { html: '<DIV><Span>x</SPAN></div>', limit: 2, flattened: false, depth: 2 },
  ];
  for (const { html, limit, flattened, depth } of cases) {
    const result = limitNesting(html, limit);
    assert.equal(result.isFlattened, flattened, html);
    assert.equal(result.maxDepth, depth, html);
    if (!flattened) assert.equal(result.html, html);
  }
  const flat = limitNesting('<b><i><u>deep</u></i></b>', 2).html;
  assert.ok(flat.includes('deep') && !flat.includes('<u>') && !flat.includes('</u>'));
});

test('ensureDocumentShell adds missing <html>/<body> only', () => {
  assert.equal(ensureDocumentShell('<p>x</p>'), '<!DOCTYPE html><html><head></head><body><p>x</p></body></html>');
  assert.equal(ensureDocumentShell('<html><head><title>t</title></head><p>x</p></html>'), '<html><head><title>t</title></head><body><p>x</p></body></html>');
  const whole = '<!doctype html><html><body><p>x</p></body></html>';
  assert.equal(ensureDocumentShell(whole), whole);
});

test('parseLooseDate reads embed dates and rejects non-dates', () => {
  const cases: Array<[string, string | null]> = [
    ['November 5, 2019', '2019-11-05'],
    ['Nov. 5, 2019', '2019-11-05'],
    ['2031-03-28T18:00:00+00:00', '2031-03-28'],
    ['Tuesday, April 1, 2031', '2031-04-01'],
    ['Posted by Someone', null],
    ['Maybe 5, 2019', null],
  ];
  for (const [input, want] of cases) assert.equal(parseLooseDate(input), want, input);
});

test('metadata helpers: titles, authors, dates', () => {
  assert.equal(cleanTitle('Ferry fares rise | The Harbour Ledger', 'The Harbour Ledger'), 'Ferry fares rise');
  assert.equal(cleanTitle('Ferry fares rise', null), 'Ferry fares rise');
  assert.equal(cleanTitle('Q&A - the long interview with the harbour master - Ledger', null), 'the long interview with the harbour master');
  assert.deepEqual(splitAuthors(['By Ann Lee and Bo Chan', 'https://social.example/annlee', 'Ann Lee']), ['Ann Lee', 'Bo Chan']);
  assert.equal(normalizeDate('2031-04-02T09:30:00+01:00'), '2031-04-02T09:30:00+01:00');
  assert.equal(normalizeDate('2031/04/02'), '2031-04-02');
  assert.equal(normalizeDate('not a date'), null);
  assert.equal(normalizeDate(null), null);
});

test('readJsonLd finds the article in arrays and @graph and skips broken blocks', () => {
  const article = readJsonLd([
    '{ broken json',
    JSON.stringify([{ '@type': 'Organization', name: 'Org' }]),
    JSON.stringify({ '@graph': [{ '@type': ['ReportageNewsArticle'], headline: 'H', author: { name: 'A B' }, publisher: 'P', inLanguage: 'cy' }] }),
  ]);
  assert.equal(article?.headline, 'H');
  assert.deepEqual(article?.authors, ['A B']);
  assert.equal(article?.publisher, 'P');
  assert.equal(readJsonLd([JSON.stringify({ '@type': 'WebSite', name: 'Not an article' })]), null);
});

test('pruneLinkLists drops link lines and their lead-in, keeps prose (ok cases)', () => {
  const body = (text: string, linkRatio = 0): Block => ({ text, role: 'body', linkRatio });
  const blocks = [
    body('A paragraph of prose that mentions a linked report in passing, as articles do.', 0.2),
    body('More stories'),
    body('Harbour dredging begins', 1),
    body('Ferry timetable changes', 1),
    body('A short closing sentence.'),
    body('One lone link line', 0.9),
    { text: 'A caption that is a link', role: 'caption', linkRatio: 1 } as Block,
    body(`${'A very long fully linked paragraph. '.repeat(10)}`, 1),
  ];
  assert.deepEqual(pruneLinkLists(blocks).map((b) => b.text), [
    blocks[0]?.text, 'A short closing sentence.', 'A caption that is a link', blocks[7]?.text,
  ]);
});
