/**
 * Parses argv against a flag table with node:util's strict parser, turning its errors into coded
 * MarginaliaErrors that name the offending option.
 */
import { parseArgs } from 'node:util';
import { MarginaliaError } from '../core/errors.js';
import type { FlagTable } from './flags.js';

/** Parsed command line: flag values by name and the positional arguments. */
export interface ParsedArgs {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
}

/** Parses `argv` (without the command name). Throws E_UNKNOWN_OPTION, E_USAGE or E_BAD_OPTION_VALUE. */
export function parseCommandArgs(command: string, argv: readonly string[], flags: FlagTable): ParsedArgs {
  const options: Record<string, { type: 'string' | 'boolean'; short?: string }> = {};
  for (const [name, spec] of Object.entries(flags)) {
    options[name] = spec.short ? { type: spec.type, short: spec.short } : { type: spec.type };
  }
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options, allowPositionals: true, strict: true });
  } catch (error) {
    throw translateParseError(command, error);
  }
  for (const [name, spec] of Object.entries(flags)) {
    const value = parsed.values[name];
    if (spec.choices && typeof value === 'string' && !spec.choices.includes(value)) {
      throw new MarginaliaError(
        'E_BAD_OPTION_VALUE',
        `Option --${name} of "marginalia ${command}" got "${value}"; expected one of ${spec.choices.join(', ')}.`,
        { subject: `--${name}` },
      );
    }
  }
  return { values: parsed.values as ParsedArgs['values'], positionals: parsed.positionals };
}

/** Reads a positive integer option, or the default. */
export function integerOption(command: string, values: ParsedArgs['values'], name: string, fallback: number): number {
  const raw = values[name];
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (typeof raw !== 'string' || !/^\d+$/.test(raw) || !Number.isSafeInteger(value) || value <= 0) {
    throw new MarginaliaError('E_BAD_OPTION_VALUE', `Option --${name} of "marginalia ${command}" got "${String(raw)}"; expected a positive whole number.`, {
      subject: `--${name}`,
    });
  }
  return value;
}

function translateParseError(command: string, error: unknown): MarginaliaError {
  const code = (error as { code?: string }).code;
  const message = error instanceof Error ? error.message : String(error);
  const option = /--[\w-]+/.exec(message)?.[0] ?? /'(-[^' ,]+)/.exec(message)?.[1] ?? '';
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    return new MarginaliaError('E_UNKNOWN_OPTION', `Unknown option ${option} for "marginalia ${command}"; see "marginalia ${command} --help".`, {
      subject: option,
    });
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    return new MarginaliaError('E_USAGE', `Option ${option} of "marginalia ${command}" needs a value; see "marginalia ${command} --help".`, {
      subject: option,
    });
  }
  return new MarginaliaError('E_USAGE', `Could not read the command line of "marginalia ${command}": ${message}`, { cause: error });
}
