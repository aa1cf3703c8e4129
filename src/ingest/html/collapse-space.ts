/**
 * White-space normalisation for text taken out of HTML: every run of white space (spaces, tabs,
 * newlines, no-break spaces and the other Unicode spaces) becomes one space, and the ends are trimmed.
 * Soft hyphens, zero-width spaces and word joiners are removed (ZWJ and ZWNJ are kept: scripts need them).
 */

const SPACE_RUN = /\s+/g;
const INVISIBLE = /[\u00ad\u200b\u2060\ufeff]/g;

/** `text` with white-space runs collapsed to one space, invisible format characters removed, trimmed. */
export function collapseSpace(text: string): string {
  return text.replace(INVISIBLE, '').replace(SPACE_RUN, ' ').trim();
}
