/**
 * Cue lexicon (rules/cues.json): words and phrases that hint at a technique, read by the tagger
 * and the span classifier as features, never emitted on their own. Compiled once into token-hash
 * sequences indexed by their first word and marked on an article's tokens in one pass (no regular
 * expressions, so nothing can backtrack).
 */
import { MarginaliaError } from '../../core/errors.js';
import { labelIndex } from './labels.js';
import { tokenize, type Tokens } from './tokenize.js';
import cueData from './rules/cues.json' with { type: 'json' };

/** One cue group of rules/cues.json. */
export interface CueGroup {
  id: string;
  /** The technique this cue hints at (a hint only: features, not findings). */
  hint: string;
  phrases: string[];
  note: string;
  source: string;
}

/** The cue groups, in bit order (bit g of a token's mask is group g). */
export const CUE_GROUPS: readonly CueGroup[] = cueData.cues;

/** Longest cue phrase in tokens; a match never looks further ahead. */
const MAX_CUE_TOKENS = 8;

function compile(groups: readonly CueGroup[]): Map<number, { hashes: number[]; bit: number }[]> {
  if (groups.length > 16) throw new MarginaliaError('E_INTERNAL', `The cue lexicon has ${groups.length} groups; expected at most 16 (one bit each).`);
  const byFirst = new Map<number, { hashes: number[]; bit: number }[]>();
  groups.forEach((group, g) => {
    if (!group.id || !group.note || !group.source || labelIndex(group.hint) < 0) {
      throw new MarginaliaError('E_INTERNAL', `Cue group "${group.id}" needs an id, a note, a source and a hint that is one of the 14 technique labels.`);
    }
    for (const phrase of group.phrases) {
      const tokens = tokenize(phrase);
      if (tokens.count === 0 || tokens.count > MAX_CUE_TOKENS) continue;
      const entry = { hashes: tokens.hash, bit: 1 << g };
      const list = byFirst.get(tokens.hash[0]!);
      if (list) list.push(entry);
      else byFirst.set(tokens.hash[0]!, [entry]);
    }
  });
  return byFirst;
}

const COMPILED = compile(CUE_GROUPS);

/** A bitmask per token of the cue groups whose phrases cover it. Linear in tokens (phrases are short). */
export function markCues(tokens: Tokens): Uint16Array {
  const marks = new Uint16Array(tokens.count);
  const { hash, count } = tokens;
  for (let i = 0; i < count; i++) {
    const candidates = COMPILED.get(hash[i]!);
    if (!candidates) continue;
    for (const { hashes, bit } of candidates) {
      if (i + hashes.length > count) continue;
      let k = 1;
      while (k < hashes.length && hash[i + k] === hashes[k]) k++;
      if (k < hashes.length) continue;
      for (let j = i; j < i + hashes.length; j++) marks[j]! |= bit;
    }
  }
  return marks;
}
