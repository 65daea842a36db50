// One coordinator runs every view's SQL on the engine and caches the results (after Mosaic's
// coordinator): views declare the query they need and the tables it reads; charts never fetch.
// When data change, only the queries that read a changed table are evicted, and only the views
// showing them ask again. The cache is bounded: the least recently used results go first.
//
// Room for incremental filtering: a QueryIndex (pre-aggregates, columnar filters) can answer a query
// before the engine is asked; `args` carries the structured inputs (e.g. the MapView) a query was
// built from, so an index can recognise it without reading SQL.
import type { SqlEngine } from './engine';

export interface NamedQuery<Row> {
  /** Stable name, for logs, tests and indexes. */
  name: string;
  /** Every table the SQL reads: a change to any of them makes the cached rows stale. */
  reads: readonly string[];
  sql: string;
  params?: unknown[];
  /** The structured inputs the SQL was built from (for a QueryIndex). */
  args?: unknown;
  /** Phantom field carrying the row type. */
  readonly __row?: Row;
}

export function namedQuery<Row>(name: string, reads: readonly string[], sql: string, params?: unknown[], args?: unknown): NamedQuery<Row> {
  return { name, reads, sql, params, args };
}

/** Answers some queries without the engine (or faster); null: not this one. */
export interface QueryIndex {
  answer<Row>(query: NamedQuery<Row>): Promise<Row[]> | null;
  /** The index's own data are stale for these tables. */
  dataChanged?(tables: ReadonlySet<string>): void;
}

interface Entry {
  reads: readonly string[];
  rows: Promise<unknown[]>;
}

export interface CoordinatorOptions {
  /** Cached results kept at most (default 256). */
  capacity?: number;
  index?: QueryIndex;
}

export class Coordinator {
  /** Map order is recency: the first entry is the least recently used. */
  private cache = new Map<string, Entry>();
  private versions = new Map<string, number>();
  private listeners = new Set<(changed: ReadonlySet<string>) => void>();
  private readonly capacity: number;
  private readonly index: QueryIndex | undefined;
  /** Queries sent to the engine (or the index), cache hits and evictions: for tests and the benchmark. */
  readonly stats = { run: 0, hits: 0, evicted: 0 };

  constructor(
    readonly engine: SqlEngine,
    options: CoordinatorOptions = {},
  ) {
    this.capacity = Math.max(1, options.capacity ?? 256);
    this.index = options.index;
  }

  query<Row>(q: NamedQuery<Row>): Promise<Row[]> {
    const key = JSON.stringify([q.sql, q.params ?? []]);
    const hit = this.cache.get(key);
    if (hit) {
      this.stats.hits++;
      this.cache.delete(key); // move to the most recent end
      this.cache.set(key, hit);
      return hit.rows as Promise<Row[]>;
    }
    this.stats.run++;
    const rows = this.index?.answer(q) ?? this.engine.query<Row>(q.sql, q.params);
    const entry: Entry = { reads: q.reads, rows };
    // A failed query is not cached: the next view that asks tries again.
    rows.catch(() => this.cache.get(key) === entry && this.cache.delete(key));
    this.cache.set(key, entry);
    for (const oldest of this.cache.keys()) {
      if (this.cache.size <= this.capacity) break;
      this.cache.delete(oldest);
      this.stats.evicted++;
    }
    return rows;
  }

  /** Call after tables were replaced or changed: evicts the queries that read them and tells their views. */
  dataChanged(tables: readonly string[]): void {
    const changed = new Set(tables);
    for (const t of changed) this.versions.set(t, (this.versions.get(t) ?? 0) + 1);
    for (const [key, entry] of this.cache) {
      if (entry.reads.some((t) => changed.has(t))) {
        this.cache.delete(key);
        this.stats.evicted++;
      }
    }
    this.index?.dataChanged?.(changed);
    for (const l of this.listeners) l(changed);
  }

  /** Changes whenever one of these tables changes, and only then (versions only grow). */
  version(tables: readonly string[]): number {
    return tables.reduce((sum, t) => sum + (this.versions.get(t) ?? 0), 0);
  }

  subscribe(listener: (changed: ReadonlySet<string>) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
