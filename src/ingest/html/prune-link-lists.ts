/**
 * Removes link lists that survive main-content extraction: "Read more: …" lines, related-story
 * lists, menus. A block that is mostly link text and short is navigation, not prose; a short
 * lead-in ("You may also like", "More stories") right before a run of such blocks goes with them.
 */
import type { Block } from './render-blocks.js';

/** A block at least this much link text is a link line. */
export const MIN_LINK_RATIO = 0.8;
/** Link lines are at most this long; longer linked text is kept (an article quoting a headline). */
export const MAX_LINK_LINE_CHARS = 250;
/** A lead-in to a link list is at most this long and does not end a sentence. */
const MAX_LEAD_IN_CHARS = 60;
const SENTENCE_END = /[.!?"\u201d]$/;

function isLinkLine(block: Block): boolean {
  return (
    (block.role === 'body' || block.role === 'blockquote' || block.role === 'heading') &&
    (block.linkRatio ?? 0) >= MIN_LINK_RATIO &&
    block.text.length <= MAX_LINK_LINE_CHARS
  );
}

function isLeadIn(block: Block): boolean {
  return (block.role === 'body' || block.role === 'blockquote' || block.role === 'heading') && block.text.length <= MAX_LEAD_IN_CHARS && !SENTENCE_END.test(block.text);
}

/** The blocks without link lines and the lead-ins of link lists (two or more link lines in a row). */
export function pruneLinkLists(blocks: readonly Block[]): Block[] {
  const drop = new Uint8Array(blocks.length);
  for (let i = 0; i < blocks.length; i++) {
    if (!isLinkLine(blocks[i] as Block)) continue;
    drop[i] = 1;
    // A lead-in directly before a run of at least two link lines.
    const next = blocks[i + 1];
    const previous = blocks[i - 1];
    if (i > 0 && drop[i - 1] === 0 && next && isLinkLine(next) && previous && isLeadIn(previous)) drop[i - 1] = 1;
  }
  return blocks.filter((_, i) => drop[i] === 0);
}
