/**
 * One registry of error codes for misuse and configuration errors (the throwing channel).
 * Problems in the content become diagnostics instead (see diagnostics.ts). docs/errors.md
 * documents every code; a test keeps the two in step.
 */

export interface ErrorSpec {
  /** Exit code of the CLI when this error ends a run. */
  exitCode: number;
  /** HTTP status, for the server. */
  status: number;
  /** What it means, for docs/errors.md. */
  description: string;
}

/** Every code Marginalia throws. */
export const ERROR_CODES = {
  E_USAGE: { exitCode: 2, status: 400, description: 'The command line is malformed: an unknown option, a missing value or argument.' },
  E_UNKNOWN_OPTION: { exitCode: 2, status: 400, description: 'An option the command does not know.' },
  E_BAD_OPTION_VALUE: { exitCode: 2, status: 400, description: 'An option value outside what the option accepts.' },
  E_FILE_NOT_FOUND: { exitCode: 3, status: 404, description: 'An input file does not exist.' },
  E_FILE_UNREADABLE: { exitCode: 3, status: 400, description: 'An input path exists but cannot be read (a directory, no permission).' },
  E_OUTPUT_FAILED: { exitCode: 3, status: 500, description: 'The output file given with --out cannot be written (missing folder, no permission, disk full).' },
  E_TOO_LARGE: { exitCode: 4, status: 413, description: 'The input is larger than the size cap (10 MB by default).' },
  E_EMPTY_INPUT: { exitCode: 4, status: 400, description: 'The input is empty or only white space.' },
  E_BINARY_INPUT: { exitCode: 4, status: 415, description: 'The input is a binary file (PDF, image, archive …), not text or HTML.' },
  E_NO_ARTICLE: { exitCode: 4, status: 422, description: 'The HTML page has no readable article text.' },
  E_BAD_BATCH_LINE: { exitCode: 4, status: 400, description: 'A line of a --batch JSONL file is not a JSON object with an id and text or html.' },
  E_BAD_URL: { exitCode: 5, status: 400, description: 'A URL is malformed or not http(s).' },
  E_PRIVATE_ADDRESS: { exitCode: 5, status: 403, description: 'A URL resolves to a private, loopback or link-local address and --allow-private-network was not given.' },
  E_FETCH_FAILED: { exitCode: 5, status: 502, description: 'A URL could not be fetched: DNS failure, refused connection, timeout, HTTP error status.' },
  E_TOO_MANY_REDIRECTS: { exitCode: 5, status: 502, description: 'A URL redirected more than 5 times.' },
  E_PIPELINE: { exitCode: 70, status: 500, description: 'The analyser pipeline is misconfigured: an unknown analyser id, an unmet need, or a cycle.' },
  E_ANALYSER_OPTIONS: { exitCode: 70, status: 500, description: 'An analyser was given options it does not accept.' },
  E_INTERNAL: { exitCode: 70, status: 500, description: 'A bug in Marginalia. Please report it with the input that caused it.' },
} as const satisfies Record<string, ErrorSpec>;

export type ErrorCode = keyof typeof ERROR_CODES;

/** The one error class Marginalia throws. `message` is one sentence naming the offending thing. */
export class MarginaliaError extends Error {
  readonly code: ErrorCode;
  /** What the error is about: a path, a URL, an option, a batch line. */
  readonly subject: string | undefined;

  constructor(code: ErrorCode, message: string, options: { subject?: string; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'MarginaliaError';
    this.code = code;
    this.subject = options.subject;
  }

  get exitCode(): number {
    return ERROR_CODES[this.code].exitCode;
  }

  /** The JSON shape used in batch output and by the server. */
  toJSON(): { code: ErrorCode; message: string } {
    return { code: this.code, message: this.message };
  }
}

/** True for errors Marginalia threw on purpose (as opposed to bugs). */
export function isMarginaliaError(value: unknown): value is MarginaliaError {
  return value instanceof MarginaliaError;
}

/** Wraps anything thrown into a MarginaliaError, keeping the original as `cause`. */
export function toMarginaliaError(value: unknown, context: string): MarginaliaError {
  if (isMarginaliaError(value)) return value;
  const detail = value instanceof Error ? value.message : String(value);
  return new MarginaliaError('E_INTERNAL', `Unexpected failure in ${context}: ${detail}.`, { cause: value });
}
