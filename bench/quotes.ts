/**
 * Benchmark of the quotes analyser on PolNeAR (../shared/data/polnear): direct quotes only.
 *
 * Gold: every attribution's Content span, split into its fragments (brat "a b;c d"); fragments
 * separated only by white space or quotation marks are merged (a quote running over a paragraph
 * break is one quote); a piece is a gold direct quote when, trimmed, it begins or ends with a
 * quotation mark (“ ” " ‘ ’ ' « » or the typewriter pair ''). Articles annotated by several
 * annotators are counted once, with the first annotation file in name order.
 * Predicted: `quote` annotations labelled `direct` (embedded posts excluded: PolNeAR has none).
 * Overlap match: the two spans overlap by at least 50% of the shorter one, matched one-to-one
 * (greedy, gold in text order, best overlap first). Exact match: the gold span with its marks and
 * surrounding white space stripped equals the predicted span (which never includes the marks).
 * Speaker accuracy: over overlap-matched quotes whose gold attribution has a Source, the share
 * whose predicted speakerSpan overlaps a gold Source fragment.
 * Time: segments + structure + quotes per 1,000 words, after a warm-up pass, and the quotes
 * analyser alone (the same minus a segments + structure pipeline).
 * Tune on train only; dev is reported for the record. Run: npx tsx bench/quotes.ts
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { quotesAnalyser } from '../src/analysers/quotes/index.js';
import { segmentsAnalyser } from '../src/analysers/segments/index.js';
import { structureAnalyser } from '../src/analysers/structure/index.js';
import { buildPipeline, runPipeline } from '../src/core/pipeline.js';
import type { Span } from '../src/core/types.js';
import { emptyMeta } from '../src/ingest/types.js';

const ROOT = '../shared/data/polnear/data';
const MARKS = new Set(['“', '”', '"', '‘', '’', "'", '«', '»', '„', '`']);

interface GoldQuote {
  span: Span;
  sources: Span[];
}

function parseSpans(range: string): Span[] {
  return range.split(';').map((part) => {
    const [start, end] = part.trim().split(' ').map(Number);
    return { start: start!, end: end! };
  });
}

function isGap(text: string, a: number, b: number): boolean {
  for (let i = a; i < b; i++) if (!/\s/.test(text[i]!) && !MARKS.has(text[i]!)) return false;
  return true;
}

function goldQuotes(text: string, ann: string): GoldQuote[] {
  const spans = new Map<string, { label: string; spans: Span[] }>();
  const out: GoldQuote[] = [];
  const lines = ann.split('\n');
  for (const line of lines) {
    const [id, body] = line.split('\t');
    if (!id?.startsWith('T') || !body?.includes(' ')) continue;
    const space = body.indexOf(' ');
    spans.set(id, { label: body.slice(0, space), spans: parseSpans(body.slice(space + 1)) });
  }
  for (const line of lines) {
    const [id, body] = line.split('\t');
    if (!id?.startsWith('E') || !body) continue;
    const roles = new Map(body.split(' ').map((pair) => pair.split(':') as [string, string]));
    const content = spans.get(roles.get('Content') ?? '');
    if (!content) continue;
    const sources = spans.get(roles.get('Source') ?? '')?.spans ?? [];
    const pieces: Span[] = [];
    for (const fragment of [...content.spans].sort((a, b) => a.start - b.start)) {
      const last = pieces[pieces.length - 1];
      if (last && isGap(text, last.end, fragment.start)) last.end = fragment.end;
      else pieces.push({ ...fragment });
    }
    for (const piece of pieces) {
      const s = text.slice(piece.start, piece.end).trim();
      if (s && (MARKS.has(s[0]!) || MARKS.has(s[s.length - 1]!))) out.push({ span: piece, sources });
    }
  }
  return out;
}

function stripMarks(text: string, span: Span): Span {
  let { start, end } = span;
  while (start < end && (MARKS.has(text[start]!) || /\s/.test(text[start]!))) start++;
  while (end > start && (MARKS.has(text[end - 1]!) || /\s/.test(text[end - 1]!))) end--;
  return { start, end };
}

const overlap = (a: Span, b: Span): number => Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));

interface Totals {
  articles: number;
  words: number;
  gold: number;
  predicted: number;
  overlapHits: number;
  exactHits: number;
  withSource: number;
  speakerHits: number;
  ms: number;
  /** Time of segments + structure alone: ms - baseMs is the quotes analyser's share. */
  baseMs: number;
}

