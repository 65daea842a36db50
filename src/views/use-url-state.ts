import { useCallback, useEffect, useState } from 'react';

/**
 * State kept in the page's query string, so a link (or a reload) reopens the same view. `owns`: the
 * parameters this screen writes; the others (another screen's view) are kept as they are.
 */
export function useUrlState<T>(
  read: (p: URLSearchParams) => T,
  write: (v: T) => URLSearchParams,
  owns: readonly string[],
): [T, (v: T) => void] {
  const [value, setValue] = useState(() => read(new URLSearchParams(location.search)));
  useEffect(() => {
    const onPop = () => setValue(read(new URLSearchParams(location.search)));
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, [read]);
  const update = useCallback(
    (v: T) => {
      setValue(v);
      const params = new URLSearchParams(location.search);
      for (const k of owns) params.delete(k);
      for (const [k, value] of write(v)) params.set(k, value);
      const qs = params.toString();
      history.replaceState(null, '', `${qs ? `?${qs}` : location.pathname}${location.hash}`);
    },
    [write, owns],
  );
  return [value, update];
}
