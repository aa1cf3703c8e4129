/**
 * A small fictional annotated document (a made-up outlet and made-up people) with every region
 * label in use and overlapping findings. Tests use it, and it previews the formats in
 * docs/formats.md. With `hostile`, the text, notes and metadata carry markup, script, Markdown and
 * terminal escapes, to prove the renderers escape everything.
 */
import { canonicalize, makeAnnotation } from '../core/annotation.js';
import { sha256Hex } from '../core/hash.js';
import type { Annotation, AnnotationKind, Json, MarginaliaDocument, Span } from '../core/types.js';

/** Options of the sample. */
export interface SampleOptions {
  /** Put hostile content (script tags, event handlers, `javascript:` URL, ANSI escapes) in it. */
  hostile?: boolean;
}

const HEADLINE = 'Harbour Council Votes to Rebuild the Old Pier';
const BYLINE = 'By Mara Quill | The Harbour Ledger | 3 March 2025';
const BIO = 'Mara Quill covers local government for The Harbour Ledger.';

/** Builds the sample document; deterministic. */
export function makeSampleDocument(options: SampleOptions = {}): MarginaliaDocument {
  const hostile = options.hostile === true;
  const critics = hostile
    ? 'Critics called the plan a *reckless* gamble <script>window.__pwned=1</script>\u001b[31m.'
    : 'Critics called the plan a reckless gamble.';
  const embed = hostile
    ? '@wrenfortown on X, 2 March 2025: Big vote tomorrow. "><img src=x onerror="window.__pwned=2"></textarea>'
    : '@wrenfortown on X, 2 March 2025: Big vote tomorrow. Bring a coat.';
  const paragraph = `The council voted 7-2 on Tuesday to rebuild the old pier, ending a decade of "temporary" repairs. ${critics}`;
  const quote = '"We cannot keep patching a structure older than the town hall," said councillor Tobias Wren.';
  const text = [HEADLINE, BYLINE, '', paragraph, '', quote, '', embed, '', BIO].join('\n');

  const at = (needle: string): Span => {
    const start = text.indexOf(needle);
    if (start < 0) throw new Error(`Sample text lacks "${needle}".`);
    return { start, end: start + needle.length };
  };
  const annotations: Annotation[] = [];
  const add = (kind: AnnotationKind, source: string, span: Span, label: string, note: string, data: { [key: string]: Json } = {}): void => {
    annotations.push(makeAnnotation(text, source, { kind, span, label, confidence: 0.9, ruleId: `${kind}-rule`, note, data }));
  };
  const body = { start: at(paragraph).start, end: at(quote).end };
  add('region', 'regions', at(HEADLINE), 'headline', 'First line, in title case.');
  add('region', 'regions', at(BYLINE), 'byline', 'Starts with "By" and names the outlet.');
  add('region', 'regions', body, 'body', 'The article text.');
  add('region', 'regions', at(embed), 'embed', hostile ? 'Embedded post <b onmouseover="window.__pwned=4">x</b>.' : 'Embedded post.', {
    platform: 'x',
    handle: '@wrenfortown',
    date: '2025-03-02',
  });
  add('region', 'regions', at(BIO), 'bio', 'Describes the author in the third person.');
  add('paragraph', 'structure', at(paragraph), 'paragraph', 'Paragraph.');
  add('paragraph', 'structure', at(quote), 'paragraph', 'Paragraph.');
  add('sentence', 'structure', at(critics), 'sentence', 'Sentence.');
  add('scare-quote', 'scare-quotes', at('temporary'), 'scare-quote', 'Quotation marks around a single common word.');
  add('quote', 'quotes', at('We cannot keep patching a structure older than the town hall,'), 'direct', 'Direct quote with the cue "said".', {
    speaker: 'Tobias Wren',
    cue: 'said',
    anonymous: false,
  });
  add('claim', 'claims', at('patching a structure older than the town hall," said'), 'comparison', 'A comparison that can be checked.');
  add('mention', 'mentions', at('Tobias Wren'), 'person', 'Named person.', { entity: 'Tobias Wren', term: 'Tobias Wren', connotation: 'neutral' });
  add('technique', 'techniques', at(hostile ? '*reckless* gamble' : 'reckless gamble'), 'Loaded_Language', hostile
    ? 'Emotive wording </script><script>window.__pwned=3</script>.'
    : 'Emotive wording.');

  return {
    schema: 'marginalia/1',
    id: sha256Hex(text),
    source: 'samples/harbour-pier.txt',
    text,
    meta: {
      title: hostile ? `${HEADLINE} <script>window.__pwned=5</script>` : HEADLINE,
      authors: ['Mara Quill'],
      publisher: 'The Harbour Ledger',
      url: hostile ? 'javascript:window.__pwned=6' : 'https://ledger.example/pier',
      publishedTime: '2025-03-03',
      lang: hostile ? 'en" onload="x' : 'en',
    },
    genre: { label: 'reporting', confidence: 0.81, reasons: ['attributed quotes', 'past-tense news verbs'] },
    annotations: canonicalize(annotations),
    summaries: {
      speakers: {
        title: 'Speakers',
        columns: ['speaker', 'quotes', 'named', 'cues'],
        rows: [
          [hostile ? 'Tobias Wren <img src=x onerror="window.__pwned=7">' : 'Tobias Wren', 2, true, 'said (2)'],
          ['a harbour official', 1, false, 'insisted'],
        ],
        source: 'quotes',
        note: 'Who is quoted, how often, named or anonymous, with which verbs.',
      },
    },
    diagnostics: [
      { code: 'W_LONG_LINE', severity: 'warning', message: hostile ? 'A <b>long</b> line.' : 'A long line.', source: 'structure' },
    ],
  };
}
