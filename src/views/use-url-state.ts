import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * View choices are kept in the page's query string, so a link reopens the same view, and in
 * localStorage, so opening the app again (a bookmark, a new tab, a reload of the bare address)
 * brings back the last choice. A stored choice that cannot be read is ignored.
 */
const STORAGE_PREFIX = 'shortage-atlas:view:';

const storageKey = (owns: readonly string[]) => `${STORAGE_PREFIX}${owns[0]}`;

function stored(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null; // storage blocked (a private window's policy): the address alone keeps the view
  }
}

function store(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    // as above: the choice lasts as long as the address
  }
}

/** A screen's view parameters: the address's when it names any of them, else the last ones chosen. */
export function viewParams(owns: readonly string[]): URLSearchParams {
  const here = new URLSearchParams(location.search);
  if (owns.some((k) => here.has(k))) return here;
  const saved = stored(storageKey(owns));
  return saved === null ? here : new URLSearchParams(saved);
}

/**
 * State kept in the address and remembered across visits. `owns`: the parameters this screen
 * writes; the others (another screen's view) are kept as they are.
 */
export function useUrlState<T>(
  read: (p: URLSearchParams) => T,
  write: (v: T) => URLSearchParams,
  owns: readonly string[],
): [T, (v: T) => void] {
  const [value, setValue] = useState(() => read(viewParams(owns)));
  useEffect(() => {
    const onPop = () => setValue(read(viewParams(owns)));
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, [read, owns]);
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
          if (!last) return;
          const params = write(last.value);
          writeUrl(params, owns);
          store(storageKey(owns), params.toString());
        }),
      );
    },
    [write, owns],
  );
  return [value, update];
}

/** A choice remembered across visits (not in the address): one of `allowed`, else `fallback`. */
export function useStoredChoice<T extends string>(name: string, allowed: readonly T[], fallback: T): [T, (v: T) => void] {
  const key = `${STORAGE_PREFIX}${name}`;
  const [value, setValue] = useState<T>(() => {
    const saved = stored(key);
    return saved !== null && (allowed as readonly string[]).includes(saved) ? (saved as T) : fallback;
  });
  const update = useCallback(
    (v: T) => {
      setValue(v);
      store(key, v);
    },
    [key],
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
