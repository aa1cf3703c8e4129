/**
 * The quotes analyser's word lists, loaded from its JSON data files and checked once, when the
 * module loads: cue verbs with their stance (cues.json), anonymous-source heads (anonymous.json)
 * and gendered first names and titles (names.json). A malformed entry fails at start-up, naming
 * the file and the entry.
 */
import { MarginaliaError } from '../../core/errors.js';
import anonymousData from './anonymous.json' with { type: 'json' };
import cueData from './cues.json' with { type: 'json' };
import nameData from './names.json' with { type: 'json' };

/** Whether a cue verb reports speech without judging it or frames the speaker. */
export type CueStance = 'neutral' | 'loaded';

/** One cue verb of cues.json. */
export interface CueEntry {
  id: string;
  lemma: string;
  forms: string[];
  stance: CueStance;
  /** A word that must follow the verb (`point out`). */
  particle?: string;
  /** Whether the verb also introduces reported speech (`X said that …`). */
  indirect: boolean;
  note: string;
  source: string;
}

/** One anonymous-source head family of anonymous.json. */
export interface AnonymousHead {
  id: string;
  words: string[];
  /** Anonymous only with an indefinite determiner or none ("a spokesman for X", not "the spokesman"). */
  indefiniteOnly?: boolean;
  note: string;
  source: string;
}

/** Every list the analyser matches against, lower case. */
export interface QuoteLexicon {
  /** Inflected cue form → its entry. */
  cues: ReadonlyMap<string, CueEntry>;
  /** Every cue entry, in file order (for docs and tests). */
  cueEntries: readonly CueEntry[];
  anonymousDeterminers: ReadonlySet<string>;
  /** Head noun → its family. */
  anonymousHeads: ReadonlyMap<string, AnonymousHead>;
  anonymousMarkers: readonly string[];
  roles: ReadonlySet<string>;
  femaleNames: ReadonlySet<string>;
  maleNames: ReadonlySet<string>;
  femaleTitles: ReadonlySet<string>;
  maleTitles: ReadonlySet<string>;
}

function fail(file: string, id: string, problem: string): never {
  throw new MarginaliaError('E_INTERNAL', `Quotes lexicon entry "${id}" in ${file} has ${problem}.`, { subject: file });
}

function isWordList(value: unknown): value is string[] {
  return Array.isArray(value) && value.length > 0 && value.every((w) => typeof w === 'string' && w !== '' && w === w.toLowerCase());
}

function loadCues(entries: readonly unknown[]): CueEntry[] {
  const seen = new Set<string>();
  return entries.map((raw, index) => {
    const entry = raw as Record<string, unknown>;
    const id = typeof entry.id === 'string' ? entry.id : `#${index}`;
    if (seen.has(id)) fail('cues.json', id, 'a duplicate id');
    seen.add(id);
    for (const key of ['lemma', 'note', 'source']) if (typeof entry[key] !== 'string' || entry[key] === '') fail('cues.json', id, `no ${key}`);
    if (!isWordList(entry.forms)) fail('cues.json', id, 'forms that are not a list of lower-case words');
    if (entry.stance !== 'neutral' && entry.stance !== 'loaded') fail('cues.json', id, 'a stance other than neutral or loaded');
    if (typeof entry.indirect !== 'boolean') fail('cues.json', id, 'no boolean indirect');
    return entry as unknown as CueEntry;
  });
}

function loadHeads(entries: readonly unknown[]): AnonymousHead[] {
  return entries.map((raw, index) => {
    const entry = raw as Record<string, unknown>;
    const id = typeof entry.id === 'string' ? entry.id : `#${index}`;
    if (!isWordList(entry.words)) fail('anonymous.json', id, 'words that are not a list of lower-case words');
    for (const key of ['note', 'source']) if (typeof entry[key] !== 'string' || entry[key] === '') fail('anonymous.json', id, `no ${key}`);
    if (entry.indefiniteOnly !== undefined && typeof entry.indefiniteOnly !== 'boolean') fail('anonymous.json', id, 'an indefiniteOnly that is not a boolean');
    return entry as unknown as AnonymousHead;
  });
}

function buildLexicon(): QuoteLexicon {
  const cueEntries = loadCues(cueData.cues);
  const cues = new Map<string, CueEntry>();
  for (const entry of cueEntries) {
    for (const form of entry.forms) {
      if (cues.has(form)) fail('cues.json', entry.id, `the form "${form}", already used by "${cues.get(form)!.id}"`);
      cues.set(form, entry);
    }
  }
  const anonymousHeads = new Map<string, AnonymousHead>();
  for (const head of loadHeads(anonymousData.heads)) for (const word of head.words) if (!anonymousHeads.has(word)) anonymousHeads.set(word, head);
  return {
    cues,
    cueEntries,
    anonymousDeterminers: new Set(anonymousData.determiners),
    anonymousHeads,
    anonymousMarkers: anonymousData.markers,
    roles: new Set(anonymousData.roles),
    femaleNames: new Set(nameData.female),
    maleNames: new Set(nameData.male),
    femaleTitles: new Set(nameData.femaleTitles),
    maleTitles: new Set(nameData.maleTitles),
  };
}

/** The analyser's lexicon, built once when the module loads. */
export const LEXICON: QuoteLexicon = buildLexicon();
