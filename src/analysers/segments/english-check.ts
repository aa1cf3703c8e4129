/**
 * Whether a text reads as English, from the share of its words that are common English function
 * words ("the", "of", "and", "said"…): 22–40 % in English news, under 5 % in other languages (on
 * the 88 pages of the Zyte benchmark: every non-English page at 2.9 % or less, every English page at
 * 7.7 % or more; one-letter words are left out, as "a" and "i" are common in other languages too). The analysers are built for English; on other languages their notes mislead, so
 * the document says so. Reads at most the first 20,000 characters.
 */

const FUNCTION_WORDS = new Set(
  'the of and to in is that for it was on with as he she by at be this are from his her have has not but they or an were which said we their been will would who had its you there also more than can about after into all if what so out up when just'.split(
    ' ',
  ),
);
/** Below this share of function words a text is not English. */
const MIN_SHARE = 0.05;
/** Below this share, a page that declares another language is taken at its word. */
const DECLARED_SHARE = 0.15;
const MIN_WORDS = 50;
const READ = 20_000;

/** Why a text does not read as English, or null when it does (or is too short to tell). One pass, no regex. */
export function notEnglish(text: string, declaredLang: string | null): string | null {
  let words = 0;
  let common = 0;
  const end = Math.min(text.length, READ);
  let start = -1;
  for (let i = 0; i <= end; i++) {
    const code = i < end ? text.charCodeAt(i) : 32;
    // Letters (ASCII either case, or anything above ASCII that is not a space or punctuation block) and apostrophes.
    const isWordChar = (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || code === 39 || (code > 127 && code !== 0xa0 && !(code >= 0x2000 && code <= 0x206f));
    if (isWordChar) {
      if (start < 0) start = i;
      continue;
    }
    if (start < 0) continue;
    words++;
    // Function words are 2 to 5 letters: only those are looked up.
    if (i - start >= 2 && i - start <= 5 && FUNCTION_WORDS.has(text.slice(start, i).toLowerCase())) common++;
    start = -1;
  }
  if (words < MIN_WORDS) return null;
  const share = common / words;
  const declared = declaredLang && !/^en\b/i.test(declaredLang) ? declaredLang : null;
  if (share >= MIN_SHARE && !(declared && share < DECLARED_SHARE)) return null;
  const percent = (share * 100).toFixed(1);
  return (
    `The text does not read as English: ${percent}% of its first ${words} words are common English function words (English news: 22–40%)` +
    `${declared ? `, and the page declares the language "${declared}"` : ''}. The analysers are built for English; their notes on this text are unreliable.`
  );
}
