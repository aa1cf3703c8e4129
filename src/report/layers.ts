/**
 * Display layers shared by the renderers: one layer per annotation kind, except regions, which get a
 * layer per label. Known layers have hand-picked colours and a treatment; unknown kinds and labels
 * get a colour from a fixed palette, so new analysers show up without code changes.
 */
import type { Annotation } from '../core/types.js';

/** How a layer is drawn: a background tint or a line under the text. */
export type LayerTreatment = 'tint' | 'underline' | 'dashed' | 'wavy' | 'dotted';

/** A display layer: what every highlight of one kind (or region label) shares. */
export interface LayerStyle {
  /** `region:embed`, `quote`, … */
  key: string;
  /** Short name for legends. */
  name: string;
  /** CSS colour of the tint or line (contrast ≥ 3:1 for lines, dark text stays ≥ 7:1 on tints). */
  color: string;
  treatment: LayerTreatment;
  /** ANSI SGR parameters for the terminal. */
  ansi: string;
  /** One line saying what the layer marks. */
  description: string;
}

/** Kinds that describe structure rather than findings: counted, never highlighted. */
export const STRUCTURAL_KINDS: ReadonlySet<string> = new Set(['paragraph', 'sentence']);

/** Region labels shown without colour or markers (the article itself). */
export const QUIET_LAYERS: ReadonlySet<string> = new Set(['region:body']);

/** Display order of region labels; others follow alphabetically. */
export const REGION_ORDER: readonly string[] = [
  'headline',
  'byline',
  'body',
  'embed',
  'caption',
  'bio',
  'disclaimer',
  'boilerplate',
];

/** Display order of kinds; others follow alphabetically. */
export const KIND_ORDER: readonly string[] = [
  'region',
  'paragraph',
  'sentence',
  'quote',
  'scare-quote',
  'mention',
  'claim',
  'date',
  'event',
  'technique',
];

const KNOWN: Record<string, Omit<LayerStyle, 'key' | 'name'>> = {
  'region:headline': { color: '#cfe0fc', treatment: 'tint', ansi: '1;48;5;153;30', description: 'Headline or title.' },
  'region:byline': { color: '#e0dcfa', treatment: 'tint', ansi: '48;5;189;30', description: 'Byline: author, date, outlet.' },
  'region:body': { color: 'transparent', treatment: 'tint', ansi: '', description: 'Article body.' },
  'region:embed': { color: '#fad4e8', treatment: 'tint', ansi: '48;5;218;30', description: 'Embedded social-media post.' },
  'region:caption': { color: '#cdf2d8', treatment: 'tint', ansi: '48;5;157;30', description: 'Image or video caption.' },
  'region:bio': { color: '#fbe7b5', treatment: 'tint', ansi: '48;5;223;30', description: 'Author biography.' },
  'region:disclaimer': { color: '#fcd5d0', treatment: 'tint', ansi: '48;5;217;30', description: 'Disclaimer or editorial note.' },
  'region:boilerplate': { color: '#e2e4e8', treatment: 'tint', ansi: '48;5;252;30', description: 'Boilerplate: navigation, share prompts, ads.' },
  quote: { color: '#6d28d9', treatment: 'underline', ansi: '4;38;5;91', description: 'Quoted speech, direct or reported.' },
  'scare-quote': { color: '#c2410c', treatment: 'dotted', ansi: '4;38;5;166', description: 'Scare quotes: distancing quotation marks.' },
  mention: { color: '#0369a1', treatment: 'dotted', ansi: '38;5;25', description: 'Mention of a person, organisation, place or group.' },
  claim: { color: '#a16207', treatment: 'dashed', ansi: '4;38;5;130', description: 'Check-worthy claim.' },
  date: { color: '#047857', treatment: 'underline', ansi: '38;5;29', description: 'Date expression.' },
  event: { color: '#0f766e', treatment: 'dashed', ansi: '38;5;30', description: 'Dated event on the timeline.' },
  technique: { color: '#b91c1c', treatment: 'wavy', ansi: '4;38;5;124', description: 'Propaganda technique (SemEval-2020 Task 11).' },
};

/** Fallback colours for layers nobody has styled yet: dark enough for lines, distinct from the above. */
const PALETTE: readonly { color: string; ansi: string }[] = [
  { color: '#4d7c0f', ansi: '4;38;5;64' },
  { color: '#be185d', ansi: '4;38;5;162' },
  { color: '#1d4ed8', ansi: '4;38;5;26' },
  { color: '#92400e', ansi: '4;38;5;94' },
  { color: '#7e22ce', ansi: '4;38;5;92' },
  { color: '#155e75', ansi: '4;38;5;23' },
];
const REGION_PALETTE: readonly { color: string; ansi: string }[] = [
  { color: '#d9f0f7', ansi: '48;5;195;30' },
  { color: '#f3e3d3', ansi: '48;5;224;30' },
  { color: '#e6f5c9', ansi: '48;5;194;30' },
];

