/**
 * The mentions analyser: people, organisations, places and groups the article names, grouped into
 * entities, each mention with the words used and their connotation from the naming lexicon
 * (lexicon/*.json), and an `actors` summary with every name used per actor and how the article
 * portrays it. Rules and lists are data; see readme.md.
 */
import { MarginaliaError } from '../../core/errors.js';
import { assertKnownOptions } from '../../core/options.js';
import type { Analyser } from '../../core/pipeline.js';
import type { Json, Span } from '../../core/types.js';
import { actorsSummary, portrayalScore, termOf } from './actors-summary.js';
import { findCandidates } from './find-mentions.js';
import { portray } from './portrayal.js';
import { resolveEntities } from './resolve-entities.js';

export { LEXICON_ENTRIES, LEXICON_FILES, expandPattern, patternOf } from './lexicon.js';
export type { Connotation, LexiconEntry, LexiconFile, MentionLabel } from './lexicon.js';

/** Options of the mentions analyser. */
export interface MentionsOptions {
  /** Region labels whose sentences are read (default body, headline, embed, caption: not byline, bio, disclaimer or boilerplate). */
  regions?: string[];
  /** Emit mentions labelled `other` (capitalised words no list knows, events such as 'martyred'; default true). */
  emitOther?: boolean;
  /** Most rows in the actors summary (default 40). */
  maxActors?: number;
}

const OPTION_KEYS = ['regions', 'emitOther', 'maxActors'] as const;
const REGION_LABELS = new Set(['body', 'headline', 'byline', 'embed', 'bio', 'disclaimer', 'caption', 'boilerplate']);

function bad(key: string, value: unknown, expected: string): never {
  throw new MarginaliaError('E_ANALYSER_OPTIONS', `Analyser "mentions" option "${key}" is ${JSON.stringify(value)}; expected ${expected}.`, { subject: 'mentions' });
}

/** Creates the mentions analyser (`mention` annotations and the `actors` summary). */
export function mentionsAnalyser(options: MentionsOptions = {}): Analyser {
  if (options === null || typeof options !== 'object') bad('(options)', options, 'an object');
  assertKnownOptions('mentions', options, OPTION_KEYS);
  const { regions = ['body', 'headline', 'embed', 'caption'], emitOther = true, maxActors = 40 } = options;
  if (!Array.isArray(regions) || regions.some((r) => !REGION_LABELS.has(r))) bad('regions', regions, `a list of region labels (${[...REGION_LABELS].join(', ')})`);
  if (typeof emitOther !== 'boolean') bad('emitOther', emitOther, 'true or false');
  if (!Number.isInteger(maxActors) || maxActors < 1 || maxActors > 1000) bad('maxActors', maxActors, 'an integer from 1 to 1000');
  const wanted = new Set(regions);
  return {
    id: 'mentions',
    version: '1.1.0',
    needs: ['sentences', 'regions'],
    uses: ['paragraphs'],
    produces: ['mentions'],
    analyse(doc, ctx) {
      const { text } = doc;
      const spans = sentencesIn(
        ctx.annotations('sentence').map((a) => a.span),
        ctx.annotations('region').filter((r) => wanted.has(r.label)).map((r) => r.span),
        ctx.annotations('region').length === 0,
      );
      const { sentences, candidates } = findCandidates(text, spans);
      const mentions = resolveEntities(candidates, sentences);
      const portrayal = portray(sentences, mentions, paragraphsOf(spans, ctx.annotations('paragraph').map((a) => a.span)));
      const pronounRoles = new Map<number, Json[]>();
      for (const r of portrayal.pronounRoles) {
        const list = pronounRoles.get(r.mention) ?? [];
        list.push({ role: r.role, verb: r.verb, pronoun: r.pronoun, span: { start: r.start, end: r.end } });
        pronounRoles.set(r.mention, list);
      }
      const terms = mentions.map((mention) => termOf(text, mention));
      mentions.forEach((mention, k) => {
        if (!emitOther && mention.label === 'other') return;
        const c = mention.candidate;
        const data: { [key: string]: Json } = { entity: mention.entity, term: terms[k]!, connotation: c.connotation };
        if (c.lexicon) {
          data.lexiconId = c.lexicon.id;
          data.conflict = c.lexicon.conflict;
          data.side = c.lexicon.usedBy;
          data.about = c.lexicon.about;
        }
        const evidence = portrayal.evidence[k]!;
        if (evidence.length > 0) {
          data.portrayal = portrayalScore(evidence);
          data.evidence = evidence.map((e) => {
            const item: { [key: string]: Json } = { word: e.word, score: e.score, span: { start: e.start, end: e.end } };
            if (e.via) item.via = e.via;
            return item;
          });
        }
        const role = portrayal.roles[k];
        if (role) {
          data.role = role.role;
          data.roleVerb = role.verb;
        }
        const viaPronouns = pronounRoles.get(k);
        if (viaPronouns) data.pronounRoles = viaPronouns;
        ctx.emit({ kind: 'mention', span: { start: c.start, end: c.end }, label: mention.label, confidence: mention.confidence, ruleId: mention.ruleId, note: mention.note, data });
      });
      const summary = actorsSummary(text, mentions, portrayal, maxActors, terms);
      if (summary.rows.length > 0) ctx.summarise('actors', summary);
    },
  };
}

/** Paragraph index of every sentence (the paragraph it starts in; -1 outside any). Linear: both lists are sorted. */
function paragraphsOf(sentences: readonly Span[], paragraphs: readonly Span[]): Int32Array {
  const out = new Int32Array(sentences.length);
  let p = 0;
  sentences.forEach((s, k) => {
    while (p < paragraphs.length && paragraphs[p]!.end <= s.start) p++;
    out[k] = p < paragraphs.length && paragraphs[p]!.start <= s.start ? p : -1 - k;
  });
  return out;
}

/** Sentences that start inside a wanted region (all of them when the document has no regions). Linear: both lists are sorted. */
function sentencesIn(sentences: readonly Span[], regions: readonly Span[], all: boolean): Span[] {
  if (all) return [...sentences];
  const out: Span[] = [];
  let r = 0;
  for (const s of sentences) {
    while (r < regions.length && regions[r]!.end <= s.start) r++;
    if (r < regions.length && regions[r]!.start <= s.start) out.push(s);
  }
  return out;
}
