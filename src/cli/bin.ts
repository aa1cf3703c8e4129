/**
 * Entry point of the `marginalia` executable: runs the CLI and sets the exit code. The executable
 * itself, dist/bundle/bin.js, is a launcher that runs this file's bundle through V8's code cache
 * and gives V8 a 64 MB young generation (see scripts/bundle-cli.mjs and launch-bundle.ts).
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
