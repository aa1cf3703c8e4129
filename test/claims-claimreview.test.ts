/**
 * ClaimReview drafts: top claims per document as schema.org JSON-LD, opinions left out, the rating
 * left for the fact-checker, the claim's author from its named source or the article's byline.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { claimsAnalyser } from '../src/analysers/claims/index.js';
import { segmentsAnalyser } from '../src/analysers/segments/index.js';
import { structureAnalyser } from '../src/analysers/structure/index.js';
import { buildPipeline, runPipeline } from '../src/core/pipeline.js';
import { emptyMeta } from '../src/ingest/types.js';
import { renderClaimReview } from '../src/report/render-claimreview.js';

const TEXT = [
  'Harbour town weighs a new sea wall',
  'The storm flooded 300 homes in the lower town, Mayor Ivo Brandt said on Monday.',
  'Fishing income fell by 40 percent in two years, the lowest level since records began.',
  'I believe the council has betrayed the fishermen of this town.',
].join('\n\n');

const pipeline = buildPipeline([segmentsAnalyser(), structureAnalyser(), claimsAnalyser()]);
const doc = runPipeline(pipeline, {
  text: TEXT,
  meta: { ...emptyMeta(), url: 'https://courier.example/sea-wall', authors: ['Jana Holm'], publishedTime: '2025-03-04T08:00:00Z', title: 'Sea wall' },
});

test('drafts are schema.org ClaimReview objects for the top claims, without opinions', () => {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- walking free-form JSON-LD
  const drafts = JSON.parse(renderClaimReview([doc])) as Record<string, any>[];
  assert.ok(drafts.length >= 2 && drafts.length <= 5);
  for (const draft of drafts) {
    assert.equal(draft['@context'], 'https://schema.org');
    assert.equal(draft['@type'], 'ClaimReview');
    assert.equal(draft.itemReviewed['@type'], 'Claim');
    assert.equal(draft.itemReviewed.appearance['@type'], 'CreativeWork');
    assert.equal(draft.itemReviewed.appearance.url, 'https://courier.example/sea-wall');
    assert.equal(draft.itemReviewed.datePublished, '2025-03-04');
    assert.equal(draft.reviewRating.ratingValue, null);
    assert.ok(!String(draft.claimReviewed).includes('betrayed'));
  }
  const flood = drafts.find((d) => String(d.claimReviewed).includes('300 homes'));
  assert.deepEqual(flood?.itemReviewed.author, { '@type': 'Person', name: 'Ivo Brandt' });
  const income = drafts.find((d) => String(d.claimReviewed).includes('40 percent'));
  assert.deepEqual(income?.itemReviewed.author, { '@type': 'Person', name: 'Jana Holm' });
});

test('output is deterministic and respects perDocument', () => {
  assert.equal(renderClaimReview([doc]), renderClaimReview([doc]));
  assert.equal((JSON.parse(renderClaimReview([doc, doc], { perDocument: 1 })) as unknown[]).length, 2);
  assert.equal(renderClaimReview([]), '[]\n');
});
