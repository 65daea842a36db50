import { describe, it, expect, beforeAll } from 'vitest';
import { bindParams } from '../../src/data/sql';
import type { SqlEngine } from '../../src/data/engine';
import { createNodeEngine } from '../helpers/duckdb-node';

let db: SqlEngine;
beforeAll(async () => {
  db = await createNodeEngine();
});

describe('bindParams', () => {
  it('inlines values as literals, leaving quoted question marks alone', () => {
    expect(bindParams(`SELECT ?, '?', "a?b", ?, ?, ?`, ['CA', 3.5, null, true])).toBe(`SELECT 'CA', '?', "a?b", 3.5, NULL, TRUE`);
  });

  it('escapes quotes so a value can never end its string', async () => {
    const hostile = "x'); DROP TABLE t; --";
    const sql = bindParams('SELECT ? AS v', [hostile]);
    expect(await db.query(sql)).toEqual([{ v: hostile }]);
  });

  it('refuses a wrong number of parameters and values it cannot write', () => {
    expect(() => bindParams('SELECT ?', [])).toThrow(/more placeholders/);
    expect(() => bindParams('SELECT 1', [1])).toThrow(/0 placeholder/);
    expect(() => bindParams('SELECT ?', [Infinity])).toThrow(/finite/);
    expect(() => bindParams('SELECT ?', [{}])).toThrow(/unsupported/);
  });
});
