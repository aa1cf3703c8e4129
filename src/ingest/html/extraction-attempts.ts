/**
 * The extraction attempts besides Readability, each kept whole so the best one can be chosen and
 * every attempt reported: the JSON-LD `articleBody`, the largest `<article>`-like element, the
 * element holding the most paragraph text (text density), and, last, the whole visible text.
 */
import { collapseSpace } from './collapse-space.js';
import { renderBlocks, type Block } from './render-blocks.js';

/** How an attempt found its text. */
export type AttemptMethod = 'readability' | 'json-ld' | 'article-element' | 'paragraph-density' | 'visible-text';

/** One extraction attempt: its blocks and how much article text (not embeds, not captions) it has. */
export interface ExtractionAttempt {
  method: AttemptMethod;
  blocks: Block[];
  /** Characters in body and heading blocks. */
  bodyChars: number;
  /** Characters in body blocks that read as prose (long enough to be sentences): what attempts are compared by. */
  proseChars: number;
}

/** Shortest block counted as prose: menus, bylines and link lists are shorter. */
export const MIN_PROSE_BLOCK = 80;

/** Counts the article text of blocks: body and heading blocks only. */
export function countBodyChars(blocks: readonly Block[]): number {
  let chars = 0;
  for (const block of blocks) if (block.role === 'body' || block.role === 'blockquote' || block.role === 'heading') chars += block.text.length;
  return chars;
}

/** Counts the text of body blocks of at least MIN_PROSE_BLOCK characters. */
export function countProseChars(blocks: readonly Block[]): number {
  let chars = 0;
  for (const block of blocks) if ((block.role === 'body' || block.role === 'blockquote') && block.text.length >= MIN_PROSE_BLOCK) chars += block.text.length;
  return chars;
}

/** Builds an attempt from its blocks. */
export function makeAttempt(method: AttemptMethod, blocks: Block[]): ExtractionAttempt {
  return { method, blocks, bodyChars: countBodyChars(blocks), proseChars: countProseChars(blocks) };
}

/** The JSON-LD articleBody split into paragraphs at line breaks. */
export function jsonLdAttempt(articleBody: string): ExtractionAttempt {
  const blocks: Block[] = [];
  for (const line of articleBody.split('\n')) {
    const text = collapseSpace(line);
    if (text !== '') blocks.push({ text, role: 'body' });
  }
  return makeAttempt('json-ld', blocks);
}

const ARTICLE_SELECTOR = 'article, main, [itemprop="articleBody"], [role="main"]';

/** The `<article>`, `<main>` or `[itemprop=articleBody]` element with the most prose. */
export function articleElementAttempt(document: Document, prefix: string): ExtractionAttempt | null {
  const candidates = Array.from(document.querySelectorAll(ARTICLE_SELECTOR));
  let best: ExtractionAttempt | null = null;
  for (const el of candidates) {
    const attempt = makeAttempt('article-element', renderBlocks(el, prefix));
    if (!best || attempt.proseChars > best.proseChars) best = attempt;
  }
  return best;
}

/** Text of an element not inside links, and the total, to measure link density. */
function linkDensity(el: Element): number {
  const total = (el.textContent ?? '').length;
  if (total === 0) return 1;
  let linked = 0;
  const links = el.getElementsByTagName('a');
  for (let i = 0; i < links.length; i++) linked += (links[i]?.textContent ?? '').length;
  return linked / total;
}

/** The parent element whose direct `<p>` children hold the most text with few links. */
export function paragraphDensityAttempt(document: Document, prefix: string): ExtractionAttempt | null {
  const totals = new Map<Element, number>();
  const paragraphs = document.getElementsByTagName('p');
  for (let i = 0; i < paragraphs.length; i++) {
    const p = paragraphs[i] as Element;
    const parent = p.parentElement;
    if (!parent || linkDensity(p) > 0.5) continue;
    totals.set(parent, (totals.get(parent) ?? 0) + collapseSpace(p.textContent ?? '').length);
  }
  let best: Element | null = null;
  let bestChars = 0;
  for (const [el, chars] of totals) {
    if (chars > bestChars) {
      best = el;
      bestChars = chars;
    }
  }
  return best ? makeAttempt('paragraph-density', renderBlocks(best, prefix)) : null;
}

/** Everything visible in `<body>`: the last resort, which keeps navigation and footers too. */
export function visibleTextAttempt(document: Document, prefix: string): ExtractionAttempt {
  const root = document.body ?? document.documentElement;
  return makeAttempt('visible-text', root ? renderBlocks(root, prefix) : []);
}
