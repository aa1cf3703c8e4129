/**
 * The actors panel: one row per entity (people, organisations, places, groups) with every name
 * the article uses for it, the connotation and count of each, a portrayal score and the words
 * behind it, and how often it acts or suffers in clauses of violence or harm.
 */
import type { Summary } from '../../core/types.js';
import type { Evidence, Portrayal } from './portrayal.js';
import type { ResolvedMention } from './resolve-entities.js';

interface Row {
  entity: string;
  labels: Map<string, number>;
  mentions: number;
  names: Map<string, { term: string; connotation: string; count: number }>;
  evidence: Evidence[];
  acts: number;
  suffers: number;
  order: number;
}

/** Mean evidence score on AFINN's -5..5 scale, brought to -1..1 and rounded; 0 without evidence. */
export function portrayalScore(evidence: readonly Evidence[]): number {
  if (evidence.length === 0) return 0;
  let sum = 0;
  for (const e of evidence) sum += e.score;
  return Math.round((sum / evidence.length / 5) * 100) / 100;
}

function topWords(evidence: readonly Evidence[], max: number): string {
  const byWord = new Map<string, { score: number; count: number }>();
  for (const e of evidence) {
    const w = byWord.get(e.word);
    if (w) w.count++;
    else byWord.set(e.word, { score: e.score, count: 1 });
  }
  return [...byWord.entries()]
    .sort((a, b) => Math.abs(b[1].score) * b[1].count - Math.abs(a[1].score) * a[1].count || (a[0] < b[0] ? -1 : 1))
    .slice(0, max)
    .map(([word, { score, count }]) => `${word} (${score > 0 ? '+' : ''}${score}${count > 1 ? ` ×${count}` : ''})`)
    .join(', ');
}

/** Builds the `actors` summary (`terms`: each mention's words, when already computed); label `other` (events, ideologies, unknown words) stays out. */
export function actorsSummary(text: string, mentions: readonly ResolvedMention[], portrayal: Portrayal, maxRows: number, terms?: readonly string[]): Omit<Summary, 'source'> {
  const rows = new Map<string, Row>();
  mentions.forEach((mention, k) => {
    if (mention.label === 'other') return;
    let row = rows.get(mention.entity);
    if (!row) {
      row = { entity: mention.entity, labels: new Map(), mentions: 0, names: new Map(), evidence: [], acts: 0, suffers: 0, order: k };
      rows.set(mention.entity, row);
    }
    row.mentions++;
    row.labels.set(mention.label, (row.labels.get(mention.label) ?? 0) + 1);
    const term = terms?.[k] ?? termOf(text, mention);
    const termKey = `${term.toLowerCase()}|${mention.candidate.connotation}`;
    const name = row.names.get(termKey);
    if (name) name.count++;
    else row.names.set(termKey, { term, connotation: mention.candidate.connotation, count: 1 });
    for (const e of portrayal.evidence[k]!) row.evidence.push(e);
    const role = portrayal.roles[k];
    if (role?.role === 'agent') row.acts++;
    if (role?.role === 'patient') row.suffers++;
  });
  for (const r of portrayal.pronounRoles) {
    const row = rows.get(mentions[r.mention]!.entity);
    if (row && r.role === 'agent') row.acts++;
    if (row && r.role === 'patient') row.suffers++;
  }
  const sorted = [...rows.values()].sort((a, b) => b.mentions - a.mentions || a.order - b.order).slice(0, maxRows);
  return {
    title: 'Actors',
    columns: ['Actor', 'Type', 'Mentions', 'Names used', 'Portrayal', 'Evidence', 'Acts (harm)', 'Suffers (harm)'],
    rows: sorted.map((row) => [
      row.entity,
      [...row.labels.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]![0],
      row.mentions,
      [...row.names.values()]
        .sort((a, b) => b.count - a.count)
        .map((n) => `${n.term} (${n.connotation}${n.count > 1 ? ` ×${n.count}` : ''})`)
        .join('; '),
      portrayalScore(row.evidence),
      topWords(row.evidence, 5),
      row.acts,
      row.suffers,
    ]),
    note:
      'One row per actor the article names. Names used: every form, with its connotation from the naming lexicon (neutral when no entry applies) and its count. Portrayal: the mean score (−1 to 1) of the evaluative words next to its mentions (AFINN-165) and of loaded names (pejorative −2, honorific +2 on AFINN\'s ±5 scale). Acts and Suffers count clauses with a verb of violence or harm in which it (or a pronoun standing for it) is the doer or the target. The table describes the article\'s wording; it does not judge the actors.',
  };
}

/** The words the article uses for a mention, with white space made single and curly apostrophes straight. */
export function termOf(text: string, mention: ResolvedMention): string {
  const raw = text.slice(mention.candidate.start, mention.candidate.end);
  return NEEDS_CLEANING.test(raw) ? raw.replace(/\s+/gu, ' ').replaceAll('’', "'") : raw;
}

const NEEDS_CLEANING = /[\t\n\r\u00a0’]| {2}/u;
