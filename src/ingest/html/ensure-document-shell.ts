/**
 * linkedom builds the tree exactly as written and, unlike a browser, does not add a missing
 * `<html>` or `<body>`; a fragment then has no `document.body` and Readability fails. This adds the
 * missing shell with string operations only (each a single linear search).
 */

const HAS_HTML = /<html[\s>]/i;
const HAS_BODY = /<body[\s>]/i;
const HEAD_END = /<\/head\s*>/i;
const HTML_START = /<html[^>]*>/i;
const HTML_END = /<\/html\s*>/i;
const LEADING_DOCTYPE = /^\s*<!doctype[^>]*>/i;

/** Returns `html` with `<html>` and `<body>` present, so `document.body` exists after parsing. */
export function ensureDocumentShell(html: string): string {
  if (HAS_BODY.test(html)) return html;
  if (!HAS_HTML.test(html)) {
    return `<!DOCTYPE html><html><head></head><body>${html.replace(LEADING_DOCTYPE, '')}</body></html>`;
  }
  const headEnd = HEAD_END.exec(html);
  const htmlStart = HTML_START.exec(html);
  const openAt = headEnd ? headEnd.index + headEnd[0].length : htmlStart ? htmlStart.index + htmlStart[0].length : 0;
  const htmlEnd = HTML_END.exec(html);
  const closeAt = htmlEnd && htmlEnd.index >= openAt ? htmlEnd.index : html.length;
  return `${html.slice(0, openAt)}<body>${html.slice(openAt, closeAt)}</body>${html.slice(closeAt)}`;
}
