/**
 * Runs the quotes analyser's steps over one document: pairs the marks, finds each quote's
 * attribution (or its lack: a scare quote, or a continuation of the quote before), resolves the
 * speakers in a second pass (pronouns need the names found in the first), adds embedded posts and
 * reported speech, and returns the annotations with the rows of the speakers panel.
 */
import type { AnnotationInput } from '../../core/annotation.js';
import { lastStartingAtOrBefore } from '../../core/spans.js';
import type { AnalysisContext, AnalysisInput } from '../../core/pipeline.js';
import type { Annotation, Json, Span } from '../../core/types.js';
import { attributionAfter, attributionBefore, type Attribution } from './find-attribution.js';
import { findIndirect } from './find-indirect.js';
import { findQuoteMarks, type QuotedSpan } from './find-quote-marks.js';
import type { QuotesSettings } from './index.js';
import { postText } from './post-text.js';
import { canonicalName, genderOf, resolvePronoun } from './resolve-speaker.js';
import type { SpeakerRecord } from './speakers-summary.js';
import { laterAttribution, subjectAttribution } from './subject-attribution.js';
import { createTokenIndex, type TokenIndex } from './token-index.js';
import type { Token } from './tokenize.js';

/** What one run found. */
export interface CollectedQuotes {
  annotations: AnnotationInput[];
  records: SpeakerRecord[];
  unbalanced: Span[];
}

interface Found {
  content: Span;
  label: 'direct' | 'indirect';
  attribution: Attribution | null;
  ruleId: string;
  confidence: number;
  note: string;
  group: number;
  closed: boolean;
  /** For embedded posts: the handle. */
  handle?: string;
}

const SKIPPED_REGIONS = new Set(['embed', 'boilerplate', 'byline', 'bio', 'disclaimer']);
const WINDOW = 400;
const SCOPE_CHARS = 600;
const TRAILING_CUE = /[,?!—–-]$/;
const TERMINAL = /[.!?]/;

