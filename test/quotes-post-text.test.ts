/**
 * The post text of embedded posts as scraped pages paste them: which lines around the attribution
 * line are the post.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { postText } from '../src/analysers/quotes/post-text.js';
import type { Annotation } from '../src/core/types.js';

function region(text: string): Annotation {
  return { id: 'r', kind: 'region', label: 'embed', span: { start: 0, end: text.length }, text, source: 'structure', confidence: 1, ruleId: 't', note: 't', data: {} } as Annotation;
}

const CASES: { name: string; text: string; handle: string; post: string | null }[] = [
  {
    name: 'post text before the attribution line (the embed as published)',
    text: 'The ferry vote is tonight and every seat is taken.\n— Harbour Watch (@HarbourWatchPC) March 5, 2025',
    handle: '@HarbourWatchPC',
    post: 'The ferry vote is tonight and every seat is taken.',
  },
  {
    name: 'an emoji line before, the post after (as scraped)',
    text: '🌊🌊\n— Harbour Watch (@HarbourWatchPC) March 5, 2025\nWATCH: Residents link arms along the slipway as the vote is read. pic.twitter.com/Ab12Cd34',
    handle: '@HarbourWatchPC',
    post: 'WATCH: Residents link arms along the slipway as the vote is read. pic.twitter.com/Ab12Cd34',
  },
  {
    name: 'a title before, a longer programme note after',
    text: '🎥 Tides of Castellan\n— Coastline Films (@coastlinefilms) March 2, 2025\n📌 What happens to a town when its harbour is sold?\n📺 Watch the full film on Saturday',
    handle: '@coastlinefilms',
    post: '📌 What happens to a town when its harbour is sold?\n📺 Watch the full film on Saturday',
  },
  {
    name: 'ok: links after the attribution line are not the post',
    text: 'The harbour forum starts at seven in St Brendan’s Hall.\n— Castellan Radio (@CastellanRadio) March 6, 2025\nFollow: https://t.co/Zr8Kq1 pic.twitter.com/Bb3nYt',
    handle: '@CastellanRadio',
    post: 'The harbour forum starts at seven in St Brendan’s Hall.',
  },
  {
    name: 'ok: an Instagram embed that is only its attribution line has no post text',
    text: 'A post shared by Save Castellan Shore (@savecastellanshore)',
    handle: '@savecastellanshore',
    post: null,
  },
  {
    name: 'a Telegram post with its view count after',
    text: 'Crews have been told to expect letters next week.\n— Castellan Harbour Watch\n3.1K views\nt.me/castellanwatch/412',
    handle: '@castellanwatch',
    post: 'Crews have been told to expect letters next week.',
  },
];

for (const c of CASES) {
  test(`embed post text: ${c.name}`, () => {
    const span = postText(c.text, region(c.text), c.handle);
    assert.equal(span ? c.text.slice(span.start, span.end) : null, c.post);
  });
}
