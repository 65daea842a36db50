// The first screen without the engine: the local index's tables (local-tables.ts) and the embedded
// datasets' descriptions, computed at build time by the same loaders and SQL the engine runs in the
// browser (vite.config.ts writes them to dist as a JSON asset and preloads it from index.html). The
// map draws and filters from them while DuckDB-wasm starts; the engine takes over for uploads and
// every query without a local form.
import type { SqlEngine } from './engine';
import type { LoadedDataset } from './datasets';
import { LOCAL_TABLES } from './local-tables';
import { LocalIndex } from './local-index';
import { packTable, unpackTable, type LocalTable, type PackedTable } from './local-table';

export interface FirstScreen {
  /** The embedded datasets as the engine will have loaded them. */
  datasets: LoadedDataset[];
  tables: Record<string, PackedTable>;
}

/** From an engine that has loaded the embedded datasets (embedded.ts). */
export async function buildFirstScreen(db: SqlEngine, datasets: LoadedDataset[]): Promise<FirstScreen> {
  const all = await new LocalIndex(db, LOCAL_TABLES).all();
  return { datasets, tables: Object.fromEntries(Object.entries(all).map(([name, t]) => [name, packTable(t)])) };
}

export function firstScreenTables(fs: FirstScreen): Record<string, LocalTable> {
  return Object.fromEntries(Object.entries(fs.tables).map(([name, t]) => [name, unpackTable(t)]));
}

/** Marks the preload link of the first screen's file in index.html (see vite.config.ts). */
export const FIRST_SCREEN_LINK = 'link[data-first-screen]';

/** The build's first screen, or null when the page has none (the dev server) or it cannot be read. */
export async function fetchFirstScreen(): Promise<FirstScreen | null> {
  const href = document.querySelector<HTMLLinkElement>(FIRST_SCREEN_LINK)?.href;
  if (!href) return null;
  try {
    const r = await fetch(href);
    return r.ok ? ((await r.json()) as FirstScreen) : null;
  } catch {
    return null; // the engine draws the first screen instead
  }
}
