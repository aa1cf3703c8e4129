/**
 * Reads schema.org JSON-LD blocks (`<script type="application/ld+json">`) and returns the article
 * object they describe: NewsArticle and its kin, found at the top level, in arrays or in `@graph`.
 * Broken JSON is skipped (many pages ship it); nothing here throws.
 */

/** The article fields Marginalia uses, normalised to strings. */
export interface JsonLdArticle {
  headline: string | null;
  authors: string[];
  publisher: string | null;
  datePublished: string | null;
  url: string | null;
  inLanguage: string | null;
  articleBody: string | null;
}

type JsonObject = { [key: string]: unknown };

const ARTICLE_TYPES = new Set([
  'Article', 'NewsArticle', 'ReportageNewsArticle', 'OpinionNewsArticle', 'AnalysisNewsArticle',
  'BackgroundNewsArticle', 'ReviewNewsArticle', 'AskPublicNewsArticle', 'SatiricalArticle', 'BlogPosting',
  'LiveBlogPosting', 'TechArticle', 'ScholarlyArticle', 'Report', 'SocialMediaPosting', 'DiscussionForumPosting',
]);

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isArticle(value: JsonObject): boolean {
  const type = value['@type'];
  const types = Array.isArray(type) ? type : [type];
  return types.some((t) => typeof t === 'string' && ARTICLE_TYPES.has(t.replace(/^https?:\/\/schema\.org\//, '')));
}

/** A string field, or the `name` (or `@id`) of an object field; the first of an array. */
function textOf(value: unknown, key = 'name'): string | null {
  if (typeof value === 'string') return value.trim() || null;
  if (Array.isArray(value)) return value.length > 0 ? textOf(value[0], key) : null;
  if (isObject(value)) return textOf(value[key] ?? null, key);
  return null;
}

function namesOf(value: unknown): string[] {
  const list = Array.isArray(value) ? value : [value];
  const names: string[] = [];
  for (const item of list) {
    const name = typeof item === 'string' ? item : isObject(item) ? item['name'] : null;
    if (typeof name === 'string' && name.trim() !== '' && !/^https?:\/\//.test(name.trim())) names.push(name.trim());
  }
  return names;
}

/** Collects candidate objects from one parsed block: itself, array items, `@graph` members. */
function collect(value: unknown, out: JsonObject[], depth = 0): void {
  if (depth > 4) return;
  if (Array.isArray(value)) {
    for (const item of value) collect(item, out, depth + 1);
  } else if (isObject(value)) {
    out.push(value);
    if (value['@graph'] !== undefined) collect(value['@graph'], out, depth + 1);
    if (isObject(value['mainEntity'])) collect(value['mainEntity'], out, depth + 1);
  }
}

/** Parses the JSON-LD script texts and returns the first article object found, or null. */
export function readJsonLd(scripts: readonly string[]): JsonLdArticle | null {
  const objects: JsonObject[] = [];
  for (const source of scripts) {
    try {
      // Some CMSs wrap the JSON in CDATA or HTML comments.
      collect(JSON.parse(source.replace(/^\s*(?:<!\[CDATA\[|<!--)/, '').replace(/(?:\]\]>|-->)\s*$/, '')), objects);
    } catch {
      // Broken JSON-LD is common; other metadata sources remain.
    }
  }
  const article = objects.find(isArticle);
  if (!article) return null;
  const body = article['articleBody'];
  return {
    headline: textOf(article['headline']) ?? textOf(article['name']),
    authors: namesOf(article['author']),
    publisher: textOf(article['publisher']) ?? textOf(article['sourceOrganization']),
    datePublished: textOf(article['datePublished']) ?? textOf(article['dateCreated']),
    url: textOf(article['url']) ?? textOf(article['mainEntityOfPage'], '@id'),
    inLanguage: textOf(article['inLanguage']),
    articleBody: typeof body === 'string' && body.trim() !== '' ? body : null,
  };
}