/** Finds every quote, scare quote and reported speech in the document. */
export function collectQuotes(doc: AnalysisInput, ctx: AnalysisContext, settings: QuotesSettings): CollectedQuotes {
  const { text } = doc;
  const paragraphs = ctx.annotations('paragraph').map((a) => a.span);
  const regions = ctx.annotations('region');
  const skip = regionFlags(paragraphs, regions);
  const marks = findQuoteMarks(text, paragraphs, skip);
  const { unbalanced } = marks;
  const quotes = withBlockQuotes(marks.quotes, regions);
  const index = createTokenIndex(text, paragraphs);
  const annotations: AnnotationInput[] = [];
  const found: Found[] = [];
  const quoteSpans: Span[] = [];
  let p = 0;
  let previous: { quote: QuotedSpan; found: Found | null } | null = null;
  for (let k = 0; k < quotes.length; k++) {
    const quote = quotes[k]!;
    while (p + 1 < paragraphs.length && paragraphs[p]!.end <= quote.open) p++;
    let floor = Math.max(paragraphs[p]!.start, k > 0 ? quotes[k - 1]!.close : 0, quote.open - WINDOW);
    if (text.slice(paragraphs[p]!.start, quote.open).trim() === '' && p > 0 && !skip[p - 1] && text[paragraphs[p - 1]!.end - 1] === ':') {
      floor = Math.max(paragraphs[p - 1]!.start, k > 0 ? quotes[k - 1]!.close : 0, quote.open - WINDOW);
    }
    let q = p;
    while (q + 1 < paragraphs.length && paragraphs[q]!.end < quote.close) q++;
    const ceiling = Math.min(paragraphs[q]!.end, k + 1 < quotes.length ? quotes[k + 1]!.open : text.length, quote.close + WINDOW);
    const before = index.range(floor, quote.open);
    const after = quote.closed ? index.range(quote.close, Math.max(quote.close, ceiling)) : [];
    const lastChar = text[quote.content.end - 1] ?? '';
    const afterFirst = after[0]?.text ?? '';
    const cueAfterFirst = TRAILING_CUE.test(lastChar) || afterFirst === ',' || afterFirst === '—' || afterFirst === '–';
    const attribution = cueAfterFirst ? (attributionAfter(after) ?? attributionBefore(before)) : (attributionBefore(before) ?? introducesNext(attributionAfter(after), after));
    const words = countWords(text, quote.content);
    const soCalled = /so-called\s*$/i.test(text.slice(Math.max(floor, quote.open - 12), quote.open));
    quoteSpans.push({ start: quote.open, end: quote.close });
    if (soCalled || (!attribution && words <= settings.maxScareWords && !TERMINAL.test(text.slice(quote.content.start, quote.content.end)) && quote.closed)) {
      if (settings.scareQuotes && (soCalled || !isTitle(text, quote.content))) {
        annotations.push({
          kind: 'scare-quote',
          span: quote.content,
          label: 'scare-quote',
          confidence: soCalled ? 0.9 : 0.6,
          ruleId: soCalled ? 'scare-so-called' : 'scare-no-cue',
          note: soCalled
            ? "Quotation marks after 'so-called' distance the writer from the word: a framing signal, not speech."
            : 'A few words in quotation marks with no speech cue: marks the words as someone else’s or as doubtful, not speech.',
        });
      }
      previous = { quote, found: null };
      continue;
    }
    const gap = previous ? quote.open - previous.quote.close : Infinity;
    const subject = attribution ? null : subjectAttribution(index, quotes, k, paragraphs[p]!.start);
    const later = attribution || subject ? null : laterAttribution(text, index, quotes, k, paragraphs[q]!.end);
    const inherited = !attribution && !subject && !later && previous?.found?.attribution && gap < 300 ? previous.found : null;
    const own = attribution ?? subject ?? later;
    const item: Found = {
      content: quote.content,
      label: 'direct',
      attribution: own ?? inherited?.attribution ?? null,
      ruleId: own ? `direct-${own.rule}` : inherited ? 'direct-continued' : 'direct-unattributed',
      confidence: (own?.confidence ?? (inherited ? 0.75 : 0.55)) * (quote.closed ? 1 : 0.7),
      note: own
        ? noteFor(own)
        : inherited
          ? 'A quote right after another quote with no attribution of its own continues the same speaker.'
          : 'Words in quotation marks with no attribution nearby.',
      group: inherited?.group ?? sharedGroup(own, previous?.found ?? null) ?? found.length,
      closed: quote.closed,
    };
    found.push(item);
    previous = { quote, found: item };
  }
  for (const region of regions) {
    const handle = region.label === 'embed' ? region.data.handle : null;
    if (typeof handle !== 'string') continue;
    const content = postText(text, region, handle);
    if (content) {
      found.push({ content, label: 'direct', attribution: null, ruleId: 'embed-post', confidence: 0.85, note: `An embedded post quotes ${handle} in full.`, group: found.length, closed: true, handle });
    }
  }
  if (settings.indirect) findReported(index, ctx, skip, paragraphs, quoteSpans, found);
  const records = resolveAll(doc, ctx, index, found, annotations);
  return { annotations, records, unbalanced };
}

/** "“…” Holm went on: “…”": a cue after a closed sentence that ends in a colon introduces the next quote, not this one. */
function introducesNext(found: Attribution | null, after: readonly Token[]): Attribution | null {
  if (!found) return null;
  const end = Math.max(found.phrase.span.end, found.cueSpan?.end ?? 0);
  for (const token of after) if (token.start >= end) return token.text === ':' ? null : found;
  return found;
}

/** The group of the quote before when both share one attribution (a split quote). */
function sharedGroup(attribution: Attribution | null, before: Found | null): number | null {
  const cue = attribution?.cueSpan;
  return cue && before?.attribution?.cueSpan?.start === cue.start ? before.group : null;
}

const RULE_NOTES: { [rule: string]: string } = {
  dash: 'a dash',
  colon: 'a colon',
  bracket: 'the source in brackets after it',
  subject: 'being the subject of the sentence that holds the quote (no cue verb)',
  'according-to': "'according to'",
};

function noteFor(attribution: Attribution): string {
  const cue = attribution.cue ? `the cue '${attribution.cueText}' (${attribution.cue.stance}: ${attribution.cue.note})` : (RULE_NOTES[attribution.rule] ?? attribution.rule);
  return `Attributed to '${attribution.phrase.speaker}' by ${cue}`;
}

