// US county and state shapes (Census cartographic boundaries via the us-atlas package), already
// projected to Albers USA with Alaska and Hawaii inset. Fetched as an asset from our own origin so
// the 0.8 MB of shapes stays out of the initial JavaScript.
import { feature, mesh } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import atlasUrl from 'us-atlas/counties-albers-10m.json?url';

const PR_INSET_URL = 'datasets/geo/pr-albers-inset.json';

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
  /** Boxes of insets drawn apart from the mainland (Puerto Rico), as [[x0, y0], [x1, y1]]. */
  insets: [[number, number], [number, number]][];
}

/** Puerto Rico, pre-projected into the Albers USA frame (tools/build-pr-inset.mjs). */
export interface PrInset {
  inset: [[number, number], [number, number]];
  counties: GeoJSON.FeatureCollection<GeoJSON.Geometry, { name: string }>;
  states: GeoJSON.FeatureCollection<GeoJSON.Geometry, { name: string }>;
}

export function shapesFromTopology(topology: Topology, pr?: PrInset): UsShapes {
  const toShapes = (name: 'counties' | 'states'): Shape[] => {
    const fc = feature(topology, topology.objects[name] as GeometryCollection<{ name: string }>) as GeoJSON.FeatureCollection<
      GeoJSON.Geometry,
      { name: string }
    >;
    return fc.features.map((f) => ({ id: String(f.id), name: f.properties?.name ?? String(f.id), geometry: f.geometry }));
  };
  const states = topology.objects.states as GeometryCollection;
  const prShapes = (fc: PrInset['counties'] | undefined): Shape[] =>
    (fc?.features ?? []).map((f) => ({ id: String(f.id), name: f.properties?.name ?? String(f.id), geometry: f.geometry }));
  // The county shapes and the state borders drawn over them are made when the county level is
  // first shown: the first screen (state level) does without them (~30 ms on the main thread).
  let counties: Shape[] | undefined;
  let stateBorders: GeoJSON.MultiLineString | undefined;
  return {
    get counties() {
      return (counties ??= [...toShapes('counties'), ...prShapes(pr?.counties)]);
    },
    states: [...toShapes('states'), ...prShapes(pr?.states)],
    insets: pr ? [pr.inset] : [],
    get stateBorders() {
      return (stateBorders ??= mesh(topology, states, (a, b) => a !== b));
    },
    width: 975,
    height: 610,
  };
}

let cached: Promise<UsShapes> | null = null;

export function loadUsShapes(): Promise<UsShapes> {
  const json = async <T>(url: string): Promise<T> => {
    const r = await fetch(url);
    if (!r.ok) throw new Error(`map shapes (${url}): HTTP ${r.status}`);
    return (await r.json()) as T;
  };
  cached ??= Promise.all([
    json<Topology>(new URL(atlasUrl, import.meta.url).href),
    json<PrInset>(new URL(PR_INSET_URL, document.baseURI).href),
  ]).then(([topology, pr]) => shapesFromTopology(topology, pr));
  return cached;
}
