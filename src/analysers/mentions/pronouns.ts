/**
 * Pronoun resolution for portrayal and harm roles: he, him, she, her, they and them stand for the
 * nearest compatible actor named earlier in the same paragraph. He and she need a person whose
 * first name or title is not of the other gender (../quotes/names.json); they and them need an
 * organisation or a group. One pass over the sentences in order; no look-back beyond three slots.
 */
import type { SentenceTokens } from './find-mentions.js';
import type { ResolvedMention } from './resolve-entities.js';
import { NAME_GENDER } from './word-lists.js';

/** A pronoun token and the mention it stands for. */
export interface PronounTarget {
  sentence: number;
  /** Token index inside the sentence. */
  token: number;
  /** Index of the antecedent mention. */
  mention: number;
}

const MALE = new Set(['he', 'him']);
const FEMALE = new Set(['she', 'her']);
const PLURAL = new Set(['they', 'them']);

/** Grammatical gender of a person mention from its title or first name: 'f', 'm' or '' when unknown. */
function genderOf(mention: ResolvedMention, sentence: SentenceTokens): 'f' | 'm' | '' {
  const first = sentence.tokens[mention.candidate.first];
  const byTitle = first ? NAME_GENDER.get(first.key.endsWith('.') ? first.key.slice(0, -1) : first.key) : undefined;
  if (byTitle) return byTitle;
  const space = mention.entity.indexOf(' ');
  return NAME_GENDER.get((space < 0 ? mention.entity : mention.entity.slice(0, space)).toLowerCase()) ?? '';
}

/** Resolves the pronouns of every sentence; `paragraphOf[s]` is the paragraph of sentence s (all one paragraph when absent). */
export function resolvePronouns(sentences: readonly SentenceTokens[], mentions: readonly ResolvedMention[], paragraphOf?: ArrayLike<number>): PronounTarget[] {
  const out: PronounTarget[] = [];
  let lastMale = -1;
  let lastFemale = -1;
  let lastPlural = -1;
  let paragraph = -1;
  let m = 0;
  for (let s = 0; s < sentences.length; s++) {
    const sentence = sentences[s]!;
    const p = paragraphOf?.[s] ?? 0;
    if (p !== paragraph) {
      paragraph = p;
      lastMale = lastFemale = lastPlural = -1;
    }
    while (m < mentions.length && mentions[m]!.candidate.sentence < s) m++;
    const { tokens } = sentence;
    for (let i = 0; i < tokens.length; i++) {
      // Every mention starting here (or skipped over) updates the last compatible actor.
      let skip = -1;
      while (m < mentions.length && mentions[m]!.candidate.sentence === s && mentions[m]!.candidate.first <= i) {
        const here = mentions[m]!;
        if (here.label === 'person') {
          const gender = genderOf(here, sentence);
          if (gender !== 'f') lastMale = m;
          if (gender !== 'm') lastFemale = m;
        } else if (here.label === 'organization' || here.label === 'group') {
          lastPlural = m;
        }
        skip = Math.max(skip, here.candidate.last);
        m++;
      }
      if (skip >= 0) {
        i = Math.max(i, skip);
        continue;
      }
      const t = tokens[i]!;
      if (!t.isWord || t.end - t.start > 4) continue;
      const target = MALE.has(t.key) ? lastMale : FEMALE.has(t.key) ? lastFemale : PLURAL.has(t.key) ? lastPlural : -1;
      if (target >= 0) out.push({ sentence: s, token: i, mention: target });
    }
  }
  return out;
}
