/**
 * The post text of an embedded social-media post, as pages paste it: the post's lines around its
 * attribution line ("— Name (@handle) date", Instagram's "A post shared by Name (@handle)").
 * Scraped pages often put a short first line (an emoji, a title) before the attribution line and
 * the rest of the post after it; the post text is whichever side holds more words, the side before
 * on a tie. Links (pic.twitter.com, t.co, URLs) are not words. An embed that is only its
 * attribution line has no post text.
 */
import type { Annotation, Span } from '../../core/types.js';

const ATTRIBUTION_MARKERS = ['\n—', '\n–', '\nA post shared by'];

function wordCount(s: string): number {
  let n = 0;
  for (const w of s.split(/\s+/u)) if (!/^(?:https?:|pic\.|t\.co\/|t\.me\/|www\.)/iu.test(w) && /\p{L}.*\p{L}/u.test(w)) n++;
  return n;
}

function trimmed(text: string, start: number, end: number): Span | null {
  let s = start;
  let e = end;
  while (s < e && /\s/u.test(text[s]!)) s++;
  while (e > s && /\s/u.test(text[e - 1]!)) e--;
  return e > s ? { start: s, end: e } : null;
}

/** The post text of the embed `region` of `text` posted by `handle`, or null when there is none. */
export function postText(text: string, region: Annotation, handle: string): Span | null {
  const { start, end } = region.span;
  const body = text.slice(start, end);
  // Where the attribution line starts: the earliest marker, else the line holding the handle.
  let line = body.startsWith('A post shared by') ? 0 : -1;
  for (const marker of ATTRIBUTION_MARKERS) {
    const at = body.indexOf(marker);
    if (at >= 0 && (line < 0 || at + 1 < line)) line = at + 1;
  }
  if (line < 0) {
    const at = body.indexOf(handle);
    if (at < 0) return trimmed(text, start, end);
    line = body.lastIndexOf('\n', at) + 1;
    if (line === 0 && at > 0) return trimmed(text, start, start + at);
  }
  const lineEnd = body.indexOf('\n', line);
  const before = body.slice(0, line);
  const after = lineEnd < 0 ? '' : body.slice(lineEnd + 1);
  if (wordCount(after) > wordCount(before)) return trimmed(text, start + lineEnd + 1, end);
  return trimmed(text, start, start + line);
}
