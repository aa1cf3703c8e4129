/**
 * The CLI's view of the outside world, injectable for tests: where output and messages go and
 * whether colours are welcome.
 */
import { createWriteStream, renameSync, statSync, unlinkSync, type WriteStream } from 'node:fs';
import { dirname } from 'node:path';
import { MarginaliaError, isMarginaliaError } from '../core/errors.js';

/** Output channels of one CLI run. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  stdoutIsTTY: boolean;
  env: Record<string, string | undefined>;
}

/** The real process streams. */
export function processIo(): CliIo {
  return {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    stdoutIsTTY: Boolean(process.stdout.isTTY),
    env: process.env,
  };
}

/** A sink for the command's output: standard output, or a file written atomically on close. */
export interface OutputSink {
  write(text: string): void;
  /** Finishes the output; a file appears under its name only now. */
  close(): Promise<void>;
  /** Drops a partial file, leaving any previous file of that name untouched. */
  abort(): void;
}

/** Opens standard output or `path` (via a temporary file renamed on close). */
export function openSink(io: CliIo, path: string | undefined): OutputSink {
  if (!path) return { write: io.stdout, close: async () => undefined, abort: () => undefined };
  const folder = dirname(path);
  if (!statSync(folder, { throwIfNoEntry: false })?.isDirectory()) {
    throw new MarginaliaError('E_OUTPUT_FAILED', `Cannot write the output file ${path}: folder ${folder} does not exist.`, { subject: path });
  }
  const temporary = `${path}.${process.pid}.partial`;
  let stream: WriteStream;
  try {
    stream = createWriteStream(temporary, { flags: 'w' });
  } catch (error) {
    throw new MarginaliaError('E_OUTPUT_FAILED', `Cannot write the output file ${path}.`, { subject: path, cause: error });
  }
  const failed = new Promise<never>((_, reject) =>
    stream.on('error', (error) =>
      reject(new MarginaliaError('E_OUTPUT_FAILED', `Cannot write the output file ${path} (${(error as NodeJS.ErrnoException).code ?? error.message}).`, { subject: path, cause: error })),
    ),
  );
  failed.catch(() => undefined);
  return {
    write: (text) => void stream.write(text),
    close: async () => {
      await Promise.race([new Promise<void>((resolve) => stream.end(resolve)), failed]);
      renameSync(temporary, path);
    },
    abort: () => {
      stream.destroy();
      try {
        unlinkSync(temporary);
      } catch {
        // Nothing was written.
      }
    },
  };
}

/** Formats an error for a person: code and message, plus the cause's stack only with --debug. */
export function describeError(error: unknown, debug: boolean): string {
  const coded = isMarginaliaError(error) ? error : null;
  const head = coded ? `marginalia: ${coded.code}: ${coded.message}` : `marginalia: E_INTERNAL: ${String((error as Error)?.message ?? error)}`;
  if (!debug) return `${head}\n`;
  const cause = coded ? coded.cause : error;
  const stack = cause instanceof Error ? cause.stack : cause === undefined ? '' : String(cause);
  return stack ? `${head}\n${stack}\n` : `${head}\n`;
}
