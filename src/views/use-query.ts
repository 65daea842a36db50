import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import type { NamedQuery } from '../data/coordinator';
import { useAtlas } from './atlas-context';

/** `pending`: the rows shown belong to an earlier query (or none yet); the current one is running. */
export type QueryState<Row> = { rows: Row[] | undefined; error: Error | undefined; pending: boolean };

/**
 * A view declares its query; the coordinator runs (or reuses) it. The view asks again only when a
 * table its query reads has changed: a candidate edit re-runs the pipeline views, not the map's.
 */
export function useQuery<Row>(query: NamedQuery<Row> | null): QueryState<Row> {
  const { coordinator } = useAtlas();
  const reads = query?.reads.join('\n') ?? '';
  const version = useSyncExternalStore(
    useCallback((l: () => void) => coordinator.subscribe(l), [coordinator]),
    () => coordinator.version(reads ? reads.split('\n') : []),
  );
  const key = query ? JSON.stringify([query.sql, query.params ?? []]) : '';
  const [state, setState] = useState<Omit<QueryState<Row>, 'pending'> & { key: string; version: number }>({
    rows: undefined,
    error: undefined,
    key: '',
    version: -1,
  });
  useEffect(() => {
    if (!query) return;
    let live = true;
    coordinator.query(query).then(
      (rows) => live && setState({ rows, error: undefined, key, version }),
      (error: Error) => live && setState({ rows: undefined, error, key, version }),
    );
    return () => {
      live = false;
    };
    // The key stands for the query's content.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [coordinator, key, version]);
  // Keep showing the previous rows until the new ones arrive (no flash of empty tables).
  const current = state.key === key && state.version === version;
  return { rows: state.rows, error: state.key === key ? state.error : undefined, pending: !!query && !current };
}
