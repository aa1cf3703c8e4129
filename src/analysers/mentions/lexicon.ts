/**
 * The naming lexicon: one data file per conflict or debate in lexicon/, each entry a contested name
 * for a referent with its connotation and the side that typically uses it. Loaded and checked once,
 * when the module loads, so a typo in a data file fails at start-up naming the file and the entry.
 */
import { MarginaliaError } from '../../core/errors.js';
import abortion from './lexicon/abortion.json' with { type: 'json' };
import armedConflict from './lexicon/armed-conflict.json' with { type: 'json' };
import chinaTaiwan from './lexicon/china-taiwan.json' with { type: 'json' };
import immigration from './lexicon/immigration.json' with { type: 'json' };
import iran from './lexicon/iran.json' with { type: 'json' };
import islamicState from './lexicon/islamic-state.json' with { type: 'json' };
import israelPalestine from './lexicon/israel-palestine.json' with { type: 'json' };
import kashmir from './lexicon/kashmir.json' with { type: 'json' };
import northernIreland from './lexicon/northern-ireland.json' with { type: 'json' };
import russiaUkraine from './lexicon/russia-ukraine.json' with { type: 'json' };
import syria from './lexicon/syria.json' with { type: 'json' };
import usPolitics from './lexicon/us-politics.json' with { type: 'json' };

/** How a name colours what it names. */
export type Connotation = 'neutral' | 'pejorative' | 'honorific' | 'partisan';

/** Mention labels of the output contract. */
export type MentionLabel = 'person' | 'organization' | 'place' | 'group' | 'other';

/** One contested name. */
export interface LexiconEntry {
  /** Unique across all files, prefixed with the file's short code. */
  id: string;
  /** Canonical name of what the term refers to ("Israel", "Islamic State"). */
  referent: string;
  type: MentionLabel;
  /** The term as people write it ("the Zionist entity"). */
  term: string;
  /** Word pattern: words separated by spaces, `(a|b)` alternatives, `?` after a word or group makes it optional. Defaults to the term without a leading "the". */
  pattern?: string;
  connotation: Connotation;
  /** The side that typically uses the term (a key of the file's sides). */
  usedBy: string;
  /** The side the referent belongs to (a key of the file's sides). */
  about: string;
  note: string;
  source: string;
  /** A fictional sentence that uses the term; tests run the analyser on it. */
  example: string;
  /** Id of the other side's counterpart term (required for loaded terms). */
  mirror?: string;
  /**
   * A descriptor rather than a name: after a name ("Hamas militants", "the Assad regime") it takes
   * that name's entity. `only`: emitted only in that position.
   */
  attach?: 'before' | 'only';
  /** Match the pattern's capitals exactly ("the Province", "Ulster"). */
  caseSensitive?: boolean;
}

/** One data file: a conflict or debate with its sides. */
export interface LexiconFile {
  id: string;
  title: string;
  note: string;
  /** Side key → who that is. `neutral` is for style-guide and wire-service usage. */
  sides: Record<string, string>;
  entries: LexiconEntry[];
}

const RAW_FILES: readonly unknown[] = [
  israelPalestine,
  iran,
  syria,
  islamicState,
  russiaUkraine,
  chinaTaiwan,
  kashmir,
  northernIreland,
  immigration,
  abortion,
  usPolitics,
  armedConflict,
];

const CONNOTATIONS = new Set(['neutral', 'pejorative', 'honorific', 'partisan']);
const LABELS = new Set(['person', 'organization', 'place', 'group', 'other']);
const REQUIRED = ['id', 'referent', 'type', 'term', 'connotation', 'usedBy', 'about', 'note', 'source', 'example'] as const;

function fail(file: string, id: string, problem: string): never {
  throw new MarginaliaError('E_INTERNAL', `Naming-lexicon entry "${id}" in lexicon/${file}.json has ${problem}.`, { subject: file });
}

/** Checks the shape of every file and entry; throws E_INTERNAL naming the first bad one. */
export function checkLexicon(rawFiles: readonly unknown[]): LexiconFile[] {
  const ids = new Set<string>();
  const files = rawFiles.map((raw) => raw as LexiconFile);
  for (const file of files) {
    if (typeof file.id !== 'string' || typeof file.title !== 'string' || typeof file.sides !== 'object' || !Array.isArray(file.entries)) {
      fail(String(file.id), '(file)', 'a missing id, title, sides or entries');
    }
    for (const entry of file.entries) {
      const id = typeof entry.id === 'string' ? entry.id : '?';
      const record = entry as unknown as Record<string, unknown>;
      const missing = REQUIRED.find((key) => typeof record[key] !== 'string' || record[key] === '');
      if (missing) fail(file.id, id, `no ${missing}`);
      if (ids.has(id)) fail(file.id, id, 'a duplicate id');
      ids.add(id);
      if (!CONNOTATIONS.has(entry.connotation)) fail(file.id, id, `an unknown connotation "${entry.connotation}"`);
      if (!LABELS.has(entry.type)) fail(file.id, id, `an unknown type "${entry.type}"`);
      if (!(entry.usedBy in file.sides)) fail(file.id, id, `a usedBy "${entry.usedBy}" that is not a side of the file`);
      if (!(entry.about in file.sides)) fail(file.id, id, `an about "${entry.about}" that is not a side of the file`);
      if (entry.attach !== undefined && entry.attach !== 'before' && entry.attach !== 'only') fail(file.id, id, 'an attach other than before or only');
      if (entry.pattern !== undefined && (typeof entry.pattern !== 'string' || entry.pattern.trim() === '')) fail(file.id, id, 'an empty pattern');
    }
  }
  for (const file of files) {
    for (const entry of file.entries) {
      if (entry.mirror !== undefined && !ids.has(entry.mirror)) fail(file.id, entry.id, `a mirror "${entry.mirror}" that is no entry`);
    }
  }
  return files;
}

/** Every lexicon file, checked. */
export const LEXICON_FILES: readonly LexiconFile[] = checkLexicon(RAW_FILES);

/** Every entry of every file, with the id of its file. */
export const LEXICON_ENTRIES: readonly (LexiconEntry & { conflict: string })[] = LEXICON_FILES.flatMap((file) =>
  file.entries.map((entry) => ({ ...entry, conflict: file.id })),
);

/** The word pattern an entry matches: its `pattern`, or its term without a leading "the". */
export function patternOf(entry: Pick<LexiconEntry, 'term' | 'pattern'>): string {
  if (entry.pattern !== undefined) return entry.pattern;
  return entry.term.replace(/^the\s+/iu, '');
}

/**
 * Expands a word pattern into every phrase it matches. `(a|b)` is one of its words, `?` makes the
 * word or group before it optional. Throws E_INTERNAL past 256 phrases (a pattern that big is a typo).
 */
export function expandPattern(pattern: string): string[] {
  let phrases: string[][] = [[]];
  for (const item of pattern.trim().split(/\s+/u)) {
    const optional = item.endsWith('?') && item.length > 1;
    const body = optional ? item.slice(0, -1) : item;
    const choices = body.startsWith('(') && body.endsWith(')') ? body.slice(1, -1).split('|') : [body];
    const next: string[][] = [];
    for (const phrase of phrases) {
      if (optional) next.push(phrase);
      for (const choice of choices) if (choice !== '') next.push([...phrase, choice]);
    }
    phrases = next;
    if (phrases.length > 256) {
      throw new MarginaliaError('E_INTERNAL', `Naming-lexicon pattern "${pattern}" expands to more than 256 phrases.`, { subject: pattern });
    }
  }
  return phrases.filter((words) => words.length > 0).map((words) => words.join(' '));
}
