/**
 * Acceptance check of the mentions analyser on the example op-ed in ../shared/examples: "the
 * Zionist entity" (several times), "the Israeli regime" and "Zionist military interlopers" resolve
 * to Israel with a pejorative connotation; "Daesh (ISIS)" resolves to the Islamic State; every
 * variant of Soleimani's name is one actor. Mentions are found by their words at run time; no text
 * of the article is copied here. Prints PASS or FAIL per check and exits 1 on any failure.
 * Run: npx tsx scripts/acceptance-mentions.ts
 */
import type { Annotation } from '../src/core/types.js';
import { analyseExampleArticle } from './acceptance-article.js';


interface Check {
  name: string;
  pass: boolean;
  detail: string;
}

function termIs(mention: Annotation, pattern: RegExp): boolean {
  return pattern.test(String(mention.data.term));
}

function resolvedTo(mentions: readonly Annotation[], pattern: RegExp, entity: string, connotation: string, atLeast: number, name: string): Check {
  const found = mentions.filter((m) => termIs(m, pattern));
  const right = found.filter((m) => m.data.entity === entity && m.data.connotation === connotation);
  return {
    name,
    pass: found.length >= atLeast && right.length === found.length,
    detail: `${found.length} found, ${right.length} resolved to ${entity} (${connotation})`,
  };
}

function main(): number {
  const { text, doc } = analyseExampleArticle('acceptance-mentions');
  const mentions = doc.annotations.filter((a) => a.kind === 'mention');
  const checks: Check[] = [
    resolvedTo(mentions, /^(the )?Zionist entity$/iu, 'Israel', 'pejorative', 3, '"the Zionist entity" (several times) → Israel, pejorative'),
    resolvedTo(mentions, /^(the )?Israeli regime$/iu, 'Israel', 'pejorative', 1, '"the Israeli regime" → Israel, pejorative'),
    resolvedTo(mentions, /^Zionist military interlopers$/iu, 'Israel', 'pejorative', 1, '"Zionist military interlopers" → Israel, pejorative'),
  ];
  // "Daesh (ISIS)": a Daesh mention followed by a bracketed ISIS mention, both the Islamic State.
  const pairs = mentions.filter((m, i) => {
    const next = mentions[i + 1];
    return termIs(m, /^Daesh$/u) && next !== undefined && termIs(next, /^ISIS$/u) && /^\s*\($/u.test(text.slice(m.span.end, next.span.start));
  });
  const pairOk = pairs.filter((m) => m.data.entity === 'Islamic State' && mentions[mentions.indexOf(m) + 1]!.data.entity === 'Islamic State');
  checks.push({ name: '"Daesh (ISIS)" → Islamic State', pass: pairs.length >= 1 && pairOk.length === pairs.length, detail: `${pairs.length} found, ${pairOk.length} resolved` });
  // Soleimani: every mention whose words end in the surname is one entity, with several name forms.
  const soleimani = mentions.filter((m) => termIs(m, /Soleimani$/u));
  const entities = new Set(soleimani.map((m) => m.data.entity));
  const forms = new Set(soleimani.map((m) => m.data.term));
  checks.push({
    name: "Soleimani's name variants → one actor",
    pass: soleimani.length >= 5 && entities.size === 1 && forms.size >= 3 && [...entities][0] === 'Qassem Soleimani',
    detail: `${soleimani.length} mentions, ${forms.size} forms (${[...forms].join(', ')}), entities: ${[...entities].join(', ')}`,
  });
  const actors = doc.summaries.actors;
  const row = actors?.rows.find((r) => r[0] === 'Qassem Soleimani');
  checks.push({ name: 'actors summary has one Soleimani row with every form', pass: row !== undefined && [...forms].every((f) => String(row[3]).includes(String(f))), detail: row ? String(row[3]) : 'no row' });
  let failed = 0;
  for (const check of checks) {
    if (!check.pass) failed++;
    console.log(`${check.pass ? 'PASS' : 'FAIL'}  ${check.name}  (${check.detail})`);
  }
  console.log(failed === 0 ? `acceptance-mentions: all ${checks.length} checks pass` : `acceptance-mentions: ${failed} of ${checks.length} checks fail`);
  return failed === 0 ? 0 : 1;
}

process.exitCode = main();
