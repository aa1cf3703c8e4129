#!/usr/bin/env node
/**
 * Entry point of the `marginalia` executable: runs the CLI and sets the exit code.
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
