import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { cliTables, errorTables, spliceGenerated } from '../scripts/docs-tables.js';

describe('generated docs', () => {
  for (const [path, generate] of [
    ['docs/errors.md', errorTables],
    ['docs/cli.md', cliTables],
  ] as const) {
    it(`${path} is up to date (run \`npm run docs\`)`, () => {
      const current = readFileSync(path, 'utf8');
      assert.equal(spliceGenerated(current, generate()), current);
    });
  }
});
