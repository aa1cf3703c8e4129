#!/usr/bin/env node
// Bundles the CLI into dist/bundle/ and primes V8's code cache for it: this is the CLI's cold start.
//
// 1. esbuild bundles src/cli/bin.ts, code-split, so the HTML parser and the HTTP client load only
//    when an input needs them (Node 20 loads a few bundled files several times faster than the
//    hundreds of small modules linkedom and undici ship as).
// 2. Each output file becomes a CommonJS function expression in ASCII, and dist/bundle/bin.js is a
//    small launcher (src/cli/launch-bundle.ts) that compiles them with `vm.Script` and a code cache:
//    Node 20 has no compile cache for ES modules, and compiling the bundle was the largest single
//    cost of a cold start (analyze HTML → html: 538 ms as ES modules, 414 ms with all of this).
// 3. Strings of 64 KiB and more in JSON data files (the technique model's base64 weights) go to
//    files in dist/bundle/data/, read when their module loads: kept in the bundle, they were read,
//    decoded, cached and deserialised again on every run (about 35 ms of the gain).
// 4. Running the CLI on the examples writes the code cache (dist/bundle/code-cache/), for
//    `node dist/bundle/bin.js` and for the executable's own flags. The HTTP client's chunk is cached
//    the first time a URL is analysed (no network here), if the folder is writable then.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { build, transform } from 'esbuild';

const OUT = 'dist/bundle';
const ENTRY = 'src/cli/bin.ts';
/**
 * V8 flags of the `marginalia` executable, set by the launcher's first line. A 64 MB young
 * generation: analysis makes many short-lived objects, and with the default 16 MB a long article's
 * annotations get promoted and collected the slow way (50,000 words: 1.6× the time per word instead
 * of 1.2×, see bench/pipeline.ts).
 */
const NODE_FLAGS = ['--max-semi-space-size=64'];
/** JSON strings at least this long (and ASCII) are kept in files of their own. */
const LARGE_STRING = 64 * 1024;
/** Inputs the cache-priming runs read: the three input formats, the HTML report, `extract`. */
const EXAMPLES = ['examples/harbour-op-ed.html', 'examples/ridgeline-op-ed.txt', 'examples/council-report.md'];

// Chunk names carry content hashes: start from an empty folder so old chunks and caches do not pile up.
rmSync(OUT, { recursive: true, force: true });

const largeStrings = new Map();
const bundled = await build({
  entryPoints: { cli: ENTRY },
  outdir: OUT,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'bundle',
  // Every file name carries its content hash, so a code cache can never meet another version of its file.
  entryNames: '[name]-[hash]',
  chunkNames: 'chunks/[name]-[hash]',
  logLevel: 'warning',
  legalComments: 'linked',
  metafile: true,
  write: false,
  plugins: [largeStringsToFiles(largeStrings)],
});

for (const file of bundled.outputFiles) {
  mkdirSync(dirname(file.path), { recursive: true });
  writeFileSync(file.path, file.path.endsWith('.js') ? await toBundledFile(file.text, relative(process.cwd(), file.path)) : file.contents);
}
mkdirSync(join(OUT, 'data'), { recursive: true });
for (const [name, text] of largeStrings) writeFileSync(join(OUT, 'data', name), text, 'latin1');

const [entryFile] = Object.entries(bundled.metafile.outputs).find(([, output]) => output.entryPoint === ENTRY);
await build({
  stdin: {
    contents: `import { launchBundle } from './src/cli/launch-bundle.ts';\nlaunchBundle(__dirname, ${JSON.stringify(relative(OUT, entryFile))});\n`,
    resolveDir: '.',
    sourcefile: 'bin.ts',
    loader: 'ts',
  },
  outfile: join(OUT, 'bin.js'),
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  banner: { js: `#!/usr/bin/env -S node ${NODE_FLAGS.join(' ')}` },
  logLevel: 'warning',
});
// The package is ESM; the launcher and the bundled files are CommonJS.
writeFileSync(join(OUT, 'package.json'), '{ "type": "commonjs" }\n');
chmodSync(join(OUT, 'bin.js'), 0o755);

if (EXAMPLES.every((path) => existsSync(path))) {
  for (const flags of [[], NODE_FLAGS]) {
    for (const command of [['analyze', ...EXAMPLES, '--format', 'html', '--quiet'], ['extract', EXAMPLES[0]]]) {
      execFileSync(process.execPath, [...flags, join(OUT, 'bin.js'), ...command], { stdio: ['ignore', 'ignore', 'inherit'] });
    }
  }
} else {
  console.warn('bundle-cli: examples/ is missing, so no code cache was primed; the first runs will write it.');
}

/**
 * An esbuild plugin: a JSON file holding strings of LARGE_STRING characters or more becomes a
 * module that reads those strings from dist/bundle/data/ (named by content hash) when it loads.
 * Other JSON files go to esbuild's own JSON loader.
 */
function largeStringsToFiles(files) {
  return {
    name: 'large-strings-to-files',
    setup(build) {
      build.onLoad({ filter: /\.json$/ }, ({ path }) => {
        const data = JSON.parse(readFileSync(path, 'utf8'));
        const reads = [];
        const visit = (value, at) => {
          if (value === null || typeof value !== 'object') return;
          for (const [key, item] of Object.entries(value)) {
            const place = `${at}[${JSON.stringify(key)}]`;
            if (typeof item === 'string' && item.length >= LARGE_STRING && /^[\x20-\x7e]*$/.test(item)) {
              const name = `${createHash('sha256').update(item).digest('hex').slice(0, 16)}.txt`;
              files.set(name, item);
              value[key] = '';
              reads.push(`data${place} = readFileSync(__marginaliaBundleDir + ${JSON.stringify(`/data/${name}`)}, 'latin1');`);
            } else {
              visit(item, place);
            }
          }
        };
        visit(data, '');
        if (reads.length === 0) return undefined;
        return {
          contents: [`import { readFileSync } from 'node:fs';`, `const data = ${JSON.stringify(data)};`, ...reads, 'export default data;'].join('\n'),
          loader: 'js',
        };
      });
    },
  };
}

/**
 * Turns an ES module that esbuild wrote into what src/cli/launch-bundle.ts runs: CommonJS (dynamic
 * imports of other chunks become requires), wrapped in a function expression, in ASCII.
 */
async function toBundledFile(esm, path) {
  const { code } = await transform(esm.replace(/^#!.*\n/, ''), {
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    supported: { 'dynamic-import': false },
    define: { 'import.meta.url': '__marginaliaImportMetaUrl' },
    logLevel: 'warning',
  });
  const wrapped = `(function (exports, require, module, __filename, __dirname, __marginaliaImportMetaUrl, __marginaliaBundleDir) {'use strict';\n${toAscii(code)}\n})`;
  if (/[\u0080-\uffff]/.test(wrapped)) throw new Error(`bundle-cli: ${path} is not ASCII after escaping; the launcher reads bundled files as Latin-1.`);
  return wrapped;
}

/**
 * Escapes the non-ASCII characters esbuild leaves in regular-expression literals (its strings and
 * templates are escaped already). `\uXXXX` means the same character in a regular expression with or
 * without the u flag; a backslash that escaped the character itself is dropped, since `\“` is just `“`.
 */
function toAscii(code) {
  return code.replace(/(\\*)([\u0080-\uffff])/g, (_, slashes, char) => `${slashes.slice(slashes.length % 2)}\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
