// One candidate has its own address, #pipeline/<id>, so it can be bookmarked, shared and reached
// with the browser's back button; the Pipeline screen shows that candidate's detail.
import { useSyncExternalStore } from 'react';

const PREFIX = '#pipeline/';

export const candidateHref = (id: string): string => `${PREFIX}${encodeURIComponent(id)}`;
export const LIST_HREF = '#pipeline';

function chosen(): string | null {
  if (!location.hash.startsWith(PREFIX)) return null;
  try {
    return decodeURIComponent(location.hash.slice(PREFIX.length));
  } catch {
    return null; // a mangled address shows the list
  }
}

const subscribe = (onChange: () => void) => {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
};

/** The candidate the address names, or null. */
export const useChosenCandidate = (): string | null => useSyncExternalStore(subscribe, chosen);

/** Opens a candidate's detail (a new history entry, so back returns to the list). */
export function showCandidate(id: string | null): void {
  location.hash = id === null ? LIST_HREF : candidateHref(id);
}
