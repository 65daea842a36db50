// One coordinator runs every view's queries and caches the results (after Mosaic's coordinator):
// views declare the query they need and the tables it reads; charts never fetch. When data change,
// only the queries that read a changed table are evicted, and only the views showing them ask again.
// The cache is bounded: the least recently used results go first.
//
// A QueryIndex answers before the engine is asked: the local index (local-index.ts) holds the map's
// tables as columns in JavaScript and answers the queries that carry a local form at once, so a
// filter change redraws every linked view in one render.
import type { SqlEngine } from './engine';
import type { LocalTable, LocalTables } from './local-table';

/** A query's local form: the same rows as its SQL, computed from local tables (tested against the SQL). */
export interface LocalQuery<Row> {
  /** Local tables it reads (names in local-tables.ts). */
  tables: readonly string[];
  run(t: LocalTables): Row[];
}

export interface NamedQuery<Row> {
  /** Stable name, for logs, tests and indexes. */
  name: string;
  /** Every table the SQL reads: a change to any of them makes the cached rows stale. */
  reads: readonly string[];
  sql: string;
  params?: unknown[];
  /** The structured inputs the SQL was built from (for a QueryIndex). */
  args?: unknown;
  local?: LocalQuery<Row>;
  /** Phantom field carrying the row type. */
  readonly __row?: Row;
}

export function namedQuery<Row>(
  name: string,
  reads: readonly string[],
  sql: string,
  params?: unknown[],
  args?: unknown,
  local?: LocalQuery<Row>,
): NamedQuery<Row> {
  return { name, reads, sql, params, args, local };
}

/** The cache key: what the query asks, whatever object it arrives in. */
export const queryKey = (q: NamedQuery<unknown>): string => JSON.stringify([q.sql, q.params ?? []]);

/** Answers some queries without the engine (or faster). */
export interface QueryIndex {
  /** The rows at once, or undefined: not this query, or not yet. */
  answerNow<Row>(query: NamedQuery<Row>): Row[] | undefined;
  /** The rows when the index can answer (perhaps after loading its data); null: not this query. */
  answer<Row>(query: NamedQuery<Row>): Promise<Row[]> | null;
  /**
   * The index's data for these tables is stale from now on: resolves when it has caught up with the
   * engine. `sources`: the source columns of some of its tables, already in hand (not asked of the engine).
   */
  dataChanged(tables: ReadonlySet<string>, sources?: Readonly<Record<string, LocalTable>>): Promise<void>;
  /** Local tables computed in JavaScript (e.g. from the workspace), ahead of the engine. */
  setTables(tables: Readonly<Record<string, LocalTable>>): void;
}

/** What a cached result depends on: the engine tables its SQL reads and the local tables its local form reads. */
const dependsOn = (q: NamedQuery<unknown>): readonly string[] => [...q.reads, ...(q.local?.tables ?? [])];

interface Entry {
  /** Engine and local tables (see dependsOn). */
  reads: readonly string[];
  rows: Promise<unknown[]>;
  /** The rows, once known (at once for a local answer). */
  value?: unknown[];
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
  /** Data changes are applied one after another, in the order they were reported. */
  private changes: Promise<void> = Promise.resolve();
  /** Engine tables still being rebuilt after a change: queries the engine answers wait for them. */
  private rebuilding = new Map<string, Promise<unknown>>();
  /** Queries answered (by the index or the engine), cache hits and evictions: for tests and the benchmark. */
  readonly stats = { run: 0, local: 0, hits: 0, evicted: 0 };

  constructor(
    readonly engine: SqlEngine,
    options: CoordinatorOptions = {},
  ) {
    this.capacity = Math.max(1, options.capacity ?? 256);
    this.index = options.index;
  }

  /** The rows now, without waiting: a cached result or the index's immediate answer; else undefined. */
  peek<Row>(q: NamedQuery<Row>): Row[] | undefined {
    const key = queryKey(q);
    const hit = this.cache.get(key);
    if (hit?.value) {
      this.touch(key, hit);
      return hit.value as Row[];
    }
    if (hit) return undefined;
    const rows = this.index?.answerNow(q);
    if (!rows) return undefined;
    this.stats.run++;
    this.stats.local++;
    this.store(key, { reads: dependsOn(q), rows: Promise.resolve(rows), value: rows });
    return rows;
  }

