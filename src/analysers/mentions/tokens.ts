/**
 * The tokeniser of the mentions analyser: one pass over a sentence, words and punctuation with
 * their offsets, a lower-case key for lexicon look-ups, and the possessive split off ("Iran’s" →
 * "Iran" + possessive). No regular expressions: character codes only, so cost is linear.
 */

/** One word or punctuation mark of a sentence. */
export interface Token {
  start: number;
  end: number;
  /** Lower case, curly apostrophes made straight: the key for every look-up. */
  key: string;
  /** True for words, false for punctuation. */
  isWord: boolean;
  /** Starts with an upper-case letter (or a name particle such as al- before one). */
  isCapitalised: boolean;
  /** Two or more letters, all upper case (digits allowed): IRGC, MI6, US. */
  isAcronym: boolean;
  /** Followed by 's, ’s or a bare apostrophe after s. */
  isPossessive: boolean;
  /** First word of its sentence. */
  isSentenceStart: boolean;
}

const APOSTROPHE = 0x27;
const RIGHT_QUOTE = 0x2019;
const HYPHEN = 0x2d;
const PERIOD = 0x2e;

function isLetter(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0xc0 && code !== 0xd7 && code !== 0xf7 && code < 0x2000);
}

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

function isUpper(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0xc0 && code <= 0xde && code !== 0xd7);
}

function isWordCode(code: number): boolean {
  return isLetter(code) || isDigit(code);
}

/** Name particles that may be glued to a capitalised name with a hyphen: al-Assad, el-Sisi. */
const PARTICLES = new Set(['al', 'el', 'ad', 'ed', 'an', 'ar', 'as', 'ash', 'at', 'az', 'ud', 'ul', 'bin', 'ibn', 'abu']);

/**
 * Token objects reused from one analyse call to the next, so a long article allocates no token
 * objects once warm (the garbage collector dominated at 50,000 words). At most POOL_LIMIT are
 * kept; beyond that tokens are allocated as usual.
 */
const POOL: Token[] = [];
const POOL_LIMIT = 150_000;
let poolUsed = 0;

/** Makes every pooled token free again: call once per document, before `tokenise(…, true)`. Tokens handed out earlier are overwritten. */
export function resetTokenPool(): void {
  poolUsed = 0;
}

function take(start: number, end: number, key: string, isWord: boolean, isCapitalised: boolean, isAcronym: boolean, isPossessive: boolean, isSentenceStart: boolean, pooled: boolean): Token {
  if (pooled && poolUsed < POOL.length) {
    const t = POOL[poolUsed++]!;
    t.start = start;
    t.end = end;
    t.key = key;
    t.isWord = isWord;
    t.isCapitalised = isCapitalised;
    t.isAcronym = isAcronym;
    t.isPossessive = isPossessive;
    t.isSentenceStart = isSentenceStart;
    return t;
  }
  const t: Token = { start, end, key, isWord, isCapitalised, isAcronym, isPossessive, isSentenceStart };
  if (pooled && POOL.length < POOL_LIMIT) {
    POOL.push(t);
    poolUsed++;
  }
  return t;
}

/**
 * Splits `text[start, end)` into tokens. Whitespace is dropped; every other non-word character is
 * one token. With `pooled` (default false) the token objects come from a pool reused across
 * documents: valid until the next `resetTokenPool()`.
 */
export function tokenise(text: string, start: number, end: number, pooled = false): Token[] {
  const tokens: Token[] = [];
  let i = start;
  let sawWord = false;
  while (i < end) {
    const code = text.charCodeAt(i);
    if (code <= 0x20 || code === 0xa0 || (code >= 0x2000 && code <= 0x200b) || code === 0x3000) {
      i++;
      continue;
    }
    if (!isWordCode(code)) {
      // Surrogate pairs (emoji) stay one token.
      const width = code >= 0xd800 && code <= 0xdbff && i + 1 < end ? 2 : 1;
      tokens.push(take(i, i + width, text.slice(i, i + width), false, false, false, false, false, pooled));
      i += width;
      continue;
    }
    let j = i + 1;
    while (j < end) {
      const c = text.charCodeAt(j);
      if (isWordCode(c) || c === 0x0301 || (c >= 0x300 && c <= 0x36f)) {
        j++;
      } else if ((c === HYPHEN || c === APOSTROPHE || c === RIGHT_QUOTE || c === PERIOD) && j + 1 < end && isWordCode(text.charCodeAt(j + 1))) {
        // Inner hyphen (al-Quds), apostrophe (O'Neill, don't) or dot (U.S.), but not a possessive 's at the end.
        if ((c === APOSTROPHE || c === RIGHT_QUOTE) && isPossessiveAt(text, j, end)) break;
        if (c === PERIOD && !isUpper(text.charCodeAt(j + 1))) break;
        j += 2;
      } else {
        break;
      }
    }
    let isPossessive = false;
    let next = j;
    if (j < end) {
      const c = text.charCodeAt(j);
      if ((c === APOSTROPHE || c === RIGHT_QUOTE) && isPossessiveAt(text, j, end)) {
        isPossessive = true;
        next = j + 2;
      } else if ((c === APOSTROPHE || c === RIGHT_QUOTE) && (text.charCodeAt(j - 1) | 0x20) === 0x73 && (j + 1 >= end || !isWordCode(text.charCodeAt(j + 1)))) {
        isPossessive = true;
        next = j + 1;
      }
    }
    tokens.push(word(text, i, j, isPossessive, !sawWord, pooled));
    sawWord = true;
    i = next;
  }
  return tokens;
}

/** An apostrophe followed by s and then a non-word character. */
function isPossessiveAt(text: string, at: number, end: number): boolean {
  if (at + 1 >= end || (text.charCodeAt(at + 1) | 0x20) !== 0x73) return false;
  return at + 2 >= end || !isWordCode(text.charCodeAt(at + 2));
}

function word(text: string, start: number, end: number, isPossessive: boolean, isSentenceStart: boolean, pooled: boolean): Token {
  const raw = text.slice(start, end);
  const key = raw.includes('’') ? raw.toLowerCase().replaceAll('’', "'") : raw.toLowerCase();
  const first = text.charCodeAt(start);
  let isCapitalised = isUpper(first);
  if (!isCapitalised) {
    // al-Assad, el-Sisi, bin-Salman: a particle glued to a capitalised name.
    const dash = key.indexOf('-');
    if (dash > 0 && PARTICLES.has(key.slice(0, dash)) && dash + 1 < raw.length) isCapitalised = isUpper(raw.charCodeAt(dash + 1));
  }
  let upper = 0;
  let letters = 0;
  for (let k = isUpper(first) ? start : end; k < end; k++) {
    const c = text.charCodeAt(k);
    if (isLetter(c)) {
      letters++;
      if (isUpper(c)) upper++;
    }
  }
  const isAcronym = letters >= 2 && upper === letters && end - start <= 8;
  return take(start, end, key, true, isCapitalised, isAcronym, isPossessive, isSentenceStart, pooled);
}

/** True for a hyphenated word whose last part is lower case: Iran-backed, US-led, Russian-made. */
export function isCompoundAdjective(text: string, token: Token): boolean {
  if (!token.isCapitalised) return false;
  const dash = token.key.lastIndexOf('-');
  if (dash <= 0) return false;
  const code = text.charCodeAt(token.start + dash + 1);
  return code >= 0x61 && code <= 0x7a;
}
