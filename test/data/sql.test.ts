import { describe, it, expect, beforeAll } from 'vitest';
import { bindParams, trimSpaces } from '../../src/data/engine/sql';
import type { SqlEngine } from '../../src/data/engine/engine';
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

describe('trimSpaces', () => {
  it("gives what DuckDB's trim gives, for every kind of padding and none", async () => {
    // Unicode space separators (Zs) at either end, and what trim leaves alone: tabs, line breaks,
    // inner spaces, accented letters without padding.
    const zs = [' ', '\u00a0', '\u1680', '\u2000', '\u2005', '\u200a', '\u202f', '\u205f', '\u3000'];
    const values = [
      ...zs.flatMap((s) => [`${s}CA`, `CA${s}`, `${s}${s}Doña Ana${s}`]),
      ...['XXX  ', '  ', '', 'Doña Ana', 'Los Angeles', '\tCA\t', 'CA\n', 'é', ' é ', '06037'],
    ];
    const rows = await db.query<{ fast: string | null; trimmed: string | null }>(
      `SELECT ${trimSpaces('v')} AS fast, trim(v) AS trimmed FROM (VALUES ${values.map(() => '(?)').join(', ')}, (NULL)) t(v)`,
      values,
    );
    expect(rows.length).toBe(values.length + 1);
    expect(rows.map((r) => r.fast)).toEqual(rows.map((r) => r.trimmed));
    // And what trim means, independently: Zs characters off both ends.
    expect(rows.slice(0, values.length).map((r) => r.fast)).toEqual(values.map((v) => v.replace(/^\p{Zs}+|\p{Zs}+$/gu, '')));
  });
});
