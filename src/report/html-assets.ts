/**
 * The inline CSS and JavaScript of the HTML report, and its Content-Security-Policy. Nothing here
 * contains document content: per-layer rules use layer indices and our own colours only, so the
 * style and script can be pinned by sha256 hashes in the CSP and injected markup cannot run.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { utf8ToBytes } from '@noble/hashes/utils.js';
import type { LayerStyle } from './layers.js';

/** Underline offsets per treatment, so stacked lines of nested highlights stay apart. */
const LINE: Record<LayerStyle['treatment'], string> = {
  tint: '',
  underline: 'solid 2px',
  dotted: 'dotted 2px',
  dashed: 'dashed 2px',
  wavy: 'wavy 1px',
};
const OFFSET: Record<LayerStyle['treatment'], string> = {
  tint: '0',
  underline: '0.12em',
  dotted: '0.3em',
  dashed: '0.42em',
  wavy: '0.2em',
};

const BASE_CSS = `
:root{color-scheme:light;--ink:#1b1f24;--muted:#4b5563;--line:#d5d9e0;--paper:#fff;--focus:#1d4ed8}
*{box-sizing:border-box}
body{margin:0;background:#f6f7f9;color:var(--ink);font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
.page{max-width:52rem;margin:0 auto;padding:1.25rem 1rem 3rem}
.page>header h1{font-size:1.5rem;margin:0 0 .25rem}
nav.toc ol{margin:.25rem 0 1rem;padding-left:1.25rem}
a{color:#1d4ed8}
.doc{background:var(--paper);border:1px solid var(--line);border-radius:.5rem;padding:1rem 1.25rem 1.25rem;margin:0 0 1.5rem}
.doc h1,.doc h2{font-size:1.35rem;line-height:1.3;margin:0 0 .5rem;overflow-wrap:anywhere}
.doc h3{font-size:1rem;margin:1.25rem 0 .5rem}
.meta{display:grid;grid-template-columns:max-content 1fr;gap:.15rem .75rem;margin:0 0 .75rem;font-size:.875rem}
.meta dt{color:var(--muted)}
.meta dd{margin:0;overflow-wrap:anywhere}
.figures{font-size:.875rem;color:var(--muted);margin:.25rem 0 .75rem}
.layers{border:1px solid var(--line);border-radius:.4rem;margin:0 0 1rem;padding:.4rem .75rem .6rem;display:flex;flex-wrap:wrap;gap:.35rem 1rem}
.layers legend{font-size:.8rem;font-weight:600;color:var(--muted);padding:0 .25rem}
.layers label{display:inline-flex;align-items:center;gap:.35rem;font-size:.875rem;cursor:pointer;min-height:1.75rem}
.layers input{width:1.05rem;height:1.05rem;margin:0;accent-color:var(--focus)}
.layers .n{color:var(--muted);font-variant-numeric:tabular-nums}
.sw{display:inline-block;width:1.6rem;height:1rem;border:1px solid #9aa1ab;border-radius:.2rem;background:var(--paper);line-height:.6rem;font-size:.75rem;text-align:center;overflow:hidden}
.text{font:1.0625rem/1.85 Georgia,"Times New Roman",serif;white-space:pre-wrap;overflow-wrap:break-word;border-top:1px solid var(--line);padding-top:.75rem}
.hl{border-radius:.15em;-webkit-box-decoration-break:clone;box-decoration-break:clone;text-decoration-skip-ink:none}
.hl:focus{outline:2px solid var(--focus);outline-offset:2px}
.hl:focus:not(:focus-visible){outline:none}
.hl[data-badge]::before{content:attr(data-badge);font:600 .68rem/1 system-ui,sans-serif;letter-spacing:.02em;color:#111827;background:rgba(255,255,255,.75);border:1px solid rgba(17,24,39,.35);border-radius:.25rem;padding:.12em .35em;margin-right:.4em;vertical-align:.12em;white-space:nowrap}
.list summary{cursor:pointer;font-weight:600;margin-top:1rem}
.list ol{padding-left:1.5rem;font-size:.875rem}
.list li{margin:.35rem 0;overflow-wrap:anywhere}
.list q{font-family:Georgia,serif}
.list small,.diags small{color:var(--muted)}
.diags ul{padding-left:1.25rem;font-size:.875rem}
.panel h3{margin:1.25rem 0 .25rem;font:600 1rem/1.3 system-ui,sans-serif}.panel .n{color:var(--muted);font-weight:400}
.panel .note{margin:.1rem 0 .5rem;color:var(--muted);font-size:.8125rem}
.panel .scroll{overflow-x:auto;max-height:28rem;overflow-y:auto}
.panel table{border-collapse:collapse;font:.8125rem/1.4 system-ui,sans-serif;min-width:100%}
.panel th,.panel td{border-bottom:1px solid #e5e7eb;padding:.3rem .5rem;text-align:left;vertical-align:top}
.panel th{position:sticky;top:0;background:#f9fafb}
.sev-error{color:#991b1b;font-weight:600}.sev-warning{color:#92400e;font-weight:600}.sev-info{color:var(--muted);font-weight:600}
#mg-tip{position:absolute;z-index:10;max-width:min(26rem,calc(100vw - 1rem));background:#111827;color:#f9fafb;border-radius:.4rem;padding:.5rem .65rem;font:.8125rem/1.4 system-ui,sans-serif;box-shadow:0 4px 16px rgba(0,0,0,.25)}
#mg-tip[hidden]{display:none}
#mg-tip .item+.item{border-top:1px solid #374151;margin-top:.4rem;padding-top:.4rem}
#mg-tip strong{display:block}
#mg-tip .note{display:block;margin:.15rem 0}
#mg-tip .prov{display:block;color:#cbd5e1}
.sr-only{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
@media (max-width:36rem){.page{padding:.75rem .5rem 2rem}.doc{padding:.75rem}.text{font-size:1rem}}
@media print{#mg-tip,.layers{display:none}body{background:#fff}.doc{border:0}}
`;

