// The map's filters as WHERE conditions, written once for every query that filters by them.

/** One condition: column = value, column IN (values), or a boolean column that holds (or does not). */
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

/** `WHERE …` for the conditions (nothing when there are none). */
export function whereSql(conditions: readonly Condition[], alias: string, params: unknown[]): string {
  const sql = conditionsSql(conditions, alias, params);
  return sql.length ? `WHERE ${sql.join(' AND ')}` : '';
}
