// One coordinator runs every view's queries and caches the results (after Mosaic's coordinator):
// views declare the query they need and the tables it reads; charts never fetch. When data change,
// the coordinator rebuilds the summary tables computed from them (summaries.ts) before any query
// reads them, evicts only the queries that read a changed table, and tells only their views.
// The cache is bounded: the least recently used results go first. While no view waits, it asks
// the engine ahead for the questions a view says are likely next (prefetch), as Mosaic's does.
import type { SqlEngine } from '../engine/engine';
import { SUMMARIES, changedWith, refreshSummaries, type SummaryTable } from '../tables/summaries';

export interface NamedQuery<Row> {
  /** Stable name, for logs, tests and the first screen's snapshot. */
  name: string;
  /** Every table the SQL reads: a change to any of them makes the cached rows stale. */
  reads: readonly string[];
  sql: string;
  params?: unknown[];
  /** The structured inputs the SQL was built from (for logs and tests). */
  args?: unknown;
  /** Phantom field carrying the row type. */
  readonly __row?: Row;
}

export function namedQuery<Row>(name: string, reads: readonly string[], sql: string, params?: unknown[], args?: unknown): NamedQuery<Row> {
  return { name, reads, sql, params, args };
}

/**
 * How long the views stay quiet after their last answer before anything is asked ahead: a view
 * draws its answers and may then ask a follow-up (a source's date, an area's detail). Asked at once,
 * a prefetch made that follow-up wait (after the national upload, views done ~50 ms later).
 */
const QUIET_MS_DEFAULT = 100;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The cache key: what the query asks, whatever object it arrives in. */
export const queryKey = (q: NamedQuery<unknown>): string => JSON.stringify([q.sql, q.params ?? []]);

/** A prefetch list under way: `done` is true once every query on it has its answer cached, false if stopped. */
export interface Prefetch {
  done: Promise<boolean>;
  stop: () => void;
}

/** A result known before the engine is asked (the first screen's snapshot, computed at build time). */
export interface KnownResult {
  key: string;
  reads: readonly string[];
  rows: unknown[];
}

interface Entry {
  reads: readonly string[];
  rows: Promise<unknown[]>;
  /** The rows, once known. */
  value?: unknown[];
}

export interface CoordinatorOptions {
  /** Cached results kept at most (default 512: room for the map's answers for every state, twice). */
  capacity?: number;
  /** The summary tables to rebuild when their inputs change (default: the app's, summaries.ts). */
  summaries?: readonly SummaryTable[];
  /** Results to serve before the engine is asked (the first screen's snapshot). */
  known?: readonly KnownResult[];
  /** How long the views stay quiet after their last answer before anything is asked ahead (default 100 ms). */
  quietMs?: number;
}

export class Coordinator {
  /** Map order is recency: the first entry is the least recently used. */
  private cache = new Map<string, Entry>();
  private versions = new Map<string, number>();
  private listeners = new Set<(changed: ReadonlySet<string>) => void>();
  private readonly capacity: number;
  private readonly quietMs: number;
  private readonly summaries: readonly SummaryTable[];
  /** Data changes are applied one after another, in the order they were reported. */
  private changes: Promise<void> = Promise.resolve();
  /** Queries sent in the current task (see together). */
  private burst: Promise<unknown>[] | null = null;
  /** Tables being rebuilt: queries that read them wait, so no half-rebuilt set of summaries is read. */
  private rebuilding = new Map<string, Promise<unknown>>();
  /** Views' queries the engine is answering now, and other work they wait for (busyWith, a data change): prefetches wait until there are none. */
  private waiting = 0;
  /** When the last of them was answered (performance.now()). */
  private lastAnswerAt = -Infinity;
  private whenNoneWaiting: (() => void)[] = [];
  /** Counts prefetch lists: a newer list stops the older one. */
  private prefetchRun = 0;
  private background: Promise<void> = Promise.resolve();
  /** Grows with every data change the views hear of. */
  dataVersion = 0;
  /** Off: `prefetch` asks nothing (the benchmark turns it off to measure a first ask). */
  prefetching = true;
  /** Queries run by the engine for views, and ahead of them; cache hits and evictions: for tests and the benchmark. */
  readonly stats = { run: 0, prefetched: 0, hits: 0, evicted: 0 };

  constructor(
    readonly engine: SqlEngine,
    options: CoordinatorOptions = {},
  ) {
    this.capacity = Math.max(1, options.capacity ?? 512);
    this.quietMs = options.quietMs ?? QUIET_MS_DEFAULT;
    this.summaries = options.summaries ?? SUMMARIES;
    for (const k of options.known ?? []) this.store(k.key, { reads: k.reads, rows: Promise.resolve(k.rows), value: k.rows });
  }

  /** The rows now, without waiting: a cached result; else undefined. */
  peek<Row>(q: NamedQuery<Row>): Row[] | undefined {
    const key = queryKey(q);
    const hit = this.cache.get(key);
    if (!hit?.value) return undefined;
    this.touch(key, hit);
    return hit.value as Row[];
  }

