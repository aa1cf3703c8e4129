/**
 * A cheap, linear pre-scan of raw HTML that bounds element nesting before the DOM is built.
 * linkedom and Readability recurse over the tree, so a page nested thousands of levels deep
 * (hostile or broken) would overflow the stack; like browsers (Blink stops at 512), we flatten:
 * tags opened beyond the limit, and their end tags, are dropped, and their text is kept.
 */

/** Nesting depth beyond which tags are flattened (Blink's parser uses the same figure). */
export const MAX_NESTING_DEPTH = 512;

/** Elements whose content is raw text: no tags inside until the matching end tag. */
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'plaintext']);

/** Void elements and elements with optional end tags: they never count towards depth. */
const NOT_NESTING = new Set([
  'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr',
  'p', 'li', 'dt', 'dd', 'option', 'optgroup', 'tr', 'td', 'th', 'tbody', 'thead', 'tfoot', 'colgroup',
  'rb', 'rt', 'rp', 'html', 'head', 'body',
]);

/** Result of the scan: the (possibly flattened) HTML and what was found. */
export interface NestingResult {
  html: string;
  /** Deepest nesting seen, counting only elements that need an end tag. */
  maxDepth: number;
  /** True when tags beyond the limit were dropped. */
  isFlattened: boolean;
}

function isNameChar(code: number): boolean {
  // a-z A-Z 0-9 - _ : .
  return (
    (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) ||
    code === 45 || code === 95 || code === 58 || code === 46
  );
}

/** Index just past the `>` closing the tag that starts at `from`, honouring quoted attribute values. */
function tagEnd(html: string, from: number): number {
  let quote = 0;
  for (let i = from; i < html.length; i++) {
    const code = html.charCodeAt(i);
    if (quote !== 0) {
      if (code === quote) quote = 0;
    } else if (code === 34 || code === 39) {
      // A quote only opens a value right after `=` (possibly with spaces); elsewhere it is literal.
      let j = i - 1;
      while (j > from && (html.charCodeAt(j) === 32 || html.charCodeAt(j) === 9 || html.charCodeAt(j) === 10)) j--;
      if (html.charCodeAt(j) === 61) quote = code;
    } else if (code === 62) {
      return i + 1;
    }
  }
  return html.length;
}

/** Index of `</name` (any case) at or after `from`, or -1. */
function findEndTag(html: string, name: string, from: number): number {
  let at = html.indexOf('</', from);
  while (at >= 0) {
    if (html.slice(at + 2, at + 2 + name.length).toLowerCase() === name && !isNameChar(html.charCodeAt(at + 2 + name.length))) {
      return at;
    }
    at = html.indexOf('</', at + 2);
  }
  return -1;
}

/**
 * Scans `html` once and, when elements nest deeper than `limit`, drops the start and end tags of
 * those beyond it. Linear in the length of the input; returns the input itself when nothing is deep.
 */
export function limitNesting(html: string, limit: number = MAX_NESTING_DEPTH): NestingResult {
  let depth = 0;
  let maxDepth = 0;
  const cuts: number[] = []; // pairs [start, end) of tags to drop
  let i = html.indexOf('<');
  while (i >= 0 && i < html.length - 1) {
    const next = html.charCodeAt(i + 1);
    if (next === 33) {
      // <!-- comment --> or <!DOCTYPE …> / <![CDATA[ … ]]>
      const close = html.startsWith('<!--', i) ? html.indexOf('-->', i + 4) : html.indexOf('>', i + 2);
      i = close < 0 ? html.length : html.indexOf('<', close + 1);
      continue;
    }
    const isEnd = next === 47;
    let j = isEnd ? i + 2 : i + 1;
    const nameStart = j;
    while (j < html.length && isNameChar(html.charCodeAt(j))) j++;
    if (j === nameStart) {
      i = html.indexOf('<', i + 1);
      continue;
    }
    const name = html.slice(nameStart, j).toLowerCase();
    const end = tagEnd(html, j);
    if (isEnd) {
      if (!NOT_NESTING.has(name) && !RAW_TEXT.has(name)) {
        if (depth > limit) cuts.push(i, end);
        if (depth > 0) depth--;
      }
    } else if (RAW_TEXT.has(name)) {
      const close = findEndTag(html, name, end);
      i = close < 0 ? -1 : html.indexOf('<', close + 2 + name.length);
      continue;
    } else if (!NOT_NESTING.has(name)) {
      depth++;
      if (depth > maxDepth) maxDepth = depth;
      if (depth > limit) cuts.push(i, end);
    }
    i = html.indexOf('<', end);
  }
  if (cuts.length === 0) return { html, maxDepth, isFlattened: false };
  const parts: string[] = [];
  let at = 0;
  for (let k = 0; k < cuts.length; k += 2) {
    parts.push(html.slice(at, cuts[k]), ' ');
    at = cuts[k + 1] ?? at;
  }
  parts.push(html.slice(at));
  return { html: parts.join(''), maxDepth, isFlattened: true };
}
