/**
 * What the publisher says a piece is, read from its address and site name: a page of a site that
 * publishes only news parody is satire; a page under an opinion section (/opinion/, /commentisfree/,
 * /op-ed/…) is opinion; under /analysis/ or /explainer/ it is analysis. These are the publisher's own
 * labels, stronger than anything in the text; the lists (outlets.json) span countries and leanings.
 */
import type { DocumentMeta, Genre, GenreLabel } from '../../core/types.js';
import outlets from './outlets.json' with { type: 'json' };

/** A genre the publication itself declares, with the reason. */
export interface PublicationCue {
  label: GenreLabel;
  reason: string;
}

interface Outlet {
  name: string;
  host: string;
  path: string;
}

const SATIRE: readonly Outlet[] = outlets.satire.flatMap((o) =>
  o.hosts.map((h) => {
    const slash = h.indexOf('/');
    return { name: o.name, host: slash < 0 ? h : h.slice(0, slash), path: slash < 0 ? '' : h.slice(slash) };
  }),
);
const SATIRE_NAMES = new Map(outlets.satire.map((o) => [o.name.toLowerCase(), o.name]));
const OPINION = new Set(outlets.opinionSections);
const ANALYSIS = new Set(outlets.analysisSections);

/** The genre the publication declares for a page with `meta`, or null when it declares none. */
export function publicationCue(meta: Pick<DocumentMeta, 'url' | 'publisher'>): PublicationCue | null {
  const url = parseUrl(meta.url);
  if (url) {
    const host = url.hostname.toLowerCase().replace(/\.$/, '');
    const path = url.pathname.toLowerCase();
    for (const outlet of SATIRE) {
      if ((host === outlet.host || host.endsWith(`.${outlet.host}`)) && (outlet.path === '' || path === outlet.path || path.startsWith(`${outlet.path}/`))) {
        return { label: 'satire', reason: `published by ${outlet.name}, a news-parody site (${host})` };
      }
    }
  }
  const publisher = meta.publisher ? SATIRE_NAMES.get(meta.publisher.trim().toLowerCase()) : undefined;
  if (publisher) return { label: 'satire', reason: `published by ${publisher}, a news-parody site (site name)` };
  if (!url) return null;
  const segments = url.pathname.toLowerCase().split('/').filter(Boolean);
  // The section is one of the first path segments; later ones are slugs ("/2024/05/why-opinion-polls-fail").
  const section = segments.slice(0, 3).find((s) => OPINION.has(s) || ANALYSIS.has(s));
  if (section === undefined) return null;
  const label: GenreLabel = OPINION.has(section) ? 'opinion' : 'analysis';
  return { label, reason: `the publisher files it under /${section}/ (${label})` };
}

/**
 * The model's genre adjusted by the publication's own label: the cue's label wins, with the cue as
 * the first reason and the model's reasons after it. Confidence is the model's when it agrees, else
 * 0.9 (the publisher's label is strong evidence, not proof: sites mislabel and syndicate).
 */
export function withPublication(genre: Genre, cue: PublicationCue | null): Genre {
  if (!cue) return genre;
  const agrees = genre.label === cue.label;
  return {
    label: cue.label,
    confidence: agrees ? Math.max(genre.confidence, 0.9) : 0.9,
    reasons: [cue.reason, ...(agrees ? genre.reasons : genre.reasons.map((r) => (r.startsWith('model:') ? `${r} (overridden)` : r)))],
  };
}

function parseUrl(value: string | null): URL | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}
