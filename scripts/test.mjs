#!/usr/bin/env node
// The one test command (`npm test`, also run by .ci/run): installs what the tests need, then lint,
// type-check, build and every test. Fails when a step fails or when no test ran at all.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';

const step = (name, command, args, options = {}) => {
  console.log(`\n▶ ${name}: ${[command, ...args].join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', ...options });
  if (result.status !== 0) {
    console.error(`✖ ${name} failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status || 1);
  }
};

const lockIsNewer = () =>
  !existsSync('node_modules/.package-lock.json') ||
  statSync('package-lock.json').mtimeMs > statSync('node_modules/.package-lock.json').mtimeMs;
if (process.env.CI || lockIsNewer()) step('install', 'npm', ['ci', '--no-audit', '--no-fund']);
if (existsSync('scripts/ensure-system-deps.sh')) step('system packages', 'bash', ['scripts/ensure-system-deps.sh']);
step('lint', 'npx', ['eslint', '.']);
step('type-check', 'npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']);
step('build', 'npm', ['run', 'build', '--silent']);
step('tests', process.execPath, ['scripts/run-tests.mjs']);
