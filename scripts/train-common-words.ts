/**
 * Builds the mentions analyser's list of common words (src/analysers/mentions/common-words.json):
 * words that news prose writes in lower case far more often than capitalised mid-sentence, so a
 * capitalised run that opens with one ("Official Trailer", "Breaking News") is a heading or a
 * title, not a person's name. Counted over the PTC train articles and the SemEval-2023 genre
 * articles in ../shared/data (PolNeAR is left out: bench:mentions-typing measures on it).
 * Deterministic: sorted files, sorted output.
 *
 *   npx tsx scripts/train-common-words.ts
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const CORPORA = ['../shared/data/ptc-semeval2020/train-articles', '../shared/data/semeval2023-genre/articles'];
/** A word is common when met in lower case at least this often … */
const MIN_LOWER = 15;
/** … and at least this many times as often as capitalised in mid-sentence. */
const MIN_RATIO = 5;
const WORD = /[A-Za-z][A-Za-z'’-]*/gu;

function main(): number {
  const missing = CORPORA.filter((dir) => !existsSync(dir));
  if (missing.length > 0) {
    console.error(`train-common-words: missing ${missing.join(', ')}; run from the repository root with ../shared/data beside it.`);
    return 1;
  }
  const lower = new Map<string, number>();
  const capitalised = new Map<string, number>();
  let files = 0;
  for (const dir of CORPORA) {
    for (const name of readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()) {
      const text = readFileSync(`${dir}/${name}`, 'utf8');
      files++;
      for (const match of text.matchAll(WORD)) {
        const word = match[0].replace(/['’-]+$/u, '');
        const key = word.toLowerCase();
        if (word === key) {
          lower.set(key, (lower.get(key) ?? 0) + 1);
          continue;
        }
        if (word !== key[0]!.toUpperCase() + key.slice(1)) continue; // ALL CAPS or McName: not counted
        // Sentence start: the last non-space character before the word ends a sentence or a line.
        let k = match.index - 1;
        while (k >= 0 && text[k] === ' ') k--;
        if (k < 0 || '.!?"“”‘\'\n:(—–-'.includes(text[k]!)) continue;
        capitalised.set(key, (capitalised.get(key) ?? 0) + 1);
      }
    }
  }
  const words = [...lower]
    .filter(([key, n]) => n >= MIN_LOWER && n >= MIN_RATIO * (capitalised.get(key) ?? 0) && key.length > 1)
    .map(([key]) => key)
    .sort();
  const out = {
    note: `Words written in lower case at least ${MIN_LOWER} times and ${MIN_RATIO} times as often as capitalised mid-sentence: common words, not names.`,
    source: `Counted by scripts/train-common-words.ts over ${files} articles: PTC (SemEval-2020 Task 11) train and SemEval-2023 Task 3 genre (research use; no text copied).`,
    words,
  };
  const path = new URL('../src/analysers/mentions/common-words.json', import.meta.url);
  writeFileSync(path, `${JSON.stringify(out)}\n`);
  console.log(`wrote ${fileURLToPath(path)}: ${words.length} words from ${files} articles`);
  return 0;
}

process.exitCode = main();
