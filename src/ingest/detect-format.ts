/**
 * Decides whether an input is plain text, HTML or Markdown from its Content-Type, its file
 * extension and its content. Declared types win, except that a strong content signal (a full
 * HTML document) beats a misleading declaration. A .txt file is never read as Markdown: plain
 * text is analysed exactly as given. Looks at the first 64 KB only, in linear time.
 */
import type { InputFormat } from '../core/types.js';

const SAMPLE_CHARS = 64 * 1024;

const HTML_EXTENSIONS = new Set(['html', 'htm', 'xhtml', 'xht', 'shtml']);
const MARKDOWN_EXTENSIONS = new Set(['md', 'markdown', 'mdown', 'mkd', 'mkdn']);
const TEXT_EXTENSIONS = new Set(['txt', 'text']);
const HTML_TYPES = new Set(['text/html', 'application/xhtml+xml']);
const MARKDOWN_TYPES = new Set(['text/markdown', 'text/x-markdown']);

/** Opening or closing block-level (and document) tags; bounded attribute run, so no backtracking blow-up. */
const BLOCK_TAG = /<\/?(?:p|div|article|body|head|section|main|header|footer|nav|aside|h[1-6]|ul|ol|li|table|tr|td|blockquote|figure|title|meta|link|script|style|br)(?=[\s/>])[^<>]{0,1000}>/gi;
const ATX_HEADING = /^ {0,3}#{1,6}[ \t]+\S/gm;
const INLINE_LINK = /!?\[[^[\]\n]{1,300}\]\((?:https?:\/\/|\/|#|\.)[^\s()]{0,1000}\)/g;
const REFERENCE_LINK = /^ {0,3}\[[^\]\n]{1,100}\]:[ \t]*\S/gm;
const BOLD = /(?:\*\*|__)[^*_\s][^*_\n]{0,300}(?:\*\*|__)/g;
const FENCE = /^ {0,3}(?:```|~~~)/gm;

/** Counts matches of a global pattern, stopping at `limit`. */
function countMatches(pattern: RegExp, text: string, limit: number): number {
  pattern.lastIndex = 0;
  let count = 0;
  while (count < limit && pattern.exec(text) !== null) count++;
  pattern.lastIndex = 0;
  return count;
}

/** The lower-cased extension of the last path segment of a path or URL, or ''. */
function extensionOf(pathOrUrl: string | undefined): string {
  if (pathOrUrl === undefined) return '';
  let path = pathOrUrl;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(path)) {
    try {
      path = new URL(path).pathname;
    } catch {
      /* keep the raw string */
    }
  }
  const cut = path.search(/[?#]/);
  if (cut >= 0) path = path.slice(0, cut);
  const slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  const name = path.slice(slash + 1);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

/** The media type of a Content-Type header, lower-cased, without parameters. */
function mediaTypeOf(contentType: string | null | undefined): string {
  if (contentType == null) return '';
  const semi = contentType.indexOf(';');
  return (semi < 0 ? contentType : contentType.slice(0, semi)).trim().toLowerCase();
}

/** Skips a BOM, white space, HTML comments and an XML declaration at the start of `text`. */
function skipPreamble(text: string): number {
  let i = 0;
  for (;;) {
    while (i < text.length && (text.charCodeAt(i) <= 0x20 || text.charCodeAt(i) === 0xfeff)) i++;
    if (text.startsWith('<!--', i)) {
      const end = text.indexOf('-->', i + 4);
      if (end < 0) return text.length;
      i = end + 3;
    } else if (text.startsWith('<?xml', i)) {
      const end = text.indexOf('?>', i + 5);
      if (end < 0) return text.length;
      i = end + 2;
    } else {
      return i;
    }
  }
}

/** True when the text opens like an HTML document: doctype, or an html, head or body tag. */
function opensAsHtmlDocument(sample: string): boolean {
  const start = skipPreamble(sample);
  const head = sample.slice(start, start + 16).toLowerCase();
  return /^(?:<!doctype\s+html|<html|<head|<body)(?:[\s>/]|$)/.test(head);
}

/** Markdown evidence: how many kinds of signal appear, and how many signals in all. */
function markdownEvidence(sample: string): { kinds: number; total: number } {
  const counts = [
    countMatches(ATX_HEADING, sample, 5),
    countMatches(INLINE_LINK, sample, 5),
    countMatches(REFERENCE_LINK, sample, 5),
    countMatches(BOLD, sample, 5),
    countMatches(FENCE, sample, 5),
  ];
  return { kinds: counts.filter((n) => n > 0).length, total: counts.reduce((a, b) => a + b, 0) };
}

/**
 * Detects the input format from content, extension and Content-Type (which wins over the
 * extension). A full HTML document is HTML whatever it is called; otherwise a declared type
 * stands; undeclared input is HTML with 3+ block tags, Markdown with strong signals (two kinds,
 * or three of one kind: headings, links, bold, fences), else text.
 */
export function detectFormat(text: string, pathOrUrl?: string, contentType?: string | null): InputFormat {
  const sample = text.length > SAMPLE_CHARS ? text.slice(0, SAMPLE_CHARS) : text;
  if (opensAsHtmlDocument(sample)) return 'html';

  const mediaType = mediaTypeOf(contentType);
  const extension = extensionOf(pathOrUrl);
  const declared: InputFormat | null = HTML_TYPES.has(mediaType)
    ? 'html'
    : MARKDOWN_TYPES.has(mediaType)
      ? 'markdown'
      : mediaType === 'text/plain'
        ? 'text'
        : HTML_EXTENSIONS.has(extension)
          ? 'html'
          : MARKDOWN_EXTENSIONS.has(extension)
            ? 'markdown'
            : TEXT_EXTENSIONS.has(extension)
              ? 'text'
              : null;
  const blockTags = countMatches(BLOCK_TAG, sample, 50);
  if (declared === 'text') return blockTags >= 12 ? 'html' : 'text';
  if (declared !== null) return declared;

  const markdown = markdownEvidence(sample);
  const isStrongMarkdown = markdown.kinds >= 2 || markdown.total >= 3;
  if (blockTags >= 3 && (!isStrongMarkdown || blockTags >= markdown.total * 2)) return 'html';
  if (isStrongMarkdown) return 'markdown';
  return 'text';
}
