import { describe, it, expect, beforeAll } from 'vitest';
import type { SqlEngine } from '../../src/data/engine';
import { loadUserFile } from '../../src/data/datasets';
import { hpsaSummary } from '../../src/data/queries/hpsa-summary';
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
    await loadUserFile(db, readExcerpt(), 'ca.csv');
  });

  it('hpsa-summary counts designations and takes FTE and population once per designation', async () => {
    const summary = await run<{ status: string; designations: number; rows: number; fte_needed: number; population: number }>(
      hpsaSummary(),
    );
    expect(summary.map((r) => r.status)).toEqual(['Designated', 'Withdrawn']);
    const designated = byDesignation('Designated');
    const d = summary[0];
    expect(d.designations).toBe(designated.length);
    expect(d.rows).toBe(rows.filter((r) => r['HPSA Status'] === 'Designated').length);
    expect(d.rows).toBeGreaterThan(d.designations); // component rows repeat designation figures
    expect(d.fte_needed).toBeCloseTo(
      designated.reduce((s, r) => s + (Number(r['HPSA Shortage']) || 0), 0),
      1,
    );
    const areaTypes = ['Geographic HPSA', 'High Needs Geographic HPSA', 'HPSA Population'];
    const areas = designated.filter((r) => areaTypes.includes(r['Designation Type']));
    expect(d.population).toBe(areas.reduce((s, r) => s + (Number(r['HPSA Designation Population']) || 0), 0));
    expect(d.population).toBeLessThan(39_000_000); // never more people than live in California
  });
});
