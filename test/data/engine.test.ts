import { describe, it, expect, beforeAll } from 'vitest';
import type { SqlEngine } from '../../src/data/engine/engine';
import { createNodeEngine } from '../helpers/duckdb-node';

let db: SqlEngine;
beforeAll(async () => {
  db = await createNodeEngine();
});

describe('SqlEngine on DuckDB-wasm under Node', () => {
  it('returns plain rows with numbers, not bigints, and Dates', async () => {
    const rows = await db.query<{ n: number; d: Date; s: string; x: number }>(
      "SELECT count(*) AS n, DATE '2024-03-27' AS d, 'a' AS s, 1.25::DECIMAL(10,2) AS x FROM range(5)",
    );
    expect(rows).toEqual([{ n: 5, d: new Date(Date.UTC(2024, 2, 27)), s: 'a', x: 1.25 }]);
    expect(typeof rows[0].n).toBe('number');
  });

  it('binds parameters', async () => {
    const rows = await db.query<{ v: string }>('SELECT ?::VARCHAR AS v', ['06037']);
    expect(rows[0].v).toBe('06037');
  });

  it('reads registered bytes as a CSV file', async () => {
    await db.registerFile('t.csv', new TextEncoder().encode('a,b\n1,x\n2,y\n'));
    const rows = await db.query<{ n: number }>("SELECT count(*) AS n FROM read_csv('t.csv')");
    expect(rows[0].n).toBe(2);
    await db.dropFile('t.csv');
  });
});
