import assert from 'node:assert/strict';
import test from 'node:test';
import { genreAnalyser, publicationCue, withPublication } from '../src/analysers/genre/index.js';
import { segmentsAnalyser } from '../src/analysers/segments/index.js';
import { structureAnalyser } from '../src/analysers/structure/index.js';
import { buildPipeline, runPipeline } from '../src/core/pipeline.js';
import type { Genre } from '../src/core/types.js';
import { emptyMeta } from '../src/ingest/types.js';

const CASES: { name: string; url: string | null; publisher?: string | null; label: string | null }[] = [
  { name: 'a news-parody site', url: 'https://www.theonion.com/area-man-1850000000', label: 'satire' },
  { name: 'a news-parody site of the other leaning', url: 'https://babylonbee.com/news/some-story', label: 'satire' },
  { name: 'a parody column under a general site', url: 'https://www.newyorker.com/humor/borowitz-report/some-story', label: 'satire' },
  { name: 'a parody site outside the anglosphere', url: 'https://www.der-postillon.com/2024/01/story.html', label: 'satire' },
  { name: 'the site name alone', url: null, publisher: 'The Daily Mash', label: 'satire' },
  { name: 'an opinion section', url: 'https://www.example-times.com/opinion/2024/05/why-the-bridge-matters', label: 'opinion' },
  { name: 'the comment section', url: 'https://www.example-guardian.com/commentisfree/2024/may/01/harbour', label: 'opinion' },
  { name: 'an op-ed section', url: 'https://example-news.net/op-ed/123456-the-port-deal', label: 'opinion' },
  { name: 'an analysis section', url: 'https://example-news.net/news/analysis/the-port-deal', label: 'analysis' },
  // ok cases: nothing the publisher declares.
  { name: 'ok: a look-alike host', url: 'https://theonion.com.example.org/story', label: null },
  { name: 'ok: a host that only ends with the name', url: 'https://notbabylonbee.com/story', label: null },
  { name: 'ok: another part of the general site', url: 'https://www.newyorker.com/news/news-desk/story', label: null },
  { name: 'ok: "opinion" inside a slug', url: 'https://example-news.net/news/2024/05/20/opinion-polls-tighten', label: null },
  { name: 'ok: a section deep in the path', url: 'https://example-news.net/a/b/c/d/opinion', label: null },
  { name: 'ok: a news section', url: 'https://example-news.net/world/2024/harbour-storm', label: null },
  { name: 'ok: not a web address', url: 'file:///home/me/opinion/piece.html', label: null },
  { name: 'ok: not a URL at all', url: 'not a url', label: null },
  { name: 'ok: no address, an ordinary site name', url: null, publisher: 'Harbour Gazette', label: null },
];

for (const c of CASES) {
  test(`publication cue: ${c.name}`, () => {
    const cue = publicationCue({ url: c.url, publisher: c.publisher ?? null });
    assert.equal(cue?.label ?? null, c.label, JSON.stringify(cue));
    if (cue) assert.ok(cue.reason.length > 10);
  });
}

const MODEL_REPORTING: Genre = { label: 'reporting', confidence: 0.8, reasons: ['attribution verbs', 'model: reporting 0.80, opinion 0.20'] };

test('the publication label wins over the model and says why, first', () => {
  const genre = withPublication(MODEL_REPORTING, { label: 'satire', reason: 'published by The Onion, a news-parody site (theonion.com)' });
  assert.equal(genre.label, 'satire');
  assert.equal(genre.confidence, 0.9);
  assert.match(genre.reasons[0]!, /The Onion/);
  assert.ok(genre.reasons.some((r) => r.endsWith('(overridden)')));
});

test('agreement keeps the higher confidence and the model reasons as they are', () => {
  const genre = withPublication({ ...MODEL_REPORTING, label: 'opinion', confidence: 0.97 }, { label: 'opinion', reason: 'the publisher files it under /opinion/ (opinion)' });
  assert.equal(genre.confidence, 0.97);
  assert.ok(!genre.reasons.some((r) => r.includes('overridden')));
});

test('ok: no cue leaves the model genre untouched', () => {
  assert.deepEqual(withPublication(MODEL_REPORTING, null), MODEL_REPORTING);
});

test('the analyser reads the address from the document meta', () => {
  const text = 'Harbour Council Votes To Rename Fog\n\nThe council of a small harbour town voted on Tuesday to rename the morning fog, officials said. '.repeat(4);
  const pipeline = buildPipeline([segmentsAnalyser(), structureAnalyser(), genreAnalyser()]);
  const plain = runPipeline(pipeline, { text, meta: emptyMeta() });
  const parody = runPipeline(pipeline, { text, meta: { ...emptyMeta(), url: 'https://thebeaverton.com/2024/05/fog' } });
  assert.notEqual(plain.genre?.label, 'satire');
  assert.equal(parody.genre?.label, 'satire');
  assert.match(parody.genre!.reasons[0]!, /The Beaverton/);
});
