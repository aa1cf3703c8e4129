import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { MarginaliaError } from '../src/core/errors.js';
import type { Annotation } from '../src/core/types.js';
import { ingestHtml } from '../src/ingest/html/ingest-html.js';
import type { IngestedArticle } from '../src/ingest/types.js';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'html');
const fixture = (name: string): string => readFileSync(join(FIXTURES, name), 'utf8');

/** Invariants every ingested article keeps. */
function assertInvariants(article: IngestedArticle): void {
  const ids = new Set<string>();
  for (const annotation of article.annotations) {
    assert.equal(article.text.slice(annotation.span.start, annotation.span.end), annotation.text, `slice of ${annotation.id}`);
    assert.equal(annotation.source, 'ingest-html');
    assert.equal(annotation.kind, 'region');
    assert.ok(annotation.confidence > 0 && annotation.confidence <= 1);
    assert.ok(!ids.has(annotation.id), `duplicate id ${annotation.id}`);
    ids.add(annotation.id);
  }
  assert.deepEqual(article.provided, ['html-regions']);
  assert.equal(article.meta.format, 'html');
  assert.ok(!/[ \t]{2}/.test(article.text), 'runs of spaces are collapsed');
}

const byLabel = (article: IngestedArticle, label: string): Annotation[] => article.annotations.filter((a) => a.label === label);

test('news page: text keeps the article, drops chrome, puts the headline first', () => {
  const article = ingestHtml(fixture('news-page.html'));
  assertInvariants(article);
  const paragraphs = article.text.split('\n\n');
  assert.equal(paragraphs[0], 'Tide gauge fund approved after long delay');
  assert.equal(paragraphs.filter((p) => p === paragraphs[0]).length, 1, 'the <h1> duplicate of the headline is dropped');
  assert.ok(article.text.includes('release £2.4 million'), 'entities are decoded');
  assert.ok(article.text.includes('said the gauges would give residents an early warning'), 'white space is collapsed');
  for (const chrome of ['Home', 'Advertisement', 'All rights reserved', 'Harbour dredging begins', 'Read more', '.promo']) {
    assert.ok(!article.text.includes(chrome), `chrome "${chrome}" is not in the text`);
  }
  const [headline] = byLabel(article, 'headline');
  assert.deepEqual(headline?.span, { start: 0, end: paragraphs[0]?.length });
});

test('news page: metadata comes from JSON-LD @graph first, then OpenGraph and link tags', () => {
  const { meta } = ingestHtml(fixture('news-page.html'), { url: 'https://harbour-ledger.example/amp/x' });
  assert.equal(meta.title, 'Tide gauge fund approved after long delay');
  assert.deepEqual(meta.authors, ['Maren Oakhurst', 'Tobias Fenwright']);
  assert.equal(meta.publisher, 'The Harbour Ledger');
  assert.equal(meta.url, 'https://harbour-ledger.example/news/tide-gauge-fund', 'relative canonical resolved against options.url');
  assert.equal(meta.publishedTime, '2031-04-02T09:30:00+01:00');
  assert.equal(meta.lang, 'en-GB');
});

test('news page: every embed becomes its own paragraph with a region annotation', () => {
  const article = ingestHtml(fixture('news-page.html'));
  const embeds = byLabel(article, 'embed');
  const expected = [
    { ruleId: 'html-embed-x', data: { platform: 'x', handle: '@saltmeretides', date: '2031-04-01', url: 'https://twitter.com/saltmeretides/status/1111111111111111111' },
      text: 'The gauges are finally coming. Thanks to everyone who wrote to the council!\n\u2014 Saltmere Tides (@saltmeretides) April 1, 2031' },
    { ruleId: 'html-embed-instagram', data: { platform: 'instagram', handle: '@quayphotos', date: '2031-03-28', url: 'https://www.instagram.com/p/FAKEPOST01/' },
      text: 'Sunset over the north quay gauge.\n\u2014 Quay Photos (@quayphotos) March 28, 2031' },
    { ruleId: 'html-embed-youtube', data: { platform: 'youtube', handle: null, date: null, url: 'https://www.youtube.com/embed/abcDEF12345' },
      text: '[YouTube video: Saltmere council meeting, full session]' },
    { ruleId: 'html-embed-telegram', data: { platform: 'telegram', handle: '@saltmerenews', date: null, url: 'https://t.me/saltmerenews/482' },
      text: '[Telegram post: https://t.me/saltmerenews/482]\n\u2014 @saltmerenews' },
    { ruleId: 'html-embed-facebook', data: { platform: 'facebook', handle: '@saltmerecouncil', date: '2031-04-01', url: 'https://www.facebook.com/saltmerecouncil/posts/9876543210' },
      text: 'Tonight the council approved the tide gauge network.\n\u2014 Saltmere Council (@saltmerecouncil) April 1, 2031' },
  ];
  assert.equal(embeds.length, expected.length);
  for (const [i, want] of expected.entries()) {
    const got = embeds[i] as Annotation;
    assert.equal(got.ruleId, want.ruleId);
    assert.deepEqual(got.data, want.data);
    assert.equal(got.text, want.text);
    assert.ok(got.note.length > 10);
  }
  assert.ok(!article.text.includes('MGLEMBED'), 'no placeholder leaks into the text');
  assert.ok(!article.text.includes('A post shared by'), 'embed chrome is not kept as body');
});

