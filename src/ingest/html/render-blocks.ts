/**
 * Turns a DOM subtree into text blocks, one per paragraph-like element (paragraph, heading, list
 * item, quotation, caption, table row). Inline markup is flattened into its block, white space is
 * collapsed, and each block keeps its role (body, heading, caption, embed) and how much of it is
 * link text, so link lists can be pruned. Iterative, so depth is bounded only by memory.
 */
import { SKIP_TAGS, isCaption, isChrome, isHidden } from './classify-element.js';
import { collapseSpace } from './collapse-space.js';
import { matchPlaceholder } from './find-embeds.js';
import { pruneLinkLists } from './prune-link-lists.js';

/** What a block is. */
export type BlockRole = 'body' | 'heading' | 'caption' | 'embed' | 'blockquote';

/** One paragraph of output text. */
export interface Block {
  text: string;
  role: BlockRole;
  /** For `embed` blocks: index into the embeds found in the page. */
  embedIndex?: number;
  /** Share of the text inside links, 0..1. */
  linkRatio?: number;
  /** True for list items. */
  isListItem?: boolean;
}

/** Elements that start and end a block. */
const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'br', 'caption', 'center', 'dd', 'details', 'dialog', 'div',
  'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'header', 'hgroup', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody',
  'tfoot', 'thead', 'tr', 'ul',
]);
/** Table cells: a row is one block, its cells separated by a space. */
const CELL_TAGS = new Set(['td', 'th']);

const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
/** Steps of the walk: enter an element, leave it, leave a caption, leave a link. */
const ENTER = 0;
const EXIT = 1;
const EXIT_CAPTION = 2;
const EXIT_LINK = 3;
/** Chrome-classed elements holding more than this share of the root's text are kept (a misnamed wrapper). */
const MAX_CHROME_SHARE = 0.5;

/** Renders `root` into blocks. `prefix` is the embed placeholder prefix (see find-embeds.ts). */
export function renderBlocks(root: Element, prefix: string): Block[] {
  const blocks: Block[] = [];
  let parts: string[] = [];
  let linkChars = 0;
  let captionDepth = 0;
  let headingDepth = 0;
  let blockquoteDepth = 0;
  let linkDepth = 0;
  let isListItem = false;
  let rootChars = -1;
  const flush = (): void => {
    if (parts.length === 0) return;
    const raw = parts.join('');
    const text = collapseSpace(raw);
    const linkRatio = raw.length > 0 ? Math.min(1, linkChars / raw.length) : 0;
    parts = [];
    linkChars = 0;
    if (text === '') return;
    const embedIndex = text.includes(prefix) ? matchPlaceholder(text, prefix) : -1;
    if (embedIndex >= 0) blocks.push({ text, role: 'embed', embedIndex });
    else {
      const role: BlockRole = captionDepth > 0 ? 'caption' : headingDepth > 0 ? 'heading' : blockquoteDepth > 0 ? 'blockquote' : 'body';
      blocks.push({ text, role, linkRatio, isListItem });
    }
  };
  const stack: Array<[Node, number]> = [[root, ENTER]];
  while (stack.length > 0) {
    const [node, step] = stack.pop() as [Node, number];
    if (node.nodeType === 3) {
      const value = node.nodeValue ?? '';
      parts.push(value);
      if (linkDepth > 0) linkChars += value.length;
      continue;
    }
    if (node.nodeType !== 1) continue;
    const el = node as Element;
    const tag = el.localName;
    if (step !== ENTER) {
      if (step === EXIT_CAPTION || BLOCK_TAGS.has(tag)) flush();
      if (step === EXIT_CAPTION) captionDepth--;
      if (step === EXIT_LINK) linkDepth--;
      if (HEADINGS.has(tag)) headingDepth--;
      if (tag === 'blockquote') blockquoteDepth--;
      if (tag === 'li') isListItem = false;
      continue;
    }
    // Scripts, styles and form controls are never text, whatever share of the page they hold.
    if (isHidden(el) || SKIP_TAGS.has(tag)) continue;
    if (el !== root && isChrome(el, tag)) {
      if (rootChars < 0) rootChars = (root.textContent ?? '').length;
      if ((el.textContent ?? '').length < rootChars * MAX_CHROME_SHARE || rootChars === 0) continue;
    }
    if (tag === 'br' || tag === 'hr') {
      flush();
      continue;
    }
    if (CELL_TAGS.has(tag)) parts.push(' ');
    let exit = tag === 'a' ? EXIT_LINK : EXIT;
    if (captionDepth === 0 && isCaption(el, tag)) {
      flush();
      captionDepth++;
      exit = EXIT_CAPTION;
    } else if (BLOCK_TAGS.has(tag)) {
      flush();
    }
    if (exit === EXIT_LINK) linkDepth++;
    if (tag === 'li') isListItem = true;
    if (HEADINGS.has(tag)) headingDepth++;
    if (tag === 'blockquote') blockquoteDepth++;
    stack.push([el, exit]);
    const children = el.childNodes;
    for (let i = children.length - 1; i >= 0; i--) stack.push([children[i] as Node, ENTER]);
  }
  flush();
  return pruneLinkLists(blocks);
}
