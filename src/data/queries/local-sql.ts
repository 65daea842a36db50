// What the local forms of the queries need to compute exactly what DuckDB computes: conditions
// written once for the SQL and for the local rows, ORDER BY with DuckDB's defaults, round() as
// DuckDB rounds, dates as strftime writes them, and decimal sums that do not depend on order.
import { codesOf, column, type Cell, type LocalTable } from '../local-table';
import { formatEpochDate } from '../../model/calendar';

/** One condition of a WHERE clause: column = value, column IN (values), or a boolean column that holds. */
export type Condition =
  { column: string; equals: string | number } | { column: string; oneOf: readonly string[] } | { column: string; is: boolean };

/** SQL for the conditions over `alias`, pushing their values onto `params`. */
export function conditionsSql(conditions: readonly Condition[], alias: string, params: unknown[]): string[] {
  return conditions.map((c) => {
    if ('equals' in c) {
      params.push(c.equals);
      return `${alias}.${c.column} = ?`;
    }
    if ('oneOf' in c) {
      params.push(...c.oneOf);
      return `${alias}.${c.column} IN (${c.oneOf.map(() => '?').join(', ')})`;
    }
    return c.is ? `${alias}.${c.column}` : `NOT ${alias}.${c.column}`;
  });
}

/** The same conditions as a test of one row of a local table (NULL never matches, as in SQL). */
export function conditionsTest(conditions: readonly Condition[], table: LocalTable): (row: number) => boolean {
  const tests = conditions.map((c): ((row: number) => boolean) => {
    const values = column<Cell>(table, c.column);
    if ('equals' in c) return (i) => values[i] === c.equals;
    if ('oneOf' in c) return (i) => c.oneOf.includes(values[i] as string);
    return (i) => values[i] === c.is;
  });
  return (row) => tests.every((t) => t(row));
}

/** Region columns: on the map's tables they follow from the state. */
const REGION_COLUMNS = new Set(['state', 'census_region', 'census_division', 'hhs_region']);

interface StateIndex {
  /** Rows of each state (by the state column's codes). */
  rows: number[][];
  /** Whether every row of a state has the same region columns (so one row speaks for its state). */
  regionsFollowState: boolean;
}
const stateIndexes = new WeakMap<LocalTable, StateIndex>();

function stateIndex(table: LocalTable): StateIndex {
  let ix = stateIndexes.get(table);
  if (!ix) {
    const { codes, dict } = codesOf(column<Cell>(table, 'state'));
    const rows: number[][] = dict.map(() => []);
    codes.forEach((c, i) => rows[c].push(i));
    const regions = [...REGION_COLUMNS].filter((c) => c in table.columns).map((c) => column<Cell>(table, c));
    const regionsFollowState = rows.every((rs) => rs.every((i) => regions.every((r) => r[i] === r[rs[0]])));
    stateIndexes.set(table, (ix = { rows, regionsFollowState }));
  }
  return ix;
}

/** Whether these conditions are on region columns only (see rowsWhere). */
export const isRegionCondition = (c: Condition) => REGION_COLUMNS.has(c.column);

/**
 * The rows that meet the conditions. With a region filter on a table whose region columns follow
 * the state, only the rows of the states that meet it are looked at (a filter change then costs
 * the rows shown, not the table).
 */
export function rowsWhere(table: LocalTable, conditions: readonly Condition[]): number[] {
  const test = conditionsTest(conditions, table);
  const regional = conditions.filter(isRegionCondition);
  const out: number[] = [];
  if (regional.length && 'state' in table.columns) {
    const ix = stateIndex(table);
    if (ix.regionsFollowState) {
      const inRegion = conditionsTest(regional, table);
      for (const rows of ix.rows) if (rows.length && inRegion(rows[0])) for (const i of rows) if (test(i)) out.push(i);
      return out.sort((a, b) => a - b);
    }
  }
  for (let i = 0; i < table.length; i++) if (test(i)) out.push(i);
  return out;
}

/** Whether a table's region columns follow its state column (rowsWhere can then pick states instead of rows). */
export const regionsFollowState = (table: LocalTable): boolean => 'state' in table.columns && stateIndex(table).regionsFollowState;

type Key = string | number | boolean | null;

/** ORDER BY: each key ascending unless `desc`, NULLs last (DuckDB's default), strings by code point as DuckDB compares them. */
export function orderBy<R>(rows: R[], ...keys: { get: (r: R) => Key; desc?: boolean }[]): R[] {
  return rows.sort((a, b) => {
    for (const { get, desc } of keys) {
      const x = get(a);
      const y = get(b);
      if (x === y) continue;
      if (x === null) return 1;
      if (y === null) return -1;
      const d = x < y ? -1 : 1;
      return desc ? -d : d;
    }
    return 0;
  });
}

/** DuckDB's round(x, digits) on a DOUBLE: half away from zero. */
export function round(x: number | null, digits: number): number | null {
  if (x === null) return null;
  const m = 10 ** digits;
  return (Math.sign(x) * Math.round(Math.abs(x) * m)) / m;
}

/** strftime(date, '%Y-%m-%d') of a DATE held as epoch milliseconds. */
export const isoDate = (ms: number | null): string | null => (ms === null ? null : formatEpochDate(ms));

/** sum(x::DECIMAL(18, 4))::DOUBLE: exact in ten-thousandths, so the order of the rows does not matter. */
export class DecimalSum {
  private units = 0;
  private any = false;
  add(x: number | null): void {
    if (x === null) return;
    this.units += Math.round(x * 1e4);
    this.any = true;
  }
  /** NULL when no value was added, as SQL's sum. */
  get value(): number | null {
    return this.any ? this.units / 1e4 : null;
  }
}

/** The SQL expression DecimalSum mirrors. */
export const decimalSum = (expr: string) => `sum((${expr})::DECIMAL(18, 4))`;

/** max() of numbers, NULLs skipped; NULL when none. */
export const maxOf = (a: number | null, b: number | null): number | null => (a === null ? b : b === null ? a : Math.max(a, b));
