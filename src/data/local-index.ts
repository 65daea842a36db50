// The local index: tables held as columns in JavaScript (local-tables.ts says which, and the SQL
// that fills each from the engine), answering every query that carries a local form (its `local`)
// on the main thread. At start it is filled from the first screen's snapshot, computed at build
// time by the same loaders and SQL (first-screen.ts), so the map draws and filters before the
// engine has started; after a data change it reloads the affected tables from the engine.
import type { NamedQuery, QueryIndex } from './coordinator';
import type { SqlEngine } from './engine';
import type { LocalTable, LocalTables } from './local-table';

export interface LocalTableSource {
  /** Engine tables it is computed from. */
  reads: readonly string[];
  sql: string;
  /** Computes the table from the SQL's columns and the local tables it `uses`. */
  derive?: { uses: readonly string[]; run(columns: LocalTable, tables: LocalTables): LocalTable };
}

export class LocalIndex implements QueryIndex {
  private readonly tables: Record<string, LocalTable> = {};
  /** Tables being loaded: nothing answers from them until they are in. */
  private readonly loading = new Map<string, Promise<void>>();

  constructor(
    private readonly engine: SqlEngine,
    private readonly sources: Readonly<Record<string, LocalTableSource>>,
    initial: Readonly<Record<string, LocalTable>> = {},
  ) {
    Object.assign(this.tables, initial);
  }

  answerNow<Row>(q: NamedQuery<Row>): Row[] | undefined {
    if (!q.local || !q.local.tables.every((t) => this.tables[t] && !this.loading.has(t))) return undefined;
    return q.local.run(this.tables);
  }

  answer<Row>(q: NamedQuery<Row>): Promise<Row[]> | null {
    const local = q.local;
    if (!local) return null;
    return Promise.all(local.tables.map((t) => this.ready(t))).then(() => local.run(this.tables as LocalTables));
  }

  setTables(tables: Readonly<Record<string, LocalTable>>): void {
    for (const [name, table] of Object.entries(tables)) {
      this.tables[name] = table;
      this.loading.delete(name); // a load still running would bring older data
    }
  }

  dataChanged(changed: ReadonlySet<string>, given: Readonly<Record<string, LocalTable>> = {}): Promise<void> {
    const stale = Object.keys(this.tables).filter((t) => this.sources[t]?.reads.some((r) => changed.has(r)));
    // Tables that are not derived first: a derived one then waits for the new copies it uses.
    stale.sort((a, b) => Number(!!this.sources[a].derive) - Number(!!this.sources[b].derive));
    return Promise.all(stale.map((t) => this.load(t, given[t]))).then(() => undefined);
  }

  /** Every table of the sources, loaded (the build's first screen, the tests). */
  async all(): Promise<LocalTables> {
    await Promise.all(Object.keys(this.sources).map((t) => this.ready(t)));
    return this.tables;
  }

  /** Resolves when the table is in (loading it from the engine the first time it is asked for). */
  private async ready(name: string): Promise<void> {
    for (let pending = this.loading.get(name); pending; pending = this.loading.get(name)) await pending.catch(() => undefined);
    if (!this.tables[name]) await this.load(name);
  }

  /** Loads the table from its SQL's columns: `given`, or asked of the engine. */
  private load(name: string, given?: LocalTable): Promise<void> {
    const source = this.sources[name];
    if (!source) return Promise.reject(new Error(`no local table "${name}"`));
    // A newer load supersedes one still running: only the last one's result is kept. The SQL is
    // sent at once, so it runs before any engine work the caller queues after reporting a change.
    const columns = given ? Promise.resolve(given) : this.engine.columns(source.sql);
    const derive = source.derive;
    const table = derive
      ? Promise.all([columns, ...derive.uses.map((t) => this.ready(t))]).then(([c]) => derive.run(c, this.tables))
      : columns;
    const loading: Promise<void> = table.then(
      (table) => {
        if (this.loading.get(name) !== loading) return;
        this.tables[name] = table;
        this.loading.delete(name);
      },
      (e: unknown) => {
        if (this.loading.get(name) === loading) {
          this.loading.delete(name);
          delete this.tables[name];
        }
        throw e;
      },
    );
    this.loading.set(name, loading);
    return loading;
  }
}