test('news page: figcaption and credit become caption regions', () => {
  const captions = byLabel(ingestHtml(fixture('news-page.html')), 'caption').map((a) => a.text);
  assert.deepEqual(captions, ['A prototype gauge installed at the north quay last spring.', 'Photo: Ada Brightwater']);
});

test('all-embeds page: embed regions plus W_ALL_EMBEDS, no W_NO_ARTICLE_FOUND', () => {
  const article = ingestHtml(fixture('all-embeds.html'));
  assertInvariants(article);
  assert.deepEqual(byLabel(article, 'embed').map((a) => a.data['platform']), ['x', 'x', 'youtube']);
  const codes = article.diagnostics.map((d) => d.code);
  assert.ok(codes.includes('W_ALL_EMBEDS'));
  assert.ok(!codes.includes('W_NO_ARTICLE_FOUND'));
});

test('page without an article keeps the visible text with W_NO_ARTICLE_FOUND', () => {
  const article = ingestHtml(fixture('no-article.html'));
  assertInvariants(article);
  assert.deepEqual(article.diagnostics.map((d) => d.code), ['W_NO_ARTICLE_FOUND']);
  assert.ok(article.text.includes('Flats Houses Boats'));
});

test('a page with no text at all throws E_NO_ARTICLE', () => {
  for (const html of ['<html><body></body></html>', '<html><head><title></title></head><body><div> </div><img src="x.png"></body></html>']) {
    assert.throws(() => ingestHtml(html), (error: unknown) => error instanceof MarginaliaError && error.code === 'E_NO_ARTICLE');
  }
});

test('an article good for Readability raises no diagnostic (false-positive guard)', () => {
  const codes = ingestHtml(fixture('news-page.html')).diagnostics.map((d) => d.code);
  assert.deepEqual(codes, []);
});

test('JSON-LD articleBody is the fallback when the page body is a teaser', () => {
  const body = Array.from({ length: 8 }, (_, i) => `Paragraph ${i + 1} of the full report on the estuary survey, which the crew completed in nine days.`).join('\n');
  const html = `<html><head><title>Survey</title><script type="application/ld+json">${JSON.stringify({ '@type': 'NewsArticle', headline: 'Survey', articleBody: body })}</script></head>` +
    '<body><article><p>Subscribe to read the estuary survey.</p></article></body></html>';
  const article = ingestHtml(html);
  assert.ok(article.text.includes('Paragraph 8 of the full report'));
  assert.deepEqual(article.diagnostics.map((d) => d.code), ['W_EXTRACTION_FALLBACK']);
});

test('HTML nested 10,000 levels deep is flattened with W_DEEP_NESTING', () => {
  const depth = 10_000;
  const html = `<html><body>${'<div>'.repeat(depth)}<p>${'The innermost paragraph still reaches the reader. '.repeat(12)}</p>${'</div>'.repeat(depth)}</body></html>`;
  const article = ingestHtml(html);
  assertInvariants(article);
  assert.ok(article.text.includes('The innermost paragraph still reaches the reader.'));
  assert.ok(article.diagnostics.some((d) => d.code === 'W_DEEP_NESTING'));
});

test('a 1 MB single-line page is read', () => {
  const paragraph = '<p>Harbour news on one very long line, sentence after sentence, with nothing to break it up at all. </p>';
  const html = `<html><head><title>Long line</title></head><body><article>${paragraph.repeat(Math.ceil(1_000_000 / paragraph.length))}</article></body></html>`;
  assert.ok(html.length >= 1_000_000 && !html.includes('\n'));
  const started = performance.now();
  const article = ingestHtml(html);
  assert.ok(article.text.length > 500_000);
  assert.ok(performance.now() - started < 20_000, 'linear enough to finish quickly');
});

test('a fragment without <html> or <body> is read', () => {
  const article = ingestHtml(`<h1>Quay</h1><p>${'A short note from the quay about the morning tide and the boats going out. '.repeat(3)}</p>`);
  assert.ok(article.text.includes('A short note from the quay'));
  assertInvariants(article);
});
