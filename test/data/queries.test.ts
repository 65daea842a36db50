import { describe, it, expect, beforeAll } from 'vitest';
import type { SqlEngine } from '../../src/data/engine/engine';
import { hpsaSummary, summaryTables, type SummaryTableRow } from '../../src/data/queries/hpsa-summary';
import { loadEmbeddedDatasets, loadFile } from '../helpers/app-data';
import { createNodeEngine } from '../helpers/duckdb-node';
import { CA_PC_EXCERPT, parseRows, readExcerpt } from '../helpers/shared';

let db: SqlEngine;
const run = <T>(q: { sql: string; params?: unknown[] }) => db.query<T>(q.sql, q.params);

// Independent figures from a plain JS parse of the real rows: designation-level values once per HPSA ID.
const rows = parseRows(CA_PC_EXCERPT);
function byDesignation(status: string) {
  const ids = new Map<string, Record<string, string>>();
  for (const r of rows) if (r['HPSA Status'] === status && !ids.has(r['HPSA ID'])) ids.set(r['HPSA ID'], r);
  return [...ids.values()];
}

describe('named queries on real California rows (committed excerpt)', () => {
  beforeAll(async () => {
    db = await createNodeEngine();
    await loadEmbeddedDatasets(db);
    await loadFile(db, readExcerpt(), 'ca.csv');
  });

  it('hpsa-summary counts designations and takes FTE and population once per designation', async () => {
    const summary = await run<{ status: string; designations: number; fte_needed: number; population: number; as_of: string }>(
      hpsaSummary(),
    );
    expect(summary.map((r) => r.status)).toEqual(['Designated', 'Withdrawn']);
    const designated = byDesignation('Designated');
    const d = summary[0];
    expect(d.designations).toBe(designated.length);
    expect(d.as_of).toBe('2024-03-27');
    expect(d.fte_needed).toBeCloseTo(
      designated.reduce((s, r) => s + (Number(r['HPSA Shortage']) || 0), 0),
      1,
    );
    const areaTypes = ['Geographic HPSA', 'High Needs Geographic HPSA', 'HPSA Population'];
    const areas = designated.filter((r) => areaTypes.includes(r['Designation Type']));
    expect(d.population).toBe(areas.reduce((s, r) => s + (Number(r['HPSA Designation Population']) || 0), 0));
    expect(d.population).toBeLessThan(39_000_000); // never more people than live in California
  });

  it('summary-tables lists HRSA’s state summaries with their coverage and published US row', async () => {
    const tables = await run<SummaryTableRow>(summaryTables());
    expect(tables.map((t) => [t.discipline, t.as_of, t.published_states])).toEqual([
      ['Primary Care', '2025-03-31', 28],
      ['Primary Care', '2021-12-31', 51],
      ['Primary Care', '2021-09-30', 51],
      ['Mental Health', '2025-03-31', 29],
      ['Dental Health', '2025-02-18', 51],
      ['Dental Health', '2023', 51],
      ['Dental Health', '2022', 51],
    ]);
    expect(tables[2]).toMatchObject({ us_designations: 7447, us_population: 83_711_000, us_practitioners_needed: 14_858 });
  });
});
