/**
 * From labelled paragraphs to regions: adjacent paragraphs with the same label become one region
 * (the lines of one embedded post, a run of body paragraphs). A region never spans a paragraph
 * with another label or one that ingest already covered, and two different posts stay apart.
 */
import type { AnnotationInput } from '../../core/annotation.js';
import type { Json } from '../../core/types.js';
import { isSamePost, mergeEmbedData, type EmbedData } from './embed-data.js';
import type { EmbedUnit, ParagraphView } from './find-embeds.js';
import type { ParagraphLabel } from './label-paragraphs.js';

interface Run {
  first: number;
  last: number;
  label: ParagraphLabel;
  embed: EmbedData | null;
  units: number;
}

/**
 * Region annotations for `labels` (null = covered by an ingest region: skipped, and it breaks a
 * run). `units` gives the data of embedded posts that embed labels point to.
 */
export function mergeRegions(
  paragraphs: readonly ParagraphView[],
  labels: readonly (ParagraphLabel | null)[],
  units: readonly EmbedUnit[],
): AnnotationInput[] {
  const runs: Run[] = [];
  let current: Run | null = null;
  for (let i = 0; i < paragraphs.length; i++) {
    const label = labels[i] ?? null;
    if (!label) {
      current = null;
      continue;
    }
    const embed = label.unit === undefined ? null : (units[label.unit]?.data ?? null);
    if (current && continues(current, label, embed)) {
      current.last = i;
      if (current.embed && embed && current.label.unit !== label.unit) {
        current.embed = mergeEmbedData(current.embed, embed);
        current.units++;
      }
      if (label.label === 'embed') current.label = pickStronger(current.label, label);
      continue;
    }
    current = { first: i, last: i, label, embed, units: 1 };
    runs.push(current);
  }
  return runs.map((run) => toAnnotation(paragraphs, run));
}

function continues(run: Run, label: ParagraphLabel, embed: EmbedData | null): boolean {
  if (run.label.label !== label.label) return false;
  if (label.label !== 'embed') return true;
  if (run.label.unit === label.unit) return true;
  return run.embed !== null && embed !== null && isSamePost(run.embed, embed);
}

/** Within one post, the anchor's label (the strongest evidence) speaks for the region. */
function pickStronger(a: ParagraphLabel, b: ParagraphLabel): ParagraphLabel {
  return b.confidence > a.confidence ? b : a;
}

function toAnnotation(paragraphs: readonly ParagraphView[], run: Run): AnnotationInput {
  const { label } = run;
  const count = run.last - run.first + 1;
  let note = label.note;
  let data: { [key: string]: Json } = label.data ?? {};
  if (run.embed) {
    const { platform, handle, date } = run.embed;
    data = { platform, handle, date };
    const who = handle ?? 'an unnamed account';
    const when = date ? ` of ${date}` : '';
    const rest = count > 1 ? ` ${count - 1} more line${count > 2 ? 's' : ''} of post text and residue travel with it.` : '';
    note = `${note} Post by ${who}${when}.${rest}`;
  } else if (count > 1) {
    note = `${note} (${count} paragraphs)`;
  }
  return {
    kind: 'region',
    span: { start: paragraphs[run.first]!.start, end: paragraphs[run.last]!.end },
    label: label.label,
    confidence: label.confidence,
    ruleId: label.ruleId,
    note,
    data,
  };
}
