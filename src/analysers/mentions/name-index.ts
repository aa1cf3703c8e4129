/**
 * One word trie over every name the analyser knows: naming-lexicon phrases and neutral names
 * (countries, capitals, demonyms, organisations). Built once when the module loads; a look-up
 * walks the trie from a token, so matching costs a few map reads per token whatever the lexicon
 * size.
 */
import { knownNames, type KnownName } from './gazetteer.js';
import { LEXICON_ENTRIES, expandPattern, patternOf, type LexiconEntry } from './lexicon.js';
import { tokenise, type Token } from './tokens.js';

/** What a phrase in the trie stands for. */
export type NameHit =
  | { source: 'lexicon'; entry: LexiconEntry & { conflict: string }; words: readonly string[] | null }
  | { source: 'known'; name: KnownName; words: readonly string[] | null; isAcronym: boolean };

interface TrieNode {
  next: Map<string, TrieNode> | null;
  hits: NameHit[] | null;
}

/** A match of a phrase at a token position. */
export interface NameMatch {
  hit: NameHit;
  /** Index of the first and one past the last token. */
  first: number;
  end: number;
}

function node(): TrieNode {
  return { next: null, hits: null };
}

function insert(root: TrieNode, phrase: string, hit: (words: string[]) => NameHit): void {
  const tokens = tokenise(phrase, 0, phrase.length);
  if (tokens.length === 0) return;
  let at = root;
  for (const token of tokens) {
    at.next ??= new Map();
    let child = at.next.get(token.key);
    if (!child) {
      child = node();
      at.next.set(token.key, child);
    }
    at = child;
  }
  (at.hits ??= []).push(hit(tokens.map((t) => phrase.slice(t.start, t.end))));
}

function build(): TrieNode {
  const root = node();
  for (const entry of LEXICON_ENTRIES) {
    for (const phrase of new Set(expandPattern(patternOf(entry)).map((p) => p.replaceAll('_', ' ')))) {
      insert(root, phrase, (words) => ({ source: 'lexicon', entry, words: entry.caseSensitive ? words : null }));
    }
  }
  for (const name of knownNames()) {
    // "IRGC", "LeT": a one-word form with two or more capitals matches only as written ("Let us" is no LeT).
    const isAcronym = !name.form.includes(' ') && /^[A-Z]/u.test(name.form) && (name.form.match(/[A-Z]/gu)?.length ?? 0) >= 2;
    insert(root, name.form, (words) => ({ source: 'known', name, words, isAcronym }));
  }
  return root;
}

const ROOT = build();

/** Known names of one word, by lower-case key: for the first part of "Iran-backed". */
export const SINGLE_WORD_NAMES: ReadonlyMap<string, KnownName> = new Map(
  knownNames()
    .filter((name) => !name.form.includes(' ') && !name.form.includes('-'))
    .map((name) => [name.form.toLowerCase(), name] as const),
);

/** Whether the text under tokens[first, end) fits the hit's case rule. */
function fitsCase(hit: NameHit, text: string, tokens: readonly Token[], first: number): boolean {
  const words = hit.words;
  if (!words) return true;
  if (hit.source === 'lexicon' || hit.isAcronym) {
    for (let k = 0; k < words.length; k++) {
      const t = tokens[first + k]!;
      if (!text.startsWith(words[k]!, t.start) || t.end - t.start !== words[k]!.length) return false;
    }
    return true;
  }
  // A known name: its capitalised words must be capitalised in the text too (Turkey, not turkey).
  for (let k = 0; k < words.length; k++) {
    const word = words[k]!;
    const code = word.charCodeAt(0);
    if (code >= 0x41 && code <= 0x5a && !tokens[first + k]!.isCapitalised) return false;
  }
  return true;
}

/**
 * The longest phrase that starts at tokens[first], or null. Among phrases of one length the
 * naming lexicon wins over neutral names. A possessive does not stop the walk: "Iran's proxies"
 * reaches the lexicon phrase "iran proxies".
 */
export function matchAt(text: string, tokens: readonly Token[], first: number): NameMatch | null {
  let at: TrieNode | undefined = ROOT;
  let best: NameMatch | null = null;
  for (let i = first; i < tokens.length && at; i++) {
    const token = tokens[i]!;
    at = at.next?.get(token.key);
    if (!at) break;
    if (at.hits) {
      let chosen: NameHit | null = null;
      for (const hit of at.hits) {
        if (!fitsCase(hit, text, tokens, first)) continue;
        if (!chosen || (chosen.source === 'known' && hit.source === 'lexicon')) chosen = hit;
      }
      if (chosen) best = { hit: chosen, first, end: i + 1 };
    }
  }
  return best;
}
