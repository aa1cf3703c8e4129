/**
 * What the whole document says about its words, read before candidates are classified: which
 * capitalised words it also uses mid-sentence on their own (names), and which words it writes in
 * lower case (common words, whatever their case at a sentence start or in a headline).
 */
import type { SentenceTokens } from './find-mentions.js';
import type { Token } from './tokens.js';
import { FIRST_NAMES, WORD_LISTS as W } from './word-lists.js';

/** What the whole document says about its words, read before candidates are classified. */
export interface DocumentWords {
  /** Capitalised words met mid-sentence on their own (no capitalised neighbour): names, not common words. */
  midSingles: Set<string>;
  /** Capitalised words met anywhere but at a sentence start. */
  midCaps: Set<string>;
  /** Words met in lower case: common words, whatever their case at a sentence start or in a headline. */
  lowerSeen: Set<string>;
}

/** One pass over every token of the document. */
export function readDocumentWords(sentences: readonly SentenceTokens[]): DocumentWords {
  const words: DocumentWords = { midSingles: new Set(), midCaps: new Set(), lowerSeen: new Set() };
  for (const { tokens } of sentences) {
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!;
      if (!t.isWord) continue;
      if (!t.isCapitalised) {
        words.lowerSeen.add(t.key);
        continue;
      }
      const before = tokens[i - 1];
      if (t.isSentenceStart || before?.key === ':') continue;
      words.midCaps.add(t.key);
      const after = tokens[i + 1];
      if (!(before?.isWord && before.isCapitalised) && !(after?.isWord && after.isCapitalised)) words.midSingles.add(t.key);
    }
  }
  return words;
}

/** A headline in title case: most words of four letters or more are capitalised. */
export function isTitleCase(tokens: readonly Token[]): boolean {
  let long = 0;
  let capitalised = 0;
  for (const t of tokens) {
    if (!t.isWord || t.end - t.start < 4) continue;
    long++;
    if (t.isCapitalised) capitalised++;
  }
  return long >= 3 && capitalised * 4 >= long * 3;
}

/** Inside a title-case headline, a common word (met in lower case elsewhere, a stop word or a verb cue) ends a name. */
export function isCommonWord(key: string, words: DocumentWords): boolean {
  return (words.lowerSeen.has(key) || W.stopWords.words.has(key) || W.actorCues.words.has(key)) && !FIRST_NAMES.has(key);
}
