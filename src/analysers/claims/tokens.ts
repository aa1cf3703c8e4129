/**
 * The claims analyser's tokenizer: one pass over a sentence, no regex per character on ASCII text.
 * Words keep inner hyphens and apostrophes ("anti-terror", "don't"); a trailing possessive ('s, ’s)
 * becomes its own token so "Israel’s" still yields the name "Israel". Numbers keep inner commas,
 * points and slashes ("3,000", "1.5", "9/11"). Every other non-space character is one punctuation
 * token. Offsets are absolute UTF-16 offsets into the document text.
 */

/** Token classes. */
export const WORD = 0;
export const NUMBER = 1;
export const PUNCT = 2;

/** One token of a sentence. */
export interface Token {
  start: number;
  end: number;
  /** Lower case, curly apostrophes made straight. */
  lower: string;
  /** WORD, NUMBER or PUNCT. */
  type: number;
  /** Starts with an upper-case letter. */
  isCapitalised: boolean;
}

const NON_ASCII_WORD = /[\p{L}\p{N}\p{M}]/u;
const NON_ASCII_UPPER = /\p{Lu}/u;

function isWordCode(code: number, ch: string): boolean {
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57);
  return NON_ASCII_WORD.test(ch);
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function isSpace(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13) || code === 160 || (code >= 0x2000 && code <= 0x200b) || code === 0x3000 || code === 0x202f;
}

function isApostrophe(code: number): boolean {
  return code === 39 || code === 0x2019;
}

/** Tokens of `text` between `start` and `end`. Linear in the length of the range. */
export function tokenize(text: string, start: number, end: number): Token[] {
  const out: Token[] = [];
  let i = start;
  while (i < end) {
    const code = text.charCodeAt(i);
    if (isSpace(code)) {
      i++;
      continue;
    }
    const ch = text[i]!;
    if (!isWordCode(code, ch)) {
      out.push({ start: i, end: i + 1, lower: ch === '’' ? "'" : ch, type: PUNCT, isCapitalised: false });
      i++;
      continue;
    }
    const from = i;
    let allDigits = true;
    while (i < end) {
      const c = text.charCodeAt(i);
      if (isWordCode(c, text[i]!)) {
        if (!isDigit(c)) allDigits = false;
        i++;
        continue;
      }
      // Inner joiners: a hyphen or apostrophe between letters, a comma, point or slash between digits.
      const next = i + 1 < end ? text.charCodeAt(i + 1) : -1;
      if (next < 0 || !isWordCode(next, text[i + 1]!)) break;
      if ((c === 45 || isApostrophe(c)) && !allDigits) {
        i++;
        continue;
      }
      if ((c === 44 || c === 46 || c === 47) && allDigits && isDigit(next) && isDigit(text.charCodeAt(i - 1))) {
        i++;
        continue;
      }
      break;
    }
    pushWord(text, out, from, i, allDigits);
  }
  return out;
}

function pushWord(text: string, out: Token[], from: number, to: number, allDigits: boolean): void {
  const raw = text.slice(from, to);
  const first = raw.charCodeAt(0);
  const isCapitalised = first < 128 ? first >= 65 && first <= 90 : NON_ASCII_UPPER.test(raw[0]!);
  let lower = raw.toLowerCase();
  if (lower.includes('’')) lower = lower.replaceAll('’', "'");
  if (!allDigits && lower.length > 2 && lower.endsWith("'s")) {
    out.push({ start: from, end: to - 2, lower: lower.slice(0, -2), type: WORD, isCapitalised });
    out.push({ start: to - 2, end: to, lower: "'s", type: WORD, isCapitalised: false });
    return;
  }
  out.push({ start: from, end: to, lower, type: allDigits || isDigit(first) ? NUMBER : WORD, isCapitalised });
}

/** Index of the first word or number token at or after `from`, or `to` when there is none. */
export function firstWordIndex(tokens: readonly Token[], from: number, to: number): number {
  let i = from;
  while (i < to && tokens[i]!.type === PUNCT) i++;
  return i;
}

/** Number of word and number tokens in [from, to). */
export function countWords(tokens: readonly Token[], from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) if (tokens[i]!.type !== PUNCT) n++;
  return n;
}
