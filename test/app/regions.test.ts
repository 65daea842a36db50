import { beforeAll, describe, expect, it } from 'vitest';
import { stateRegionMap } from '../../src/app/map/regions';
import { Coordinator } from '../../src/data/cache/coordinator';
import { stateRegions } from '../../src/data/queries/pipeline';
import { loadEmbeddedDatasets } from '../helpers/app-data';
import { createNodeEngine } from '../helpers/duckdb-node';

let coordinator: Coordinator;
beforeAll(async () => {
  const db = await createNodeEngine();
  await loadEmbeddedDatasets(db);
  coordinator = new Coordinator(db);
});

describe('the state → region map', () => {
  it('is built once from the states table and says where each state is', async () => {
    const rows = await coordinator.query(stateRegions());
    const map = stateRegionMap(rows);
    expect(stateRegionMap(await coordinator.query(stateRegions()))).toBe(map); // same rows, same map
    // Census Bureau regions; HHS regions (HHS regional offices: San Francisco is Region 9, New York Region 2).
    expect(map.get('CA')).toEqual({ census: 'West', hhs: 9 });
    expect(map.get('NY')).toEqual({ census: 'Northeast', hhs: 2 });
    expect(map.get('TX')).toEqual({ census: 'South', hhs: 6 });
    expect(map.size).toBe(rows.length);
    expect(stateRegionMap(undefined).size).toBe(0);
  });
});