/** CSS for one layer: its colour on highlights and swatch, and the rule that hides it when unchecked. */
function layerCss(index: number, style: LayerStyle): string {
  const cls = `.L${index}`;
  const sw = `.sw${cls}`;
  const off = `.doc:has(.t${index}:not(:checked)) ${cls}`;
  if (style.treatment === 'tint') {
    return (
      `${cls}{background-color:${style.color}}${sw}{background:${style.color}}` +
      `${off}{background-color:transparent}${off}::before{display:none}\n`
    );
  }
  return (
    `${cls}{text-decoration:underline ${LINE[style.treatment]} ${style.color};text-underline-offset:${OFFSET[style.treatment]}}` +
    `${sw}{background:linear-gradient(${style.color},${style.color}) 0 100%/100% 3px no-repeat,#fff}` +
    `${off}{text-decoration:none}\n`
  );
}

/** The whole stylesheet for the given layers (index = position in the array). */
export function buildCss(layers: readonly LayerStyle[]): string {
  return BASE_CSS + layers.map((style, index) => layerCss(index, style)).join('');
}

/** The tooltip and layer-toggle script. Reads annotation details from each section's JSON block. */
export const SCRIPT = `
(function () {
  'use strict';
  var tip = document.getElementById('mg-tip');
  var cache = {};
  var current = null;
  function rows(doc) {
    if (!cache[doc.id]) {
      var node = document.getElementById(doc.id + '-data');
      try { cache[doc.id] = node ? JSON.parse(node.textContent || '[]') : []; } catch (e) { cache[doc.id] = []; }
    }
    return cache[doc.id];
  }
  function isOn(doc, layer) {
    var box = doc.querySelector('.t' + layer);
    return !box || box.checked;
  }
  function line(tag, cls, value) {
    var el = document.createElement(tag);
    el.className = cls;
    el.textContent = value;
    return el;
  }
  function fill(pieces, doc) {
    var data = rows(doc);
    tip.textContent = '';
    for (var i = 0; i < pieces.length; i++) {
      var row = data[Number(pieces[i].getAttribute('data-a'))];
      if (!row || !isOn(doc, row[0])) continue;
      var item = document.createElement('div');
      item.className = 'item';
      item.appendChild(line('strong', 'head', row[1] + (row[2] ? ' \\u00b7 ' + row[2] : '')));
      if (row[3]) item.appendChild(line('span', 'note', row[3]));
      if (row[7]) item.appendChild(line('span', 'prov', row[7]));
      item.appendChild(line('span', 'prov', 'rule ' + row[4] + ' \\u00b7 ' + row[5] + ' \\u00b7 confidence ' + row[6]));
      tip.appendChild(item);
    }
    return tip.firstChild !== null;
  }
  function place(x, y, above) {
    tip.style.left = '0px';
    tip.style.top = '0px';
    tip.hidden = false;
    var w = tip.offsetWidth, h = tip.offsetHeight;
    var vw = document.documentElement.clientWidth;
    var left = Math.max(4, Math.min(x, vw - w - 4));
    var top = y + 8;
    if (top + h > window.innerHeight && above - h - 8 > 0) top = above - h - 8;
    tip.style.left = (left + window.scrollX) + 'px';
    tip.style.top = (top + window.scrollY) + 'px';
  }
  function hide() { tip.hidden = true; current = null; }
  function show(el, pieces, x, y, above) {
    var doc = el.closest('.doc');
    if (!doc || !fill(pieces, doc)) { hide(); return; }
    current = el;
    place(x, y, above);
  }
  function stack(el) {
    var out = [];
    for (var node = el; node && node.classList && !node.classList.contains('text'); node = node.parentElement) {
      if (node.classList.contains('hl')) out.push(node);
    }
    return out;
  }
  document.addEventListener('mouseover', function (event) {
    var target = event.target;
    if (!(target instanceof Element) || tip.contains(target)) return;
    var el = target.closest('.hl');
    if (el && el !== current) show(el, stack(el), event.clientX, event.clientY + 8, event.clientY - 8);
    else if (!el && current && current !== document.activeElement) hide();
  });
  document.addEventListener('focusin', function (event) {
    var el = event.target;
    if (!(el instanceof Element) || !el.classList.contains('hl')) return;
    var box = el.getClientRects()[0] || el.getBoundingClientRect();
    show(el, [el], box.left, box.bottom, box.top);
  });
  document.addEventListener('focusout', function () { hide(); });
  document.addEventListener('keydown', function (event) { if (event.key === 'Escape') hide(); });
  document.addEventListener('change', function (event) {
    var box = event.target;
    if (!(box instanceof HTMLInputElement) || !box.hasAttribute('data-layer')) return;
    var doc = box.closest('.doc');
    if (!doc) return;
    var marks = doc.querySelectorAll('.L' + box.getAttribute('data-layer') + '[data-first]');
    for (var i = 0; i < marks.length; i++) marks[i].setAttribute('tabindex', box.checked ? '0' : '-1');
    hide();
  });
})();
`;

const hashCache = new Map<string, string>();

/** `'sha256-…'` source expression for a CSP, over the exact element text. Memoised (few distinct inputs). */
export function cspHash(content: string): string {
  const cached = hashCache.get(content);
  if (cached !== undefined) return cached;
  const digest = sha256(utf8ToBytes(content));
  let binary = '';
  for (const byte of digest) binary += String.fromCharCode(byte);
  const hash = `'sha256-${btoa(binary)}'`;
  if (hashCache.size < 64) hashCache.set(content, hash);
  return hash;
}

/** The Content-Security-Policy: nothing external, only our own hashed style and script. */
export function buildCsp(css: string, script: string): string {
  return [
    "default-src 'none'",
    `style-src ${cspHash(css)}`,
    `script-src ${cspHash(script)}`,
    "img-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}
