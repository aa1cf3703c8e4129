/**
 * Finds embedded posts and videos in a parsed page and swaps each for a placeholder paragraph, so
 * the extractor neither drops them silently nor mistakes them for article text. The placeholder is
 * a plain `<p>` with a unique token and enough text (with a full stop) to survive Readability's
 * cleaning; the renderer turns it back into the post's text and a region annotation.
 */
import { EMBED_CLASSES, EMBED_RULES, type EmbedRule } from './embed-rules.js';
import { describeEmbed, type EmbedDetails } from './describe-embed.js';

/** One embed found in the page, in document order. */
export interface FoundEmbed extends EmbedDetails {
  index: number;
  rule: EmbedRule;
}

/** Tags that any rule can match, to skip every other element at once. */
const CANDIDATE_TAGS = new Set(EMBED_RULES.flatMap((rule) => rule.tags));

/** Picks a token prefix that does not occur in the page, so placeholders are unambiguous. */
export function placeholderPrefix(html: string): string {
  let prefix = 'MGLEMBED';
  while (html.includes(prefix)) prefix += 'X';
  return prefix;
}

/** The placeholder text for embed `index`; `matchPlaceholder` reads it back. */
export function placeholderText(prefix: string, index: number): string {
  return `Embedded post ${prefix}${index}Q kept in its place.`;
}

/** Index of the embed whose placeholder occurs in `text`, or -1. */
export function matchPlaceholder(text: string, prefix: string): number {
  const at = text.indexOf(prefix);
  if (at < 0) return -1;
  let end = at + prefix.length;
  while (end < text.length && text.charCodeAt(end) >= 48 && text.charCodeAt(end) <= 57) end++;
  return text.charAt(end) === 'Q' && end > at + prefix.length ? Number(text.slice(at + prefix.length, end)) : -1;
}

function hasClass(el: Element, classes: readonly string[]): boolean {
  const value = el.getAttribute('class');
  if (!value) return false;
  for (const token of value.split(/\s+/)) if (classes.includes(token)) return true;
  return false;
}

function matchRule(el: Element, tag: string): EmbedRule | null {
  for (const rule of EMBED_RULES) {
    if (!rule.tags.includes(tag)) continue;
    if (rule.classes && hasClass(el, rule.classes)) return rule;
    if (rule.attribute && el.hasAttribute(rule.attribute)) return rule;
    if (rule.src) {
      const src = el.getAttribute('src') ?? el.getAttribute('data-src') ?? el.getAttribute('data') ?? '';
      if (rule.src.test(src)) return rule;
    }
  }
  return null;
}

/** Cheap pre-test: the element's tag can match and, for blockquote/div, it has an embed class. */
function isCandidate(el: Element, tag: string): boolean {
  if (!CANDIDATE_TAGS.has(tag)) return false;
  if (tag === 'blockquote' || tag === 'div') {
    const value = el.getAttribute('class');
    if (!value) return false;
    for (const token of value.split(/\s+/)) if (EMBED_CLASSES.has(token)) return true;
    return false;
  }
  return true;
}

/**
 * Replaces every embed among `candidates` (elements of `document`, in document order) with a placeholder paragraph and returns what each said.
 * Elements inside an embed already replaced are skipped (an X iframe inside its blockquote).
 */
export function findEmbeds(document: Document, candidates: readonly Element[], prefix: string): FoundEmbed[] {
  const found: FoundEmbed[] = [];
  const matches: Array<{ el: Element; rule: EmbedRule }> = [];
  for (const el of candidates) {
    const tag = el.localName;
    if (!isCandidate(el, tag)) continue;
    const rule = matchRule(el, tag);
    if (rule) matches.push({ el, rule });
  }
  let lastContainer: Element | null = null;
  for (const { el, rule } of matches) {
    if (lastContainer?.contains(el)) continue;
    // A script widget in <head> has no place in the text.
    if (!document.body?.contains(el)) continue;
    const details = describeEmbed(el, rule);
    const index = found.length;
    found.push({ ...details, index, rule });
    const placeholder = document.createElement('p');
    placeholder.textContent = placeholderText(prefix, index);
    el.replaceWith(placeholder);
    lastContainer = el;
  }
  return found;
}
