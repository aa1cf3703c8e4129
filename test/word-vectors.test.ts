import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ppmi, sphericalKMeans, wordVectors } from '../scripts/word-vectors.js';
import { hashString } from '../src/analysers/techniques/hashing.js';
import { coarseOf, wordClusters } from '../src/analysers/techniques/word-clusters.js';
import clusterData from '../src/analysers/techniques/clusters.json' with { type: 'json' };

/**
 * A tiny corpus with two families of words: animals after "the … ran" and colours after "a … wall".
 * Words of one family share every context, so they must share a cluster and the families must not.
 */
function toyCorpus(): { docs: Int32Array[]; words: string[] } {
  const animals = ['fox', 'dog', 'cat', 'hare'];
  const colours = ['red', 'blue', 'green', 'grey'];
  const vocab = [...animals, ...colours, 'the', 'ran', 'a', 'wall', 'fast', 'painted'];
  const id = (w: string): number => vocab.indexOf(w);
  const docs: Int32Array[] = [];
  for (let r = 0; r < 30; r++) {
    for (const a of animals) docs.push(Int32Array.from(['the', a, 'ran', 'fast'].map(id)));
    for (const c of colours) docs.push(Int32Array.from(['painted', 'a', c, 'wall'].map(id)));
  }
  return { docs, words: vocab };
}

describe('word vectors', () => {
  it('puts words with the same contexts in one cluster and the two families in two', () => {
    const { docs, words } = toyCorpus();
    const rows = docs.map((d) => d.map((w) => (w < 8 ? w : -1)));
    const matrix = ppmi(rows, docs, 8, words.length, 2);
    assert.ok(matrix.value.every((v) => v > 0), 'only positive PMI cells are stored');
    const vectors = wordVectors(matrix, 2, 7);
    const clusters = sphericalKMeans(vectors, 8, 2, 2, 7);
    const animal = clusters[0];
    assert.deepEqual([...clusters.slice(0, 4)], [animal, animal, animal, animal]);
    const colour = clusters[4];
    assert.notEqual(colour, animal);
    assert.deepEqual([...clusters.slice(4, 8)], [colour, colour, colour, colour]);
  });

  it('gives the same vectors for the same seed', () => {
    const { docs, words } = toyCorpus();
    const rows = docs.map((d) => d.map((w) => (w < 8 ? w : -1)));
    const matrix = ppmi(rows, docs, 8, words.length, 2);
    assert.deepEqual(wordVectors(matrix, 2, 3), wordVectors(matrix, 2, 3));
  });
});

describe('committed word clusters', () => {
  it('gives every listed word a code and unknown words 0', () => {
    const table = wordClusters();
    const words = (clusterData as { words: string }).words.split(' ');
    assert.equal(table.size, words.length, 'words (and their hashes) are distinct');
    assert.ok(words.length > 1000);
    for (const w of words.slice(0, 50)) assert.ok(table.get(hashString(w))! > 0, w);
    assert.equal(table.get(hashString('zzxqvw')), undefined);
    assert.equal(coarseOf(0), 0);
  });

  it('keeps days of the week together (a check that the clusters carry meaning)', () => {
    const table = wordClusters();
    const days = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'].map((d) => coarseOf(table.get(hashString(d))!));
    assert.equal(new Set(days).size, 1, `coarse clusters ${days.join(',')}`);
  });
});
