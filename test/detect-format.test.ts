import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { detectFormat } from '../src/ingest/detect-format.js';

const HTML_DOC = '<!DOCTYPE html>\n<html lang="en"><head><title>Quay fire</title></head><body><p>The Brackwater Herald reports.</p></body></html>';
const HTML_FRAGMENT = '<div class="story"><h1>Quay fire</h1><p>Crews arrived at dawn.</p><p>Two sheds burned.</p></div>';
const MARKDOWN = '# Quay fire\n\nCrews from **Brackwater** arrived at dawn, [the council said](https://council.example/notice).\n\n## Aftermath\n\nTwo sheds burned.\n';
const PLAIN = 'Quay fire\n\nCrews from Brackwater arrived at dawn, the council said. Two sheds burned.\n';

type Case = [name: string, text: string, pathOrUrl: string | undefined, contentType: string | null | undefined, expected: 'text' | 'html' | 'markdown'];

const cases: Case[] = [
  // declared by extension or content type
  ['.html extension', PLAIN, 'story.html', undefined, 'html'],
  ['.HTM in upper case', PLAIN, 'C:\\news\\STORY.HTM', undefined, 'html'],
  ['.xhtml extension', PLAIN, 'story.xhtml', undefined, 'html'],
  ['text/html content type', PLAIN, undefined, 'text/html; charset=utf-8', 'html'],
  ['.md extension', PLAIN, 'notes/story.md', undefined, 'markdown'],
  ['.markdown extension', PLAIN, 'story.markdown', undefined, 'markdown'],
  ['text/markdown content type', PLAIN, undefined, 'text/markdown', 'markdown'],
  ['content type beats URL extension', PLAIN, 'https://news.example/story.md', 'text/html', 'html'],
  ['URL query does not make an extension', PLAIN, 'https://news.example/read?file=a.md', undefined, 'text'],
  ['URL host is not an extension', PLAIN, 'https://news.example', undefined, 'text'],
  ['URL path extension counts', PLAIN, 'https://news.example/2024/story.html?utm=x#top', undefined, 'html'],
  // content
  ['doctype', HTML_DOC, undefined, undefined, 'html'],
  ['<html> after BOM, comment and XML declaration', '\ufeff<?xml version="1.0"?>\n<!-- saved page -->\n<html><body>x</body></html>', undefined, undefined, 'html'],
  ['fragment with several block tags', HTML_FRAGMENT, undefined, undefined, 'html'],
  ['markdown signals', MARKDOWN, undefined, undefined, 'markdown'],
  ['three headings only', '# One\n\ntext\n\n# Two\n\ntext\n\n## Three\n', 'story', undefined, 'markdown'],
  ['fenced code and a link', 'See below.\n\n```\ncode\n```\n\n[source](https://a.example/)\n', undefined, undefined, 'markdown'],
  // strong content beats a misleading declaration
  ['.txt that is a full HTML document', HTML_DOC, 'saved.txt', undefined, 'html'],
  ['text/plain that is a full HTML document', HTML_DOC, undefined, 'text/plain', 'html'],
  ['.md that is a full HTML document', HTML_DOC, 'story.md', undefined, 'html'],
  // false-positive guards: these must stay as declared or as text
  ['plain prose', PLAIN, 'story.txt', undefined, 'text'],
  ['no hints at all', PLAIN, undefined, undefined, 'text'],
  ['.txt with markdown stays text', MARKDOWN, 'story.txt', undefined, 'text'],
  ['text/plain with markdown stays text', MARKDOWN, undefined, 'text/plain', 'text'],
  ['.txt with a small HTML fragment stays text', HTML_FRAGMENT, 'story.txt', undefined, 'text'],
  ['.md with inline HTML stays markdown', `<div align="center"><p>logo</p></div>\n\n${MARKDOWN}`, 'README.md', undefined, 'markdown'],
  ['prose mentioning a tag', 'Editors wrap paragraphs in a <p> tag, the trainer said.\n', undefined, undefined, 'text'],
  ['one hash line is not markdown', '# 1 seed lost in the final\n\nThe top seed lost on Sunday.\n', undefined, undefined, 'text'],
  ['hashtags are not headings', '#Election2024 trended.\n#Vote was next.\n#Polls closed.\n', undefined, undefined, 'text'],
  ['bracketed citations are not links', 'The report [1] and the audit [2] (2019) disagree [3].\n', undefined, undefined, 'text'],
  ['arithmetic with asterisks', 'Rates rose 2*3 points, then 4 * 5 points.\n', undefined, undefined, 'text'],
  ['an email-style quote block', '> On Monday, Ana wrote:\n> the ferry is late\n\nReply below.\n', undefined, undefined, 'text'],
  ['unknown content type falls back to content', PLAIN, undefined, 'application/octet-stream', 'text'],
];

describe('detectFormat', () => {
  for (const [name, text, pathOrUrl, contentType, expected] of cases) {
    it(`${name} → ${expected}`, () => {
      assert.equal(detectFormat(text, pathOrUrl, contentType), expected);
    });
  }

  it('looks only at the first 64 KB', () => {
    const late = `${'Plain words. '.repeat(6000)}\n<!doctype html><html><body><p>a</p><p>b</p><div>c</div></body></html>`;
    assert.equal(detectFormat(late), 'text');
  });

  it('stays fast on hostile input', () => {
    const hostile = ['['.repeat(60_000), '<p'.repeat(30_000), '*'.repeat(60_000), '[a](' .repeat(15_000), '<div '.repeat(12_000)];
    for (const text of hostile) {
      const started = performance.now();
      detectFormat(text);
      const elapsed = performance.now() - started;
      assert.ok(elapsed < 50, `took ${elapsed.toFixed(1)} ms on ${JSON.stringify(text.slice(0, 8))}…`);
    }
  });
});
