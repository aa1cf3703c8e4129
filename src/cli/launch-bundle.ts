/**
 * Runs the bundled CLI (dist/bundle) through V8's code cache, so that a cold start does not compile
 * the megabyte of analysers and lexicons and the HTML parser again on every run. Node 20 has no
 * compile cache for ES modules (`module.enableCompileCache` came with Node 22.1), so
 * scripts/bundle-cli.mjs turns every bundled file into one CommonJS function expression, and this
 * loader compiles each with `vm.Script` and the cached data kept in `code-cache/`.
 *
 * The cache only ever saves time. A missing, stale or rejected cache (another Node version, other
 * V8 flags, a damaged or truncated file) means the file compiles from source as it would without one; when the
 * process ends, a fresh cache is written for the next run, if the folder is writable. Caches are
 * kept per runtime (Node version, architecture, flags), because V8 refuses data made under other
 * flags and the executable runs with `--max-semi-space-size` while `node dist/bundle/bin.js` does not.
 */
import { accessSync, constants, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { Script } from 'node:vm';

/** Folder of the bundle that holds the cached data: one file per bundled file and runtime. */
export const CODE_CACHE_DIR = 'code-cache';

/**
 * What every bundled file evaluates to (see scripts/bundle-cli.mjs): a CommonJS module body with
 * two more parameters, the file URL that replaces `import.meta.url`, and the bundle folder (where
 * large strings of the JSON data files are kept).
 */
type BundledFile = (
  exports: unknown,
  require: (id: string) => unknown,
  module: { exports: unknown },
  filename: string,
  dirname: string,
  importMetaUrl: string,
  bundleDir: string,
) => void;

/** A bundled file that has been run: its module and what the exit handler needs to cache it. */
interface LoadedFile {
  module: { exports: unknown };
  script: Script;
  cacheFile: string;
  hasUsedCache: boolean;
}

/**
 * Runs `entry`, a file of the bundle in `bundleDir`, loading the bundled files it requires the same
 * way; anything else (Node's built-in modules) comes from Node's `require`. Bundled files must be
 * ASCII: they are read as Latin-1, which gives V8 its compact one-byte strings without decoding.
 */
export function launchBundle(bundleDir: string, entry: string): void {
  // Release builds of V8 check only a cache's header: with a damaged body, Node can crash. The
  // checksum costs about 2 ms on a 1.4 MB cache. Set before any cache is read or written, so the
  // flag is part of what every cache here was made under.
  setFlagsFromString('--verify-snapshot-checksum');
  const nodeRequire = createRequire(join(bundleDir, entry));
  const runtime = runtimeKey();
  const cacheDir = join(bundleDir, CODE_CACHE_DIR);
  const loaded = new Map<string, LoadedFile>();

  const load = (file: string): unknown => {
    const known = loaded.get(file);
    if (known) return known.module.exports;
    const cacheFile = join(cacheDir, `${basename(file)}.${runtime}.bin`);
    const cachedData = readIfPresent(cacheFile);
    const script = new Script(readFileSync(file, 'latin1'), { filename: file, cachedData });
    const record: LoadedFile = {
      module: { exports: {} },
      script,
      cacheFile,
      hasUsedCache: cachedData !== undefined && script.cachedDataRejected !== true,
    };
    loaded.set(file, record);
    const directory = dirname(file);
    const requireHere = (id: string) => (id.startsWith('./') || id.startsWith('../') ? load(resolve(directory, id)) : nodeRequire(id));
    const run = script.runInThisContext() as BundledFile;
    run(record.module.exports, requireHere, record.module, file, directory, pathToFileURL(file).href, bundleDir);
    return record.module.exports;
  };

  process.once('exit', () => writeMissingCaches([...loaded.values()], cacheDir));
  load(join(bundleDir, entry));
}

/**
 * Writes the code cache of every file that ran without one. Made after the run, the cache holds
 * every function this run compiled, not only the top level. Making it takes tens of milliseconds,
 * so nothing is made when the folder cannot be written (a read-only install). Each cache is written
 * to a temporary file and renamed, so a concurrent run reads the old cache or the new one, never
 * half of one.
 */
function writeMissingCaches(files: LoadedFile[], cacheDir: string): void {
  const missing = files.filter((file) => !file.hasUsedCache);
  if (missing.length === 0 || !isWritableFolder(cacheDir)) return;
  for (const file of missing) {
    const temporary = `${file.cacheFile}.${process.pid}.tmp`;
    try {
      writeFileSync(temporary, file.script.createCachedData());
      renameSync(temporary, file.cacheFile);
    } catch {
      // The next run compiles this file from source, as this one did.
      rmSync(temporary, { force: true });
    }
  }
}

function isWritableFolder(folder: string): boolean {
  try {
    mkdirSync(folder, { recursive: true });
    accessSync(folder, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

function readIfPresent(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

/** Names the runtime a cache is valid for: Node version, architecture and the flags V8 was given. */
function runtimeKey(): string {
  const flags = [...process.execArgv, process.env.NODE_OPTIONS ?? ''].join('\0');
  return `${process.version}-${process.arch}-${hashText(flags)}`;
}

/** FNV-1a, 32 bits, in base 36: short file-name keys, no crypto module to load at start-up. */
function hashText(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return (hash >>> 0).toString(36);
}
