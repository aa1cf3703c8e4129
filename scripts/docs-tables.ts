/**
 * Generates the reference sections of docs/errors.md and docs/cli.md from the registries they
 * describe (error codes, diagnostic codes, CLI flags), so the docs cannot drift. `npm run docs`
 * rewrites them; a test checks the committed files match.
 */
import { ERROR_CODES } from '../src/core/errors.js';
import { DIAGNOSTIC_CODES } from '../src/core/diagnostics.js';
import { ANALYZE_FLAGS, EXTRACT_FLAGS, type FlagTable } from '../src/cli/flags.js';

const BEGIN = '<!-- generated:begin -->';
const END = '<!-- generated:end -->';

/** The generated part of docs/errors.md. */
export function errorTables(): string {
  const errors = Object.entries(ERROR_CODES).map(([code, spec]) => `| \`${code}\` | ${spec.exitCode} | ${spec.status} | ${spec.description} |`);
  const diagnostics = Object.entries(DIAGNOSTIC_CODES).map(([code, description]) => `| \`${code}\` | ${code.startsWith('W_') ? 'warning' : 'info'} | ${description} |`);
  return [
    '## Errors (the run, or the input, stops)',
    '',
    '| code | CLI exit code | HTTP status | meaning |',
    '| --- | --- | --- | --- |',
    ...errors,
    '',
    '## Diagnostics (on the document; processing goes on)',
    '',
    '| code | severity | meaning |',
    '| --- | --- | --- |',
    ...diagnostics,
  ].join('\n');
}

/** The generated part of docs/cli.md. */
export function cliTables(): string {
  const table = (flags: FlagTable) => [
    '| option | value | meaning |',
    '| --- | --- | --- |',
    ...Object.entries(flags).map(([name, f]) => `| ${f.short ? `\`-${f.short}\`, ` : ''}\`--${name}\` | ${f.value ?? ''} | ${f.description} |`),
  ];
  return ['## `marginalia analyze` options', '', ...table(ANALYZE_FLAGS), '', '## `marginalia extract` options', '', ...table(EXTRACT_FLAGS)].join('\n');
}

/** Replaces the generated section of a document with `generated`. */
export function spliceGenerated(document: string, generated: string): string {
  const start = document.indexOf(BEGIN);
  const end = document.indexOf(END);
  if (start < 0 || end < start) return `${document.trimEnd()}\n\n${BEGIN}\n${generated}\n${END}\n`;
  return `${document.slice(0, start + BEGIN.length)}\n${generated}\n${document.slice(end)}`;
}
