/**
 * Paragraph boundaries in plain text. Scraped articles come in two shapes: one paragraph a line
 * (no blank lines), or blank-line separated blocks, sometimes hard-wrapped. We pick per document:
 * blocks when the text is hard-wrapped, otherwise every non-blank line is its own paragraph (so a
 * pasted post residue line never fuses with the author's prose around it).
 */
import type { Span } from '../../core/types.js';

/** A non-blank line, trimmed of surrounding white space. */
export interface LineSpan extends Span {
  /** Whether a blank line (or the start of the text) comes before it. */
  afterBlank: boolean;
}

const SENTENCE_END = /[.!?:;"”’)\]…»]$/u;

/** Non-blank lines of `text`, trimmed, in order. Linear in the length of the text. */
export function splitLines(text: string): LineSpan[] {
  const lines: LineSpan[] = [];
  let lineStart = 0;
  let afterBlank = true;
  const length = text.length;
  for (let i = 0; i <= length; i++) {
    const code = i < length ? text.charCodeAt(i) : 10;
    // \n, \r, U+2028, U+2029 end a line (\r\n counts once).
    if (code !== 10 && code !== 13 && code !== 0x2028 && code !== 0x2029) continue;
    let start = lineStart;
    let end = i;
    while (start < end && isSpace(text.charCodeAt(start))) start++;
    while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
    if (end > start) {
      lines.push({ start, end, afterBlank });
      afterBlank = false;
    } else {
      afterBlank = true;
    }
    if (code === 13 && i + 1 < length && text.charCodeAt(i + 1) === 10) i++;
    lineStart = i + 1;
  }
  return lines;
}

/** Paragraph spans of `text`: lines, or blank-line blocks when the text is hard-wrapped. */
export function splitParagraphs(text: string): Span[] {
  const lines = splitLines(text);
  if (!isHardWrapped(text, lines)) return lines.map(({ start, end }) => ({ start, end }));
  const paragraphs: Span[] = [];
  for (const line of lines) {
    const last = paragraphs[paragraphs.length - 1];
    if (last && !line.afterBlank) last.end = line.end;
    else paragraphs.push({ start: line.start, end: line.end });
  }
  return paragraphs;
}

/** Hard-wrapped: blank lines separate blocks, and inside blocks most lines stop mid-sentence. */
function isHardWrapped(text: string, lines: readonly LineSpan[]): boolean {
  let inner = 0;
  let midSentence = 0;
  let blocks = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.afterBlank) blocks++;
    const next = lines[i + 1];
    if (!next || next.afterBlank) continue;
    inner++;
    const width = line.end - line.start;
    if (width < 100 && !SENTENCE_END.test(text.slice(Math.max(line.start, line.end - 1), line.end))) midSentence++;
  }
  return blocks > 1 && inner > 0 && midSentence / inner >= 0.5;
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 0xa0 || code === 0xfeff || (code >= 0x2000 && code <= 0x200b) || code === 0x3000 || code === 12 || code === 11;
}
