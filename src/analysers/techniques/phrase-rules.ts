/**
 * Phrase rules: slogans and thought-terminating clichés as data (rules/*.json), compiled once into
 * token-hash sequences indexed by their first word, and matched against the article's tokens in
 * one pass. No regular expressions, so nothing can backtrack.
 */
import { MarginaliaError } from '../../core/errors.js';
import type { ArticleContext } from './article-context.js';
import { labelIndex } from './labels.js';
import { tokenize } from './tokenize.js';
import clicheData from './rules/cliches.json' with { type: 'json' };
import sloganData from './rules/slogans.json' with { type: 'json' };

/** One entry of a phrase rule file. */
export interface PhraseRule {
  id: string;
  confidence: number;
  phrases: string[];
  note: string;
  source: string;
}

/** A rule file: the technique label and its rules. */
export interface PhraseRuleFile {
  label: string;
  description: string;
  rules: PhraseRule[];
}

/** A phrase match in token offsets. */
export interface PhraseMatch {
  first: number;
  end: number;
  label: string;
  rule: PhraseRule;
}

interface Compiled {
  hashes: number[];
  label: string;
  rule: PhraseRule;
}

/** Every phrase rule file, for tests and the readme. */
export const PHRASE_RULE_FILES: readonly PhraseRuleFile[] = [sloganData, clicheData];

function compile(files: readonly PhraseRuleFile[]): Map<number, Compiled[]> {
  const byFirst = new Map<number, Compiled[]>();
  for (const file of files) {
    if (labelIndex(file.label) < 0) throw new MarginaliaError('E_INTERNAL', `Phrase rule file label "${file.label}" is not one of the 14 technique labels.`);
    for (const rule of file.rules) {
      if (!rule.id || !rule.note || !rule.source || !(rule.confidence > 0 && rule.confidence <= 1)) {
        throw new MarginaliaError('E_INTERNAL', `Phrase rule "${rule.id}" needs an id, a note, a source and a confidence in (0, 1].`);
      }
      for (const phrase of rule.phrases) {
        const tokens = tokenize(phrase);
        if (tokens.count === 0) continue;
        const entry = { hashes: tokens.hash, label: file.label, rule };
        const list = byFirst.get(tokens.hash[0]!);
        if (list) list.push(entry);
        else byFirst.set(tokens.hash[0]!, [entry]);
      }
    }
  }
  return byFirst;
}

const COMPILED = compile(PHRASE_RULE_FILES);

/** Phrase matches in the tokens allowed by `include`; the longest match at a position wins. Linear. */
export function matchPhrases(ctx: ArticleContext, include: Uint8Array): PhraseMatch[] {
  const { tokens } = ctx;
  const out: PhraseMatch[] = [];
  for (let i = 0; i < tokens.count; i++) {
    if (!include[i]) continue;
    const candidates = COMPILED.get(tokens.hash[i]!);
    if (!candidates) continue;
    let best: Compiled | null = null;
    for (const candidate of candidates) {
      const { hashes } = candidate;
      if (i + hashes.length > tokens.count || (best && hashes.length <= best.hashes.length)) continue;
      let k = 1;
      while (k < hashes.length && tokens.hash[i + k] === hashes[k] && include[i + k]) k++;
      if (k === hashes.length) best = candidate;
    }
    if (best) {
      out.push({ first: i, end: i + best.hashes.length, label: best.label, rule: best.rule });
      i += best.hashes.length - 1;
    }
  }
  return out;
}
