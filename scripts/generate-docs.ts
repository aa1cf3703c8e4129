/**
 * `npm run docs`: rewrites the generated tables in docs/errors.md and docs/cli.md.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { cliTables, errorTables, spliceGenerated } from './docs-tables.js';

for (const [path, generated] of [
  ['docs/errors.md', errorTables()],
  ['docs/cli.md', cliTables()],
] as const) {
  writeFileSync(path, spliceGenerated(readFileSync(path, 'utf8'), generated));
  console.log(`updated ${path}`);
}
