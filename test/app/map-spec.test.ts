import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Topology } from 'topojson-specification';
import { mapSpec, outlinedIds, zoomTarget } from '../../src/app/map-spec';
import { Coordinator } from '../../src/data/coordinator';
import { shapesFromTopology, type PrInset, type UsShapes } from '../../src/data/geo';
import { areaValues, type AreaValue } from '../../src/data/queries/shortage';
import { DEFAULT_VIEW, type MapView } from '../../src/model/map-view';
import { loadEmbeddedDatasets } from '../helpers/app-data';
import { createNodeEngine } from '../helpers/duckdb-node';

const ROOT = path.resolve(import.meta.dirname, '../..');
const json = <T>(file: string) => JSON.parse(fs.readFileSync(path.join(ROOT, file), 'utf8')) as T;

let coordinator: Coordinator;
let shapes: UsShapes;
beforeAll(async () => {
  const db = await createNodeEngine();
  await loadEmbeddedDatasets(db);
  coordinator = new Coordinator(db);
  shapes = shapesFromTopology(
    json<Topology>('node_modules/us-atlas/counties-albers-10m.json'),
    json<PrInset>('public/datasets/geo/pr-albers-inset.json'),
  );
});

const area = { id: 'a1', name: 'Area', counties: ['06019', '06107'], states: ['NV'] };

describe('the map view spec', () => {
  it('zooms to California when the loaded data cover only California, filter or not', async () => {
    const rows = await coordinator.query(areaValues(DEFAULT_VIEW));
    const states = new Set(rows.map((r) => r.geo.slice(0, 2)));
    expect([...states]).toEqual(['06']); // the embedded HRSA file is California's
    expect(zoomTarget(DEFAULT_VIEW, rows)).toEqual(rows.map((r) => r.geo));
    const filtered: MapView = { ...DEFAULT_VIEW, states: ['CA'] };
    expect(zoomTarget(filtered, await coordinator.query(areaValues(filtered)))).toHaveLength(rows.length);
  });

  it('shows the whole country when the rows span more than three states and no region is chosen', async () => {
    const view: MapView = { ...DEFAULT_VIEW, level: 'state', metric: 'specialty_gap', specialty: 'psychiatry' };
    const rows = await coordinator.query(areaValues(view));
    expect(rows.length).toBeGreaterThan(3);
    expect(zoomTarget(view, rows)).toEqual([]);
    const west: MapView = { ...view, censusRegion: 'West' };
    expect(zoomTarget(west, await coordinator.query(areaValues(west))).length).toBe(13); // the Census West has 13 states
    expect(zoomTarget(DEFAULT_VIEW, [])).toEqual([]);
  });

  it("outlines the service area's counties and its whole states' counties, or their states at state level", () => {
    const nevadaCounties = shapes.counties.filter((c) => c.id.startsWith('32')).map((c) => c.id);
    expect(nevadaCounties.length).toBeGreaterThan(10);
    expect([...outlinedIds(area, 'county', shapes)].sort()).toEqual(['06019', '06107', ...nevadaCounties].sort());
    expect([...outlinedIds(area, 'state', shapes)].sort()).toEqual(['06', '32']);
    expect(outlinedIds(undefined, 'county', shapes).size).toBe(0);
  });

  it('colours every row, titles the map and formats the legend with the metric', () => {
    const rows: AreaValue[] = [
      {
        geo: '06019',
        name: 'Fresno, CA',
        state: 'CA',
        value: 12.5,
        designations: 3,
        fte_needed: 12.5,
        population: 1,
        max_score: 18,
        weighted_score: 1,
        estimate: false,
      },
      {
        geo: '06107',
        name: 'Tulare, CA',
        state: 'CA',
        value: null,
        designations: 1,
        fte_needed: null,
        population: 1,
        max_score: 9,
        weighted_score: 1,
        estimate: false,
      },
    ];
    const spec = mapSpec({ view: DEFAULT_VIEW, rows, shapes, area });
    expect(spec.heading).toBe('FTE practitioners needed — Primary Care');
    expect(spec.title).toBe('Map of counties coloured by FTE practitioners needed (Primary Care); the figures are in the table below');
    expect(spec.values.get('06019')).toBe(12.5);
    expect(spec.values.get('06107')).toBeNull();
    expect(spec.zoomTo).toEqual(['06019', '06107']);
    const fresno = shapes.counties.find((c) => c.id === '06019')!;
    expect(spec.tooltip(fresno, 12.5)).toBe('Fresno, CA: 12.5 — full-time-equivalent practitioners');
    expect(spec.tooltip(fresno, null)).toBe('Fresno, CA: no value in the loaded data');
    expect(spec.legend.format(1234.56)).toBe('1,234.6');
    expect(spec.shapes).toBe(shapes.counties);
  });
});
