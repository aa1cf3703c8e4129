/**
 * One pass over every element of a parsed page, sorting out the few kinds that metadata and embed
 * detection read. linkedom walks the whole tree for each `getElementsByTagName` call (and does not
 * support `*` there), so one `querySelectorAll('*')` bucketed by tag is the cheap way.
 */

/** The elements later stages read, in document order. */
export interface PageScan {
  metas: Element[];
  links: Element[];
  /** `<script type="application/ld+json">` elements. */
  jsonLd: Element[];
  titles: Element[];
  h1s: Element[];
  times: Element[];
  /** Elements of a tag some embed rule can match (blockquote, div, script, iframe, embed, object). */
  embedCandidates: Element[];
}

const EMBED_TAGS = new Set(['blockquote', 'div', 'script', 'iframe', 'embed', 'object']);

/** Walks the page once and buckets the elements that metadata and embed detection need. */
export function scanPage(document: Document): PageScan {
  const scan: PageScan = { metas: [], links: [], jsonLd: [], titles: [], h1s: [], times: [], embedCandidates: [] };
  const all = document.querySelectorAll('*');
  for (let i = 0; i < all.length; i++) {
    const el = all[i] as Element;
    switch (el.localName) {
      case 'meta':
        scan.metas.push(el);
        break;
      case 'link':
        scan.links.push(el);
        break;
      case 'title':
        scan.titles.push(el);
        break;
      case 'h1':
        scan.h1s.push(el);
        break;
      case 'time':
        scan.times.push(el);
        break;
      case 'script':
        if ((el.getAttribute('type') ?? '').trim().toLowerCase() === 'application/ld+json') scan.jsonLd.push(el);
        else scan.embedCandidates.push(el);
        break;
      default:
        if (EMBED_TAGS.has(el.localName)) scan.embedCandidates.push(el);
    }
  }
  return scan;
}
