/**
 * The closed word lists of the mentions analyser (word-lists.json) as sets, built once.
 */
import { PERSON_TITLES_NOTE, TITLE_MODIFIERS, TITLE_WORDS } from '../../core/person-titles.js';
import names from '../quotes/names.json' with { type: 'json' };
import common from './common-words.json' with { type: 'json' };
import data from './word-lists.json' with { type: 'json' };

/** A closed list: its words as a set, with the note and source from the data file. */
export interface WordList {
  words: ReadonlySet<string>;
  note: string;
  source: string;
}

function list(entry: { note: string; source: string; words: string[] }): WordList {
  return { words: new Set(entry.words), note: entry.note, source: entry.source };
}

/** Every list, by name. */
export const WORD_LISTS = {
  /** Titles and their qualifiers (core/person-titles.json, shared with quotes and claims). */
  titles: { words: TITLE_WORDS, ...PERSON_TITLES_NOTE },
  /** Qualifiers that may end a title run but never start a name ("Supreme Leader", "Special Rapporteur"). */
  titleEnd: { words: TITLE_MODIFIERS, ...PERSON_TITLES_NOTE },
  orgSuffixes: list(data.orgSuffixes),
  orgHeads: list(data.orgHeads),
  placeSuffixes: list(data.placeSuffixes),
  placeHeads: list(data.placeHeads),
  orgOpeners: list(data.orgOpeners),
  connectors: list(data.connectors),
  stopWords: list(data.stopWords),
  actorCues: list(data.actorCues),
  harmVerbs: list(data.harmVerbs),
  portrayalIgnore: list(data.portrayalIgnore),
  negators: list(data.negators),
  passiveAux: list(data.passiveAux),
  clauseWords: list(data.clauseWords),
  skipWords: list(data.skipWords),
} as const;

/** Gendered first names, shared with the quotes analyser (../quotes/names.json, read only). */
export const FIRST_NAMES: ReadonlySet<string> = new Set([...names.female, ...names.male]);

/** Grammatical gender of a first name, for pronoun resolution: 'f', 'm' or undefined when unknown. */
export const NAME_GENDER: ReadonlyMap<string, 'f' | 'm'> = new Map([
  ...names.female.map((n) => [n, 'f'] as const),
  ...names.male.map((n) => [n, 'm'] as const),
  ...names.femaleTitles.map((n) => [n, 'f'] as const),
  ...names.maleTitles.map((n) => [n, 'm'] as const),
]);

/**
 * Words news prose writes in lower case far more than capitalised mid-sentence (common-words.json,
 * counted by scripts/train-common-words.ts): a capitalised run that opens with one is a heading or a
 * title ("Official Trailer", "Breaking …"), not a person's name.
 */
export const COMMON_WORDS: WordList = list(common);
