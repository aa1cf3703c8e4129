/**
 * Acceptance check of the structure analyser on the example op-ed in ../shared/examples (a scraped
 * article with three pasted X posts between the author's paragraphs). It checks what must come out:
 * three X embeds with handles and dates, one byline, one bio, one disclaimer, and no paragraph of the
 * author's prose in a non-body region. Lines are identified by structure and short hashes, never by
 * their words. Run: npx tsx scripts/acceptance-structure.ts
 */
import { segmentsAnalyser } from '../src/analysers/segments/index.js';
import { structureAnalyser } from '../src/analysers/structure/index.js';
import { makeAnnotation } from '../src/core/annotation.js';
import { shortHash } from '../src/core/hash.js';
import { buildPipeline, runPipeline, type AnalysisContext } from '../src/core/pipeline.js';
import type { Annotation } from '../src/core/types.js';
import { emptyMeta } from '../src/ingest/types.js';
import { EXAMPLE_ARTICLE, analyseExampleArticle } from './acceptance-article.js';


/** Short hashes (first 8 characters of shortHash of the trimmed line) of every line outside body. */
const EXPECTED_NON_BODY: Record<string, string[]> = {
  byline: ['0p7nya7c'],
  embed: [
    '0vpx1pxa', '05dz8ogy', '1d5y580m',
    '29ieiz09', '05dz8ogy', '0634t7bq',
    '0y9uohif', '1fw5an4s', '1fjlubw3', '0cjjfr90', '1c56xoj5', '0v8o6lgy', '23ulhy43',
  ],
  bio: ['2c7j1z4y'],
  disclaimer: ['1znoecnt'],
};
const NON_BODY_LINES = Object.values(EXPECTED_NON_BODY).flat().length;
/** Lines longer than this that carry no pic.twitter.com link are the author's prose. */
const PROSE_LENGTH = 150;

interface Check {
  name: string;
  pass: boolean;
  detail: string;
}

function lineHash(line: string): string {
  return shortHash(line.trim()).slice(0, 8);
}

function linesOf(text: string): string[] {
  return text.split(/\r\n|\r|\n/u).filter((line) => line.trim().length > 0);
}

/** Mean milliseconds per run, after a warm-up. */
function timePerRun(pipeline: ReturnType<typeof buildPipeline>, text: string): number {
  for (let i = 0; i < 30; i++) runPipeline(pipeline, { text, meta: emptyMeta() });
  const runs = 200;
  const started = performance.now();
  for (let i = 0; i < runs; i++) runPipeline(pipeline, { text, meta: emptyMeta() });
  return (performance.now() - started) / runs;
}

/** Mean milliseconds of structure's analyse() alone, on the paragraphs segments found. */
function timeAnalyse(text: string): number {
  const paragraphs = runPipeline(buildPipeline([segmentsAnalyser()]), { text, meta: emptyMeta() }).annotations.filter((a) => a.kind === 'paragraph');
  const analyser = structureAnalyser();
  const ctx: AnalysisContext = {
    annotations: (kind) => (kind === 'paragraph' ? paragraphs : []),
    emit: (input) => makeAnnotation(text, 'structure', input),
    diagnose: () => undefined,
    setGenre: () => undefined,
    summarise: () => undefined,
  };
  const doc = { text, meta: emptyMeta() };
  for (let i = 0; i < 100; i++) analyser.analyse(doc, ctx);
  const runs = 1000;
  const started = performance.now();
  for (let i = 0; i < runs; i++) analyser.analyse(doc, ctx);
  return (performance.now() - started) / runs;
}

