/**
 * Acceptance check of the claims analyser on the example op-ed in ../shared/examples (read at run
 * time, never copied). Claims are identified by key numbers, a name and short key phrases, never
 * by their sentences: the "3,000" figure and "hundreds of thousands" as quantity claims; the claim
 * confirmed by a named former intelligence chief as named-source with sourceName "Tamir Heyman";
 * the "reportedly" clause as hedged; the "medical assistance" clause as unsourced.
 * Run: npx tsx scripts/acceptance-claims.ts
 */
import type { Annotation } from '../src/core/types.js';
import { analyseExampleArticle } from './acceptance-article.js';


interface Check {
  name: string;
  /** Finds the claim the check is about. */
  find: (claim: Annotation) => boolean;
  label?: string;
  sourcing: string | null;
  sourceName?: string;
}

const CHECKS: Check[] = [
  { name: '"over 3,000 mosques" is a quantity claim', find: (c) => c.text.includes('3,000'), label: 'quantity', sourcing: null },
  { name: '"hundreds of thousands of … civilians" is a quantity claim', find: (c) => c.text.includes('hundreds of thousands'), label: 'quantity', sourcing: null },
  {
    name: 'involvement "confirmed … by" the former intelligence chief is named-source (Tamir Heyman)',
    find: (c) => /\bconfirmed\b/u.test(c.text) && /\bby\b/u.test(c.text) && c.text.includes('Heyman'),
    sourcing: 'named-source',
    sourceName: 'Tamir Heyman',
  },
  { name: 'intelligence agencies that "reportedly provided" information is hedged', find: (c) => /\breportedly provided\b/u.test(c.text), sourcing: 'hedged' },
  { name: '"… providing medical assistance to …" is unsourced', find: (c) => c.text.includes('medical assistance'), sourcing: 'unsourced' },
];

function main(): number {
  const { doc } = analyseExampleArticle('acceptance-claims');
  const claims = doc.annotations.filter((a) => a.kind === 'claim');
  let failed = 0;
  for (const check of CHECKS) {
    const claim = claims.find(check.find);
    const problems: string[] = [];
    if (!claim) problems.push('no such claim');
    else {
      if (check.label && claim.label !== check.label) problems.push(`label ${claim.label}`);
      if (check.sourcing && claim.data.sourcing !== check.sourcing) problems.push(`sourcing ${String(claim.data.sourcing)}`);
      if (check.sourceName !== undefined && claim.data.sourceName !== check.sourceName) problems.push(`sourceName ${JSON.stringify(claim.data.sourceName)}`);
    }
    if (problems.length) failed++;
    const detail = claim ? ` [${claim.label}, ${String(claim.data.sourcing)}, ${String(claim.data.checkWorthiness)}]` : '';
    console.log(`${problems.length ? 'FAIL' : 'PASS'}  ${check.name}${detail}${problems.length ? `: ${problems.join('; ')}` : ''}`);
  }
  const table = doc.summaries.claims;
  const tableOk = table !== undefined && table.rows.length > 0 && table.rows.every((row, i) => i === 0 || Number(table.rows[i - 1]![2]) >= Number(row[2]));
  if (!tableOk) failed++;
  console.log(`${tableOk ? 'PASS' : 'FAIL'}  the claims table is there, sorted by check-worthiness (${table?.rows.length ?? 0} rows of ${claims.length} claims)`);
  const failures = doc.diagnostics.filter((d) => d.code === 'W_ANALYSER_FAILED');
  if (failures.length) failed++;
  console.log(`${failures.length ? 'FAIL' : 'PASS'}  no analyser failed`);
  console.log(failed ? `\n${failed} check(s) failed.` : '\nAll claims checks pass.');
  return failed ? 1 : 0;
}

process.exitCode = main();
