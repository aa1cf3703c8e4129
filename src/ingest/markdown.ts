/**
 * Markdown ingest: the article's prose without Markdown syntax, one paragraph per block. The
 * first ATX heading becomes the headline (and the title, when front matter gives none).
 */
import { makeAnnotation } from '../core/annotation.js';
import { emptyMeta, type IngestedArticle } from './types.js';

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/;
const HEADING = /^#{1,6}\s+(.*?)\s*#*\s*$/;
const FENCE = /^(```|~~~)/;

/** Converts Markdown to analysable text, keeping title, author and date from front matter. */
export function ingestMarkdown(markdown: string): IngestedArticle {
  const meta = { ...emptyMeta(), format: 'markdown' as const };
  let body = markdown;
  const front = FRONT_MATTER.exec(markdown);
  if (front) {
    body = markdown.slice(front[0].length);
    for (const line of front[1]!.split(/\r?\n/)) {
      const field = /^(\w+)\s*:\s*["']?(.*?)["']?\s*$/.exec(line);
      if (!field) continue;
      const [, key, value] = field as unknown as [string, string, string];
      if (key === 'title' && value) meta.title = value;
      else if ((key === 'author' || key === 'authors') && value) meta.authors = value.split(/\s*(?:,|\band\b)\s*/).filter(Boolean);
      else if (key === 'date' && value) meta.publishedTime = value;
      else if (key === 'lang' && value) meta.lang = value;
      else if (key === 'url' && value) meta.url = value;
    }
  }
  const blocks: string[] = [];
  let headline: string | null = null;
  let current: string[] = [];
  let inFence = false;
  const flush = (): void => {
    if (current.length) blocks.push(current.join(inFence ? '\n' : ' '));
    current = [];
  };
  for (const raw of body.split(/\r?\n/)) {
    if (FENCE.test(raw.trim())) {
      flush();
      inFence = !inFence;
      continue;
    }
    if (inFence) {
      current.push(raw);
      continue;
    }
    const line = raw.trim();
    if (!line) {
      flush();
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      flush();
      const title = stripInline(heading[1] ?? '');
      if (headline === null && blocks.length === 0) headline = title;
      blocks.push(title);
      continue;
    }
    if (/^([-*_])(\s*\1){2,}$/.test(line)) {
      flush();
      continue;
    }
    // List items and block quotes start their own line in a block.
    const item = /^(?:[-*+]|\d+[.)])\s+(.*)$/.exec(line);
    if (item) {
      flush();
      current.push(stripInline(item[1] ?? ''));
      flush();
      continue;
    }
    current.push(stripInline(line.replace(/^>\s?/, '')));
  }
  flush();
  const text = blocks.join('\n\n');
  if (meta.title === null && headline !== null) meta.title = headline;
  const annotations =
    headline !== null && text.startsWith(headline) && headline.length > 0
      ? [
          makeAnnotation(text, 'ingest-markdown', {
            kind: 'region',
            span: { start: 0, end: headline.length },
            label: 'headline',
            confidence: 0.95,
            ruleId: 'markdown-first-heading',
            note: 'The first heading of the Markdown document.',
          }),
        ]
      : [];
  return { text, meta, annotations, provided: [], diagnostics: [] };
}

/** Removes inline Markdown: images, links, emphasis, code ticks, HTML tags. */
function stripInline(line: string): string {
  return line
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\[[^\]]*\]/g, '$1')
    .replace(/(\*\*|__)(?=\S)([^*_]*?\S)\1/g, '$2')
    .replace(/(\*|_)(?=\S)([^*_]*?\S)\1/g, '$2')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/<\/?[a-zA-Z][^>]*>/g, '')
    .trim();
}
