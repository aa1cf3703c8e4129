/**
 * The dates analyser: `date` annotations (absolute and relative, each with a value and a
 * precision), `event` annotations (the clause a date governs, summarised) and the `timeline`
 * summary. Dates are read in body, headline, caption and bio regions; events and the timeline come
 * from the body only, so a bio's "served 2010–2015" is a date but not a step of the story. Rules
 * are data in rules.json.
 */
import { MarginaliaError } from '../../core/errors.js';
import { spanHolding } from '../../core/spans.js';
import { assertKnownOptions } from '../../core/options.js';
import type { Analyser, AnalysisContext } from '../../core/pipeline.js';
import type { Annotation, Json, Span } from '../../core/types.js';
import { formatDate, parseIsoDay, sortKey, type CalendarDate } from './calendar.js';
import { findDates, previousWord, type DateMatch } from './find-dates.js';
import { resolveDates, type PublicationAnchor, type ResolveContext, type ResolvedDate } from './resolve-dates.js';
import { subjectResolver, type SubjectResolver } from './resolve-subject.js';
import { summariseEvent } from './summarise-event.js';

export { formatDate, type CalendarDate, type Precision } from './calendar.js';
export { DATE_RULES } from './rule-set.js';

/** Options of the dates analyser. */
export interface DatesOptions {
  /**
   * When the publication date is unknown, anchor "last year" and the like at the latest date of an
   * embedded post (marked uncertain). Default true.
   */
  useEmbedDates?: boolean;
}

const DATE_REGIONS = new Set(['body', 'headline', 'caption', 'bio', 'byline']);
/** Characters either side of a date, within its sentence, searched for the event a relative date names. */
const CONTEXT = 200;
const ATTRIBUTIVE_BEFORE = new Set(['the', 'a', 'an', 'its', 'his', 'her', 'their', 'our', 'this', 'that']);

/** Creates the dates analyser (`date` and `event` annotations, `timeline` summary). */
export function datesAnalyser(options: DatesOptions = {}): Analyser {
  if (options === null || typeof options !== 'object') {
    throw new MarginaliaError('E_ANALYSER_OPTIONS', 'Analyser "dates" got options that are not an object; expected an object.', { subject: 'dates' });
  }
  assertKnownOptions('dates', options, ['useEmbedDates']);
  const { useEmbedDates = true } = options;
  if (typeof useEmbedDates !== 'boolean') {
    throw new MarginaliaError('E_ANALYSER_OPTIONS', `Analyser "dates" option "useEmbedDates" is ${JSON.stringify(useEmbedDates)}; expected true or false.`, {
      subject: 'dates',
    });
  }
  return {
    id: 'dates',
    version: '1.0.0',
    needs: ['sentences', 'regions'],
    uses: ['mentions', 'paragraphs', 'quotes'],
    produces: ['dates', 'events'],
    analyse(doc, ctx) {
      const { text } = doc;
      const regions = ctx.annotations('region');
      const scanned = scanSpans(regions, text.length);
      const matches: DateMatch[] = [];
      const isBody: boolean[] = [];
      for (const { span, body } of scanned) {
        for (const match of findDates(text, span.start, span.end)) {
          matches.push(match);
          isBody.push(body);
        }
      }
      if (matches.length === 0) return;
      const sentences = ctx.annotations('sentence');
      const sentenceSpans = sentences.map((s) => s.span);
      const sentenceIndex = (offset: number): number => spanHolding(sentenceSpans, offset);
      const lowered = new Map<number, string>();
      const context = {
        text,
        sentenceAt(offset: number): string {
          let s = lowered.get(offset);
          if (s === undefined) {
            const k = sentenceIndex(offset);
            const span = k >= 0 ? sentences[k]!.span : { start: offset, end: offset };
            s = text.slice(Math.max(span.start, offset - CONTEXT), Math.min(span.end, offset + CONTEXT)).toLowerCase();
            lowered.set(offset, s);
          }
          return s;
        },
      };
      const byline = doc.meta.publishedTime === null ? bylineDate(matches, regions, context) : null;
      const publication = publicationAnchor(doc.meta.publishedTime, byline?.value ?? null, regions, useEmbedDates);
      const resolved = resolveDates(matches, { ...context, publication });
      const bodyOf = new Map(matches.map((match, i) => [match, isBody[i]!]));
      const subject = subjectResolver(ctx.annotations('mention'), sentenceSpans, ctx.annotations('paragraph').map((p) => p.span));
      emitAll(text, resolved, bodyOf, byline?.match ?? null, sentences, sentenceIndex, subject, ctx);
    },
  };
}

