// Small helpers for writing SQL text safely. Values go through parameters where DuckDB allows it;
// file names inside read_csv(...) and identifiers cannot, so they are quoted here.

export const sqlString = (s: string): string => `'${s.replaceAll("'", "''")}'`;
export const sqlIdent = (s: string): string => `"${s.replaceAll('"', '""')}"`;

/**
 * DuckDB's trim(x), run only where it can change x: at an ASCII space at either end, or when x is not
 * plain ASCII (trim removes every Unicode space separator). trim itself decodes every character, and
 * on a national HRSA file's text columns it cost ~0.25 s of a ~0.65 s read; the test makes sure.
 */
export const trimSpaces = (x: string): string =>
  `CASE WHEN prefix(${x}, ' ') OR suffix(${x}, ' ') OR strlen(${x}) <> length(${x}) THEN trim(${x}) ELSE ${x} END`;

/**
 * Inlines `?` parameters as SQL literals, so a query is one message to the DuckDB worker instead of
 * three (prepare, run, close): on a filter change that round-trip cost is most of the latency.
 * Placeholders inside quoted strings or identifiers are left alone.
 */
export function bindParams(sql: string, params: readonly unknown[]): string {
  let out = '';
  let next = 0;
  let quote: string | null = null;
  for (let i = 0; i < sql.length; i++) {
    const c = sql[i];
    if (quote) {
      if (c === quote) quote = null;
      out += c;
    } else if (c === "'" || c === '"') {
      quote = c;
      out += c;
    } else if (c === '?') {
      if (next >= params.length) throw new Error(`query has more placeholders than the ${params.length} parameter(s) given`);
      out += literal(params[next++]);
    } else out += c;
  }
  if (next !== params.length) throw new Error(`query has ${next} placeholder(s) but ${params.length} parameter(s) were given`);
  return out;
}

function literal(v: unknown): string {
  if (v === null || v === undefined) return 'NULL';
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new Error(`not a finite number: ${v}`);
    return String(v);
  }
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'string') return sqlString(v);
  if (v instanceof Date) return `DATE ${sqlString(v.toISOString().slice(0, 10))}`;
  throw new Error(`unsupported parameter type: ${typeof v}`);
}

/** Parameters DuckDB-wasm binds to a prepared statement as they are (dates go through bindParams). */
export const bindable = (params: readonly unknown[] | undefined): params is (string | number | boolean | null)[] =>
  !!params?.length && params.every((p) => p === null || ['string', 'number', 'boolean'].includes(typeof p));

/**
 * Prepared statements by their SQL text, the least recently used closed first. DuckDB plans a query
 * when it is prepared: for the map's queries planning costs most of the time (10 of 14 ms), so a
 * filter change runs an already planned statement with new values. DuckDB plans it again by itself
 * when a table it reads was replaced.
 */
export class StatementCache<S extends { close(): unknown }> {
  private readonly statements = new Map<string, Promise<S>>();

  constructor(
    private readonly prepare: (sql: string) => Promise<S>,
    private readonly capacity = 128,
  ) {}

  get(sql: string): Promise<S> {
    let s = this.statements.get(sql);
    if (s)
      this.statements.delete(sql); // to the most recent end
    else {
      s = this.prepare(sql);
      s.catch(() => this.statements.get(sql) === s && this.statements.delete(sql));
    }
    this.statements.set(sql, s);
    for (const [oldest, statement] of this.statements) {
      if (this.statements.size <= this.capacity) break;
      this.statements.delete(oldest);
      void statement.then((x) => x.close()).catch(() => undefined);
    }
    return s;
  }
}
