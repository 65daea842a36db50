import { describe, it, expect, beforeAll } from 'vitest';
import type { SqlEngine } from '../../src/data/engine/engine';
import { inTransaction } from '../../src/data/loaders/csv-stage';
import { createNodeEngine } from '../helpers/duckdb-node';

let db: SqlEngine;
beforeAll(async () => {
  db = await createNodeEngine();
});

const values = async (table: string) => (await db.query<{ x: number }>(`SELECT x FROM ${table} ORDER BY x`)).map((r) => r.x);

describe('inTransaction (one message to the engine)', () => {
  it('applies every statement', async () => {
    await db.query('CREATE OR REPLACE TABLE tx_a (x INTEGER)');
    await inTransaction(db, [
      'INSERT INTO tx_a VALUES (1)',
      'INSERT INTO tx_a VALUES (2)',
      'CREATE OR REPLACE TABLE tx_b AS SELECT x * 10 AS x FROM tx_a',
    ]);
    expect(await values('tx_a')).toEqual([1, 2]);
    expect(await values('tx_b')).toEqual([10, 20]);
  });

  it('a failing statement undoes the ones before it, skips the ones after it and leaves no transaction open', async () => {
    await db.query('CREATE OR REPLACE TABLE tx_a (x INTEGER); INSERT INTO tx_a VALUES (1)');
    await expect(
      inTransaction(db, [
        'INSERT INTO tx_a VALUES (2)',
        'DROP TABLE tx_a',
        "SELECT 'not a number'::INTEGER",
        'CREATE TABLE tx_c (x INTEGER)',
      ]),
    ).rejects.toThrow(/not a number/);
    expect(await values('tx_a')).toEqual([1]);
    expect(await db.query("SELECT 1 FROM duckdb_tables() WHERE table_name = 'tx_c'")).toEqual([]);
    // A new transaction can start: the failed one was rolled back.
    await inTransaction(db, ['INSERT INTO tx_a VALUES (3)']);
    expect(await values('tx_a')).toEqual([1, 3]);
  });
});
