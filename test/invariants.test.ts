import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { createAnalyzer } from '../src/api/analyzer.js';
import { assertDocumentInvariants } from './helpers/invariants.js';

const analyzer = createAnalyzer();

/** Every bundled example and every fixture article in the repo. */
function articleFiles(): string[] {
  const dirs = ['examples', 'test/fixtures/html', ...readdirSync('src/analysers').map((name) => join('src/analysers', name, 'fixtures'))];
  return dirs.flatMap((dir) => {
    try {
      return readdirSync(dir)
        .filter((f) => /\.(txt|html?|md)$/.test(f))
        .map((f) => join(dir, f));
    } catch {
      return [];
    }
  });
}

describe('document invariants', () => {
  it('finds the bundled examples', () => {
    assert.ok(articleFiles().length >= 3);
  });
  for (const path of articleFiles()) {
    it(`hold for ${path}`, async () => {
      let doc;
      try {
        doc = await analyzer.analyze({ bytes: readFileSync(path), subject: path });
      } catch (error) {
        // Fixtures of unusable input are expected to fail with a coded error, never a crash.
        assert.match((error as { code?: string }).code ?? '', /^E_/);
        return;
      }
      assertDocumentInvariants(doc);
      const regions = doc.annotations.filter((a) => a.kind === 'region');
      for (const paragraph of doc.annotations.filter((a) => a.kind === 'paragraph')) {
        const covering = regions.filter((r) => r.span.start <= paragraph.span.start && paragraph.span.end <= r.span.end);
        assert.equal(covering.length, 1, `paragraph at ${paragraph.span.start} is in ${covering.length} regions`);
      }
    });
  }
  it('hold on arbitrary hostile text (property)', () => {
    const piece = fc.oneof(
      fc.string({ maxLength: 40 }),
      fc.constantFrom('\n', '\r\n', '\n\n', '— Name (@handle) March 5, 2025', 'pic.twitter.com/abc', 'By Ana Ruiz', '“', '”', '"', '🇮🇷', '\u2028', '\uD800', '. ', 'Mr. ', '...'),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), (pieces) => {
        const text = pieces.join('');
        const doc = analyzer.analyzeText(text);
        assert.equal(doc.text, text);
        assertDocumentInvariants(doc);
      }),
      { numRuns: 300, seed: 42 },
    );
  });
});
