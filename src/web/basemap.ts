/**
 * The offline base map: Natural Earth country outlines (world-atlas TopoJSON, served from /assets) drawn as
 * vectors on a canvas of their own below the incidents. The coarse 1:110m outlines come first; the 1:50m ones
 * replace them once the analyst zooms in far enough to see the difference.
 */
import L from 'leaflet';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';

const DETAIL_ZOOM = 6;
const STYLE: L.PathOptions = {
  color: '#8d97a3',
  weight: 0.8,
  fillColor: '#f4f1ea',
  fillOpacity: 1,
  interactive: false,
};

async function loadOutlines(scale: '110m' | '50m'): Promise<GeoJSON.FeatureCollection> {
  const res = await fetch(`/assets/countries-${scale}.json`);
  if (!res.ok) throw new Error(`base map countries-${scale}: ${res.status}`);
  const topo = (await res.json()) as Topology<{ countries: GeometryCollection }>;
  return feature(topo, topo.objects.countries) as GeoJSON.FeatureCollection;
}

export function addBaseMap(map: L.Map): Promise<void> {
  map.createPane('base').style.zIndex = '250';
  const renderer = L.canvas({ pane: 'base', padding: 0.3 });
  let layer: L.GeoJSON | null = null;
  let detailed: Promise<void> | null = null;
  const show = (geo: GeoJSON.FeatureCollection) => {
    const next = L.geoJSON(geo, { style: () => STYLE, renderer } as L.GeoJSONOptions);
    next.addTo(map);
    layer?.remove();
    layer = next;
  };
  map.on('zoomend', () => {
    if (map.getZoom() < DETAIL_ZOOM || detailed) return;
    detailed = loadOutlines('50m').then(show, (e) => console.warn(e));
  });
  return loadOutlines('110m').then(show);
}