  query<Row>(q: NamedQuery<Row>): Promise<Row[]> {
    const key = queryKey(q);
    const hit = this.cache.get(key);
    if (hit) {
      this.touch(key, hit);
      return hit.rows as Promise<Row[]>;
    }
    this.stats.run++;
    this.waiting++;
    const asked = this.fromEngine(q);
    void asked.catch(() => undefined).then(() => this.answered());
    const rows = this.together(asked);
    void this.remember(key, q.reads, rows);
    return rows;
  }

  /** Caches rows on their way (a view's question and a prefetch alike); resolves once they are in. */
  private remember(key: string, reads: readonly string[], rows: Promise<unknown[]>): Promise<unknown> {
    const entry: Entry = { reads, rows };
    this.store(key, entry);
    return rows.then(
      (value) => (entry.value = value),
      // A failed query is not cached: the next view that asks tries again.
      () => this.cache.get(key) === entry && this.cache.delete(key),
    );
  }

  /**
   * Engine work that is not a view's query (a file being read and swapped in): prefetches wait for
   * it as for a view's question, so they do not slow the upload down.
   */
  async busyWith<T>(work: () => Promise<T>): Promise<T> {
    this.waiting++;
    try {
      return await work();
    } finally {
      this.answered();
    }
  }

  private answered(): void {
    this.lastAnswerAt = performance.now();
    if (--this.waiting > 0) return;
    const waiters = this.whenNoneWaiting;
    this.whenNoneWaiting = [];
    waiters.forEach((w) => w());
  }

  /**
   * After the current task (the views' queries of a change are sent in it), once none is answered
   * and the views have been quiet for `quietMs` since their last answer.
   */
  private async noViewWaiting(): Promise<void> {
    for (;;) {
      await sleep(0);
      if (this.waiting > 0) {
        await new Promise<void>((resolve) => this.whenNoneWaiting.push(resolve));
        continue;
      }
      const rest = this.quietMs - (performance.now() - this.lastAnswerAt);
      if (rest <= 0) return;
      await sleep(rest);
    }
  }

  /**
   * Asks the engine ahead for queries a view is likely to ask next (the map's, for each other
   * state), one at a time and only while no view waits for an answer nor has just had one: a view's
   * question waits at most for one of these. The list is made once the views have their answers
   * (off the path of the change that asked for it). Their rows are cached like a view's, and
   * evicted the same way when a table they read changes. A new list replaces the previous one;
   * `stop` ends this one.
   */
  prefetch(list: () => readonly NamedQuery<unknown>[]): Prefetch {
    const run = ++this.prefetchRun;
    const current = () => run === this.prefetchRun && this.prefetching;
    const done = (async () => {
      await this.noViewWaiting();
      if (!current()) return false;
      for (const q of list()) {
        const key = queryKey(q);
        if (this.cache.has(key)) continue;
        await this.noViewWaiting();
        if (!current()) return false;
        if (this.cache.has(key)) continue;
        this.stats.prefetched++;
        await this.remember(key, q.reads, this.fromEngine(q));
      }
      return current();
    })();
    this.background = done.then(() => undefined);
    return {
      done,
      stop: () => {
        if (run === this.prefetchRun) this.prefetchRun++;
      },
    };
  }

  /** Resolves once the latest prefetch list is done or stopped (for the benchmark and tests). */
  async prefetchDone(): Promise<void> {
    let last: Promise<void>;
    do {
      last = this.background;
      await last;
    } while (last !== this.background);
  }

  /**
   * The rows, once every query sent in the same task (the views' queries of one change) has its
   * rows too: the views then redraw once, together, instead of once per answer — the linked views
   * change in the same frame, and the engine's worker does not compete with three renders.
   */
  private together<Row>(rows: Promise<Row[]>): Promise<Row[]> {
    if (!this.burst) {
      const burst: Promise<unknown>[] = [];
      this.burst = burst;
      queueMicrotask(() => this.burst === burst && (this.burst = null));
    }
    const burst = this.burst;
    burst.push(rows);
    return rows.then(async (value) => {
      await Promise.allSettled(burst);
      return value;
    });
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
   * Call after tables were replaced or changed in the engine: rebuilds the summaries computed from
   * them, evicts the queries that read any of these tables, then tells their views (which redraw
   * once, with the new data). Resolves then, with every table that changed.
   */
  dataChanged(tables: readonly string[]): Promise<ReadonlySet<string>> {
    const changed = new Set(changedWith(tables, this.summaries));
    this.evict(changed);
    // Work the views wait for: nothing is asked ahead until they have asked their new questions.
    this.waiting++;
    const rebuilt = refreshSummaries(this.engine, tables, this.summaries);
    const waited = rebuilt.catch(() => undefined);
    for (const t of changed) this.rebuilding.set(t, waited);
    void waited.then(() => changed.forEach((t) => this.rebuilding.get(t) === waited && this.rebuilding.delete(t)));
    // The views hear of the change even if a rebuild failed: their queries then say so.
    const change = this.changes
      .then(() => rebuilt)
      .finally(() => {
        try {
          this.bump(changed);
        } finally {
          this.answered(); // even if a listener threw: asking ahead must not stop for good
        }
      });
    this.changes = change.then(
      () => undefined,
      (e: unknown) => console.error('A data change could not be applied (summary tables rebuilt, views told)', e),
    );
    return change.then(() => changed);
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
    this.dataVersion++;
    for (const t of changed) this.versions.set(t, (this.versions.get(t) ?? 0) + 1);
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
