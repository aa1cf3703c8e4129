/**
 * The `marginalia` command. Thin: parse, call the programmatic API, render. Every failure ends as
 * a coded one-line message and a documented exit code, never a stack trace (unless --debug).
 */
import { createRequire } from 'node:module';
import { MarginaliaError, isMarginaliaError } from '../core/errors.js';
import { COMMAND_NAMES, commandHelp, mainHelp } from './help.js';
import { describeError, processIo, type CliIo } from './io.js';

type Command = (argv: readonly string[], io: CliIo) => Promise<number>;

/** Commands load on demand, so `--help` and `--version` start instantly. */
const COMMANDS: Record<string, () => Promise<Command>> = {
  analyze: async () => (await import('./commands/analyze.js')).analyzeCommand,
  extract: async () => (await import('./commands/extract.js')).extractCommand,
};

/** Runs the CLI with `argv` (without node and script); resolves to the exit code. */
export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  const [command, ...rest] = argv;
  const debug = argv.includes('--debug');
  try {
    if (command === undefined || command === '--help' || command === '-h') {
      io.stdout(mainHelp(version()));
      return command === undefined ? 2 : 0;
    }
    if (command === '--version' || command === '-v') {
      io.stdout(`${version()}\n`);
      return 0;
    }
    if (command === 'help') {
      io.stdout(rest[0] ? commandHelp(rest[0]) : mainHelp(version()));
      return 0;
    }
    const load = COMMANDS[command];
    if (!load) {
      throw new MarginaliaError('E_USAGE', `Unknown command "${command}"; expected one of ${COMMAND_NAMES.join(', ')} (see marginalia --help).`, {
        subject: command,
      });
    }
    return await (await load())(rest, io);
  } catch (error) {
    io.stderr(describeError(error, debug));
    return isMarginaliaError(error) ? error.exitCode : 70;
  }
}

function version(): string {
  const require = createRequire(import.meta.url);
  return (require('../../package.json') as { version: string }).version;
}
