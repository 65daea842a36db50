// One coordinator runs every view's SQL on the engine and caches the results (after Mosaic's
// coordinator): views declare the query they need; charts never fetch. When data changes (a user's
// file replaces a table), the cache is cleared and subscribed views ask again.
import type { SqlEngine } from './engine';

export interface NamedQuery<Row> {
  /** Stable name, for logs and tests. */
  name: string;
  sql: string;
  params?: unknown[];
  /** Phantom field carrying the row type. */
  readonly __row?: Row;
}

export function namedQuery<Row>(name: string, sql: string, params?: unknown[]): NamedQuery<Row> {
  return { name, sql, params };
}

export class Coordinator {
  private cache = new Map<string, Promise<unknown[]>>();
  private listeners = new Set<() => void>();
  /** Increases whenever loaded data changes; views re-query when it does. */
  dataVersion = 0;
  queriesRun = 0;

  constructor(readonly engine: SqlEngine) {}

  query<Row>(q: NamedQuery<Row>): Promise<Row[]> {
    const key = JSON.stringify([q.sql, q.params ?? []]);
    let hit = this.cache.get(key);
    if (!hit) {
      this.queriesRun++;
      hit = this.engine.query<Row>(q.sql, q.params);
      // A failed query is not cached: the next view that asks tries again.
      hit.catch(() => this.cache.delete(key));
      this.cache.set(key, hit);
    }
    return hit as Promise<Row[]>;
  }

  /** Call after any change to loaded tables. */
  dataChanged(): void {
    this.cache.clear();
    this.dataVersion++;
    for (const l of this.listeners) l();
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
