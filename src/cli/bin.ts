#!/usr/bin/env -S node --max-semi-space-size=64
/**
 * Entry point of the `marginalia` executable: runs the CLI and sets the exit code. The launcher line
 * gives V8 a 64 MB young generation: analysis makes many short-lived objects, and with the default
 * 16 MB a long article's annotations get promoted and collected the slow way (50,000 words: 1.6×
 * the time per word instead of 1.2×, see bench/pipeline.ts).
 */
import { main } from './main.js';
import { describeError } from './io.js';

// A closed pipe (`marginalia … | head`) is the reader's choice, not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(describeError(error, false));
    process.exitCode = 70;
  },
);
