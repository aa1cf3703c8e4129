import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderReport } from '../src/report/index.js';
import { makeSampleDocument } from '../src/report/sample-document.js';

describe('summaries in reports', () => {
  const plain = makeSampleDocument();
  const hostile = makeSampleDocument({ hostile: true });
  it('renders every summary as a table in text, md and html', () => {
    const text = renderReport('text', [plain]);
    assert.match(text, /Speakers \(2\)\nspeaker\s+quotes\s+named\s+cues\n-+/);
    assert.match(text, /a harbour official\s+1\s+no\s+insisted/);
    const md = renderReport('md', [plain]);
    assert.match(md, /## Speakers\n\nWho is quoted/);
    assert.match(md, /\| Tobias Wren \| 2 \| yes \| said \(2\) \|/);
    const html = renderReport('html', [plain]);
    assert.match(html, /<section class="panel" data-summary="speakers"/);
    assert.match(html, /<td>a harbour official<\/td><td>1<\/td><td>no<\/td>/);
  });
  it('escapes hostile cells', () => {
    const html = renderReport('html', [hostile]);
    assert.ok(!html.includes('<img src=x'), 'raw tag from a summary cell');
    assert.match(html, /Tobias Wren &lt;img src=x onerror=&quot;window.__pwned=7&quot;&gt;/);
  });
  it('leaves documents without summaries unchanged', () => {
    const bare = { ...plain, summaries: {} };
    assert.ok(!renderReport('text', [bare]).includes('Speakers ('));
    assert.ok(!renderReport('html', [bare]).includes('class="panel"'));
  });
});
