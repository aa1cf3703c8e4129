/**
 * Claim units: a sentence split at clause boundaries where that separates two assertions — after a
 * semicolon, before ", but", ", while", ", whereas", ", although", before a non-restrictive
 * relative clause (", who", ", which", ", whose", ", where"; not one inside a short sentence-initial
 * subject, closed by a comma before the main verb) and before ", and" when both sides are
 * long enough to be clauses. Units shorter than MIN_WORDS words are merged into their neighbour, so
 * a list ("A, B, and C") stays one unit. Punctuation at either end of a unit is left out. One pass.
 */
import { PUNCT, countWords, type Token } from './tokens.js';

/** A unit as a half-open range of token indices. */
export interface TokenRange {
  from: number;
  to: number;
}

/** Fewest words a unit may have; shorter pieces join their neighbour. */
export const MIN_WORDS = 4;
/** Fewest words on each side of ", and" for it to split. */
const AND_SIDE_WORDS = 5;

const CONTRAST = new Set(['but', 'while', 'whereas', 'although', 'though', 'yet']);
const RELATIVE = new Set(['who', 'which', 'whose', 'where', 'whom']);
const COORDINATE = new Set(['and', 'so']);

/** Splits tokens [from, to) into claim units. */
export function splitClauses(tokens: readonly Token[], from: number, to: number): TokenRange[] {
  const cuts: number[] = [from];
  let wordsSinceCut = 0;
  for (let i = from; i < to; i++) {
    const token = tokens[i]!;
    if (token.type !== PUNCT) {
      wordsSinceCut++;
      continue;
    }
    if (i + 1 >= to) break;
    const next = tokens[i + 1]!;
    let cut = false;
    if (token.lower === ';') cut = true;
    else if (token.lower === ',' && CONTRAST.has(next.lower)) cut = true;
    else if (token.lower === ',' && RELATIVE.has(next.lower)) cut = cuts.length > 1 || !insideSubject(tokens, wordsSinceCut, i + 1, to);
    else if (token.lower === ',' && COORDINATE.has(next.lower) && wordsSinceCut >= AND_SIDE_WORDS) {
      cut = countWords(tokens, i + 1, Math.min(to, i + 2 + AND_SIDE_WORDS)) > AND_SIDE_WORDS;
    }
    if (cut) {
      cuts.push(i + 1);
      wordsSinceCut = 0;
    }
  }
  cuts.push(to);
  const units: TokenRange[] = [];
  let lastWords = 0;
  for (let c = 0; c + 1 < cuts.length; c++) {
    const range = trim(tokens, cuts[c]!, cuts[c + 1]!);
    if (range.to <= range.from) continue;
    const words = countWords(tokens, range.from, range.to);
    const last = units[units.length - 1];
    if (last && (words < MIN_WORDS || lastWords < MIN_WORDS)) {
      last.to = range.to;
      lastWords += words;
    } else {
      units.push(range);
      lastWords = words;
    }
  }
  return units;
}

/** Most words a sentence's subject may have for a relative clause after it to stay in the unit. */
const SUBJECT_WORDS = 6;

/**
 * Whether the relative clause starting at `at`, with no cut before it in the sentence, sits inside
 * the sentence's subject ("One longtime ferry worker, who asked not to be named, told me …"): the
 * `wordsBefore` words before it are SUBJECT_WORDS at most, and a comma closes the clause before the
 * sentence ends, so the main verb is still to come. Cutting there would leave a bare noun phrase as
 * a claim. Scans only while the sentence is still in its first SUBJECT_WORDS words: linear.
 */
function insideSubject(tokens: readonly Token[], wordsBefore: number, at: number, to: number): boolean {
  if (wordsBefore > SUBJECT_WORDS) return false;
  for (let k = at + 1; k < to - 1; k++) {
    const lower = tokens[k]!.lower;
    if (lower === ';' || lower === '.') return false;
    if (lower === ',') return tokens[k + 1]!.type !== PUNCT;
  }
  return false;
}

/**
 * Drops punctuation (commas, marks, quotes, brackets) at both ends, but keeps a closing bracket
 * whose opening one is inside the unit ("… Wahhabism (Takfirism)", not "… (Takfirism").
 */
function trim(tokens: readonly Token[], from: number, to: number): TokenRange {
  while (from < to && tokens[from]!.type === PUNCT) from++;
  let end = to;
  while (end > from && tokens[end - 1]!.type === PUNCT) end--;
  let depth = 0;
  for (let i = from; i < end; i++) {
    const ch = tokens[i]!.lower;
    if (ch === '(' || ch === '[') depth++;
    else if ((ch === ')' || ch === ']') && depth > 0) depth--;
  }
  // Give back the closing brackets the unit opened (they follow its last word).
  for (let i = end; i < to && depth > 0 && (tokens[i]!.lower === ')' || tokens[i]!.lower === ']'); i++, depth--) end = i + 1;
  return { from, to: end };
}
