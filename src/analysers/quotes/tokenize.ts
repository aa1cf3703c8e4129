/**
 * A small word tokenizer for the stretches of text around a quote (the attribution) and for
 * reported-speech sentences: words (letters and digits, with inner apostrophes, hyphens and the
 * period of a known abbreviation) and single punctuation characters. One pass, no regex scans.
 */

/** A word or a punctuation character with its offsets in the document text. */
export interface Token {
  start: number;
  end: number;
  text: string;
  lower: string;
  isWord: boolean;
  /** Starts with an upper-case letter. */
  isCapital: boolean;
}

/** Abbreviations whose period belongs to the word (titles before names). */
const ABBREVIATIONS = new Set(['mr', 'mrs', 'ms', 'dr', 'gen', 'sen', 'rep', 'gov', 'lt', 'col', 'sgt', 'st', 'jr', 'sr', 'prof', 'rev', 'capt', 'maj', 'adm', 'cmdr', 'pres', 'messrs', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'inc', 'corp', 'ltd', 'co', 'vs']);
const LETTER = /[\p{L}\p{N}]/u;
const UPPER = /\p{Lu}/u;

function isWordChar(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  const c = ch.charCodeAt(0);
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return LETTER.test(ch);
}

function isSpaceCode(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9 || c === 0xa0 || (c >= 0x2000 && c <= 0x200b) || c === 0x202f || c === 0x3000;
}

/** "Jeffrey M. Jones": a single capital letter after a word, with a period and a capitalised word next. */
function isInitial(text: string, i: number, j: number, end: number): boolean {
  if (j - i !== 1 || j + 2 >= end || text[j + 1] !== ' ') return false;
  const c = text.charCodeAt(i);
  const next = text.charCodeAt(j + 2);
  return c >= 65 && c <= 90 && next >= 65 && next <= 90 && text[i - 1] === ' ' && isWordChar(text[i - 2]);
}

/** Tokens of `text` between `start` and `end`. */
export function tokenize(text: string, start: number, end: number): Token[] {
  const tokens: Token[] = [];
  let i = start;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (isSpaceCode(c)) {
      i++;
      continue;
    }
    const ch = text[i]!;
    if (!isWordChar(ch)) {
      tokens.push({ start: i, end: i + 1, text: ch, lower: ch, isWord: false, isCapital: false });
      i++;
      continue;
    }
    let j = i + 1;
    while (j < end) {
      const next = text[j]!;
      if (isWordChar(next)) j++;
      else if ((next === "'" || next === '’' || next === '-' || next === '.') && isWordChar(text[j + 1]) && j + 1 < end && next !== '.') j += 2;
      else if (next === '.' && j - i <= 2 && isWordChar(text[j + 1]) && text[j + 2] === '.') j += 3; // U.S., U.N.
      else break;
    }
    const word = text.slice(i, j);
    const lower = word.toLowerCase();
    if (j < end && text[j] === '.' && (ABBREVIATIONS.has(lower) || isInitial(text, i, j, end))) j++;
    const first = word.charCodeAt(0);
    const isCapital = first < 128 ? first >= 65 && first <= 90 : UPPER.test(word[0]!);
    tokens.push({ start: i, end: j, text: text.slice(i, j), lower, isWord: true, isCapital });
    i = j;
  }
  return tokens;
}
