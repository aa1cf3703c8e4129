/**
 * The speakers panel: one row per speaker with how often they are quoted (direct and indirect),
 * whether they are named, the cue verbs used for them with their stance, and the first
 * description given. Which verbs an article uses for whom is a framing signal.
 */
import type { Summary } from '../../core/types.js';
import type { CueStance } from './lexicon.js';

/** What the panel needs to know about one quote. */
export interface SpeakerRecord {
  speaker: string | null;
  anonymous: boolean;
  label: 'direct' | 'indirect';
  cue: string | null;
  stance: CueStance | null;
  description: string | null;
}

interface Row {
  speaker: string;
  anonymous: boolean;
  direct: number;
  indirect: number;
  cues: Map<string, { count: number; stance: CueStance | null }>;
  description: string | null;
  loaded: number;
}

/** Builds the `speakers` summary from the quotes in document order (first appearance first). */
export function summariseSpeakers(records: readonly SpeakerRecord[]): Omit<Summary, 'source'> {
  const rows = new Map<string, Row>();
  for (const record of records) {
    const key = record.speaker ?? '(unattributed)';
    let row = rows.get(key);
    if (!row) {
      row = { speaker: key, anonymous: record.anonymous, direct: 0, indirect: 0, cues: new Map(), description: null, loaded: 0 };
      rows.set(key, row);
    }
    if (record.label === 'direct') row.direct++;
    else row.indirect++;
    row.description ??= record.description;
    if (record.cue) {
      const cue = row.cues.get(record.cue) ?? { count: 0, stance: record.stance };
      cue.count++;
      row.cues.set(record.cue, cue);
      if (record.stance === 'loaded') row.loaded++;
    }
  }
  return {
    title: 'Speakers',
    columns: ['speaker', 'sourcing', 'direct', 'indirect', 'cues', 'loaded cues', 'description'],
    rows: [...rows.values()].map((row) => [
      row.speaker,
      row.speaker === '(unattributed)' ? 'none' : row.anonymous ? 'anonymous' : 'named',
      row.direct,
      row.indirect,
      [...row.cues].map(([cue, { count, stance }]) => `${cue} ×${count} (${stance ?? 'none'})`).join(', ') || null,
      row.loaded,
      row.description,
    ]),
    note:
      'Who is quoted, how often, named or anonymous, and with which reporting verbs. Loaded verbs (claimed, admitted, insisted) frame a speaker; compare which speakers get them.',
  };
}