/**
 * Adds block quotations (HTML <blockquote>, marked by ingest as body regions with
 * `data.blockquote`) as quotes without marks, unless marks inside already make quotes there. The
 * attribution steps then treat them like any quote ("X wrote:" in the paragraph before).
 */
function withBlockQuotes(quotes: QuotedSpan[], regions: readonly Annotation[]): QuotedSpan[] {
  const blocks = regions.filter((r) => r.data.blockquote === true);
  if (blocks.length === 0) return quotes;
  const added: QuotedSpan[] = [];
  for (const block of blocks) {
    const { start, end } = block.span;
    if (quotes.some((q) => q.open < end && q.close > start)) continue;
    added.push({ open: start, close: end, content: { start, end }, family: 'double', closed: true, paragraphs: 1 });
  }
  return added.length === 0 ? quotes : [...quotes, ...added].sort((a, b) => a.open - b.open);
}

/** For each paragraph, whether it lies in an embed, boilerplate or byline region. Linear sweep. */
function regionFlags(paragraphs: readonly Span[], regions: readonly Annotation[]): boolean[] {
  const skipped = regions.filter((r) => SKIPPED_REGIONS.has(r.label)).sort((a, b) => a.span.start - b.span.start);
  const flags: boolean[] = [];
  let r = 0;
  for (const paragraph of paragraphs) {
    while (r < skipped.length && skipped[r]!.span.end <= paragraph.start) r++;
    flags.push(r < skipped.length && skipped[r]!.span.start < paragraph.end);
  }
  return flags;
}

function countWords(text: string, span: Span): number {
  let words = 0;
  let inWord = false;
  for (let i = span.start; i < span.end && words < 50; i++) {
    const space = text[i] === ' ' || text[i] === '\n' || text[i] === '\t';
    if (!space && !inWord) words++;
    inWord = !space;
  }
  return words;
}

/** Every word capitalised: a title (of a show, a book, an operation), not a scare quote. */
function isTitle(text: string, span: Span): boolean {
  const words = text.slice(span.start, span.end).split(/\s+/);
  return words.length > 1 && words.every((w) => /^[\p{Lu}\p{N}]/u.test(w) || w.length <= 3);
}

/** Reported speech in sentences that hold no quotation marks. */
function findReported(index: TokenIndex, ctx: AnalysisContext, skip: readonly boolean[], paragraphs: readonly Span[], quoteSpans: readonly Span[], found: Found[]): void {
  let p = 0;
  let q = 0;
  for (const sentence of ctx.annotations('sentence')) {
    const { start, end } = sentence.span;
    while (p + 1 < paragraphs.length && paragraphs[p]!.end <= start) p++;
    if (skip[p]) continue;
    while (q < quoteSpans.length && quoteSpans[q]!.end <= start) q++;
    if (q < quoteSpans.length && quoteSpans[q]!.start < end) continue;
    for (const reported of findIndirect(index.range(start, end))) {
      found.push({ content: reported.content, label: 'indirect', attribution: reported.attribution, ruleId: `indirect-${reported.attribution.rule}`, confidence: reported.attribution.confidence, note: noteFor(reported.attribution), group: found.length, closed: true });
    }
  }
}