  query<Row>(q: NamedQuery<Row>): Promise<Row[]> {
    const now = this.peek(q);
    if (now) return Promise.resolve(now);
    const key = queryKey(q);
    const hit = this.cache.get(key);
    if (hit) {
      this.touch(key, hit);
      return hit.rows as Promise<Row[]>;
    }
    this.stats.run++;
    const rows = this.index?.answer(q) ?? this.fromEngine(q);
    const entry: Entry = { reads: dependsOn(q), rows };
    rows.then(
      (value) => (entry.value = value),
      // A failed query is not cached: the next view that asks tries again.
      () => this.cache.get(key) === entry && this.cache.delete(key),
    );
    this.store(key, entry);
    return rows;
  }

  /** The engine's rows, once the tables the SQL reads are rebuilt (so no old copy is read). */
  private fromEngine<Row>(q: NamedQuery<Row>): Promise<Row[]> {
    const pending = q.reads.flatMap((t) => this.rebuilding.get(t) ?? []);
    if (!pending.length) return this.engine.query<Row>(q.sql, q.params);
    return Promise.all(pending).then(() => this.engine.query<Row>(q.sql, q.params));
  }

  private touch(key: string, entry: Entry): void {
    this.stats.hits++;
    this.cache.delete(key); // move to the most recent end
    this.cache.set(key, entry);
  }

  private store(key: string, entry: Entry): void {
    this.cache.set(key, entry);
    for (const oldest of this.cache.keys()) {
      if (this.cache.size <= this.capacity) break;
      this.cache.delete(oldest);
      this.stats.evicted++;
    }
  }

  /**
   * Call after tables were replaced or changed: evicts the queries that read them at once, lets the
   * index catch up, then tells their views (so they redraw once, with the new data). Resolves then.
   * `rebuild` (started once the index has asked the engine for its copies) rebuilds engine tables
   * derived from the changed ones: the views need not wait for it, but the queries the engine answers
   * from these tables do. `sources`: local tables' source columns already read (readUserFile).
   */
  dataChanged(tables: readonly string[], rebuild?: () => Promise<void>, sources?: Readonly<Record<string, LocalTable>>): Promise<void> {
    const changed = new Set(tables);
    this.evict(changed);
    // The index marks its copies stale now (so nothing answers from them) and reloads them.
    const caughtUp = (this.index?.dataChanged(changed, sources) ?? Promise.resolve()).catch((e: unknown) =>
      console.error('The local tables could not be reloaded', e),
    );
    if (rebuild) {
      const rebuilt = rebuild().catch((e: unknown) => console.error('The tables derived from the changed data could not be rebuilt', e));
      for (const t of changed) this.rebuilding.set(t, rebuilt);
      void rebuilt.then(() => changed.forEach((t) => this.rebuilding.get(t) === rebuilt && this.rebuilding.delete(t)));
    }
    this.changes = Promise.all([this.changes, caughtUp]).then(() => this.bump(changed));
    return this.changes;
  }

  /**
   * Local tables computed in JavaScript ahead of the engine (the pipeline counted from the workspace's
   * candidates): the queries reading them are answered from them at once. The engine's own tables
   * are reported with dataChanged once the engine has them too.
   */
  localChanged(tables: Readonly<Record<string, LocalTable>>): void {
    if (!this.index) return;
    this.index.setTables(tables);
    const changed = new Set(Object.keys(tables));
    this.evict(changed);
    this.changes = this.changes.then(() => this.bump(changed));
  }

  private evict(changed: ReadonlySet<string>): void {
    for (const [key, entry] of this.cache) {
      if (entry.reads.some((t) => changed.has(t))) {
        this.cache.delete(key);
        this.stats.evicted++;
      }
    }
  }

  private bump(changed: ReadonlySet<string>): void {
    for (const t of changed) this.versions.set(t, (this.versions.get(t) ?? 0) + 1);
    for (const l of this.listeners) l(changed);
  }

  /** Changes whenever one of these tables (engine or local) changes, and only then (versions only grow). */
  version(tables: readonly string[]): number {
    return tables.reduce((sum, t) => sum + (this.versions.get(t) ?? 0), 0);
  }

  subscribe(listener: (changed: ReadonlySet<string>) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
