// The first screen before the engine is up: the results of the default view's queries, computed at
// build time by the same loaders and SQL on DuckDB-wasm under Node (tools/first-screen.ts), as
// static-site generators' data loaders do. vite.config.ts writes them to dist as a JSON asset and
// preloads it from index.html; the coordinator serves them as cached results (they read the
// embedded data, which the engine then loads: a later change evicts them like any other result).
// Anything else waits for the engine.
import { queryKey, type KnownResult, type NamedQuery } from './coordinator';
import type { SqlEngine } from '../engine/engine';
import type { LoadedDataset } from '../loaders/dataset';

export interface Snapshot {
  /** The embedded datasets as the engine will have loaded them. */
  datasets: LoadedDataset[];
  results: KnownResult[];
}

/** Runs the queries on an engine that holds the embedded datasets (embedded.ts). */
export async function takeSnapshot(db: SqlEngine, datasets: LoadedDataset[], queries: readonly NamedQuery<unknown>[]): Promise<Snapshot> {
  const results: KnownResult[] = [];
  for (const q of queries) results.push({ key: queryKey(q), reads: q.reads, rows: await db.query(q.sql, q.params) });
  return { datasets, results };
}

// Dates (DuckDB's DATE columns) survive the trip through JSON as {"$date": epoch ms}.
const DATE = '$date';

export function snapshotJson(s: Snapshot): string {
  return JSON.stringify(s, function (this: Record<string, unknown>, key, value: unknown) {
    const raw = this[key];
    return raw instanceof Date ? { [DATE]: raw.getTime() } : value;
  });
}

export function parseSnapshot(json: string): Snapshot {
  return JSON.parse(json, (_key, value: unknown) =>
    value !== null && typeof value === 'object' && DATE in value ? new Date((value as Record<string, number>)[DATE]) : value,
  ) as Snapshot;
}

/** Marks the preload link of the snapshot's file in index.html (see vite.config.ts). */
export const SNAPSHOT_LINK = 'link[data-first-screen]';

/** The build's snapshot, or null when the page has none (the dev server) or it cannot be read. */
export async function fetchSnapshot(): Promise<Snapshot | null> {
  const href = document.querySelector<HTMLLinkElement>(SNAPSHOT_LINK)?.href;
  if (!href) return null;
  try {
    const r = await fetch(href);
    return r.ok ? parseSnapshot(await r.text()) : null;
  } catch {
    return null; // the engine draws the first screen instead
  }
}
