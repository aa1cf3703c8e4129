/**
 * Titles that stand before a person's name ("Sheriff Tom Aldane", "Foreign Minister Ana Ruiz",
 * "Secretary of State Paul Ardent"), one list for every analyser that names people
 * (person-titles.json), so mentions, quotes and claims drop the same words and agree on who is who.
 */
import data from './person-titles.json' with { type: 'json' };

/** The list's note and source, for documentation. */
export const PERSON_TITLES_NOTE: { readonly note: string; readonly source: string } = { note: data.note, source: data.source };

/** Words that are titles on their own ("sheriff", "rabbi", "minister"). */
export const PERSON_TITLES: ReadonlySet<string> = new Set(data.titles);

/** Words that only qualify a title ("foreign", "deputy", "special"): a title only when one follows. */
export const TITLE_MODIFIERS: ReadonlySet<string> = new Set(data.modifiers);

/** Titles and their qualifiers together, for readers that check each word on its own. */
export const TITLE_WORDS: ReadonlySet<string> = new Set([...data.titles, ...data.modifiers]);

/** Offices named after a title with "of" ("Secretary of State", "Minister of the Interior"). */
const PORTFOLIOS: ReadonlySet<string> = new Set(data.portfolios);

/** Words that, right after a title, make the whole run a body's name ("General Motors", "Supreme Court"). */
const BODIES: ReadonlySet<string> = new Set(data.bodies);

const POSSESSIVE = new Set(["'s", '’s', "'", '’']);

/**
 * How many of the lower-cased words `lowerAt(from)`, `lowerAt(from + 1)`, … before `to` form a leading
 * title: the longest run of titles, their qualifiers and "of (the) <office>" that ends on a title or
 * an office, always leaving at least one word for the name. 0 when there is none: a qualifier with no
 * title after it ("Foreign Office"), a title followed by a body's word ("General Motors"), or a title
 * with nothing left to name ("Secretary of State").
 */
export function leadingTitleLength(lowerAt: (index: number) => string, from: number, to: number): number {
  let length = 0;
  let i = from;
  while (i < to - 1) {
    const word = lowerAt(i);
    if (TITLE_MODIFIERS.has(word)) {
      i++;
      continue;
    }
    if (!PERSON_TITLES.has(word)) break;
    i++;
    // "Dr. Ana Ruiz" where the tokenizer keeps the abbreviation's dot apart.
    if (lowerAt(i) === '.' && i < to - 1) i++;
    // "the mayor's office": a title that owns something is no title before a name.
    if (POSSESSIVE.has(lowerAt(i))) return 0;
    if (i < to && lowerAt(i) === 'of') {
      let j = i + 1;
      if (j < to && lowerAt(j) === 'the') j++;
      if (j < to && PORTFOLIOS.has(lowerAt(j))) {
        if (j >= to - 1) return 0;
        i = j + 1;
      }
    }
    length = i - from;
  }
  if (length > 0 && BODIES.has(lowerAt(from + length))) return 0;
  return length;
}

/**
 * Where the name starts when a title stands inside the words [from, to): "California Attorney
 * General Xavier Becerra" → the index of "Xavier". `from` when no title follows a non-title word.
 * Each run of title words is read once, so the cost is linear in the words.
 */
export function afterInnerTitle(lowerAt: (index: number) => string, from: number, to: number): number {
  for (let k = from + 1; k < to - 1; k++) {
    if (TITLE_WORDS.has(lowerAt(k - 1))) continue;
    const title = leadingTitleLength(lowerAt, k, to);
    if (title > 0) return k + title;
  }
  return from;
}
