#!/usr/bin/env node
// us-atlas's Albers USA file has no Puerto Rico. This cuts Puerto Rico's municipios and outline out
// of us-atlas's unprojected counties file (Census cartographic boundaries) and projects them into an
// inset box at the bottom right of the Albers USA frame (975 × 610), beside the Florida Keys.
//   node tools/build-pr-inset.mjs
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { feature } from 'topojson-client';
import { geoMercator } from 'd3';
import { readJson } from './lib/csv.mjs';

const require = createRequire(import.meta.url);
const topology = /** @type {import('topojson-specification').Topology} */ (readJson(require.resolve('us-atlas/counties-10m.json')));
const out = path.resolve(import.meta.dirname, '../public/datasets/geo/pr-albers-inset.json');
/** @typedef {import('geojson').Feature<import('geojson').Polygon | import('geojson').MultiPolygon, { name: string }>} Shape */
/**
 * @param {'counties' | 'states'} name
 * @param {(id: string) => boolean} test
 * @returns {Shape[]}
 */
const pick = (name, test) =>
  /** @type {import('geojson').FeatureCollection<import('geojson').Polygon | import('geojson').MultiPolygon, { name: string }>} */ (
    feature(topology, /** @type {import('topojson-specification').GeometryCollection<{ name: string }>} */ (topology.objects[name]))
  ).features.filter((f) => test(String(f.id)));
const counties = pick('counties', (id) => id.startsWith('72'));
const states = pick('states', (id) => id === '72');

// The inset box, in the Albers USA frame's pixels.
/** @type {[[number, number], [number, number]]} */
const INSET = [
  [855, 545],
  [955, 585],
];
const projection = geoMercator().fitExtent(INSET, { type: 'FeatureCollection', features: states });
/** @param {number} n */
const round = (n) => Math.round(n * 10) / 10;
/** @param {import('geojson').Position[]} ring */
const projectRing = (ring) =>
  ring.map((p) => {
    const xy = projection([p[0], p[1]]);
    if (!xy) throw new Error(`cannot project ${p.join(',')}`);
    return xy.map(round);
  });
/** @param {import('geojson').Polygon | import('geojson').MultiPolygon} g */
function projectGeometry(g) {
  if (g.type === 'Polygon') return { type: 'Polygon', coordinates: g.coordinates.map(projectRing) };
  if (g.type === 'MultiPolygon') return { type: 'MultiPolygon', coordinates: g.coordinates.map((poly) => poly.map(projectRing)) };
  throw new Error(`unexpected geometry ${String(/** @type {{ type: unknown }} */ (g).type)}`);
}
/** @param {Shape} f */
const toFeature = (f) => ({
  type: 'Feature',
  id: String(f.id),
  properties: { name: f.properties.name },
  geometry: projectGeometry(f.geometry),
});
const result = {
  note: 'Puerto Rico, from us-atlas 3 counties-10m (US Census Bureau cartographic boundaries), projected into an inset of the Albers USA frame by tools/build-pr-inset.mjs.',
  inset: INSET,
  counties: { type: 'FeatureCollection', features: counties.map(toFeature) },
  states: { type: 'FeatureCollection', features: states.map(toFeature) },
};
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, JSON.stringify(result));
console.log(
  `${counties.length} municipios, ${states.length} outline → ${path.relative(process.cwd(), out)} (${fs.statSync(out).size} bytes)`,
);
