import { useCallback, useEffect, useState } from 'react';

/** State kept in the page's query string, so a link (or a reload) reopens the same view. */
export function useUrlState<T>(read: (p: URLSearchParams) => T, write: (v: T) => URLSearchParams): [T, (v: T) => void] {
  const [value, setValue] = useState(() => read(new URLSearchParams(location.search)));
  useEffect(() => {
    const onPop = () => setValue(read(new URLSearchParams(location.search)));
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, [read]);
  const update = useCallback(
    (v: T) => {
      setValue(v);
      const qs = write(v).toString();
      history.replaceState(null, '', `${qs ? `?${qs}` : location.pathname}${location.hash}`);
    },
    [write],
  );
  return [value, update];
}
