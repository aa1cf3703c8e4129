/**
 * What the renderer should do with an element, judged from its markup alone: skip it (hidden,
 * navigation, ads, sign-up and share widgets), treat its text as a caption (figures, figcaption,
 * caption and credit classes), or render it as it is. Patterns are precompiled and linear.
 */

/** Elements whose content is never text of the article. */
export const SKIP_TAGS: ReadonlySet<string> = new Set([
  'script', 'style', 'noscript', 'template', 'svg', 'math', 'select', 'option', 'textarea', 'input', 'button',
  'iframe', 'object', 'embed', 'canvas', 'video', 'audio', 'head', 'title', 'meta', 'link', 'nav',
]);

/** ARIA roles of page chrome. */
const SKIP_ROLES = new Set(['navigation', 'banner', 'contentinfo', 'search', 'menu', 'menubar', 'dialog', 'alertdialog']);

/**
 * Class or id words of page chrome. A word starts at the start or after a space, `-` or `_`, and ends
 * at the end, a separator or a capital (camelCase), so `ad-slot` and `adBox` match but `address` does not.
 */
const CHROME_WORDS =
  /(?:^|[\s_-])(?:ads?|adslot|advert|advertisement|breadcrumbs?|newsletter|signup|sign-up|subscribe|social|share|sharing|sharebar|outbrain|taboola|sponsored|promo|recirc|related|skip-link|screen-reader-text|sr-only|visually-?hidden|print-header|cookie)(?=$|[\s_-]|[A-Z])/;
const CHROME_PREFIXES = /(?:^|[\s_-])(?:newsletter|signup|related|breadcrumb|social|sharing|outbrain|taboola)/i;

/** Class or id words of captions and photo credits (`Figure-caption`, `imageEmbedCredit`, `credit`). */
const CAPTION_WORDS = /caption|credit/i;

/** Longest text an element may have and still be taken as a caption. */
export const MAX_CAPTION_CHARS = 600;

/** Whether the element is hidden by markup (not by stylesheets, which are not run). */
export function isHidden(el: Element): boolean {
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  const style = el.getAttribute('style');
  return style !== null && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style);
}

/** Class and id of an element, as one string ('' when neither is set). */
function classAndId(el: Element): string {
  const cls = el.getAttribute('class');
  const id = el.getAttribute('id');
  return cls && id ? `${cls} ${id}` : (cls ?? id ?? '');
}

/** Whether the element is page chrome by its tag, role, class or id: navigation, ads, widgets. */
export function isChrome(el: Element, tag: string): boolean {
  if (SKIP_TAGS.has(tag)) return true;
  const role = el.getAttribute('role');
  if (role !== null && SKIP_ROLES.has(role)) return true;
  const names = classAndId(el);
  return names !== '' && (CHROME_WORDS.test(names) || CHROME_PREFIXES.test(names));
}

/** Whether the element is a figure, a figure caption or a photo credit. */
export function isCaption(el: Element, tag: string): boolean {
  if (tag === 'figcaption') return true;
  if (tag !== 'figure') {
    const names = classAndId(el);
    if (names === '' || !CAPTION_WORDS.test(names)) return false;
  }
  return (el.textContent ?? '').length <= MAX_CAPTION_CHARS;
}
