#!/usr/bin/env node
// Bundles the command line (src/cli/run.ts) and the extraction worker into dist/rasd/, which bin/rasd.js runs.
// Why a bundle: a command that starts as one file pays no module resolution and no CommonJS export scanning for
// the hundreds of small modules of kysely, pg and commander (`rasd status` 180 -> 100 ms of CPU on Node 22).
// Each command's modules are split into their own chunks, so `--help` still loads none of them. Packages that
// read files beside themselves (PGlite's WASM), start their own workers, or are large and only a server needs
// stay ordinary imports from node_modules.
import { rmSync } from 'node:fs';
import path from 'node:path';
import * as esbuild from 'esbuild';

const root = path.resolve(import.meta.dirname, '..');
const out = path.join(root, 'dist/rasd');
rmSync(out, { recursive: true, force: true });

await esbuild.build({
  // extract-worker.js must sit beside the chunk that starts it (new URL('./extract-worker.js', import.meta.url))
  entryPoints: { run: 'src/cli/run.ts', 'extract-worker': 'src/store/extract-worker.ts' },
  absWorkingDir: root,
  outdir: out,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node22',
  chunkNames: '[name]-[hash]',
  external: [
    '@electric-sql/pglite',
    '@electric-sql/pglite/*',
    'fastify',
    '@fastify/*',
    'pg-boss',
    'prom-client',
    'linkedom',
    '@mozilla/readability',
    'fast-xml-parser',
    'cli-progress',
    'pg-native',
  ],
  // the bundled CommonJS packages (pg, commander) call require() for Node's own modules
  banner: {
    js: "import { createRequire as __rasdRequire } from 'node:module'; const require = __rasdRequire(import.meta.url);",
  },
  logLevel: 'warning',
});
