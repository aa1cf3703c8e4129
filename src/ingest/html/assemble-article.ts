/**
 * Joins the headline and the extracted blocks into the article text (one paragraph per block,
 * separated by a blank line) and annotates the regions ingest knows: the headline, each embedded
 * post (rendered as its text and an attribution line), each caption or credit, and block quotations
 * (body regions with `data.blockquote`, which the quotes analyser reads as quotes without marks).
 */
import { makeAnnotation } from '../../core/annotation.js';
import type { Annotation } from '../../core/types.js';
import { formatDate } from './describe-embed.js';
import type { FoundEmbed } from './find-embeds.js';
import type { Block } from './render-blocks.js';

/** Source id of every annotation made by HTML ingest. */
export const INGEST_SOURCE = 'ingest-html';

/** The assembled text and its region annotations. */
export interface AssembledArticle {
  text: string;
  annotations: Annotation[];
  /** How many embeds made it into the text. */
  embedCount: number;
}

/** An embed as text: the post, then `— Name (@handle) Month D, YYYY` where known. */
export function renderEmbedText(embed: FoundEmbed): string {
  const lines = [embed.text || `[${embed.rule.name}: ${embed.title ?? embed.url ?? 'source not given'}]`];
  const attribution = [
    embed.name,
    embed.handle ? (embed.name ? `(@${embed.handle})` : `@${embed.handle}`) : null,
    embed.date ? formatDate(embed.date) : null,
  ].filter((part): part is string => part !== null && part !== '');
  if (attribution.length > 0) lines.push(`\u2014 ${attribution.join(' ')}`);
  return lines.join('\n');
}

function sameText(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/** Builds the text from `title` and `blocks` and annotates headline, embeds and captions. */
export function assembleArticle(title: string | null, blocks: readonly Block[], embeds: readonly FoundEmbed[]): AssembledArticle {
  const paragraphs: Array<{ text: string; block: Block | null }> = [];
  if (title) paragraphs.push({ text: title, block: null });
  const usedEmbeds = new Set<number>();
  for (const [i, block] of blocks.entries()) {
    // The page's own <h1> repeats the headline we already put first.
    if (title && i < 3 && block.role !== 'embed' && sameText(block.text, title)) continue;
    if (block.role === 'embed') {
      const embed = embeds[block.embedIndex ?? -1];
      if (!embed || usedEmbeds.has(embed.index)) continue;
      usedEmbeds.add(embed.index);
      paragraphs.push({ text: renderEmbedText(embed), block });
    } else {
      paragraphs.push({ text: block.text, block });
    }
  }
  const text = paragraphs.map((p) => p.text).join('\n\n');
  const annotations: Annotation[] = [];
  let at = 0;
  for (const { text: paragraph, block } of paragraphs) {
    const span = { start: at, end: at + paragraph.length };
    at = span.end + 2;
    if (block === null) {
      annotations.push(makeAnnotation(text, INGEST_SOURCE, {
        kind: 'region', span, label: 'headline', confidence: 0.95, ruleId: 'html-headline', data: {},
        note: 'The article title from the page metadata, placed as the first paragraph.',
      }));
    } else if (block.role === 'caption') {
      annotations.push(makeAnnotation(text, INGEST_SOURCE, {
        kind: 'region', span, label: 'caption', confidence: 0.85, ruleId: 'html-caption', data: {},
        note: 'A figure caption or photo credit (a figcaption, or an element with a caption or credit class).',
      }));
    } else if (block.role === 'blockquote') {
      annotations.push(makeAnnotation(text, INGEST_SOURCE, {
        kind: 'region', span, label: 'body', confidence: 0.9, ruleId: 'html-blockquote', data: { blockquote: true },
        note: 'A block quotation (<blockquote>) in the article: the article\'s body, quoting someone.',
      }));
    } else if (block.role === 'embed') {
      const embed = embeds[block.embedIndex ?? -1] as FoundEmbed;
      annotations.push(makeAnnotation(text, INGEST_SOURCE, {
        kind: 'region', span, label: 'embed', confidence: embed.rule.confidence, ruleId: embed.rule.id,
        data: { platform: embed.rule.platform, handle: embed.handle ? `@${embed.handle}` : null, date: embed.date, url: embed.url },
        note: embed.rule.note,
      }));
    }
  }
  return { text, annotations, embedCount: usedEmbeds.size };
}
