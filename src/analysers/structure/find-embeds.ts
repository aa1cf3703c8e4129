/**
 * Embedded posts in plain text. An anchor line (an X attribution, 'A post shared by', a t.me link …)
 * says a post was here; the region then grows over the post text next to it and over residue lines
 * (links, promo, schedules, emoji), and never over a paragraph of ordinary prose.
 */
import type { AnchorEntry, CompiledRule } from './rule-set.js';
import { RULES, mayMatch } from './rule-set.js';
import { readEmbedGroups, type EmbedData } from './embed-data.js';

/** A paragraph as the structure analyser sees it. */
export interface ParagraphView {
  start: number;
  end: number;
  text: string;
}

/** An anchor rule that fired on a paragraph. */
export interface AnchorMatch {
  rule: CompiledRule<AnchorEntry>;
  groups: Record<string, string | undefined> | undefined;
  /** The anchor opens its paragraph, so the post text is in the paragraph before. */
  atStart: boolean;
  /** Text of the paragraph before the anchor (post text flattened onto the anchor's line). */
  prefix: string;
}

/** One embedded post: a run of paragraphs around an anchor. Indexes are inclusive. */
export interface EmbedUnit {
  first: number;
  last: number;
  anchor: number;
  rule: CompiledRule<AnchorEntry>;
  data: EmbedData;
}

