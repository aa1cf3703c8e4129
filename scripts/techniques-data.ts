/**
 * PTC data for the techniques training and benchmark scripts: reading the train or dev split with
 * its gold spans, the article context the analyser would build, token ranges of character spans,
 * and the seeded random numbers that keep training deterministic.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { buildArticleContext, type ArticleContext } from '../src/analysers/techniques/article-context.js';
import { parseLabels, type GoldSpan } from '../src/analysers/techniques/ptc-format.js';
import { splitParagraphs, splitSentences } from '../src/analysers/segments/index.js';
import { seededRandom } from '../src/core/random.js';

const DATA = '../shared/data/ptc-semeval2020';

/** Seed of every training run. */
export const SEED = 20200911;

/** One PTC article with its gold spans (UTF-16 offsets). */
export interface PtcArticle {
  id: string;
  text: string;
  spans: GoldSpan[];
}

/** Reads the `train` or `dev` split; exits 1 with a message when the data is missing. */
export function loadPtc(split: 'train' | 'dev'): PtcArticle[] {
  const dir = `${DATA}/${split}-articles`;
  if (!existsSync(dir)) {
    console.error(`Missing ${dir}: run from the repository root with ../shared/data/ptc-semeval2020 present.`);
    process.exit(1);
  }
  return readdirSync(dir)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => {
      const id = name.slice('article'.length, -'.txt'.length);
      const text = readFileSync(`${dir}/${name}`, 'utf8');
      const labelFile = `${DATA}/${split}-labels-task-flc-tc/article${id}.task-flc-tc.labels`;
      const spans = existsSync(labelFile) ? parseLabels(readFileSync(labelFile, 'utf8'), text) : [];
      return { id, text, spans };
    });
}

/** The context the analyser would build: the segments analyser's paragraphs and sentences. */
export function contextOf(text: string): ArticleContext {
  const paragraphs = splitParagraphs(text);
  const sentences = paragraphs.flatMap((p) => splitSentences(text, p));
  return buildArticleContext(text, sentences, paragraphs);
}

/** Token range [first, end) covering the characters of `span`. */
export function tokenRange(ctx: ArticleContext, start: number, end: number): [number, number] {
  const { tokens } = ctx;
  let first = 0;
  while (first < tokens.count && tokens.end[first]! <= start) first++;
  let last = first;
  while (last < tokens.count && tokens.start[last]! < end) last++;
  return [first, Math.max(last, first + 1)];
}

/** Deterministic PRNG (mulberry32) in [0, 1): the project's one seeded generator. */
export const random = seededRandom;

/** Fisher–Yates shuffle of `order` in place. */
export function shuffle(order: Int32Array, next: () => number): void {
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    const t = order[i]!;
    order[i] = order[j]!;
    order[j] = t;
  }
}
