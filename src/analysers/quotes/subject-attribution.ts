/**
 * The attribution of a quote that has no cue next to it: a cue earlier in its sentence (across
 * earlier quotes), a headline digest's "Name: …", or else the subject of the sentence that holds
 * the quote ("Moore thanked him for “…”"); or the cue after the next quote of its paragraph
 * ("“…” “…,” Viguerie says"). Bounded to a window around the quote.
 */
import { attributionAfter, attributionBefore, type Attribution } from './find-attribution.js';
import type { QuotedSpan } from './find-quote-marks.js';
import { phraseAfter, subjectPhrase } from './speaker-phrase.js';
import type { TokenIndex } from './token-index.js';
import type { Token } from './tokenize.js';

const WINDOW = 400;

/**
 * No cue: the subject of the sentence that holds quote k ("Moore thanked him for “…”"). The
 * sentence is read from its start (earlier quotes in it count as one opaque token), within WINDOW.
 */
export function subjectAttribution(index: TokenIndex, quotes: readonly QuotedSpan[], k: number, paragraphStart: number): Attribution | null {
  const open = quotes[k]!.open;
  const lo = Math.max(paragraphStart, open - WINDOW);
  let j = k;
  while (j > 0 && quotes[j - 1]!.close > lo) j--;
  const tokens: Token[] = [];
  let at = lo;
  for (; j < k; j++) {
    const q = quotes[j]!;
    if (q.open < at) continue;
    tokens.push(...index.range(at, q.open));
    tokens.push({ start: q.open, end: q.close, text: '“…”', lower: '“…”', isWord: false, isCapital: false });
    at = q.close;
  }
  tokens.push(...index.range(at, open));
  let floor = 0;
  for (let i = tokens.length - 1; i >= 0; i--) {
    const t = tokens[i]!.text;
    if (t === '.' || t === '!' || t === '?' || t === ';') {
      floor = i + 1;
      break;
    }
  }
  // A cue earlier in the sentence, before an earlier quote ("X, Rubio said, had “…” and “…”").
  const cued = attributionBefore(tokens.slice(floor));
  if (cued) return cued;
  // "Issa: Hillary Clinton’s ‘…’": a headline digest names its speaker before a colon.
  let colon = -1;
  for (let i = floor; i < tokens.length && i < floor + 8; i++) {
    if (tokens[i]!.text === ':') {
      colon = i;
      break;
    }
  }
  if (colon > floor) {
    const head = tokens[floor]!;
    const named = head.isCapital && head.lower !== 'the' ? phraseAfter(tokens.slice(0, colon), floor - 1) : null;
    if (named?.kind === 'name' && named.span.end === tokens[colon - 1]!.end) return { phrase: named, cue: null, cueText: null, cueSpan: null, rule: 'colon', confidence: 0.6 };
    floor = colon + 1;
  }
  const phrase = subjectPhrase(tokens, floor, tokens.length);
  return phrase ? { phrase, cue: null, cueText: null, cueSpan: null, rule: 'subject', confidence: 0.6 } : null;
}

/**
 * "“…” ⏎ “…,” Viguerie says.": a quote with no attribution of its own, followed in the same
 * paragraph by a quote whose cue comes after it, shares that cue (before inheriting the previous
 * speaker). Only the next quote is read, and only when nothing but white space separates them.
 */
export function laterAttribution(text: string, index: TokenIndex, quotes: readonly QuotedSpan[], k: number, paragraphEnd: number): Attribution | null {
  const next = quotes[k + 1];
  if (!next?.closed || next.open >= paragraphEnd || text.slice(quotes[k]!.close, next.open).trim() !== '') return null;
  const lastChar = text[next.content.end - 1] ?? '';
  if (!/[,?!—–-]$/.test(lastChar)) return null;
  const ceiling = Math.min(paragraphEnd, quotes[k + 2]?.open ?? text.length, next.close + WINDOW);
  const found = attributionAfter(index.range(next.close, Math.max(next.close, ceiling)));
  return found?.rule === 'cue-after' ? found : null;
}