/** How far a post may reach from its anchor, in paragraphs. */
const MAX_BACK = 6;
const MAX_FORWARD = 8;
/** An anchor after more than this much text in its paragraph is inside prose, not residue. */
const MAX_INLINE_PREFIX = 600;
/** Post text may exceed the anchor's postTextMaxLength by this much when it carries a post link. */
const LINK_ALLOWANCE = 120;
/** Nor is an anchor followed by more than this much text in its paragraph. */
const MAX_INLINE_SUFFIX = 160;
const LINK = /(?:pic\.(?:twitter|x)\.com|t\.co)\//u;
/** What makes a line read as a post rather than prose: an emoji, a hashtag, an @mention, a link. */
const SOCIAL_MARKER = /[#@][\p{L}\p{N}_]|\p{Extended_Pictographic}|https?:\/\//u;
const MULTILINE = /[\n\r\u2028\u2029]/u;
const LINE_BREAK = /\r\n|[\n\r\u2028\u2029]/u;

interface ResidueMatch {
  strong: boolean;
  terminal: boolean;
  needsSupport: boolean;
  platformSpecific: boolean;
  groups: Record<string, string | undefined> | undefined;
}

/** The first anchor rule that fires on `text`, or null. */
export function matchAnchor(text: string): AnchorMatch | null {
  for (const rule of RULES.anchors) {
    if (!mayMatch(rule, text)) continue;
    const match = rule.regex.exec(text);
    if (!match) continue;
    const before = text.slice(0, match.index).trim();
    if (before.length > MAX_INLINE_PREFIX && !LINK.test(before)) continue;
    if (text.length - (match.index + match[0].length) > MAX_INLINE_SUFFIX) continue;
    return { rule, groups: match.groups, atStart: before.length === 0, prefix: before };
  }
  return null;
}

/**
 * What residue rules say about `text` next to a post from `platform`; null when none fires. A
 * paragraph of several lines (hard-wrapped text) is residue only when every line is.
 */
export function matchResidue(text: string, platform: string): ResidueMatch | null {
  if (!MULTILINE.test(text)) return matchResidueLine(text, platform);
  let result: ResidueMatch | null = null;
  for (const line of text.split(LINE_BREAK)) {
    const trimmed = line.trim();
    if (trimmed.length === 0) continue;
    const match = matchResidueLine(trimmed, platform);
    if (!match) return null;
    result = result
      ? {
          strong: result.strong && match.strong,
          terminal: match.terminal,
          needsSupport: result.needsSupport && match.needsSupport,
          platformSpecific: result.platformSpecific || match.platformSpecific,
          groups: result.groups ?? match.groups,
        }
      : match;
  }
  return result;
}

function matchResidueLine(text: string, platform: string): ResidueMatch | null {
  let result: ResidueMatch | null = null;
  for (const rule of RULES.residue) {
    const { entry } = rule;
    if ((entry.platform !== 'any' && entry.platform !== platform) || !mayMatch(rule, text)) continue;
    const match = rule.regex.exec(text);
    if (!match) continue;
    result ??= { strong: false, terminal: false, needsSupport: true, platformSpecific: false, groups: undefined };
    result.strong ||= entry.strength === 'strong';
    result.terminal ||= entry.terminal === true;
    result.needsSupport &&= entry.needsSupport === true;
    result.platformSpecific ||= entry.platform !== 'any';
    result.groups ??= match.groups;
  }
  return result;
}

/**
 * Finds embedded posts. `anchors[i]` is the anchor on paragraph i (or null); `blocked[i]` marks
 * paragraphs a post must not take (ingest regions, bylines, disclaimers, captions, boilerplate).
 */
export function findEmbeds(
  paragraphs: readonly ParagraphView[],
  anchors: readonly (AnchorMatch | null)[],
  blocked: readonly boolean[],
): EmbedUnit[] {
  const owner = new Int32Array(paragraphs.length).fill(-1);
  const units: EmbedUnit[] = [];
  anchors.forEach((anchor, index) => {
    if (!anchor) return;
    owner[index] = units.length;
    units.push({ first: index, last: index, anchor: index, rule: anchor.rule, data: { platform: anchor.rule.entry.platform, ...readEmbedGroups(anchor.groups) } });
  });
  // Post text right before an anchor belongs to that anchor, before any other post grows over it.
  units.forEach((unit, id) => {
    const { postText, postTextMaxLength = 280 } = unit.rule.entry;
    const previous = unit.anchor - 1;
    if ((postText !== 'adjacent' && postText !== 'title' && postText !== 'marked') || !anchors[unit.anchor]!.atStart || previous < 0) return;
    if (owner[previous] !== -1 || blocked[previous]) return;
    const text = paragraphs[previous]!.text;
    // 'marked': take the line only when it reads as a post, or platform residue stands before it.
    if (postText === 'marked' && !SOCIAL_MARKER.test(text)) {
      const before = previous > 0 ? matchResidue(paragraphs[previous - 1]!.text, unit.data.platform) : null;
      if (!before?.platformSpecific) return;
    }
    const limit = postTextMaxLength + (LINK.test(text) ? LINK_ALLOWANCE : 0);
    if (text.length > limit || (postText === 'title' && /[.!?:;,]$/u.test(text))) return;
    owner[previous] = id;
    unit.first = previous;
  });
  const isFree = (index: number): boolean => owner[index] === -1 && !blocked[index];
  units.forEach((unit, id) => {
    growBackward(paragraphs, unit, isFree);
    const postText = unit.first < unit.anchor ? paragraphs[unit.anchor - 1]!.text : anchors[unit.anchor]!.prefix;
    growForward(paragraphs, unit, isFree, matchResidue(postText, unit.data.platform)?.terminal === true);
    for (let i = unit.first; i <= unit.last; i++) owner[i] = id;
  });
  return units;
}

function growBackward(paragraphs: readonly ParagraphView[], unit: EmbedUnit, isFree: (index: number) => boolean): void {
  const { platform } = unit.data;
  const { postText, postTextMaxLength = 280 } = unit.rule.entry;
  let sawPlatformResidue = false;
  let tookPostText = unit.first < unit.anchor;
  for (let j = unit.first - 1; j >= 0 && unit.first - j <= MAX_BACK && isFree(j); j--) {
    const text = paragraphs[j]!.text;
    const residue = matchResidue(text, platform);
    const canBePostText = postText === 'after-residue' && sawPlatformResidue && !tookPostText && text.length <= postTextMaxLength;
    if (canBePostText && (!residue || residue.needsSupport)) {
      unit.first = j;
      tookPostText = true;
      continue;
    }
    if (!residue) break;
    if (residue.needsSupport) continue; // taken only if a further line backs it up
    unit.first = j;
    sawPlatformResidue ||= residue.platformSpecific;
    absorbData(unit, residue);
  }
}

/** Grows a post forwards; once its closing link was seen (`ended`), only strong residue may follow. */
function growForward(paragraphs: readonly ParagraphView[], unit: EmbedUnit, isFree: (index: number) => boolean, ended: boolean): void {
  const { platform } = unit.data;
  let seenTerminal = ended;
  for (let k = unit.last + 1; k < paragraphs.length && k - unit.anchor <= MAX_FORWARD && isFree(k); k++) {
    const residue = matchResidue(paragraphs[k]!.text, platform);
    if (!residue || (seenTerminal && !residue.strong)) break;
    if (residue.needsSupport) continue; // taken only if a further line backs it up
    unit.last = k;
    seenTerminal ||= residue.terminal;
    absorbData(unit, residue);
  }
}

/** Residue lines may carry what the anchor lacks (an Instagram timestamp under the credit line). */
function absorbData(unit: EmbedUnit, residue: ResidueMatch): void {
  if (!residue.groups) return;
  const { handle, date } = readEmbedGroups(residue.groups);
  unit.data = { ...unit.data, handle: unit.data.handle ?? handle, date: unit.data.date ?? date };
}
