/**
 * Writes the expected claims of each fixture of src/analysers/claims/fixtures/NAME.txt to
 * NAME.expected.json, from the current analyser ([segments, structure, claims]). Review the diff
 * by hand before committing: the expected files are the analyser's documented behaviour, and
 * test/claims-fixtures.test.ts holds the analyser to them. Without --write it only prints.
 * Run: npx tsx scripts/generate-claims-fixtures.ts [--write]
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { claimsAnalyser } from '../src/analysers/claims/index.js';
import { segmentsAnalyser } from '../src/analysers/segments/index.js';
import { structureAnalyser } from '../src/analysers/structure/index.js';
import { buildPipeline, runPipeline } from '../src/core/pipeline.js';
import { emptyMeta } from '../src/ingest/types.js';

/** One expected claim of a fixture: where it starts and what the analyser says of it. */
export interface ExpectedClaim {
  startsWith: string;
  type: string;
  sourcing: string;
  sourceName: string | null;
}

const DIR = fileURLToPath(new URL('../src/analysers/claims/fixtures/', import.meta.url));
const PREFIX = 48;

/** The claims of a text as fixture entries, in document order. */
export function expectedClaims(text: string): ExpectedClaim[] {
  const pipeline = buildPipeline([segmentsAnalyser(), structureAnalyser(), claimsAnalyser()]);
  return runPipeline(pipeline, { text, meta: emptyMeta() })
    .annotations.filter((a) => a.kind === 'claim')
    .map((a) => ({
      startsWith: a.text.slice(0, PREFIX),
      type: a.label,
      sourcing: a.data.sourcing as string,
      sourceName: (a.data.sourceName as string | null) ?? null,
    }));
}

function main(): void {
  const write = process.argv.includes('--write');
  for (const file of readdirSync(DIR).filter((f) => f.endsWith('.txt')).sort()) {
    const name = file.slice(0, -4);
    const claims = expectedClaims(readFileSync(`${DIR}${file}`, 'utf8'));
    const json = `${JSON.stringify({ claims }, null, 2)}\n`;
    if (write) writeFileSync(`${DIR}${name}.expected.json`, json);
    console.log(`# ${name}\n${json}`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
