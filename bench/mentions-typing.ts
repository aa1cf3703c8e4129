/**
 * Typing check of the mentions analyser on PolNeAR train (../shared/data/polnear/data/train):
 * gold Source spans that are capitalised names. PolNeAR has no entity types, so a source counts
 * as a person when its first word is a gendered first name (quotes/names.json) or it is the
 * surname of such a full name in the same article. Reports how many named sources a mention
 * covers, and how many person sources come out as person. Run: npx tsx bench/mentions-typing.ts [max articles]
 * (MISS=1 also prints every named source no mention covers, with its context, to compare two builds).
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { mentionsAnalyser } from '../src/analysers/mentions/index.js';
import names from '../src/analysers/quotes/names.json' with { type: 'json' };
import { segmentsAnalyser } from '../src/analysers/segments/index.js';
import { structureAnalyser } from '../src/analysers/structure/index.js';
import { buildPipeline, runPipeline } from '../src/core/pipeline.js';
import { emptyMeta } from '../src/ingest/types.js';

const ROOT = '../shared/data/polnear/data/train';
const FIRST = new Set([...names.female, ...names.male]);
const CAPITALISED = /^(?:[Tt]he )?[A-Z][\w.'’-]*(?: (?:of |for |and )?[A-Z][\w.'’-]*){0,4}$/u;

function main(): number {
  if (!existsSync(ROOT)) {
    console.error(`mentions-typing: PolNeAR is missing at ${ROOT}; expected ../shared/data/polnear beside the repository.`);
    return 1;
  }
  const max = Number(process.argv[2] ?? 300);
  const pipeline = buildPipeline([segmentsAnalyser(), structureAnalyser(), mentionsAnalyser()]);
  const files = readdirSync(join(ROOT, 'attributions')).filter((f) => f.endsWith('.ann')).sort().slice(0, max);
  let named = 0;
  let covered = 0;
  let persons = 0;
  let asPerson = 0;
  const labels = new Map<string, number>();
  const misses = new Map<string, number>();
  const seen = new Set<string>();
  for (const file of files) {
    const article = file.replace(/_[0-9a-f]+\.ann$/u, '');
    if (seen.has(article)) continue;
    seen.add(article);
    const text = readFileSync(join(ROOT, 'text', `${article}.txt`), 'utf8');
    const mentions = runPipeline(pipeline, { text, meta: emptyMeta() }).annotations.filter((a) => a.kind === 'mention');
    const sources: { start: number; end: number; words: string }[] = [];
    for (const line of readFileSync(join(ROOT, 'attributions', file), 'utf8').split('\n')) {
      const [id, body, words] = line.split('\t');
      if (!id?.startsWith('T') || !body?.startsWith('Source ') || body.includes(';') || !words) continue;
      const [start, end] = body.slice(7).split(' ').map(Number);
      if (CAPITALISED.test(words) && !/^(?:I|He|She|It|They|We|You)$/u.test(words)) sources.push({ start: start!, end: end!, words });
    }
    const surnames = new Set<string>();
    for (const s of sources) {
      const parts = s.words.split(' ');
      if (parts.length >= 2 && FIRST.has(parts[0]!.toLowerCase())) surnames.add(parts[parts.length - 1]!);
    }
    for (const s of sources) {
      named++;
      const hit = mentions.find((m) => m.span.start < s.end && m.span.end > s.start && m.label !== 'other');
      if (hit) covered++;
      else if (process.env.MISS) console.log(`MISS ${article}\t${s.words}\t${JSON.stringify(text.slice(Math.max(0, s.start - 40), s.end + 40))}`);
      const parts = s.words.split(' ');
      const isPerson = FIRST.has(parts[0]!.toLowerCase()) || (parts.length === 1 && surnames.has(parts[0]!));
      if (!isPerson) continue;
      persons++;
      const label = hit?.label ?? 'none';
      labels.set(label, (labels.get(label) ?? 0) + 1);
      if (label === 'person') asPerson++;
      else misses.set(`${s.words} → ${label}${hit ? ` (${hit.text})` : ""}`, (misses.get(`${s.words} → ${label}${hit ? ` (${hit.text})` : ""}`) ?? 0) + 1);
    }
  }
  console.log(`articles ${files.length}  named sources ${named}  covered by an actor mention ${(covered / named).toFixed(3)}`);
  console.log(`person sources ${persons}  typed person ${(asPerson / persons).toFixed(3)}  labels ${[...labels].map(([k, v]) => `${k} ${v}`).join(', ')}`);
  console.log(`top misses: ${[...misses].sort((a, b) => b[1] - a[1]).slice(0, 12).map(([k, v]) => `${k} ×${v}`).join('; ')}`);
  return 0;
}

process.exitCode = main();
