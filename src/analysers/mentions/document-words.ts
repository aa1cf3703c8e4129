/**
 * What the whole document says about its words, read before candidates are classified: which
 * capitalised words it also uses mid-sentence on their own (names), and which words it writes in
 * lower case (common words, whatever their case at a sentence start or in a headline).
 */
import type { SentenceTokens } from './find-mentions.js';
import type { Token } from './tokens.js';
import { COMMON_WORDS, FIRST_NAMES, WORD_LISTS as W } from './word-lists.js';

/** What the whole document says about its words, read before candidates are classified. */
export interface DocumentWords {
  /** Capitalised words met mid-sentence on their own (no capitalised neighbour): names, not common words. */
  midSingles: Set<string>;
  /** Capitalised words met anywhere but at a sentence start. */
  midCaps: Set<string>;
  /** Words met in lower case: common words, whatever their case at a sentence start or in a headline. */
  lowerSeen: Set<string>;
  /** How each sentence is cased (titleCasing), by sentence index. */
  casings: TitleCasing[];
}

const CREDIT_DASHES = new Set(['—', '–', '―']);

/** A sentence's casing: see titleCasing. */
export type TitleCasing = 'strict' | 'title' | null;

/** One pass over every token of the document. */
export function readDocumentWords(sentences: readonly SentenceTokens[]): DocumentWords {
  const words: DocumentWords = { midSingles: new Set(), midCaps: new Set(), lowerSeen: new Set(), casings: [] };
  for (const { tokens } of sentences) {
    const casing = titleCasing(tokens);
    words.casings.push(casing);
    // A strictly title-case headline capitalises every word: its capitals say nothing about names.
    const headline = casing === 'strict';
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!;
      if (!t.isWord) continue;
      if (!t.isCapitalised) {
        words.lowerSeen.add(t.key);
        continue;
      }
      const before = tokens[i - 1];
      if (t.isSentenceStart || before?.key === ':') continue;
      // …except a surname after a first name ("Salma Hayek Speaks Out"): that one is a name.
      if (headline && !(before?.isCapitalised && FIRST_NAMES.has(before.key))) continue;
      words.midCaps.add(t.key);
      const after = tokens[i + 1];
      if (!(before?.isWord && before.isCapitalised) && !(after?.isWord && after.isCapitalised)) words.midSingles.add(t.key);
    }
  }
  return words;
}

/**
 * How a sentence is cased: `title` when most words of four letters or more are capitalised (a
 * headline, or a sentence that opens with one); `strict` when, besides, none of the others is a
 * content word ("Ministers Insist the Numbers Imply Otherwise"), unlike prose that merely names a
 * lot ("The fictional Verrin Port Authority met on Monday").
 */
export function titleCasing(tokens: readonly Token[]): TitleCasing {
  // "— Veld Rescue Service (@VeldRescue) March 11, 2025": a post's credit line (a dash, a handle)
  // names its poster; no headline. A dashed list of headlines stays one.
  if (tokens[0] !== undefined && CREDIT_DASHES.has(tokens[0].key) && tokens.some((t) => t.key.startsWith('@'))) return null;
  let long = 0;
  let capitalised = 0;
  let lowerContent = false;
  for (const t of tokens) {
    if (!t.isWord || t.end - t.start < 4) continue;
    long++;
    if (t.isCapitalised) capitalised++;
    else if (!W.stopWords.words.has(t.key)) lowerContent = true;
  }
  if (long < 3 || capitalised * 4 < long * 3) return null;
  return lowerContent ? 'title' : 'strict';
}

/**
 * Inside a title-case headline, a common word ends a name: one met in lower case elsewhere, a stop
 * word or a verb cue, and in a strictly title-case one also a word of the trained common-word list.
 */
export function isCommonWord(key: string, words: DocumentWords, strict = false): boolean {
  return (words.lowerSeen.has(key) || W.stopWords.words.has(key) || W.actorCues.words.has(key) || (strict && COMMON_WORDS.words.has(key))) && !FIRST_NAMES.has(key);
}
