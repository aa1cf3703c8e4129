/**
 * Command-line flags, declared once as data: the parser, the help text and docs/cli.md all read
 * this table.
 */

/** One flag: how it parses and what the help says. */
export interface FlagSpec {
  type: 'string' | 'boolean';
  short?: string;
  /** Placeholder for the value in help, e.g. FILE. */
  value?: string;
  description: string;
  /** Allowed values, checked after parsing. */
  choices?: readonly string[];
}

export const OUTPUT_FORMATS = ['json', 'jsonl', 'text', 'md', 'html', 'w3c', 'claimreview'] as const;
export const EXTRACT_FORMATS = ['json', 'jsonl', 'text'] as const;

const COMMON_FLAGS = {
  batch: { type: 'string', value: 'IN.jsonl', description: 'Read inputs from a JSONL file: {"id","text"} or {"id","html","url"} a line.' },
  out: { type: 'string', short: 'o', value: 'FILE', description: 'Write the output to FILE instead of standard output.' },
  'allow-private-network': {
    type: 'boolean',
    description: 'Allow URLs that resolve to private, loopback or link-local addresses (off by default).',
  },
  'max-bytes': { type: 'string', value: 'N', description: 'Refuse inputs larger than N bytes (default 10485760, 10 MB).' },
  timeout: { type: 'string', value: 'MS', description: 'Give up fetching a URL after MS milliseconds (default 15000).' },
  'no-color': { type: 'boolean', description: 'No ANSI colours in text output (also when NO_COLOR is set or output is not a terminal).' },
  quiet: { type: 'boolean', short: 'q', description: 'Print nothing but the output itself (no summary, no warnings).' },
  debug: { type: 'boolean', description: 'On errors, also print the underlying cause with its stack trace.' },
  help: { type: 'boolean', short: 'h', description: 'Show help for the command.' },
} as const satisfies Record<string, FlagSpec>;

/** Flags of `marginalia analyze`. */
export const ANALYZE_FLAGS = {
  format: {
    type: 'string',
    short: 'f',
    value: 'FORMAT',
    choices: OUTPUT_FORMATS,
    description: 'Output format: json, jsonl, text, md, html, w3c, claimreview (schema.org ClaimReview drafts of the top check-worthy claims) (default: from --out extension; text on a terminal, else json, or jsonl for several inputs).',
  },
  ...COMMON_FLAGS,
} as const satisfies Record<string, FlagSpec>;

/** Flags of `marginalia extract`. */
export const EXTRACT_FLAGS = {
  format: {
    type: 'string',
    short: 'f',
    value: 'FORMAT',
    choices: EXTRACT_FORMATS,
    description: 'Output format: json, jsonl, text (default: text on a terminal, else json, or jsonl for several inputs).',
  },
  ...COMMON_FLAGS,
} as const satisfies Record<string, FlagSpec>;

export type FlagTable = Record<string, FlagSpec>;
