/**
 * HTML block quotations end to end: ingest marks a <blockquote> as a body region with
 * `data.blockquote`, extract keeps it in the body, and the quotes analyser reads it as a quote
 * whose speaker comes from the paragraph before ("…, wrote:").
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { createAnalyzer } from '../src/api/analyzer.js';

const analyzer = createAnalyzer();
const html = readFileSync('test/fixtures/html/blockquote-letter.html', 'utf8');

test('a <blockquote> is a body region and a quote with its speaker', async () => {
  const doc = await analyzer.analyze({ html, subject: 'blockquote-letter.html' });
  const block = doc.annotations.find((a) => a.kind === 'region' && a.data.blockquote === true);
  assert.ok(block, 'no block-quotation region');
  assert.equal(block.label, 'body');
  assert.match(block.text, /^We have listened to every objection/);
  const quote = doc.annotations.find((a) => a.kind === 'quote' && a.span.start === block.span.start);
  assert.ok(quote, 'the block quotation is not a quote');
  assert.equal(quote.label, 'direct');
  assert.equal(quote.data.speaker, 'Ines Halvorsen');
  assert.equal(quote.data.cue, 'wrote');
  const extracted = await analyzer.extract({ html, subject: 'blockquote-letter.html' });
  assert.match(extracted.text, /We have listened to every objection/);
});

test('quotation marks inside a <blockquote> make the quote, not the whole block', async () => {
  const marked = html.replace('<p>We have listened', '<p>Her letter was short. “We have listened').replace('does not need.</p>', 'does not need,” she wrote.</p>');
  const doc = await analyzer.analyze({ html: marked, subject: 'marked.html' });
  const block = doc.annotations.find((a) => a.kind === 'region' && a.data.blockquote === true)!;
  const quotes = doc.annotations.filter((a) => a.kind === 'quote' && a.span.start >= block.span.start && a.span.end <= block.span.end);
  assert.equal(quotes.length, 1);
  assert.match(quotes[0]!.text, /^We have listened/);
});
