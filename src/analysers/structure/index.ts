/**
 * The structure analyser: labels every paragraph as headline, byline, embed, bio, disclaimer,
 * caption, boilerplate or body, and merges neighbours with the same label into `region`
 * annotations. It works on plain text (the residue a page leaves when copied or scraped) and
 * respects the regions HTML ingest already found. Rules are data in rules/*.json.
 */
import { MarginaliaError } from '../../core/errors.js';
import { assertKnownOptions } from '../../core/options.js';
import type { Analyser } from '../../core/pipeline.js';
import type { Annotation } from '../../core/types.js';
import { findEmbeds, matchAnchor, type AnchorMatch, type ParagraphView } from './find-embeds.js';
import {
  bylineNames,
  isCredit,
  labelBeforeCredit,
  labelBio,
  labelByPattern,
  labelHeadline,
  type LabelWindows,
  type ParagraphLabel,
} from './label-paragraphs.js';
import { mergeRegions } from './merge-regions.js';
import { RULES } from './rule-set.js';

/** Options of the structure analyser. */
export interface StructureOptions {
  /** Emit `body` regions for the author's own text (default true). */
  emitBody?: boolean;
  /** How many leading paragraphs may hold a byline or an opening editor's note (default 4). */
  headWindow?: number;
  /** How many trailing paragraphs may hold a bio or a closing editor's note (default 5). */
  tailWindow?: number;
}

const OPTION_KEYS = ['emitBody', 'headWindow', 'tailWindow'] as const;

const BODY: ParagraphLabel = {
  label: 'body',
  ruleId: 'body-default',
  confidence: 0.8,
  note: 'No headline, byline, embed, bio, disclaimer, caption or boilerplate cue: the text of the article itself.',
};

/** Creates the structure analyser (`region` annotations over every paragraph). */
export function structureAnalyser(options: StructureOptions = {}): Analyser {
  const { emitBody, windows } = validateOptions(options);
  return {
    id: 'structure',
    version: '1.0.0',
    needs: ['paragraphs'],
    produces: ['regions'],
    analyse(doc, ctx) {
      const { text } = doc;
      const paragraphs: ParagraphView[] = ctx
        .annotations('paragraph')
        .map(({ span }) => ({ start: span.start, end: span.end, text: text.slice(span.start, span.end) }));
      const seeded = ctx.annotations('region').filter((region) => region.source !== 'structure');
      const covered = coveredBy(paragraphs, seeded);
      const count = paragraphs.length;
      const anchors: (AnchorMatch | null)[] = paragraphs.map((p, i) => (covered[i] ? null : matchAnchor(p.text)));
      const labels: (ParagraphLabel | null)[] = paragraphs.map((p, i) =>
        covered[i] || anchors[i] ? null : labelByPattern(p.text, i, count, windows),
      );
      const blocked = paragraphs.map((_, i) => covered[i] !== null || labels[i] !== null);
      const units = findEmbeds(paragraphs, anchors, blocked);
      units.forEach((unit, id) => {
        const anchor = unit.rule.entry;
        const label: ParagraphLabel = { label: 'embed', ruleId: anchor.id, confidence: anchor.confidence, note: anchor.note, unit: id };
        for (let i = unit.first; i <= unit.last; i++) labels[i] = label;
      });
      for (let i = 0; i + 1 < count; i++) {
        if (!covered[i] && labels[i] === null && isCredit(labels[i + 1] ?? null)) labels[i] = labelBeforeCredit(paragraphs[i]!.text);
      }
      labelBio(paragraphs, labels, blocked, authorsOf(labels, seeded, doc.meta.authors, text), windows);
      const hasSeededHeadline = seeded.some((region) => region.label === 'headline');
      if (!hasSeededHeadline && count > 0 && !covered[0] && labels[0] === null) {
        labels[0] = labelHeadline(paragraphs, labels[1]?.label === 'byline');
      }
      const final = labels.map((label, i) => (covered[i] ? null : (label ?? (emitBody ? BODY : null))));
      for (const region of mergeRegions(paragraphs, final, units)) ctx.emit(region);
    },
  };
}

function validateOptions(options: StructureOptions): { emitBody: boolean; windows: LabelWindows } {
  if (options === null || typeof options !== 'object') {
    throw new MarginaliaError('E_ANALYSER_OPTIONS', 'Analyser "structure" got options that are not an object; expected an object.', {
      subject: 'structure',
    });
  }
  assertKnownOptions('structure', options, OPTION_KEYS);
  const { emitBody = true, headWindow = 4, tailWindow = 5 } = options;
  if (typeof emitBody !== 'boolean') {
    throw new MarginaliaError('E_ANALYSER_OPTIONS', `Analyser "structure" option "emitBody" is ${JSON.stringify(emitBody)}; expected true or false.`, {
      subject: 'structure',
    });
  }
  for (const [key, value] of [['headWindow', headWindow], ['tailWindow', tailWindow]] as const) {
    if (!Number.isInteger(value) || value < 1 || value > 50) {
      throw new MarginaliaError('E_ANALYSER_OPTIONS', `Analyser "structure" option "${key}" is ${JSON.stringify(value)}; expected an integer from 1 to 50.`, {
        subject: 'structure',
      });
    }
  }
  return { emitBody, windows: { head: headWindow, tail: tailWindow } };
}

/** For each paragraph, the label of the seeded region it overlaps, or null. Linear: both lists are sorted. */
function coveredBy(paragraphs: readonly ParagraphView[], regions: readonly Annotation[]): (string | null)[] {
  const sorted = [...regions].sort((a, b) => a.span.start - b.span.start);
  const out: (string | null)[] = [];
  let r = 0;
  for (const paragraph of paragraphs) {
    while (r < sorted.length && sorted[r]!.span.end <= paragraph.start) r++;
    let label: string | null = null;
    for (let k = r; k < sorted.length && sorted[k]!.span.start < paragraph.end; k++) {
      if (sorted[k]!.span.end > paragraph.start) {
        label = sorted[k]!.label;
        break;
      }
    }
    out.push(label);
  }
  return out;
}

/** Authors to match a bio against: our bylines, ingest's bylines and the metadata. */
function authorsOf(labels: readonly (ParagraphLabel | null)[], seeded: readonly Annotation[], metaAuthors: readonly string[], text: string): string[] {
  const authors = [...metaAuthors];
  for (const label of labels) {
    const names = label?.label === 'byline' ? label.data?.authors : undefined;
    if (Array.isArray(names)) for (const name of names) if (typeof name === 'string') authors.push(name);
  }
  for (const region of seeded) {
    if (region.label !== 'byline') continue;
    const line = text.slice(region.span.start, region.span.end).trim();
    for (const rule of RULES.byline) {
      const match = rule.regex.exec(line);
      if (match) authors.push(...bylineNames(match.groups?.names));
    }
  }
  return authors;
}
