// Tables held as columns in JavaScript, so the map's queries are answered on the main thread in a
// few milliseconds (see local-index.ts). A column is a plain array: strings (repeated values share
// one string), numbers, booleans, or null. DATE columns hold epoch milliseconds, as DuckDB gives them.
export type Cell = string | number | boolean | null;

export interface LocalTable {
  length: number;
  columns: Record<string, Cell[]>;
}

/** The tables a local query reads, by name. */
export type LocalTables = Readonly<Record<string, LocalTable>>;

/** A column by name, typed by the caller (a missing column is a bug in the query, not in the data). */
export function column<T extends Cell>(table: LocalTable, name: string): (T | null)[] {
  const c = table.columns[name];
  if (!c) throw new Error(`local table has no column "${name}"`);
  return c as (T | null)[];
}

/** A table as JSON-friendly columns: text with many repeats as a dictionary and codes. */
export interface PackedTable {
  length: number;
  columns: Record<string, Cell[] | { dict: Cell[]; codes: number[] }>;
}

export function packTable(t: LocalTable): PackedTable {
  const columns: PackedTable['columns'] = {};
  for (const [name, values] of Object.entries(t.columns)) {
    const dict: Cell[] = [];
    const index = new Map<Cell, number>();
    const codes = values.map((v) => {
      let c = index.get(v);
      if (c === undefined) index.set(v, (c = dict.push(v) - 1));
      return c;
    });
    columns[name] = dict.length * 2 < values.length && values.some((v) => typeof v === 'string') ? { dict, codes } : values;
  }
  return { length: t.length, columns };
}

export function unpackTable(p: PackedTable): LocalTable {
  const columns: Record<string, Cell[]> = {};
  for (const [name, c] of Object.entries(p.columns))
    columns[name] = Array.isArray(c)
      ? c
      : withCodes(
          c.codes.map((i) => c.dict[i]),
          { codes: Int32Array.from(c.codes), dict: c.dict },
        );
  return { length: p.length, columns };
}

/** A column's values as small integers (first appearance order) and the values they stand for. */
export interface Codes {
  codes: Int32Array;
  dict: Cell[];
}

const codeCache = new WeakMap<Cell[], Codes>();

/** Codes already made for a column (while decoding it), so codesOf need not make them again. */
export function withCodes(values: Cell[], codes: Codes): Cell[] {
  codeCache.set(values, codes);
  return values;
}

/** The column dictionary-encoded, once per column (local tables never change once loaded). */
export function codesOf(values: Cell[]): Codes {
  let c = codeCache.get(values);
  if (!c) {
    const index = new Map<Cell, number>();
    const dict: Cell[] = [];
    const codes = new Int32Array(values.length);
    for (let i = 0; i < values.length; i++) {
      let k = index.get(values[i]);
      if (k === undefined) index.set(values[i], (k = dict.push(values[i]) - 1));
      codes[i] = k;
    }
    codeCache.set(values, (c = { codes, dict }));
  }
  return c;
}
