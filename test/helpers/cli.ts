/**
 * Runs the CLI in-process with captured output, and the built binary as a child process.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main.js';

/** What a CLI run printed and returned. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `marginalia ...argv` in this process (fast), as if stdout were a pipe. */
export async function runCli(argv: string[], env: Record<string, string> = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    stdoutIsTTY: false,
    env,
  });
  return { code, stdout, stderr };
}

const BIN = new URL('../../dist/bundle/bin.js', import.meta.url).pathname;

/** Runs the built executable (dist/bundle/bin.js) with optional standard input. */
export function runBin(argv: string[], input?: string | Uint8Array): CliRun {
  if (!existsSync(BIN)) throw new Error('dist/bundle/bin.js is missing: run `npm run build` (npm test does).');
  const result = spawnSync(process.execPath, [BIN, ...argv], { input, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** A fresh temporary directory. */
export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'marginalia-test-'));
}