/** Kinds drawn with one layer per label (a colour per region label, per persuasion technique). */
const LAYER_PER_LABEL: ReadonlySet<string> = new Set(['region', 'technique']);

/** The layer an annotation belongs to: `region:<label>`, `technique:<label>`, else its kind. */
export function layerKey(annotation: Pick<Annotation, 'kind' | 'label'>): string {
  return LAYER_PER_LABEL.has(annotation.kind) ? `${annotation.kind}:${annotation.label}` : annotation.kind;
}

/** One colour per SemEval-2020 technique (wavy lines; each ≥ 3:1 against white), in label order. */
const TECHNIQUE_COLOURS: Record<string, { color: string; ansi: string }> = {
  Appeal_to_Authority: { color: '#1d4ed8', ansi: '4;38;5;26' },
  'Appeal_to_fear-prejudice': { color: '#b91c1c', ansi: '4;38;5;124' },
  'Bandwagon,Reductio_ad_hitlerum': { color: '#7e22ce', ansi: '4;38;5;92' },
  'Black-and-White_Fallacy': { color: '#374151', ansi: '4;38;5;238' },
  Causal_Oversimplification: { color: '#92400e', ansi: '4;38;5;94' },
  Doubt: { color: '#0e7490', ansi: '4;38;5;30' },
  'Exaggeration,Minimisation': { color: '#c2410c', ansi: '4;38;5;166' },
  'Flag-Waving': { color: '#15803d', ansi: '4;38;5;28' },
  Loaded_Language: { color: '#be123c', ansi: '4;38;5;161' },
  'Name_Calling,Labeling': { color: '#9d174d', ansi: '4;38;5;125' },
  Repetition: { color: '#4d7c0f', ansi: '4;38;5;64' },
  Slogans: { color: '#a21caf', ansi: '4;38;5;127' },
  'Thought-terminating_Cliches': { color: '#475569', ansi: '4;38;5;60' },
  'Whataboutism,Straw_Men,Red_Herring': { color: '#0369a1', ansi: '4;38;5;25' },
};

/** True when the annotation is drawn as a highlight (not structural, and a non-empty span). */
export function isHighlighted(annotation: Annotation, textLength: number): boolean {
  if (STRUCTURAL_KINDS.has(annotation.kind)) return false;
  const { start, end } = annotation.span;
  return Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start < end && end <= textLength;
}

const cache = new Map<string, LayerStyle>();

/** Style of a layer; unknown layers get a stable palette colour picked from the key. Memoised. */
export function layerStyle(key: string): LayerStyle {
  let style = cache.get(key);
  if (style === undefined) {
    style = computeStyle(key);
    if (cache.size < 1000) cache.set(key, style);
  }
  return style;
}

function computeStyle(key: string): LayerStyle {
  if (key.startsWith('technique:')) {
    const label = key.slice('technique:'.length);
    const pick = TECHNIQUE_COLOURS[label] ?? KNOWN.technique!;
    const name = label.replace(/_/g, ' ').replace(/,/g, ', ');
    return { key, name, color: pick.color, ansi: pick.ansi, treatment: 'wavy', description: `Persuasion technique: ${name} (SemEval-2020 Task 11).` };
  }
  const isRegion = key.startsWith('region:');
  const name = isRegion ? key.slice('region:'.length) : key;
  const known = KNOWN[key];
  if (known) return { key, name, ...known };
  const palette = isRegion ? REGION_PALETTE : PALETTE;
  let hash = 0;
  for (let i = 0; i < key.length; i++) hash = (hash * 31 + key.charCodeAt(i)) >>> 0;
  const pick = palette[hash % palette.length] ?? { color: '#555555', ansi: '4' };
  return {
    key,
    name,
    color: pick.color,
    ansi: pick.ansi,
    treatment: isRegion ? 'tint' : 'underline',
    description: isRegion ? `Region labelled "${name}".` : `Annotations of kind "${name}".`,
  };
}

/** Orders layer keys for display: regions first in REGION_ORDER, then kinds in KIND_ORDER. */
export function compareLayerKeys(a: string, b: string): number {
  return rankOf(a) - rankOf(b) || (a < b ? -1 : a > b ? 1 : 0);
}

function rankOf(key: string): number {
  if (key.startsWith('region:')) {
    const index = REGION_ORDER.indexOf(key.slice('region:'.length));
    return index === -1 ? REGION_ORDER.length : index;
  }
  const index = KIND_ORDER.indexOf(key.split(':')[0]!);
  return 100 + (index === -1 ? KIND_ORDER.length : index);
}
