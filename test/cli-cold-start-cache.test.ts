/**
 * The built executable with its V8 code cache missing, damaged, stale or unwritable: every run must
 * print what a run with a good cache prints, and a cache the launcher rewrites must be one V8 then
 * accepts. Runs a copy of dist/bundle, so the real one (used by other tests at the same time) stays
 * as the build left it. Behaviour only: how much time the cache saves is bench:pipeline's business.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { CODE_CACHE_DIR } from '../src/cli/launch-bundle.js';
import { tempDir } from './helpers/cli.js';

const BUNDLE = new URL('../dist/bundle/', import.meta.url).pathname;
const EXAMPLE = new URL('../examples/harbour-op-ed.html', import.meta.url).pathname;
const ARGS = ['analyze', EXAMPLE, '--format', 'json'];

/** A fresh copy of the built bundle, laid out as in the package (package.json two folders up). */
function copyBundle(): { bundle: string; cache: string } {
  if (!existsSync(join(BUNDLE, 'bin.js'))) throw new Error('dist/bundle/bin.js is missing: run `npm run build` (npm test does).');
  const root = tempDir();
  const bundle = join(root, 'dist', 'bundle');
  cpSync(BUNDLE, bundle, { recursive: true });
  copyFileSync(new URL('../package.json', import.meta.url), join(root, 'package.json'));
  return { bundle, cache: join(bundle, CODE_CACHE_DIR) };
}

function run(bundle: string, args: string[] = ARGS): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [join(bundle, 'bin.js'), ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const cacheFiles = (cache: string) => readdirSync(cache).map((name) => join(cache, name));
/** Identity of each cache file: a rewrite is a rename onto the name, so a new inode. */
const inodes = (cache: string) => cacheFiles(cache).map((file) => `${file}:${statSync(file).ino}`);

describe('the CLI code cache', () => {
  let expected: string;
  before(() => {
    const { bundle } = copyBundle();
    const baseline = run(bundle);
    assert.equal(baseline.code, 0, baseline.stderr);
    expected = baseline.stdout;
    assert.match(expected, /"schema": "marginalia\/1"/);
  });

  it('runs without a cache, writes one, and the next run uses it unchanged', () => {
    const { bundle, cache } = copyBundle();
    rmSync(cache, { recursive: true });
    const first = run(bundle);
    assert.equal(first.code, 0, first.stderr);
    assert.equal(first.stdout, expected);
    assert.ok(cacheFiles(cache).length > 0, 'a run without a cache writes one');
    const written = inodes(cache);
    const second = run(bundle);
    assert.equal(second.stdout, expected);
    assert.deepEqual(inodes(cache), written, 'a cache V8 accepts is not rewritten');
  });

  const damages: [string, (data: Buffer) => Buffer][] = [
    ['garbage', () => Buffer.from('not a code cache')],
    ['truncated', (data) => data.subarray(0, data.length >> 1)],
    ['damaged in its body (header intact)', (data) => Buffer.from(data.map((byte, i) => (i >= 64 && (i - 64) % 997 === 0 ? byte ^ 0x5a : byte)))],
    ['empty', () => Buffer.alloc(0)],
  ];
  for (const [damage, spoil] of damages) {
    it(`runs with every cache file ${damage}, and replaces them`, () => {
      const { bundle, cache } = copyBundle();
      const files = cacheFiles(cache);
      for (const file of files) writeFileSync(file, spoil(readFileSync(file)));
      const spoilt = inodes(cache);
      const result = run(bundle);
      assert.equal(result.code, 0, result.stderr);
      assert.equal(result.stdout, expected);
      assert.equal(result.stderr, '');
      assert.notDeepEqual(inodes(cache), spoilt, 'rejected caches are written anew');
      assert.equal(run(bundle).stdout, expected);
    });
  }

  it('runs with caches that belong to other files (stale)', () => {
    const { bundle, cache } = copyBundle();
    const files = cacheFiles(cache);
    const contents = files.map((file) => readFileSync(file));
    files.forEach((file, i) => writeFileSync(file, contents[(i + 1) % files.length]!));
    const result = run(bundle);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stdout, expected);
  });

  it('runs when the cache cannot be read or written', () => {
    const { bundle, cache } = copyBundle();
    rmSync(cache, { recursive: true });
    writeFileSync(cache, 'a file where the cache folder should be');
    const result = run(bundle);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stdout, expected);
    assert.equal(readFileSync(cache, 'utf8'), 'a file where the cache folder should be');
  });

  it('prints the version and reports errors as before without a cache', () => {
    const { bundle, cache } = copyBundle();
    rmSync(cache, { recursive: true });
    const version = run(bundle, ['--version']);
    assert.equal(version.stdout, `${(JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version}\n`);
    const unknown = run(bundle, ['no-such-command']);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /Unknown command "no-such-command"/);
  });
});
