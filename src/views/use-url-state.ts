import { useCallback, useEffect, useRef, useState } from 'react';

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
  // The address is written after the frame that shows the change: history.replaceState takes
  // several milliseconds in Chromium, which a filter change should not wait for. Changes made
  // before it is written are written once, as the last of them.
  const unwritten = useRef<{ value: T } | null>(null);
  const update = useCallback(
    (v: T) => {
      setValue(v);
      const scheduled = unwritten.current !== null;
      unwritten.current = { value: v };
      if (scheduled) return;
      requestAnimationFrame(() =>
        setTimeout(() => {
          const last = unwritten.current;
          unwritten.current = null;
          if (last) writeUrl(write(last.value), owns);
        }),
      );
    },
    [write, owns],
  );
  return [value, update];
}

/** Replaces the `owns` parameters of the address with `params`, keeping the others and the hash. */
function writeUrl(params: URLSearchParams, owns: readonly string[]): void {
  const next = new URLSearchParams(location.search);
  for (const k of owns) next.delete(k);
  for (const [k, value] of params) next.set(k, value);
  const qs = next.toString();
  history.replaceState(null, '', `${qs ? `?${qs}` : location.pathname}${location.hash}`);
}