function evaluate(split: string): Totals {
  const dir = join(ROOT, split);
  const pipeline = buildPipeline([segmentsAnalyser(), structureAnalyser(), quotesAnalyser()]);
  const seen = new Set<string>();
  const totals: Totals = { articles: 0, words: 0, gold: 0, predicted: 0, overlapHits: 0, exactHits: 0, withSource: 0, speakerHits: 0, ms: 0, baseMs: 0 };
  const files = readdirSync(join(dir, 'attributions')).filter((f) => f.endsWith('.ann')).sort();
  const items: { text: string; gold: GoldQuote[] }[] = [];
  for (const file of files) {
    const article = file.replace(/_[0-9a-f]+\.ann$/, '');
    if (seen.has(article)) continue;
    seen.add(article);
    const text = readFileSync(join(dir, 'text', `${article}.txt`), 'utf8');
    items.push({ text, gold: goldQuotes(text, readFileSync(join(dir, 'attributions', file), 'utf8')) });
  }
  for (const { text } of items.slice(0, 50)) runPipeline(pipeline, { text, meta: emptyMeta() }); // warm-up
  const base = buildPipeline([segmentsAnalyser(), structureAnalyser()]);
  for (const { text } of items.slice(0, 50)) runPipeline(base, { text, meta: emptyMeta() });
  for (const { text } of items) {
    const t0 = performance.now();
    runPipeline(base, { text, meta: emptyMeta() });
    totals.baseMs += performance.now() - t0;
  }
  for (const { text, gold } of items) {
    const t0 = performance.now();
    const doc = runPipeline(pipeline, { text, meta: emptyMeta() });
    totals.ms += performance.now() - t0;
    totals.articles++;
    totals.words += text.split(/\s+/).filter(Boolean).length;
    const predicted = doc.annotations.filter((a) => a.kind === 'quote' && a.label === 'direct' && a.ruleId !== 'embed-post');
    totals.gold += gold.length;
    totals.predicted += predicted.length;
    const used = new Set<number>();
    const exactUsed = new Set<number>();
    for (const g of gold) {
      const stripped = stripMarks(text, g.span);
      const e = predicted.findIndex((p, k) => !exactUsed.has(k) && p.span.start === stripped.start && p.span.end === stripped.end);
      if (e >= 0) {
        exactUsed.add(e);
        totals.exactHits++;
      }
      let best = -1;
      let bestOverlap = 0;
      predicted.forEach((p, k) => {
        if (used.has(k)) return;
        const o = overlap(p.span, g.span);
        const shorter = Math.min(p.span.end - p.span.start, g.span.end - g.span.start);
        if (o >= 0.5 * shorter && o > bestOverlap) {
          best = k;
          bestOverlap = o;
        }
      });
      if (best < 0) continue;
      used.add(best);
      totals.overlapHits++;
      if (g.sources.length === 0) continue;
      totals.withSource++;
      const speakerSpan = predicted[best]!.data.speakerSpan as Span | null;
      if (speakerSpan && g.sources.some((s) => overlap(s, speakerSpan) > 0)) totals.speakerHits++;
    }
  }
  return totals;
}

function f1(hits: number, gold: number, predicted: number): string {
  const p = predicted ? hits / predicted : 0;
  const r = gold ? hits / gold : 0;
  return `${(p + r ? (2 * p * r) / (p + r) : 0).toFixed(3)} (P ${p.toFixed(3)} R ${r.toFixed(3)})`;
}

if (!existsSync(ROOT)) {
  console.error(`PolNeAR not found at ${ROOT} (run from the repo root, with ../shared/data in place).`);
  process.exit(1);
}
const rows = ['train', 'dev'].map((split) => ({ split, t: evaluate(split) }));
console.log('split  articles  gold  pred  overlap F1                    exact F1                      speaker acc        ms/1000 words  quotes alone');
for (const { split, t } of rows) {
  console.log(
    [
      split.padEnd(6),
      String(t.articles).padStart(8),
      String(t.gold).padStart(5),
      String(t.predicted).padStart(5),
      f1(t.overlapHits, t.gold, t.predicted).padEnd(29),
      f1(t.exactHits, t.gold, t.predicted).padEnd(29),
      `${(t.withSource ? t.speakerHits / t.withSource : 0).toFixed(3)} (${t.speakerHits}/${t.withSource})`.padEnd(18),
      ((t.ms / t.words) * 1000).toFixed(3).padStart(13),
      (((t.ms - t.baseMs) / t.words) * 1000).toFixed(3).padStart(12),
    ].join('  '),
  );
}
