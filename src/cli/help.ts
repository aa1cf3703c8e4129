/**
 * Help texts, generated from the flag tables so they never drift from what the parser accepts.
 */
import { ANALYZE_FLAGS, EXTRACT_FLAGS, type FlagTable } from './flags.js';

const COMMANDS: Record<string, { usage: string; summary: string; flags: FlagTable; examples: string[] }> = {
  analyze: {
    usage: 'marginalia analyze [options] <FILE|URL|->...\n       marginalia analyze --batch IN.jsonl [options]',
    summary: 'Analyse articles (plain text, HTML or Markdown, detected from content and extension) and print annotated documents.',
    flags: ANALYZE_FLAGS,
    examples: [
      'marginalia analyze examples/harbour-op-ed.html --format html --out report.html',
      'marginalia analyze story.txt --format json',
      'marginalia analyze a.txt b.html --format jsonl',
      'marginalia analyze --batch corpus.jsonl --format jsonl > annotated.jsonl',
      'curl -s https://example.org/story | marginalia analyze - --format text',
    ],
  },
  extract: {
    usage: 'marginalia extract [options] <FILE|URL|->...\n       marginalia extract --batch IN.jsonl [options]',
    summary: 'Extract the clean article body (no navigation, embedded posts, author bio or disclaimer) and its metadata.',
    flags: EXTRACT_FLAGS,
    examples: ['marginalia extract page.html --format json', 'marginalia extract *.html --format jsonl'],
  },
};

const EXIT_CODES = [
  '0   every input succeeded',
  '1   some inputs of several failed (each failure is reported; the others are output)',
  '2   usage error: unknown option, bad option value, missing argument',
  '3   an input file is missing or unreadable',
  '4   unusable input: empty, binary, too large, no article, bad batch line',
  '5   a URL could not be fetched or was refused',
  '70  internal error (a bug: please report it)',
];

/** Help for the whole program. */
export function mainHelp(version: string): string {
  return [
    `marginalia ${version}: reads a news article the way a careful editor would, and writes its notes in the margin.`,
    '',
    'Usage: marginalia <command> [options] <inputs>',
    '',
    'Commands:',
    ...Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(10)}${c.summary}`),
    '  help      Show help for a command: marginalia help analyze',
    '',
    'Options: --help, -h    show help;  --version, -v    print the version',
    '',
    'Exit codes:',
    ...EXIT_CODES.map((line) => `  ${line}`),
    '',
    'Documentation: README.md, docs/cli.md, docs/output.md, docs/errors.md',
    '',
  ].join('\n');
}

/** Help for one command. */
export function commandHelp(command: string): string {
  const spec = COMMANDS[command];
  if (!spec) return mainHelp('');
  const rows = Object.entries(spec.flags).map(([name, flag]) => {
    const left = `${flag.short ? `-${flag.short}, ` : '    '}--${name}${flag.value ? ` ${flag.value}` : ''}`;
    return `  ${left.padEnd(32)}${flag.description}`;
  });
  return [
    `Usage: ${spec.usage}`,
    '',
    spec.summary,
    '',
    'Inputs: file paths, http(s) URLs, or - for standard input.',
    '',
    'Options:',
    ...rows,
    '',
    'Examples:',
    ...spec.examples.map((e) => `  ${e}`),
    '',
    'Exit codes:',
    ...EXIT_CODES.map((line) => `  ${line}`),
    '',
  ].join('\n');
}

/** Names of the commands, for "did you mean". */
export const COMMAND_NAMES = Object.keys(COMMANDS);
