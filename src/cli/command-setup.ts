/**
 * What both commands read from their flags: inputs, limits, output format and where it goes.
 */
import { MarginaliaError } from '../core/errors.js';
import { batchItems, positionalItems, type InputItem, type InputLimits } from './inputs.js';
import type { CliIo } from './io.js';
import { integerOption, type ParsedArgs } from './parse-args.js';

const EXTENSION_FORMATS: Record<string, string> = {
  '.json': 'json',
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
  '.txt': 'text',
  '.md': 'md',
  '.html': 'html',
  '.htm': 'html',
  '.jsonld': 'w3c',
};

/** Settings common to analyze and extract. */
export interface CommandSetup {
  items: Iterable<InputItem> | AsyncIterable<InputItem>;
  limits: InputLimits;
  format: string;
  out: string | undefined;
  color: boolean;
  quiet: boolean;
  debug: boolean;
  /** Whether several results may come (batch or several inputs). */
  isMany: boolean;
}

/** Reads inputs, limits and format from parsed flags. Throws E_USAGE when there is no input. */
export function setUpCommand(command: string, args: ParsedArgs, io: CliIo, formats: readonly string[]): CommandSetup {
  const { values, positionals } = args;
  const batch = typeof values.batch === 'string' ? values.batch : undefined;
  if (!batch && positionals.length === 0) {
    throw new MarginaliaError('E_USAGE', `"marginalia ${command}" needs at least one FILE, URL or - (standard input), or --batch IN.jsonl.`);
  }
  if (batch && positionals.length > 0) {
    throw new MarginaliaError('E_USAGE', `"marginalia ${command}" takes either --batch or input arguments, not both (got ${positionals.join(', ')}).`);
  }
  const limits: InputLimits = {
    maxBytes: integerOption(command, values, 'max-bytes', 10 * 1024 * 1024),
    timeoutMs: integerOption(command, values, 'timeout', 15_000),
    allowPrivateNetwork: values['allow-private-network'] === true,
  };
  const out = typeof values.out === 'string' ? values.out : undefined;
  const isMany = Boolean(batch) || positionals.length > 1;
  const format = chooseFormat(command, values.format, out, io, isMany, formats);
  const color = format === 'text' && !out && io.stdoutIsTTY && values['no-color'] !== true && !io.env.NO_COLOR;
  return {
    items: batch ? batchItems(batch, limits) : positionalItems(positionals, limits),
    limits,
    format,
    out,
    color,
    quiet: values.quiet === true,
    debug: values.debug === true,
    isMany,
  };
}

function chooseFormat(
  command: string,
  given: string | boolean | undefined,
  out: string | undefined,
  io: CliIo,
  isMany: boolean,
  formats: readonly string[],
): string {
  if (typeof given === 'string') return given;
  if (out) {
    const extension = /\.[a-z]+$/i.exec(out)?.[0]?.toLowerCase() ?? '';
    const format = EXTENSION_FORMATS[extension];
    if (format && formats.includes(format)) return format;
    throw new MarginaliaError('E_USAGE', `Cannot tell the format of --out ${out} for "marginalia ${command}"; add --format (${formats.join(', ')}).`, {
      subject: out,
    });
  }
  if (io.stdoutIsTTY) return 'text';
  return isMany ? 'jsonl' : 'json';
}
