import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { queryKey, type NamedQuery } from '../data/cache/coordinator';
import { useAtlas } from './atlas-context';

/**
 * `pending`: the rows shown belong to an earlier query (or none yet); the current one is running.
 * `shown`: a token of what the rows are (query and data version), for `data-data-version`: it
 * changes exactly when a view shows different figures.
 */
export type QueryState<Row> = { rows: Row[] | undefined; error: Error | undefined; pending: boolean; shown: string };

/** A short hash of a query's key, for the `shown` token. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(36);
}

/**
 * A view declares its query; the coordinator runs (or reuses) it. A cached result (or one of the
 * first screen's, computed at build time) is answered during the render. The view asks again only
 * when a table its query reads has changed: a candidate edit re-runs the pipeline views, not the map's.
 * `hold`: the query is made from rows still on their way; it is not asked (a cached answer is still
 * shown) and stays pending until they come, and the query made from them is asked instead.
 */
export function useQuery<Row>(query: NamedQuery<Row> | null, { hold = false }: { hold?: boolean } = {}): QueryState<Row> {
  const { coordinator } = useAtlas();
  const reads = query ? query.reads.join('\n') : '';
  const version = useSyncExternalStore(
    useCallback((l: () => void) => coordinator.subscribe(l), [coordinator]),
    () => coordinator.version(reads ? reads.split('\n') : []),
  );
  const key = query ? queryKey(query) : '';
  const token = `${hash(key)}.${version}`;
  // The key stands for the query's content.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const now = useMemo(() => (query ? coordinator.peek(query) : undefined), [coordinator, key, version]);
  const [state, setState] = useState<Omit<QueryState<Row>, 'pending'>>({ rows: undefined, error: undefined, shown: '' });
  useEffect(() => {
    if (!query || now || hold) return;
    let live = true;
    coordinator.query(query).then(
      (rows) => live && setState({ rows, error: undefined, shown: token }),
      (error: Error) => live && setState({ rows: undefined, error, shown: token }),
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [coordinator, token, now, hold]);
  // Keep showing the last rows until the new ones arrive (no flash of empty tables).
  const last = useRef<{ rows: Row[] | undefined; shown: string }>({ rows: undefined, shown: '' });
  if (now) last.current = { rows: now, shown: token };
  else if (state.shown === token) last.current = { rows: state.rows, shown: token };
  const current = last.current.shown === token;
  return {
    rows: last.current.rows,
    error: current && !now ? state.error : undefined,
    pending: !!query && !current,
    shown: last.current.shown,
  };
}

/**
 * Declares the queries a view is likely to ask next (made by `list`, when the coordinator gets to
 * them): once the engine is up, the coordinator asks them in the background while no view waits
 * (Coordinator.prefetch), and again after a data change evicted answers. Stopped when the view
 * goes. Pass the same function (memoised) while it makes the same list. True once every answer
 * is cached (for `data-asked-ahead`).
 */
export function usePrefetch(list: (() => readonly NamedQuery<unknown>[]) | null): boolean {
  const { coordinator, engine } = useAtlas();
  const dataVersion = useSyncExternalStore(
    useCallback((l: () => void) => coordinator.subscribe(l), [coordinator]),
    () => coordinator.dataVersion,
  );
  const [done, setDone] = useState(false);
  useEffect(() => {
    setDone(false);
    if (!list || engine !== 'ready') return;
    const prefetch = coordinator.prefetch(list);
    void prefetch.done.then((all) => all && setDone(true));
    return prefetch.stop;
    // dataVersion: a data change evicted some of their answers.
  }, [coordinator, engine, list, dataVersion]);
  return done;
}
