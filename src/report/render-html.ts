/**
 * The HTML report: one self-contained page (inline CSS and JS pinned by CSP hashes, no external
 * request), a section per document with metadata, figures, a legend that toggles each layer, the
 * highlighted article with tooltips on hover and keyboard focus, the annotation list and the
 * diagnostics. Every document-derived string is escaped; JSON in the page is script-safe.
 */
import type { MarginaliaDocument } from '../core/types.js';
import { summariesAsHtml } from './render-summaries.js';
import { countDocument, documentTitle } from './counts.js';
import { escapeHtml, jsonForHtml } from './escape.js';
import { SCRIPT, buildCsp, buildCss } from './html-assets.js';
import { highlightedLayerKeys, renderHtmlArticle } from './html-article.js';
import { compareLayerKeys, layerStyle, type LayerStyle } from './layers.js';

/** Options of the HTML renderer. */
export interface HtmlOptions {
  /** Page title; default the document title for one document, else `Marginalia report`. */
  title?: string;
}

const LANG_TAG = /^[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8}){0,6}$/;
const HTTP_URL = /^https?:\/\/[^\s]+$/i;

/** Renders documents as one self-contained HTML page. */
export function renderHtml(docs: readonly MarginaliaDocument[], options: HtmlOptions = {}): string {
  const keys = new Set<string>();
  for (const doc of docs) for (const key of highlightedLayerKeys(String(doc.text ?? ''), doc.annotations)) keys.add(key);
  const styles: LayerStyle[] = [...keys].sort(compareLayerKeys).map(layerStyle);
  const layerIndex = new Map(styles.map((style, index) => [style.key, index]));
  const css = buildCss(styles);
  const single = docs.length === 1;
  const title = options.title ?? (single ? documentTitle(docs[0] as MarginaliaDocument) : 'Marginalia report');
  const lang = single ? langOf(docs[0] as MarginaliaDocument) : null;

  const sections = docs.map((doc, i) => renderSection(doc, `d${i}`, single && options.title === undefined, styles, layerIndex));
  const toc = single
    ? ''
    : `<nav class="toc" aria-label="Documents"><ol>${docs
        .map((doc, i) => `<li><a href="#d${i}">${escapeHtml(documentTitle(doc))}</a></li>`)
        .join('')}</ol></nav>`;
  const header = single && options.title === undefined ? '' : `<header><h1>${escapeHtml(title)}</h1></header>`;

  return `<!doctype html>
<html lang="${lang ?? 'en'}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(buildCsp(css, SCRIPT))}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Marginalia">
<title>${escapeHtml(title)}</title>
<style>${css}</style>
</head>
<body>
<div class="page">
${header}${toc}<main>
${sections.join('\n')}
</main>
</div>
<div id="mg-tip" role="tooltip" hidden></div>
<script>${SCRIPT}</script>
</body>
</html>
`;
}

function renderSection(
  doc: MarginaliaDocument,
  id: string,
  isPageHeading: boolean,
  styles: readonly LayerStyle[],
  layerIndex: ReadonlyMap<string, number>,
): string {
  const text = String(doc.text ?? '');
  const article = renderHtmlArticle(text, doc.annotations, id, layerIndex);
  const heading = isPageHeading ? 'h1' : 'h2';
  const lang = langOf(doc);
  const legend = [...article.layerCounts]
    .sort((a, b) => a[0] - b[0])
    .map(([index, n]) => {
      const style = styles[index] as LayerStyle;
      return (
        `<label title="${escapeHtml(style.description)}"><input type="checkbox" class="t${index}" data-layer="${index}" checked> ` +
        `<span class="sw L${index}" aria-hidden="true"></span> ${escapeHtml(style.name)} <span class="n">${n}</span></label>`
      );
    })
    .join('\n');
  return `<article class="doc" id="${id}" aria-labelledby="${id}-h">
<${heading} id="${id}-h">${escapeHtml(documentTitle(doc))}</${heading}>
${renderMeta(doc)}
<p class="figures">${escapeHtml(figures(doc))}</p>
${legend ? `<fieldset class="layers"><legend>Layers (uncheck to hide)</legend>\n${legend}\n</fieldset>` : ''}
<div class="text" dir="auto"${lang ? ` lang="${lang}"` : ''} role="region" aria-label="Article text">${article.html}</div>
${summariesAsHtml(doc, id)}
<details class="list"><summary>Annotations (${article.items.length})</summary><ol>
${article.items.join('\n')}
</ol></details>
${renderDiagnostics(doc, id)}
<script type="application/json" id="${id}-data">${jsonForHtml(article.rows)}</script>
</article>`;
}

function renderMeta(doc: MarginaliaDocument): string {
  const meta = doc.meta;
  const url = meta.url ?? '';
  const rows: [string, string][] = [
    ['Source', escapeHtml(doc.source ?? '')],
    [
      'URL',
      HTTP_URL.test(url)
        ? `<a href="${escapeHtml(url)}" rel="noopener noreferrer nofollow">${escapeHtml(url)}</a>`
        : escapeHtml(url),
    ],
    ['Authors', escapeHtml((meta.authors ?? []).join(', '))],
    ['Publisher', escapeHtml(meta.publisher ?? '')],
    ['Published', escapeHtml(meta.publishedTime ?? '')],
    ['Language', escapeHtml(meta.lang ?? '')],
    [
      'Genre',
      doc.genre
        ? escapeHtml(`${doc.genre.label} (${doc.genre.confidence.toFixed(2)})${doc.genre.reasons.length ? `: ${doc.genre.reasons.join('; ')}` : ''}`)
        : '',
    ],
    ['Id', `<code>${escapeHtml(String(doc.id).slice(0, 16))}…</code>`],
  ];
  const items = rows.filter(([, value]) => value !== '').map(([name, value]) => `<dt>${name}</dt><dd>${value}</dd>`);
  return `<dl class="meta">${items.join('')}</dl>`;
}

function figures(doc: MarginaliaDocument): string {
  const counts = countDocument(doc);
  const parts = [`${counts.words.toLocaleString('en-US')} words`];
  for (const [kind, n] of counts.kinds) if (kind === 'paragraph' || kind === 'sentence') parts.push(`${n} ${kind}${n === 1 ? '' : 's'}`);
  const regions = counts.regions.map(([label, n]) => `${label} ${n}`).join(', ');
  if (regions) parts.push(`regions: ${regions}`);
  return parts.join(' · ');
}

function renderDiagnostics(doc: MarginaliaDocument, id: string): string {
  const items = doc.diagnostics.map(
    (d) =>
      `<li><span class="sev-${escapeHtml(d.severity)}">${escapeHtml(d.severity)}</span> <code>${escapeHtml(d.code)}</code> ` +
      `${escapeHtml(d.message)} <small>(${escapeHtml(`${d.source}${d.span ? `, ${d.span.start}–${d.span.end}` : ''}`)})</small></li>`,
  );
  return `<section class="diags" aria-labelledby="${id}-dh"><h3 id="${id}-dh">Diagnostics</h3>${
    items.length ? `<ul>${items.join('')}</ul>` : '<p>None.</p>'
  }</section>`;
}

function langOf(doc: MarginaliaDocument): string | null {
  const lang = doc.meta?.lang;
  return typeof lang === 'string' && LANG_TAG.test(lang) ? lang : null;
}
