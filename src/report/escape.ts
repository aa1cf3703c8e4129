/**
 * Escaping for every output format. Article text and annotation fields are untrusted: they may hold
 * markup, Markdown, terminal escape sequences or `</script>`. Each function is one linear pass.
 */

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
const HTML_SPECIAL = /[&<>"']/g;

/** Escapes text for HTML element content and quoted attribute values alike. */
export function escapeHtml(value: string): string {
  return value.replace(HTML_SPECIAL, (ch) => HTML_ESCAPES[ch] ?? ch);
}

const JSON_IN_HTML = /[<>&\u2028\u2029]/g;

/**
 * JSON that is safe inside `<script type="application/json">`: `<`, `>`, `&` and the line
 * separators become `\uXXXX` escapes, so `</script>` or `<!--` in the data cannot end the element.
 */
export function jsonForHtml(value: unknown): string {
  return JSON.stringify(value).replace(
    JSON_IN_HTML,
    (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** Characters that are Markdown syntax anywhere in a line (CommonMark lets any be backslash-escaped). */
const MD_INLINE = new Set(['\\', '`', '*', '_', '[', ']', '<', '>', '|', '~', '&', '!', '#', '$']);
/** Characters that are Markdown syntax only at the start of a line (lists, headings, quotes). */
const MD_LINE_START = new Set(['#', '+', '-', '=', '>']);

/**
 * Escapes Markdown metacharacters so article text renders literally: inline syntax everywhere,
 * block syntax (`#`, `-`, `1.` …) at line starts, leading blanks (dropped: they would start a code
 * block), and control characters (replaced by U+FFFD).
 */
export function escapeMarkdown(value: string): string {
  return escapeMarkdownRange(value, 0, value.length, false);
}

/**
 * Escapes `text.slice(start, end)` for Markdown, looking at the characters around the range to know
 * where lines start. With `hardBreaks`, a single newline inside a paragraph becomes a hard line break
 * (a trailing backslash) so line structure survives; blank lines still separate paragraphs.
 */
export function escapeMarkdownRange(text: string, start: number, end: number, hardBreaks: boolean): string {
  // Runs of ordinary characters are copied with one slice; only escapes are appended one by one.
  let out = '';
  let from = start;
  const emit = (i: number, replacement: string): void => {
    out += text.slice(from, i) + replacement;
    from = i + 1;
  };
  let atLineStart = start === 0 || text[start - 1] === '\n';
  let digitsRun = false;
  for (let i = start; i < end; i++) {
    const ch = text[i] as string;
    if (ch === '\n') {
      const isInside = hardBreaks && i > 0 && text[i - 1] !== '\n' && i + 1 < text.length && text[i + 1] !== '\n';
      if (isInside && !atLineStart && !isBlankLineAt(text, i + 1)) emit(i, '\\\n');
      atLineStart = true;
      digitsRun = false;
      continue;
    }
    // Leading blanks are dropped: four of them would start an indented code block.
    if (atLineStart && (ch === ' ' || ch === '\t')) {
      emit(i, '');
      continue;
    }
    if (atLineStart && ch >= '0' && ch <= '9') {
      digitsRun = true;
      atLineStart = false;
      continue;
    }
    if (digitsRun && (ch === '.' || ch === ')')) {
      emit(i, `\\${ch}`);
      digitsRun = false;
      continue;
    }
    if (digitsRun && !(ch >= '0' && ch <= '9')) digitsRun = false;
    const code = ch.charCodeAt(0);
    if ((code < 32 && code !== 9 && code !== 13) || (code >= 0x7f && code <= 0x9f)) {
      // Control characters (ESC …) mean nothing in Markdown and could drive a terminal showing the file.
      emit(i, '\uFFFD');
    } else if ((atLineStart && MD_LINE_START.has(ch)) || MD_INLINE.has(ch)) {
      emit(i, `\\${ch}`);
    }
    atLineStart = false;
  }
  return out + text.slice(from, end);
}

/** True when the line starting at `from` holds only blanks (so it ends a paragraph). */
function isBlankLineAt(text: string, from: number): boolean {
  for (let i = from; i < text.length && i < from + 64; i++) {
    const ch = text[i];
    if (ch === '\n') return true;
    if (ch !== ' ' && ch !== '\t' && ch !== '\r') return false;
  }
  return from + 64 > text.length;
}

/** Escapes a value for one Markdown table cell: Markdown-escaped, on one line, never empty. */
export function escapeMarkdownCell(value: string): string {
  const flat = escapeMarkdown(collapseWhitespace(value));
  return flat === '' ? ' ' : flat;
}

/** Replaces runs of white space (newlines included) by one space and trims. */
export function collapseWhitespace(value: string): string {
  let out = '';
  let pendingSpace = false;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    const isSpace = code === 32 || (code >= 9 && code <= 13) || code === 0xa0 || code === 0x2028 || code === 0x2029;
    if (isSpace) {
      pendingSpace = out.length > 0;
      continue;
    }
    if (pendingSpace) out += ' ';
    pendingSpace = false;
    out += value[i];
  }
  return out;
}

/**
 * Makes untrusted text harmless on a terminal: C0 and C1 control characters (ESC, CSI, BEL …) and
 * bidi overrides become U+FFFD, so an article cannot move the cursor, recolour or retitle the
 * terminal. Newlines and tabs are kept.
 */
export function sanitizeTerminal(value: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    const isControl =
      (code < 32 && code !== 9 && code !== 10) ||
      (code >= 0x7f && code <= 0x9f) ||
      (code >= 0x202a && code <= 0x202e) ||
      (code >= 0x2066 && code <= 0x2069);
    if (!isControl) continue;
    out += value.slice(from, i) + (code === 13 ? '' : '\uFFFD');
    from = i + 1;
  }
  return from === 0 ? value : out + value.slice(from);
}

/** Shortens `value` to at most `max` characters with an ellipsis, without splitting a surrogate pair. */
export function truncate(value: string, max: number): string {
  if (value.length <= max) return value;
  let cut = Math.max(0, max - 1);
  const code = value.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
  return `${value.slice(0, cut)}…`;
}