function main(): number {
  const { text, doc } = analyseExampleArticle('acceptance-structure');
  const pipeline = buildPipeline([segmentsAnalyser(), structureAnalyser()]);
  const msFull = timePerRun(pipeline, text);
  const msSegments = timePerRun(buildPipeline([segmentsAnalyser()]), text);
  const msAnalyse = timeAnalyse(text);
  const regions = doc.annotations.filter((a) => a.kind === 'region');
  const byLabel = (label: string): Annotation[] => regions.filter((r) => r.label === label);
  const embeds = byLabel('embed');
  const nonBody = regions.filter((r) => r.label !== 'body');
  const nonBodyLines = nonBody.flatMap((r) => linesOf(r.text));
  // The bio is a long line too, but it is about the author, not the author's argument.
  const bioLines = byLabel('bio').flatMap((r) => linesOf(r.text));
  const bodyLines = byLabel('body').flatMap((r) => linesOf(r.text));
  const prose = linesOf(text).filter(
    (line) => line.trim().length > PROSE_LENGTH && !line.includes('pic.twitter.com') && !bioLines.includes(line),
  );
  const proseInBody = prose.filter((line) => bodyLines.includes(line));
  const words = text.split(/\s+/u).filter(Boolean).length;

  const checks: Check[] = [
    { name: 'three embed regions', pass: embeds.length === 3, detail: `${embeds.length} found` },
    {
      name: 'embeds are X posts with handle and date',
      pass: embeds.length > 0 && embeds.every((e) => e.data.platform === 'x' && /^@\w{1,15}$/u.test(String(e.data.handle)) && /^\d{4}-\d{2}-\d{2}$/u.test(String(e.data.date))),
      detail: embeds.map((e) => `${String(e.data.handle)} ${String(e.data.date)}`).join('; '),
    },
    { name: 'one byline', pass: byLabel('byline').length === 1, detail: `${byLabel('byline').length} found` },
    { name: 'one bio', pass: byLabel('bio').length === 1, detail: `${byLabel('bio').length} found` },
    { name: 'one disclaimer', pass: byLabel('disclaimer').length === 1, detail: `${byLabel('disclaimer').length} found` },
    { name: 'no other non-body regions', pass: nonBody.length === 6, detail: `${nonBody.length} non-body regions` },
    { name: `non-body line count is ${NON_BODY_LINES}`, pass: nonBodyLines.length === NON_BODY_LINES, detail: `${nonBodyLines.length} lines` },
    ...Object.entries(EXPECTED_NON_BODY).map(([label, hashes]) => {
      const got = byLabel(label).flatMap((r) => linesOf(r.text).map(lineHash));
      return { name: `${label} lines are the expected ones`, pass: got.join(',') === hashes.join(','), detail: got.join(',') };
    }),
    {
      name: `every line > ${PROSE_LENGTH} chars without pic.twitter.com (bio aside) is body`,
      pass: prose.length > 0 && proseInBody.length === prose.length,
      detail: `${proseInBody.length}/${prose.length} prose lines in body`,
    },
    {
      name: 'spans equal text slices',
      pass: regions.every((r) => text.slice(r.span.start, r.span.end) === r.text),
      detail: `${regions.length} regions`,
    },
    { name: 'no diagnostics', pass: doc.diagnostics.length === 0, detail: doc.diagnostics.map((d) => d.code).join(', ') || 'none' },
  ];

  const width = Math.max(...checks.map((c) => c.name.length));
  console.log(`structure acceptance on ${EXAMPLE_ARTICLE}`);
  console.log(`${'check'.padEnd(width)}  result  detail`);
  console.log(`${'-'.repeat(width)}  ------  ------`);
  for (const check of checks) console.log(`${check.name.padEnd(width)}  ${check.pass ? 'PASS  ' : 'FAIL  '}  ${check.detail}`);
  const perThousand = (ms: number): string => ((ms / words) * 1000).toFixed(3);
  console.log(
    `\n${words} words; ms per 1,000 words: segments + structure pipeline ${perThousand(msFull)}, ` +
      `its structure share ${perThousand(Math.max(0, msFull - msSegments))}, structure.analyse alone ${perThousand(msAnalyse)}`,
  );
  const failed = checks.filter((c) => !c.pass).length;
  console.log(failed === 0 ? 'PASS' : `FAIL (${failed} of ${checks.length} checks)`);
  return failed === 0 ? 0 : 1;
}

process.exitCode = main();
