#!/usr/bin/env node
// Runs every test file under test/ with Node's test runner (TypeScript through tsx) and fails when
// no test ran: Node's runner exits 0 on zero tests, which would hide a broken glob.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const only = process.argv.slice(2);
const walk = (dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? walk(join(dir, entry.name)) : entry.name.endsWith('.test.ts') ? [join(dir, entry.name)] : [],
  );
const files = (only.length ? only : walk('test')).sort();
if (files.length === 0) {
  console.error('No test files found under test/.');
  process.exit(1);
}
const tap = '.test-results.tap';
rmSync(tap, { force: true });
const result = spawnSync(
  process.execPath,
  [
    '--import', 'tsx',
    '--test', '--test-concurrency=2',
    '--test-reporter=spec', '--test-reporter-destination=stdout',
    '--test-reporter=tap', `--test-reporter-destination=${tap}`,
    ...files,
  ],
  { stdio: 'inherit' },
);
const report = readFileSync(tap, 'utf8');
const count = (name) => Number(new RegExp(`^# ${name} (\\d+)$`, 'm').exec(report)?.[1] ?? 0);
const [tests, passed, failed] = [count('tests'), count('pass'), count('fail')];
console.log(`\n${passed} passed, ${failed} failed`);
if (tests === 0) {
  console.error('No test ran: treating the run as a failure.');
  process.exit(1);
}
process.exit(result.status === 0 && failed === 0 ? 0 : 1);