/** Spans to read dates in, in order, each marked body or not; the whole text when there are no regions. */
function scanSpans(regions: readonly Annotation[], length: number): { span: Span; body: boolean }[] {
  if (regions.length === 0) return [{ span: { start: 0, end: length }, body: true }];
  const out: { span: Span; body: boolean }[] = [];
  let reached = 0;
  for (const region of regions) {
    if (!DATE_REGIONS.has(region.label) || region.span.end <= reached) continue;
    const start = Math.max(region.span.start, reached);
    out.push({ span: { start, end: region.span.end }, body: region.label === 'body' });
    reached = region.span.end;
  }
  return out;
}

/** The first full date (day, month and year) written in a byline ("By Ana Ruiz | March 12, 2025"), or null. */
function bylineDate(matches: readonly DateMatch[], regions: readonly Annotation[], context: Omit<ResolveContext, 'publication'>): ResolvedDate | null {
  const bylines = regions.filter((r) => r.label === 'byline').map((r) => r.span);
  if (bylines.length === 0) return null;
  const inByline = matches.filter((m) => bylines.some((b) => m.start >= b.start && m.end <= b.end));
  if (inByline.length === 0) return null;
  return resolveDates(inByline, { ...context, publication: null }).find((d) => d.resolvedFrom === null && d.value.precision === 'day' && d.end === null) ?? null;
}

/** The publication date, else the byline's date, else the latest embedded post's date when allowed, or null. */
function publicationAnchor(publishedTime: string | null, byline: CalendarDate | null, regions: readonly Annotation[], useEmbedDates: boolean): PublicationAnchor | null {
  const published = parseIsoDay(publishedTime);
  if (published) return { date: published, origin: 'the publication date', uncertain: false };
  if (byline) return { date: byline, origin: 'the date in the byline', uncertain: false };
  if (!useEmbedDates) return null;
  let latest: CalendarDate | null = null;
  for (const region of regions) {
    const date = region.label === 'embed' ? parseIsoDay(typeof region.data.date === 'string' ? region.data.date : null) : null;
    if (date && (!latest || sortKey(date) > sortKey(latest))) latest = date;
  }
  return latest ? { date: latest, origin: 'the latest dated embedded post (publication date unknown)', uncertain: true } : null;
}

