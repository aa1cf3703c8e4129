import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { emptyMeta, type IngestedArticle } from '../types.js';
export function ingestHtml(html: string, options: { url?: string } = {}): IngestedArticle {
  const { document } = parseHTML(html);
  const article = new Readability(document).parse();
  return { text: article?.textContent ?? '', meta: { ...emptyMeta(), url: options.url ?? null }, annotations: [], provided: [], diagnostics: [] };
}
