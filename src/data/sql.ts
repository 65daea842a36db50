// Small helpers for writing SQL text safely. Values go through parameters where DuckDB allows it;
// file names inside read_csv(...) and identifiers cannot, so they are quoted here.

export const sqlString = (s: string): string => `'${s.replaceAll("'", "''")}'`;
export const sqlIdent = (s: string): string => `"${s.replaceAll('"', '""')}"`;
