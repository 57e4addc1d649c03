#!/usr/bin/env node
// Bundles the web app (src/web) into dist/web: index.html, assets/app.js, assets/app.css, Leaflet's CSS and
// images, the world TopoJSON the offline base map is drawn from, and the map's place labels (GeoNames towns from
// data/gazetteer/places.tsv, CC BY 4.0). Everything is served locally, no CDN.
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
writeFileSync(path.join(assets, 'places.json'), JSON.stringify(placeLabels()));

/**
 * The towns the map labels, largest first: capitals, province seats and cities of 100,000 or more, as
 * [English name, Arabic name, lat, lon, population, 1 for a capital].
 */
function placeLabels() {
  const [head, ...lines] = readFileSync(path.join(root, 'data/gazetteer/places.tsv'), 'utf8').split('\n');
  const col = Object.fromEntries(head.split('\t').map((c, i) => [c, i]));
  const rows = [];
  for (const line of lines) {
    const v = line.split('\t');
    const feature = v[col.feature] ?? '';
    const population = Number(v[col.population]) || 0;
    if (!feature.startsWith('place:')) continue;
    if (feature !== 'place:PPLC' && feature !== 'place:PPLA' && population < 100_000) continue;
    const ar = (v[col.names_ar] ?? '').split('|')[0];
    const at = (x) => Math.round(Number(x) * 1000) / 1000;
    rows.push([v[col.name], ar, at(v[col.lat]), at(v[col.lon]), population, feature === 'place:PPLC' ? 1 : 0]);
  }
  return rows.sort((a, b) => b[5] - a[5] || b[4] - a[4]);
}

const version = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).version;
writeFileSync(
  path.join(out, 'index.html'),
  readFileSync(path.join(src, 'index.html'), 'utf8').replaceAll('%VERSION%', version),
);
console.log(`web app built into ${path.relative(root, out)} in ${Date.now() - started} ms`);