function emitAll(
  text: string,
  resolved: readonly ResolvedDate[],
  bodyOf: ReadonlyMap<DateMatch, boolean>,
  /** The byline date taken as the publication date, if any: its annotation says so (`publication: true`). */
  publicationMatch: DateMatch | null,
  sentences: readonly Annotation[],
  sentenceIndex: (offset: number) => number,
  subject: SubjectResolver,
  ctx: AnalysisContext,
): void {
  const rows: { key: number; at: number; row: (string | boolean | null)[] }[] = [];
  const reportedSpans = ctx.annotations('quote').filter((q) => q.label === 'indirect').map((q) => q.span);
  const coordinated = coordinatedSpans(text, resolved.map((d) => d.match));
  const eventSpans = new Set<string>();
  for (const date of resolved) {
    const { match } = date;
    const value = formatDate(date.value);
    const entry = match.rule.entry;
    ctx.emit({
      kind: 'date',
      span: { start: match.start, end: match.end },
      label: entry.label,
      confidence: entry.confidence * match.weight * (date.uncertain ? 0.85 : 1),
      ruleId: entry.id,
      note: date.resolvedFrom ? `${entry.note} Resolved from ${date.resolvedFrom}.` : entry.note,
      data: match === publicationMatch ? { ...dateData(date, value), publication: true } : dateData(date, value),
    });
    if (!bodyOf.get(match)) continue;
    const k = sentenceIndex(match.start);
    // A date inside reported content ("…, telling parliament the government had spent … in 2023")
    // governs the reported event, not the act of saying it.
    const reported = spanHolding(reportedSpans, match.start);
    const sentence = reported >= 0 && reportedSpans[reported]!.end >= match.end ? reportedSpans[reported]! : k >= 0 ? sentences[k]!.span : { start: match.start, end: match.end };
    const isAttributive = entry.id === 'bare-year' && ATTRIBUTIVE_BEFORE.has(previousWord(text, match.start)) && /^ \p{L}/u.test(text.slice(match.end, match.end + 2));
    const event = summariseEvent(text, sentence, coordinated.get(match) ?? match, isAttributive);
    if (!event) continue;
    const actor = subject(event.summary, event.span.start);
    const summary = actor?.summary ?? event.summary;
    const reading = actor ? ` "${actor.pronoun}" is read as ${actor.name}, the nearest fitting actor named before it.` : '';
    const spanKey = `${event.span.start}:${event.span.end}`;
    if (!eventSpans.has(spanKey)) {
      eventSpans.add(spanKey);
      ctx.emit({
        kind: 'event',
        span: event.span,
        label: 'timeline',
        confidence: Math.min(0.8, entry.confidence * match.weight) * (date.uncertain ? 0.85 : 1),
        ruleId: `event-of-${entry.id}`,
        note: `The clause the date "${text.slice(match.start, match.end)}" governs, summarised without the date.${reading}`,
        data: { date: value, summary, ...(actor ? { pronoun: actor.pronoun } : {}), precision: date.value.precision, uncertain: date.uncertain, dateSpan: { start: match.start, end: match.end } },
      });
    }
    rows.push({
      key: sortKey(date.value),
      at: match.start,
      row: [date.qualifier ? `${date.qualifier} ${value}` : value, date.value.precision, summary, date.resolvedFrom, date.uncertain],
    });
  }
  if (rows.length === 0) return;
  rows.sort((a, b) => a.key - b.key || a.at - b.at);
  ctx.summarise('timeline', {
    title: 'Timeline',
    columns: ['date', 'precision', 'event', 'resolved from', 'uncertain'],
    rows: rows.map((r) => r.row),
    note: 'Dated events of the body in date order. Relative dates are resolved from the publication date, the date before them or a dated event they name; "uncertain" marks estimates.',
  });
}

/** Words joining dates that one clause governs together ("in 2023 and 2024", "2019, 2020 or 2021"). */
const DATE_JOINER = /^(?:,? (?:and|or) |, )$/u;
const MAX_COORDINATED = 5;
const MAX_COORDINATED_CHARS = 80;
/** Words after coordinated dates that belong to them ("in 2023 and 2024 combined"). */
const AFTER_DATES = /^ (?:combined|together|respectively|alone)\b/u;

/**
 * For dates written side by side in one clause ("in 2023 and 2024 combined"), the span of the whole
 * coordination: each date's event is the clause without all of them, so the summary reads "the
 * terminal lost 1.4 million dollars", not "… and 2024 combined". Dates standing alone are absent.
 */
function coordinatedSpans(text: string, matches: readonly DateMatch[]): Map<DateMatch, Span> {
  const ordered = [...matches].sort((a, b) => a.start - b.start);
  const out = new Map<DateMatch, Span>();
  let group: DateMatch[] = [];
  const flush = (): void => {
    // A short list only: a summary reads a window around its date, so a long run of dates stays apart (linear).
    if (group.length > 1 && group.length <= MAX_COORDINATED && group[group.length - 1]!.end - group[0]!.start <= MAX_COORDINATED_CHARS) {
      const start = group[0]!.start;
      let end = group[group.length - 1]!.end;
      const after = AFTER_DATES.exec(text.slice(end, end + 16));
      if (after) end += after[0].length;
      for (const m of group) out.set(m, { start, end });
    }
    group = [];
  };
  for (const m of ordered) {
    const prev = group[group.length - 1];
    if (!prev || !(m.start - prev.end <= 6 && DATE_JOINER.test(text.slice(prev.end, m.start)))) flush();
    group.push(m);
  }
  flush();
  return out;
}

function dateData(date: ResolvedDate, value: string): { [key: string]: Json } {
  const data: { [key: string]: Json } = { value, precision: date.value.precision };
  if (date.end) {
    data.end = formatDate(date.end);
    data.endPrecision = date.end.precision;
  }
  if (date.qualifier) data.qualifier = date.qualifier;
  if (date.resolvedFrom) data.resolvedFrom = date.resolvedFrom;
  if (date.match.groups.anchor) data.anchor = date.match.groups.anchor;
  if (date.uncertain) data.uncertain = true;
  return data;
}