/** Second pass: resolves pronouns and surnames, and builds the annotations and panel rows. */
function resolveAll(doc: AnalysisInput, ctx: AnalysisContext, index: TokenIndex, found: Found[], out: AnnotationInput[]): SpeakerRecord[] {
  const { text } = doc;
  found.sort((a, b) => a.content.start - b.content.start);
  const knownNames = new Set<string>();
  const fullNames = new Map<string, string>();
  for (const item of found) {
    const phrase = item.attribution?.phrase;
    if (phrase?.kind !== 'name') continue;
    knownNames.add(phrase.speaker);
    const parts = phrase.speaker.split(' ');
    const last = parts[parts.length - 1]!;
    knownNames.add(last);
    if ((fullNames.get(last)?.length ?? 0) < phrase.speaker.length) fullNames.set(last, phrase.speaker);
  }
  const mentions = ctx.annotations('mention');
  // Where the mentions analyser saw a place, organisation, group or thing ("Gaza", "Zionist" in
  // "Zionist brutality" or "the Zionist entity"): a capitalised word there is no antecedent for "he"
  // or "she".
  const notPersonSpans = mentions.filter((a) => a.label !== 'person').map((a) => a.span);
  const sentences = ctx.annotations('sentence').map((s) => s.span);
  const genders = new Map<string, 'female' | 'male'>();
  const records: SpeakerRecord[] = [];
  const mentionSpans = mentions.map((a) => a.span);
  for (const item of found) {
    const attribution = item.attribution;
    const phrase = attribution?.phrase ?? null;
    let speaker: string | null = item.handle ?? null;
    if (phrase) {
      // Speaker phrases are not in text order (found is sorted by content): look each one up.
      // The mention that ends the phrase: covering it, or a person inside it ("Dr. Tedros" → "Tedros").
      const at = lastStartingAtOrBefore(mentionSpans, phrase.span.end - 1);
      const holder = at >= 0 && mentionSpans[at]!.end >= phrase.span.end ? mentions[at] : undefined;
      const mention = holder && (holder.span.start <= phrase.span.start || holder.label === 'person') ? holder : undefined;
      if (mention && phrase.kind === 'name' && typeof mention.data.entity === 'string') {
        speaker = mention.data.entity;
        rememberFullName(fullNames, speaker);
      } else if (phrase.kind === 'name') speaker = canonicalName(phrase.speaker, fullNames);
      else if (phrase.kind === 'self') speaker = doc.meta.authors[0] ?? 'the author';
      else if (phrase.kind === 'pronoun') {
        const spans = scopeSpans(sentences, phrase.span.start);
        const resolved = resolvePronoun(phrase, { text, index, spans, quote: item.content, knownNames, notPersonSpans, genders });
        speaker = resolved ? canonicalName(resolved, fullNames) : null;
        // A pronoun resolved to a fuller name than any quoted so far: later surnames map to it.
        if (speaker) rememberFullName(fullNames, speaker);
        if (speaker && (phrase.speaker === 'he' || phrase.speaker === 'she') && !genderOf(speaker, null)) genders.set(speaker, phrase.speaker === 'she' ? 'female' : 'male');
      } else speaker = phrase.speaker;
    }
    const anonymous = phrase?.kind === 'anonymous';
    const data: { [key: string]: Json } = {
      speaker,
      speakerSpan: phrase ? { start: phrase.span.start, end: phrase.span.end } : null,
      cue: attribution?.cueText ?? null,
      anonymous,
      cueStance: attribution?.cue?.stance ?? null,
      speakerKind: item.handle ? 'handle' : (phrase?.kind ?? null),
      speakerDescription: phrase?.description ?? null,
      quoteId: `q${item.group}`,
    };
    out.push({ kind: 'quote', span: item.content, label: item.label, confidence: item.confidence, ruleId: item.ruleId, note: item.note, data });
    records.push({ speaker, anonymous, label: item.label, cue: attribution?.cueText ?? null, stance: attribution?.cue?.stance ?? null, description: phrase?.description ?? null });
  }
  return records;
}

/** Records `name` as the full name for its surname when it is fuller than the one known ("Lewinsky" → "Monica Lewinsky"). */
function rememberFullName(fullNames: Map<string, string>, name: string): void {
  if (!name.includes(' ')) return;
  const last = name.slice(name.lastIndexOf(' ') + 1);
  if ((fullNames.get(last)?.length ?? 0) < name.length) fullNames.set(last, name);
}

/** The current sentence up to `at`, then up to five earlier sentences, nearest first. */
function scopeSpans(sentences: readonly Span[], at: number): Span[] {
  const index = lastStartingAtOrBefore(sentences, at);
  if (index < 0) return [];
  // Bounded windows keep the cost linear when a text has no sentence breaks.
  const spans: Span[] = [{ start: Math.max(sentences[index]!.start, at - SCOPE_CHARS), end: at }];
  for (let k = index - 1; k >= 0 && k >= index - 5; k--) {
    const { start, end } = sentences[k]!;
    spans.push({ start, end: Math.min(end, start + SCOPE_CHARS) });
  }
  return spans;
}
