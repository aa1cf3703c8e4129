#!/usr/bin/env node
// Bundles the CLI into dist/bundle/ with esbuild (code-split, so the HTML parser and the HTTP
// client load only when an input needs them). Node 20 loads one bundled file several times faster
// than the hundreds of small modules linkedom and undici ship as: this is the CLI's cold start.
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

// Chunk names carry content hashes: start from an empty folder so old chunks do not pile up.
rmSync('dist/bundle', { recursive: true, force: true });
await build({
  entryPoints: { bin: 'src/cli/bin.ts' },
  outdir: 'dist/bundle',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'bundle',
  banner: { js: "import { createRequire as __marginaliaRequire } from 'node:module'; const require = __marginaliaRequire(import.meta.url);" },
  chunkNames: 'chunks/[name]-[hash]',
  logLevel: 'warning',
  legalComments: 'linked',
});
