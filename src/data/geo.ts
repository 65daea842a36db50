// US county and state shapes (Census cartographic boundaries via the us-atlas package), already
// projected to Albers USA with Alaska and Hawaii inset. Fetched as an asset from our own origin so
// the 0.8 MB of shapes stays out of the initial JavaScript.
import { feature, mesh } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import atlasUrl from 'us-atlas/counties-albers-10m.json?url';

export interface Shape {
  /** County FIPS (5 digits) or state FIPS (2 digits). */
  id: string;
  name: string;
  geometry: GeoJSON.Geometry;
}

export interface UsShapes {
  counties: Shape[];
  states: Shape[];
  /** State borders as one line geometry, drawn over county fills. */
  stateBorders: GeoJSON.MultiLineString;
  width: number;
  height: number;
}

export function shapesFromTopology(topology: Topology): UsShapes {
  const toShapes = (name: 'counties' | 'states'): Shape[] => {
    const fc = feature(topology, topology.objects[name] as GeometryCollection<{ name: string }>) as GeoJSON.FeatureCollection<GeoJSON.Geometry, { name: string }>;
    return fc.features.map((f) => ({ id: String(f.id), name: f.properties?.name ?? String(f.id), geometry: f.geometry }));
  };
  const states = topology.objects.states as GeometryCollection;
  return {
    counties: toShapes('counties'),
    states: toShapes('states'),
    stateBorders: mesh(topology, states, (a, b) => a !== b) as GeoJSON.MultiLineString,
    width: 975,
    height: 610,
  };
}

let cached: Promise<UsShapes> | null = null;

export function loadUsShapes(): Promise<UsShapes> {
  cached ??= fetch(new URL(atlasUrl, import.meta.url)).then(async (r) => {
    if (!r.ok) throw new Error(`map shapes: HTTP ${r.status}`);
    return shapesFromTopology((await r.json()) as Topology);
  });
  return cached;
}
