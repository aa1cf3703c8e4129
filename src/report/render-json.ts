/**
 * JSON and JSON Lines output: the documents exactly as the data model defines them (see
 * docs/output.md). JSON is pretty-printed with two spaces; JSONL is one compact line per document.
 */
import type { MarginaliaDocument } from '../core/types.js';

/** One document as pretty JSON; several as a pretty JSON array. Ends with a newline. */
export function renderJson(docs: readonly MarginaliaDocument[]): string {
  return `${JSON.stringify(docs.length === 1 ? docs[0] : docs, null, 2)}\n`;
}

/** One compact JSON line per document, each ending with `\n` (U+2028/2029 escaped for safety). */
export function renderJsonl(docs: readonly MarginaliaDocument[]): string {
  let out = '';
  for (const doc of docs) out += `${escapeLineSeparators(JSON.stringify(doc))}\n`;
  return out;
}

const LINE_SEPARATORS = /[\u2028\u2029]/g;

/** JSON allows raw U+2028/2029, but line-oriented tools split on them; escape them. */
function escapeLineSeparators(json: string): string {
  return json.replace(LINE_SEPARATORS, (ch) => (ch === '\u2028' ? '\\u2028' : '\\u2029'));
}
