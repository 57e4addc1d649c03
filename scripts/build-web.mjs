#!/usr/bin/env node
// Bundles the web app (src/web) into dist/web: index.html, assets/app.js, assets/app.css, Leaflet's CSS and
// images, and the world TopoJSON the offline base map is drawn from. Everything is served locally, no CDN.
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as esbuild from 'esbuild';

const root = path.resolve(import.meta.dirname, '..');
const src = path.join(root, 'src/web');
const out = path.join(root, 'dist/web');
const assets = path.join(out, 'assets');
const modules = path.join(root, 'node_modules');
const dev = process.argv.includes('--dev');

rmSync(out, { recursive: true, force: true });
mkdirSync(path.join(assets, 'images'), { recursive: true });

const started = Date.now();
await esbuild.build({
  // main.ts imports the styles, so esbuild writes assets/app.css next to assets/app.js
  entryPoints: { app: path.join(src, 'main.ts') },
  outdir: assets,
  bundle: true,
  format: 'esm',
  target: 'es2022',
  minify: !dev,
  sourcemap: true,
  legalComments: 'linked',
  logLevel: 'warning',
});

copyFileSync(path.join(modules, 'leaflet/dist/leaflet.css'), path.join(assets, 'leaflet.css'));
for (const img of ['layers.png', 'layers-2x.png', 'marker-icon.png', 'marker-icon-2x.png', 'marker-shadow.png']) {
  copyFileSync(path.join(modules, 'leaflet/dist/images', img), path.join(assets, 'images', img));
}
for (const atlas of ['countries-110m.json', 'countries-50m.json']) {
  copyFileSync(path.join(modules, 'world-atlas', atlas), path.join(assets, atlas));
}
const version = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).version;
writeFileSync(
  path.join(out, 'index.html'),
  readFileSync(path.join(src, 'index.html'), 'utf8').replaceAll('%VERSION%', version),
);
console.log(`web app built into ${path.relative(root, out)} in ${Date.now() - started} ms`);
