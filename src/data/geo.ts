// US county and state shapes (Census cartographic boundaries via the us-atlas package), already
// projected to Albers USA with Alaska and Hawaii inset. Fetched as assets from our own origin, one
// file per map level: the state map (the first screen) needs the 82 KB states file, not the
// 0.8 MB of county shapes, which are fetched when a county map is first drawn.
import { feature, mesh } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import countiesUrl from 'us-atlas/counties-albers-10m.json?url';
import statesUrl from 'us-atlas/states-albers-10m.json?url';
import type { MapLevel } from '../model/map-view';

const PR_INSET_URL = 'datasets/geo/pr-albers-inset.json';

export interface Shape {
  /** County FIPS (5 digits) or state FIPS (2 digits). */
  id: string;
  name: string;
  geometry: GeoJSON.Geometry;
}

/** The shapes of one map level. */
export interface UsShapes {
  level: MapLevel;
  /** Counties (with Puerto Rico's municipios) or states (with Puerto Rico). */
  areas: Shape[];
  /** County level: the state borders as one line geometry, drawn over the county fills. */
  borders?: GeoJSON.MultiLineString;
  width: number;
  height: number;
  /** Boxes of insets drawn apart from the mainland (Puerto Rico), as [[x0, y0], [x1, y1]]. */
  insets: [[number, number], [number, number]][];
}

/** Puerto Rico, pre-projected into the Albers USA frame (tools/build-pr-inset.mjs). */
export interface PrInset {
  inset: [[number, number], [number, number]];
  counties: GeoJSON.FeatureCollection<GeoJSON.Geometry, { name: string }>;
  states: GeoJSON.FeatureCollection<GeoJSON.Geometry, { name: string }>;
}

const OBJECT: Record<MapLevel, 'counties' | 'states'> = { county: 'counties', state: 'states' };

/** The level's shapes from a us-atlas topology that has the level's object (and `states`, for the county level's borders). */
export function shapesFromTopology(topology: Topology, level: MapLevel, pr?: PrInset): UsShapes {
  const name = OBJECT[level];
  const fc = feature(topology, topology.objects[name] as GeometryCollection<{ name: string }>) as GeoJSON.FeatureCollection<
    GeoJSON.Geometry,
    { name: string }
  >;
  const areas = [...fc.features, ...(pr?.[name].features ?? [])].map((f) => ({
    id: String(f.id),
    name: f.properties?.name ?? String(f.id),
    geometry: f.geometry,
  }));
  const states = topology.objects.states as GeometryCollection;
  return {
    level,
    areas,
    ...(level === 'county' ? { borders: mesh(topology, states, (a, b) => a !== b) } : {}),
    insets: pr ? [pr.inset] : [],
    width: 975,
    height: 610,
  };
}

/** Each file fetched once; a failed fetch is tried again at the next call. */
const fetched = new Map<string, Promise<unknown>>();
function fetchJson<T>(url: string): Promise<T> {
  let json = fetched.get(url);
  if (!json) {
    json = fetch(url).then((r) => {
      if (!r.ok) throw new Error(`map shapes (${url}): HTTP ${r.status}`);
      return r.json();
    });
    fetched.set(url, json);
    json.catch(() => fetched.delete(url));
  }
  return json as Promise<T>;
}

const made = new Map<MapLevel, Promise<UsShapes>>();

/** The level's shapes, made once (the map caches each shape's path by the shape). */
export function loadUsShapes(level: MapLevel): Promise<UsShapes> {
  let shapes = made.get(level);
  if (!shapes) {
    shapes = Promise.all([
      fetchJson<Topology>(new URL(level === 'county' ? countiesUrl : statesUrl, import.meta.url).href),
      fetchJson<PrInset>(new URL(PR_INSET_URL, document.baseURI).href),
    ]).then(([topology, pr]) => shapesFromTopology(topology, level, pr));
    made.set(level, shapes);
    shapes.catch(() => made.delete(level));
  }
  return shapes;
}
