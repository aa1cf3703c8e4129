/**
 * Which elements are embedded social posts or videos, as data: each rule names the element (tag
 * plus a class, an attribute or an iframe host), the platform, and why. `find-embeds.ts` applies
 * them in order; the first match wins, and descendants of a matched element are not tested again.
 */
import type { EmbedPlatform } from '../../core/types.js';

/** One way an embed shows up in a page's DOM. */
export interface EmbedRule {
  /** Rule id reported on the annotation, e.g. `html-embed-x`. */
  id: string;
  platform: EmbedPlatform;
  /** Lower-case tag names the rule applies to. */
  tags: readonly string[];
  /** Any of these class tokens matches. */
  classes?: readonly string[];
  /** The element has this attribute. */
  attribute?: string;
  /** `src` (or `data`, `data-src`) matches; anchored, no nested quantifiers. */
  src?: RegExp;
  /** Human name used when rendering, e.g. `X post`. */
  name: string;
  confidence: number;
  note: string;
}

const FRAMES = ['iframe', 'embed', 'object'] as const;

/** The rules, most specific first. */
export const EMBED_RULES: readonly EmbedRule[] = [
  {
    id: 'html-embed-x', platform: 'x', tags: ['blockquote'], classes: ['twitter-tweet', 'twitter-video'],
    name: 'X post', confidence: 0.98, note: 'An X (Twitter) embed blockquote (class twitter-tweet): a post quoted from the platform, not the article\'s own text.',
  },
  {
    id: 'html-embed-x', platform: 'x', tags: FRAMES, src: /^(?:https?:)?\/\/(?:platform\.|www\.)?(?:twitter|x)\.com\//i,
    name: 'X post', confidence: 0.9, note: 'An iframe served by X (Twitter): an embedded post.',
  },
  {
    id: 'html-embed-instagram', platform: 'instagram', tags: ['blockquote'], classes: ['instagram-media'],
    name: 'Instagram post', confidence: 0.98, note: 'An Instagram embed blockquote (class instagram-media).',
  },
  {
    id: 'html-embed-instagram', platform: 'instagram', tags: FRAMES, src: /^(?:https?:)?\/\/(?:www\.)?instagram\.com\//i,
    name: 'Instagram post', confidence: 0.9, note: 'An iframe served by Instagram: an embedded post.',
  },
  {
    id: 'html-embed-telegram', platform: 'telegram', tags: ['script'], attribute: 'data-telegram-post',
    name: 'Telegram post', confidence: 0.97, note: 'A Telegram widget script (data-telegram-post): an embedded channel post.',
  },
  {
    id: 'html-embed-telegram', platform: 'telegram', tags: ['blockquote', 'div'], classes: ['telegram-post'],
    name: 'Telegram post', confidence: 0.95, note: 'A Telegram post block (class telegram-post).',
  },
  {
    id: 'html-embed-telegram', platform: 'telegram', tags: FRAMES, src: /^(?:https?:)?\/\/(?:www\.)?(?:t\.me|telegram\.me)\//i,
    name: 'Telegram post', confidence: 0.9, note: 'An iframe served by t.me: an embedded Telegram post.',
  },
  {
    id: 'html-embed-youtube', platform: 'youtube', tags: FRAMES,
    src: /^(?:https?:)?\/\/(?:www\.|m\.)?(?:youtube\.com|youtube-nocookie\.com|youtu\.be)\//i,
    name: 'YouTube video', confidence: 0.95, note: 'An iframe or embed served by YouTube: an embedded video.',
  },
  {
    id: 'html-embed-facebook', platform: 'facebook', tags: ['div'], classes: ['fb-post', 'fb-video'],
    name: 'Facebook post', confidence: 0.97, note: 'A Facebook embed container (class fb-post or fb-video).',
  },
  {
    id: 'html-embed-facebook', platform: 'facebook', tags: ['blockquote'], classes: ['fb-xfbml-parse-ignore'],
    name: 'Facebook post', confidence: 0.95, note: 'A Facebook embed fallback blockquote (class fb-xfbml-parse-ignore).',
  },
  {
    id: 'html-embed-facebook', platform: 'facebook', tags: FRAMES, src: /^(?:https?:)?\/\/(?:www\.)?facebook\.com\/plugins\//i,
    name: 'Facebook post', confidence: 0.9, note: 'An iframe served by Facebook\'s embed plugins.',
  },
  {
    id: 'html-embed-other', platform: 'other', tags: ['blockquote'],
    classes: ['tiktok-embed', 'reddit-embed-bq', 'reddit-card', 'bluesky-embed', 'text-post-media', 'mastodon-embed'],
    name: 'Embedded post', confidence: 0.9, note: 'An embed blockquote of another social platform (TikTok, Reddit, Bluesky, Threads, Mastodon).',
  },
  {
    id: 'html-embed-other', platform: 'other', tags: FRAMES,
    src: /^(?:https?:)?\/\/(?:www\.|player\.|embed\.)?(?:tiktok\.com|vimeo\.com|dailymotion\.com|soundcloud\.com|open\.spotify\.com|bsky\.app|threads\.net|reddit\.com|redditmedia\.com)\//i,
    name: 'Embedded media', confidence: 0.85, note: 'An iframe served by another social or video platform.',
  },
];

/** Class tokens that any rule looks for, to skip elements cheaply. */
export const EMBED_CLASSES: ReadonlySet<string> = new Set(EMBED_RULES.flatMap((rule) => rule.classes ?? []));
